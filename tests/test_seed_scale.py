"""`manage.py seed_scale`: towns full of shops, products and guides, made in bulk, working like any other."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.test import TestCase, override_settings
from wagtail.images.models import Image
from wagtail.models import Page, PageLogEntry, Revision, Site

from learning.models import GuidePage
from programme.models import CoachingSession, HelpRequest, Volunteer
from shops.models import Product, ShopIndexPage, ShopPage
from tests.factories import make_town
from towns.models import TownIdentity

SIZES = {
    "towns": 2,
    "shops": 6,
    "products": 30,
    "guides": 4,
    "volunteers": 4,
    "help_requests": 8,
    "sessions": 5,
    "images": 6,
}


def seed():
    call_command("seed_scale", stdout=StringIO(), **SIZES)


def snapshot():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "log_entries": PageLogEntry.objects.count(),
        "images": Image.objects.count(),
        "products": Product.objects.count(),
        "volunteers": Volunteer.objects.count(),
        "requests": HelpRequest.objects.count(),
        "sessions": CoachingSession.objects.count(),
        "sites": Site.objects.count(),
    }


@override_settings(PAGE_CACHE=False)
class SeedScaleTests(TestCase):
    """Seeded once for the class, next to a town that existed before; each test sees it fresh."""

    @classmethod
    def setUpTestData(cls):
        Site.objects.all().delete()
        Page.objects.filter(depth=2).delete()
        cls.bethune = make_town("Béthune", "localhost", default=True)
        seed()

    def test_builds_the_requested_territory(self):
        sites = {site.hostname: site for site in Site.objects.all()}
        assert set(sites) == {"localhost", "douai.localhost", "lens.localhost"}
        assert TownIdentity.for_site(sites["lens.localhost"]).town_name == "Lens"
        assert ShopPage.objects.live().count() == 6
        assert Product.objects.count() == 30
        assert GuidePage.objects.live().count() == 4
        assert Volunteer.objects.count() == 4
        assert HelpRequest.objects.count() == 8
        assert CoachingSession.objects.count() == 5
        for site in (sites["douai.localhost"], sites["lens.localhost"]):
            assert ShopPage.objects.descendant_of(site.root_page).count() == 3
            assert Volunteer.objects.filter(site=site).count() == 2

    def test_leaves_the_towns_that_were_there_alone(self):
        bethune = Site.objects.get(hostname="localhost")
        assert bethune.is_default_site
        assert bethune.root_page.get_descendants().count() == 0
        assert not Site.objects.filter(is_default_site=True).exclude(pk=bethune.pk).exists()

    def test_a_second_run_changes_nothing(self):
        before = snapshot()
        seed()
        assert snapshot() == before

    def test_every_town_serves_its_pages(self):
        for hostname in ("douai.localhost", "lens.localhost"):
            site = Site.objects.get(hostname=hostname)
            shop = ShopPage.objects.descendant_of(site.root_page).last()
            guide = GuidePage.objects.descendant_of(site.root_page).last()
            paths = [
                "/",
                "/commerces/",
                "/commerces/?vue=carte",
                shop.relative_url(site),
                "/se-former/",
                guide.relative_url(site),
                "/coup-de-pouce/",
                "/coup-de-pouce/nos-volontaires/",
            ]
            for path in paths:
                response = self.client.get(path, HTTP_HOST=hostname)
                assert response.status_code == 200, f"{hostname}{path}"
            assert shop.title in self.client.get("/commerces/", {"q": shop.title}, HTTP_HOST=hostname).text

    def test_each_towns_team_handles_its_shops_and_learning_records(self):
        site = Site.objects.get(hostname="douai.localhost")
        agent = get_user_model().objects.create_user("agent-douai")
        agent.groups.add(Group.objects.get(name="Équipe de la mairie — Douai"))
        self.client.force_login(agent)

        for path in [
            "/admin/shops/clickcollectrequest/",
            "/admin/learning/registration/",
            "/admin/programme/volunteer/",
        ]:
            assert self.client.get(path, HTTP_HOST="douai.localhost").status_code == 200, path
        directory = ShopIndexPage.objects.child_of(site.root_page).get()
        assert directory.get_workflow().name == "Relecture mairie — Douai"

    def test_seeded_products_are_found_by_product_search(self):
        product = Product.objects.filter(shop__url_path__startswith="/douai/").first()
        response = self.client.get("/commerces/produits/", {"q": product.name}, HTTP_HOST="douai.localhost")
        assert product.name in response.text

    def test_pages_made_in_bulk_are_edited_like_any_other(self):
        shop = ShopPage.objects.filter(products__isnull=False).distinct().first()
        products = sorted(shop.products.values_list("pk", flat=True))
        assert shop.live_revision_id == shop.latest_revision_id is not None
        assert Page.find_problems() == ([], [], [], [], [])

        admin = get_user_model().objects.create_superuser("admin-echelle", "admin@exemple.localhost", "x")
        self.client.force_login(admin)
        assert self.client.get(f"/admin/pages/{shop.pk}/edit/").status_code == 200
        assert self.client.get(f"/admin/pages/{shop.pk}/history/").status_code == 200

        shop.pitch = "Nouvelle accroche"
        shop.save_revision().publish()
        shop = ShopPage.objects.get(pk=shop.pk)
        assert shop.pitch == "Nouvelle accroche"
        assert sorted(shop.products.values_list("pk", flat=True)) == products


@pytest.mark.parametrize("option", [["--towns", "0"], ["--towns", "31"], ["--shops", "-1"]])
def test_impossible_sizes_are_refused(db, option):
    with pytest.raises(CommandError):
        call_command("seed_scale", *option, stdout=StringIO())

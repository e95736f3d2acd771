"""`manage.py load_demo`: two believable towns, and a second run changes nothing."""

from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.http import HttpRequest
from django.test import TestCase
from wagtail.images.models import Image
from wagtail.models import Page, PageLogEntry, Revision, Site

from home.models import HomePage, StandardPage
from learning.library import library_for_town
from towns.models import TownIdentity


def snapshot():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "log_entries": PageLogEntry.objects.count(),
        "images": Image.objects.count(),
        "users": get_user_model().objects.count(),
        "sites": Site.objects.count(),
    }


class DemoDataTests(TestCase):
    """The demo is loaded once for the class (it is slow); each test sees it fresh."""

    @classmethod
    def setUpTestData(cls):
        cls.output = StringIO()
        call_command("load_demo", port=8000, stdout=cls.output)

    def test_demo_builds_two_towns_with_their_own_home_page(self):
        sites = {site.hostname: site for site in Site.objects.all()}
        assert set(sites) == {"localhost", "beauvais.localhost"}
        assert sites["localhost"].is_default_site
        assert isinstance(sites["beauvais.localhost"].root_page.specific, HomePage)
        assert TownIdentity.for_site(sites["beauvais.localhost"]).town_name == "Beauvais"

    def test_each_town_has_a_dozen_pages_and_its_legal_pages(self):
        for site in Site.objects.all():
            assert site.root_page.get_descendants(inclusive=True).live().count() >= 9
            titles = {page.title for page in TownIdentity.for_site(site).legal_pages}
            assert titles == {
                "À propos",
                "Mentions légales",
                "Données personnelles",
                "Déclaration d'accessibilité",
            }

    def test_demo_images_are_real_pictures_with_titles(self):
        assert Image.objects.count() >= 8
        image = Image.objects.first()
        assert image.width > 100 and image.height > 100 and image.title

    def test_running_the_demo_twice_changes_nothing(self):
        before = snapshot()
        call_command("load_demo", port=8000, stdout=StringIO())
        assert snapshot() == before

    def test_demo_pages_render_for_visitors(self):
        for page in StandardPage.objects.live():
            site = page.get_site()
            path = page.url_path.replace(site.root_page.url_path, "/", 1)
            response = self.client.get(path, HTTP_HOST=site.hostname)
            assert response.status_code == 200, page.title

    def test_demo_prints_the_accounts_it_created(self):
        out = self.output.getvalue()
        assert "admin" in out and "mairie-bethune" in out and "mairie-beauvais" in out
        assert "proximite-demo" in out

    def test_town_staff_edit_their_own_town_only(self):
        # django-axes checks every sign-in against the request it comes from.
        assert self.client.login(request=HttpRequest(), username="mairie-beauvais", password="proximite-demo")
        own = Site.objects.get(hostname="beauvais.localhost").root_page
        other = Site.objects.get(hostname="localhost").root_page

        assert self.client.get(f"/admin/pages/{own.pk}/edit/").status_code == 200
        assert self.client.get(f"/admin/pages/{other.pk}/edit/").status_code in {302, 403}
        explorer = self.client.get("/admin/pages/").content.decode()
        assert "Béthune" not in explorer

    def test_the_admin_speaks_french(self):
        html = self.client.get("/admin/login/").content.decode()
        assert '<html lang="fr"' in html
        assert "<h1>Proximité : l’espace des commerçants et de la mairie</h1>" in html
        assert "S'identifier</em>" in html

    def test_both_towns_publish_the_library_guides_one_adapted_and_one_new_version_waiting(self):
        statuses = {}
        for site in Site.objects.all():
            statuses[site.hostname] = {item.guide.slug: item.status for item in library_for_town(site)}
        beauvais, bethune = statuses["beauvais.localhost"], statuses["localhost"]
        assert len(bethune) == len(beauvais) >= 10
        assert beauvais["creer-sa-fiche-etablissement"] == "adapted"
        assert bethune["creer-sa-fiche-etablissement"] == "up_to_date"
        assert bethune["mots-de-passe-solides"] == beauvais["mots-de-passe-solides"] == "new_version"

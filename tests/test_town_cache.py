"""Pages rendered behind the page cache reuse what the town kept, and never show anything stale.

What a change must clear is tested for both caches in test_page_cache_invalidation.py; here,
what is particular to the town cache: kept pieces make a page cost no query, previews and
forms never use them, and the directory's opening statuses follow the clock.
"""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.utils import timezone
from wagtail.models import Site

from core import town_cache
from tests.conftest import BEAUVAIS_HOST, BETHUNE_HOST
from tests.factories import (
    GuideIndexPageFactory,
    GuidePageFactory,
    ShopCategoryFactory,
    ShopIndexPageFactory,
    UserFactory,
    make_shop,
)
from towns.models import TownIdentity

pytestmark = pytest.mark.usefixtures("town_cache_on")

SHOP_URL = "/commerces/boulangerie-martin/"
GUIDE_URL = "/se-former/photographier-ses-produits/"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
def directory(towns):
    index = ShopIndexPageFactory(parent=towns["bethune"])
    category = ShopCategoryFactory(name="Boulangerie-pâtisserie", slug="boulangerie")
    make_shop(
        index,
        "Boulangerie Martin",
        slug="boulangerie-martin",
        category=category,
        products=["Baguette tradition"],
    )
    return index


@pytest.fixture
def guide(towns):
    index = GuideIndexPageFactory(parent=towns["bethune"])
    return GuidePageFactory(parent=index, slug="photographier-ses-produits")


def visit(url, host=BETHUNE_HOST, client=None):
    return (client or Client()).get(url, HTTP_HOST=host)


@pytest.mark.parametrize("url", ["/", "/commerces/", SHOP_URL, "/commerces/?categorie=&page=1"])
def test_a_page_seen_again_is_the_same_and_reads_nothing_from_the_database(
    directory, url, django_assert_num_queries
):
    first = visit(url)
    assert first.status_code == 200 and first["X-Town-Cache"] == "miss"
    with django_assert_num_queries(0):
        again = visit(url)
    assert again["X-Town-Cache"] == "hit"
    assert again.content == first.content


def test_every_kind_of_page_is_the_same_whether_rendered_afresh_or_from_what_was_kept(
    directory, guide, settings
):
    urls = [
        "/",
        "/commerces/",
        SHOP_URL,
        "/commerces/produits/?q=baguette",
        "/recherche/?q=boulangerie",
        GUIDE_URL,
        "/nulle-part/",
    ]

    def pages():
        return [TOKEN.sub("token", visit(url).content.decode()) for url in urls]

    settings.TOWN_CACHE = False
    afresh = pages()
    settings.TOWN_CACHE = True
    assert pages() == afresh  # pieces kept by each page, read by the next ones
    assert pages() == afresh  # every piece read from the town cache


def test_the_guide_page_is_kept_but_each_visitor_gets_their_own_form_token(guide):
    first_visitor, second_visitor = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first = visit(GUIDE_URL, client=first_visitor)
    second = visit(GUIDE_URL, client=second_visitor)
    assert second["X-Town-Cache"] == "hit"
    assert TOKEN.search(first.content.decode())[1] != TOKEN.search(second.content.decode())[1]
    assert "Photographier ses produits" in second.content.decode()


def test_a_piece_holding_a_form_token_is_never_kept(rf, settings):
    request = rf.get("/")
    request.town_versions = ("global", "town")
    renders = []

    def render():
        renders.append(1)
        return f'<input type="hidden" name="csrfmiddlewaretoken" value="token-{len(renders)}">'

    assert "token-1" in town_cache.rendered(request, "form", (), render)
    assert "token-2" in town_cache.rendered(request, "form", (), render)


def test_a_preview_shows_the_draft_and_leaves_visitors_with_the_published_page(directory):
    assert "Baguette tradition" in visit(SHOP_URL).content.decode()
    shop = directory.get_children().get(slug="boulangerie-martin").specific
    products = list(shop.products.all())
    products[0].name = "Baguette aux céréales"
    shop.products = products
    shop.save_revision()
    draft = shop.get_latest_revision_as_object()

    preview = draft.make_preview_request()

    assert "Baguette aux céréales" in preview.content.decode()
    published = visit(SHOP_URL)
    assert published["X-Town-Cache"] == "hit"
    assert "Baguette tradition" in published.content.decode()
    assert "Baguette aux céréales" not in published.content.decode()


def test_the_admin_and_form_submissions_read_everything_afresh(guide):
    staff = Client()
    staff.force_login(UserFactory(is_superuser=True, is_staff=True))
    assert "X-Town-Cache" not in staff.get("/admin/", HTTP_HOST=BETHUNE_HOST)
    sent = Client().post(GUIDE_URL, {"helpful": "yes"}, HTTP_HOST=BETHUNE_HOST)
    assert "X-Town-Cache" not in sent


def test_a_signed_in_editor_sees_the_live_pages_kept_for_everyone(directory):
    visit(SHOP_URL)
    editor = Client()
    editor.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = visit(SHOP_URL, client=editor)
    assert response["X-Town-Cache"] == "hit" and "Baguette tradition" in response.content.decode()


def test_each_town_keeps_its_own_header_and_footer(towns):
    visit("/")
    beauvais = visit("/", host=BEAUVAIS_HOST).content.decode()
    assert "Beauvais" in beauvais and "Béthune" not in beauvais


def test_the_default_town_answering_another_name_shows_its_changes_at_once(
    towns, django_capture_on_commit_callbacks
):
    # The default town answers for a name it does not have: its changes bump the version of
    # its own name, so nothing of it is kept under the other one.
    visit("/", host="autre-nom.localhost")
    assert "X-Town-Cache" not in visit("/", host="autre-nom.localhost")
    identity = TownIdentity.for_site(Site.objects.get(hostname=BETHUNE_HOST))
    with django_capture_on_commit_callbacks(execute=True):
        identity.town_name = "Béthune-sur-Lawe"
        identity.save()
    assert "Béthune-sur-Lawe" in visit("/", host="autre-nom.localhost").content.decode()


def test_the_directory_shows_a_shop_open_from_the_minute_it_opens(directory, monkeypatch):
    # Monday 23 November 2026; the shop opens at 9:00 (Paris time).
    before = datetime.datetime(2026, 11, 23, 8, 59, 30, tzinfo=PARIS)
    monkeypatch.setattr(timezone, "now", lambda: before)
    closed = visit("/commerces/").content.decode()
    assert "open-status--closed" in closed and "open-status--open" not in closed
    assert visit("/commerces/")["X-Town-Cache"] == "hit"

    monkeypatch.setattr(timezone, "now", lambda: before + datetime.timedelta(seconds=45))
    opened = visit("/commerces/").content.decode()
    assert "open-status--open" in opened


def test_switched_off_nothing_is_kept(directory, settings):
    settings.TOWN_CACHE = False
    visit(SHOP_URL)
    response = visit(SHOP_URL)
    assert "X-Town-Cache" not in response
    assert "Baguette tradition" in response.content.decode()

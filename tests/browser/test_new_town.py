"""A town opened with `manage.py add_town` is ready for its public: every page of it answers,
carries the town's name, runs without a script error and passes axe, before its team writes a
word."""

import base64
import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_no_axe_violations
from tests.crawl.site_reading import fetch, sitemap_locations

TOWN = "arras"
# The directory's other two views, which no sitemap lists: its map and its product search.
DIRECTORY_VIEWS = ["commerces/?vue=carte", "commerces/produits/?q=pain"]
# A transparent 1×1 PNG, served in place of each map tile.
BLANK_TILE = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)


@pytest.fixture(scope="module")
def new_town_pages(portal):
    """Every page of Arras, opened now with add_town: the live pages of its tree (its sitemap) and
    the directory's two other views."""
    portal.manage("add_town", "Arras", f"{TOWN}.localhost", "--port", str(portal.port))
    home = portal.url("/", TOWN)
    sitemap = fetch(portal.url("/sitemap.xml", TOWN))
    assert sitemap.status == 200
    pages = sitemap_locations(sitemap.body)
    assert home in pages
    return pages + [home + view for view in DIRECTORY_VIEWS]


def serve_blank_tiles(tab, portal):
    """Tests never reach the internet: the map's tiles (the only outside requests) are blank images,
    so that the page loads without an error of its own."""
    local = portal.host(TOWN)
    tab.route(
        re.compile(r"^https?://"),
        lambda route: (
            route.continue_()
            if local in route.request.url
            else route.fulfill(status=200, content_type="image/png", body=BLANK_TILE)
        ),
    )


def console_error(message):
    """The console error, with where it comes from; none for the icon Chromium asks every site for
    on its own (the portal has none, and no page links one)."""
    where = message.location.get("url", "")
    if message.type != "error" or where.endswith("/favicon.ico"):
        return []
    return [f"{message.text} ({where})"]


def test_the_new_town_has_every_section_a_town_opens_with(portal, new_town_pages):
    paths = {url.removeprefix(portal.url("/", TOWN)) for url in new_town_pages}

    assert {
        "",
        "commerces/",
        "se-former/",
        "ateliers/",
        "auto-diagnostic/",
        "coup-de-pouce/",
        "coup-de-pouce/demander/",
        "coup-de-pouce/devenir-volontaire/",
        "coup-de-pouce/nos-volontaires/",
        "coup-de-pouce/en-chiffres/",
        "mentions-legales/",
        "donnees-personnelles/",
        "accessibilite/",
    } <= paths


def test_every_page_of_the_new_town_answers_with_its_name_and_passes_axe(portal, page, new_town_pages):
    serve_blank_tiles(page, portal)
    errors = []
    page.on("console", lambda message: errors.extend(console_error(message)))
    page.on("pageerror", lambda error: errors.append(str(error)))
    for url in new_town_pages:
        response = page.goto(url)

        assert response.status == 200, url
        expect(page).to_have_title(re.compile(r" — Arras$"))
        expect(page.locator(".brand__name")).to_have_text("Arras")
        assert_no_axe_violations(page)
        assert errors == [], f"{url}: {errors}"

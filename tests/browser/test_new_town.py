"""A town opened with `manage.py add_town` is ready for its public: every page of it answers,
carries the town's name, runs without a script error and passes axe, before its team writes a
word."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_no_axe_violations
from tests.crawl.site_reading import fetch, sitemap_locations

TOWN = "arras"
# The directory's other two views, which no sitemap lists: its map and its product search.
DIRECTORY_VIEWS = ["commerces/?vue=carte", "commerces/produits/?q=pain"]


@pytest.fixture(scope="module")
def new_town_pages(portal):
    """Every page of Arras, opened now with add_town: its sitemap, walked from the home page, and
    the directory's views."""
    portal.manage("add_town", "Arras", f"{TOWN}.localhost", "--port", str(portal.port))
    home = portal.url("/", TOWN)
    sitemap = fetch(portal.url("/sitemap.xml", TOWN))
    assert sitemap.status == 200
    pages = sitemap_locations(sitemap.body)
    assert home in pages
    return pages + [home + view for view in DIRECTORY_VIEWS]


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


def test_every_page_of_the_new_town_answers_with_its_name_and_passes_axe(page, new_town_pages):
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    for url in new_town_pages:
        response = page.goto(url)

        assert response.status == 200, url
        expect(page).to_have_title(re.compile(r" — Arras$"))
        expect(page.locator(".brand__name")).to_have_text("Arras")
        assert_no_axe_violations(page)
        assert errors == [], f"{url}: {errors}"

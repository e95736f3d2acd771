"""A visitor's first minute: both towns' home pages, the menu, the search."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_no_axe_violations


@pytest.mark.parametrize("town, name", [("bethune", "Béthune"), ("beauvais", "Beauvais")])
def test_each_towns_home_page_is_accessible(portal, page, town, name):
    page.goto(portal.url("/", town))
    expect(page.locator(".brand__name")).to_have_text(name)
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    assert_no_axe_violations(page)


def test_legal_pages_are_accessible(portal, page):
    for path in ["/a-propos/", "/accessibilite/", "/recherche/?q=march%C3%A9", "/page-inconnue/"]:
        page.goto(portal.url(path))
        assert_no_axe_violations(page)


def test_skip_link_is_the_first_stop_and_jumps_to_the_content(portal, page):
    page.goto(portal.url("/"))
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Aller au contenu")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main$"))


def test_menu_opens_and_is_followed_with_the_keyboard_on_a_phone(portal, phone):
    phone.goto(portal.url("/"))
    toggle = phone.get_by_role("button", name="Menu")
    menu_link = phone.get_by_role("navigation", name="Menu principal").get_by_role("link", name="À propos")
    expect(menu_link).to_be_hidden()

    toggle.focus()
    phone.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(menu_link).to_be_visible()

    while not menu_link.evaluate("link => link === document.activeElement"):
        phone.keyboard.press("Tab")
    phone.keyboard.press("Enter")
    expect(phone.get_by_role("heading", level=1)).to_have_text("À propos")

    phone.get_by_role("button", name="Menu").press("Enter")
    phone.keyboard.press("Escape")
    expect(phone.get_by_role("button", name="Menu")).to_have_attribute("aria-expanded", "false")


def test_menu_works_without_javascript(portal, browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 740})
    tab = context.new_page()
    tab.goto(portal.url("/"))
    expect(
        tab.get_by_role("navigation", name="Menu principal").get_by_role("link", name="À propos")
    ).to_be_visible()
    context.close()


def test_search_from_the_header_finds_a_page_of_this_town_only(portal, page):
    page.goto(portal.url("/", "beauvais"))
    page.get_by_role("searchbox", name="Rechercher sur le site").fill("marchés")
    page.get_by_role("button", name="Rechercher").first.click()

    expect(page.get_by_role("status")).to_contain_text("pour « marchés »")
    results = page.locator(".search-results")
    expect(results.get_by_role("link", name="Les marchés de Beauvais")).to_be_visible()
    expect(results.get_by_role("link", name="Le marché du lundi")).to_have_count(0)


def test_pages_fit_a_320_pixel_wide_screen_without_sideways_scrolling(portal, browser):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    tab = context.new_page()
    for path, town in [
        ("/", "bethune"),
        ("/a-propos/", "beauvais"),
        ("/recherche/?q=march%C3%A9", "bethune"),
    ]:
        tab.goto(portal.url(path, town))
        assert tab.evaluate("document.documentElement.scrollWidth") <= 320, path
    context.close()

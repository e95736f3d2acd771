"""Public pages work under their strict Content-Security-Policy: the browser refuses nothing."""

import pytest

PAGES = [
    "/",
    "/commerces/",
    "/commerces/?vue=carte",
    "/commerces/boulangerie-du-beffroi/",
    "/se-former/photographier-ses-produits/",
    "/coup-de-pouce/demander/",
    "/coup-de-pouce/devenir-volontaire/",
    "/ateliers/reseaux-sociaux-debuter/",
    "/auto-diagnostic/",
    "/recherche/?q=pain",
]
# Forms shown again with their errors, as a visitor sees them after a mistake; the click &
# collect form is reached from its shop's page.
FORMS = [
    ("/coup-de-pouce/demander/", None),
    ("/coup-de-pouce/devenir-volontaire/", None),
    ("/commerces/boulangerie-du-beffroi/", "a[href*='/reserver/']"),
]

RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    const where = `${event.sourceFile}:${event.lineNumber}`;
    window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${where}`);
});
"""


def watch(page):
    """Collect what the browser reports: console messages about the policy and violation events."""
    messages = []
    page.add_init_script(RECORD_VIOLATIONS)
    page.on(
        "console",
        lambda message: messages.append(message.text) if "Content Security Policy" in message.text else None,
    )
    return messages


def violations(page, messages):
    return messages + page.evaluate("window.cspViolations")


@pytest.mark.parametrize("path", PAGES)
def test_public_page_loads_without_any_policy_violation(page, portal, path):
    messages = watch(page)

    response = page.goto(portal.url(path))
    page.wait_for_load_state("networkidle")

    policy = response.headers["content-security-policy"]
    assert "'unsafe-inline'" not in policy and "script-src 'self'" in policy
    assert violations(page, messages) == []


def test_the_map_runs_and_its_tile_server_is_allowed(page, portal):
    messages = watch(page)

    response = page.goto(portal.url("/commerces/?vue=carte"))
    page.wait_for_selector("#shop-map .leaflet-marker-icon")

    assert "https://tile.openstreetmap.org" in response.headers["content-security-policy"]
    assert violations(page, messages) == []


@pytest.mark.parametrize(("path", "link"), FORMS)
def test_a_form_shown_again_with_its_errors_has_no_policy_violation(page, portal, path, link):
    messages = watch(page)
    page.goto(portal.url(path))
    if link:
        page.locator(link).first.click()
    form_element = page.locator("main form[method=post]").first
    form_element.evaluate("form => form.setAttribute('novalidate', '')")

    form_element.locator("[type=submit]").first.click()
    page.wait_for_load_state("networkidle")

    assert page.locator(".error, [aria-invalid=true], .errorlist").count() > 0
    assert violations(page, messages) == []

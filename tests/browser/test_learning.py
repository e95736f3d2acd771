"""The learning space in a real browser: self-check to guide, accessibility, a guide on paper, a workshop."""

import re
from email.header import decode_header, make_header

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_no_axe_violations

GUIDE = "/se-former/photographier-ses-produits/"


def test_a_visitor_takes_the_self_check_and_follows_a_recommended_guide(portal, page):
    page.goto(portal.url("/auto-diagnostic/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Où en êtes-vous avec le numérique ?")
    questions = page.locator(".self-check__questions > li")
    expect(questions).to_have_count(8)
    for number in range(8):
        # The first answer of each question is the least at ease one.
        questions.nth(number).get_by_role("radio").first.check()
    page.get_by_role("button", name="Voir mon résultat").click()

    expect(page).to_have_url(re.compile(r"/auto-diagnostic/resultat/$"))
    expect(page.get_by_text("Votre niveau : Découvrir")).to_be_visible()
    assert_no_axe_violations(page)
    recommended = page.locator(".recommended-guides .card__title a")
    assert 3 <= recommended.count() <= 5
    title = recommended.first.inner_text()
    recommended.first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.get_by_text("Étape 1 sur", exact=False).first).to_be_visible()


def test_a_missing_answer_is_explained_and_the_other_answers_stay(portal, page):
    page.goto(portal.url("/auto-diagnostic/"))
    questions = page.locator(".self-check__questions > li")
    questions.nth(0).get_by_role("radio").nth(2).check()
    page.get_by_role("button", name="Voir mon résultat").click()
    expect(page.get_by_role("alert")).to_contain_text("Certaines réponses demandent votre attention")
    expect(page.locator(".self-check__questions > li").nth(0).get_by_role("radio").nth(2)).to_be_checked()
    assert_no_axe_violations(page)


@pytest.mark.parametrize(
    "path",
    [
        "/se-former/",
        "/se-former/?niveau=decouvrir&theme=securite",
        GUIDE,
        "/auto-diagnostic/",
        "/ateliers/",
        "/ateliers/photos-produits-smartphone/",
        "/ateliers/fiche-etablissement-en-une-heure/",
        "/ateliers/reseaux-sociaux-debuter/",
    ],
)
def test_learning_pages_have_no_accessibility_violation(portal, page, path):
    page.goto(portal.url(path))
    assert_no_axe_violations(page)


def test_guide_filters_work_without_javascript(portal, browser):
    context = browser.new_context(java_script_enabled=False, locale="fr-FR")
    tab = context.new_page()
    tab.goto(portal.url("/se-former/"))
    tab.get_by_label("Niveau").select_option("maitriser")
    tab.get_by_role("button", name="Afficher les guides").click()
    expect(tab).to_have_url(re.compile(r"niveau=maitriser"))
    expect(tab.locator(".result-count")).to_have_text(re.compile(r"^\d+ guides?$"))
    for level in tab.locator(".guide-list .level-badge").all_inner_texts():
        assert level.endswith("Maîtriser")
    context.close()


def test_a_guide_prints_without_navigation_and_with_link_addresses(portal, page):
    page.goto(portal.url(GUIDE))
    expect(page.get_by_role("navigation", name="Menu principal")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.get_by_role("navigation", name="Menu principal")).to_be_hidden()
    expect(page.locator(".site-footer")).to_be_hidden()
    expect(page.locator(".guide-feedback")).to_be_hidden()
    expect(page.locator(".guide-step").first).to_be_visible()
    licence = page.locator(".guide__licence a")
    after = licence.evaluate("link => getComputedStyle(link, '::after').content")
    assert "etalab.gouv.fr" in after
    topic = page.locator(".guide__topics a").first
    assert "/se-former/?theme=" in topic.evaluate("link => getComputedStyle(link, '::after').content")


def test_a_visitor_registers_to_a_workshop_and_receives_the_calendar_file(portal, page):
    page.goto(portal.url("/ateliers/"))
    page.get_by_role("link", name="Atelier : de belles photos de produits avec son téléphone").click()
    page.get_by_label("Votre nom").fill("Claire Navigateur")
    page.get_by_label("E-mail").fill("claire.navigateur@exemple.fr")
    page.get_by_label("Votre commerce").fill("Librairie du Beffroi")
    page.get_by_label("J'accepte que la mairie conserve ces informations").check()
    page.get_by_role("button", name="S'inscrire").click()
    expect(page.get_by_role("status")).to_contain_text("ouvrez le lien que nous venons d'envoyer")
    mails = [m for m in portal.sent_emails() if "claire.navigateur@exemple.fr" in m["To"]]
    assert len(mails) == 1
    assert "text/calendar" not in [part.get_content_type() for part in mails[0].walk()]

    # The seat is confirmed from the e-mailed link, as the person would: open it, then the button.
    page.goto(re.search(r"https?://\S+", portal.plain_text(mails[0])).group(0))  # the first link
    page.get_by_role("button", name="Oui, je confirme mon inscription").click()
    expect(page.get_by_role("status")).to_contain_text("Votre inscription est confirmée.")
    mails = [m for m in portal.sent_emails() if "claire.navigateur@exemple.fr" in m["To"]]
    assert len(mails) == 2
    assert str(make_header(decode_header(mails[-1]["Subject"]))).strip().startswith("Votre inscription")
    parts = [part.get_content_type() for part in mails[-1].walk()]
    assert "text/calendar" in parts


def test_a_full_workshop_offers_the_waiting_list(portal, page):
    page.goto(portal.url("/ateliers/fiche-etablissement-en-une-heure/"))
    expect(page.get_by_text("Complet : vous pouvez vous inscrire sur la liste d'attente.")).to_be_visible()
    expect(page.get_by_role("button", name="S'inscrire sur la liste d'attente")).to_be_visible()


def test_a_past_workshop_shows_finished_without_a_form(portal, page):
    page.goto(portal.url("/ateliers/reseaux-sociaux-debuter/"))
    expect(page.get_by_text("Cet atelier est terminé.")).to_be_visible()
    expect(page.get_by_role("button", name="S'inscrire")).to_have_count(0)

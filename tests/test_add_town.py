"""An administrator adds a town with `manage.py add_town`: its site answers at once with every
section a town opens with (shops, guides, workshops, self-check, coup de pouce, legal pages), its
team can run that town and nothing of another one, and running it again changes nothing staff
made."""

import io
from html import unescape

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from wagtail.models import GroupPagePermission, GroupSitePermission, Page, Revision, Site
from wagtail.rich_text import RichText

from home.models import HomePage, StandardPage
from learning.access import staff_site_ids as learning_site_ids
from learning.library import ensure_guide_library
from programme.access import staff_site_ids as programme_site_ids
from shops.models import ShopIndexPage
from tests.factories import GuidePageFactory, ShopIndexPageFactory, UserFactory
from towns.models import SharedPageCopy, TownIdentity
from towns.towns import staff_group

ARRAS_HOST = "arras.localhost"


def add_town(*args, **options):
    out = io.StringIO()
    call_command("add_town", *args, stdout=out, **options)
    return out.getvalue()


@pytest.fixture
def arras(towns):
    add_town("Arras", ARRAS_HOST, email="commerce@arras.localhost")
    return Site.objects.get(hostname=ARRAS_HOST)


@pytest.fixture
def arras_agent(arras):
    agent = UserFactory(username="agent-arras")
    agent.groups.add(Group.objects.get(name="Équipe de la mairie — Arras"))
    return agent


def test_the_new_town_answers_at_its_address_with_its_name(client, arras):
    response = client.get("/", HTTP_HOST=ARRAS_HOST)

    assert response.status_code == 200
    assert "Arras, vos commerces de proximité" in response.content.decode()
    identity = TownIdentity.for_site(arras)
    assert (identity.town_name, identity.contact_email) == ("Arras", "commerce@arras.localhost")


def test_its_team_runs_this_town_and_no_other(arras, arras_agent, towns):
    arras_home = arras.root_page
    bethune_home = towns["bethune"]

    assert arras_home.permissions_for_user(arras_agent).can_edit()
    assert arras_home.permissions_for_user(arras_agent).can_publish()
    assert arras_home.permissions_for_user(arras_agent).can_add_subpage()
    assert not bethune_home.permissions_for_user(arras_agent).can_edit()
    assert arras_agent.has_perm("wagtailadmin.access_admin")
    assert learning_site_ids(arras_agent) == {arras.pk}
    assert programme_site_ids(arras_agent) == {arras.pk}
    assert arras_agent.has_perm("shops.change_clickcollectrequest")
    town_settings = GroupSitePermission.objects.filter(group__user=arras_agent)
    assert set(town_settings.values_list("site__hostname", "permission__codename")) == {
        (ARRAS_HOST, "change_townidentity"),
        (ARRAS_HOST, "change_shopkeepersettings"),
        (ARRAS_HOST, "change_programmesettings"),
        (ARRAS_HOST, "manage_learning"),
    }


# Address, and what the page says, of every section a new town opens with.
SECTIONS = [
    ("/commerces/", "Tous les commerces indépendants du centre-ville d'Arras"),
    ("/commerces/?vue=carte", "Commerces"),
    ("/commerces/produits/?q=pain", "Commerces"),
    ("/se-former/", "pour que les commerçants d'Arras avancent"),
    ("/ateliers/", "animés par l'équipe de la mairie d'Arras"),
    ("/auto-diagnostic/", "Avec quoi travaillez-vous à la boutique ?"),
    ("/coup-de-pouce/", "Coup de pouce numérique"),
    ("/coup-de-pouce/demander/", "la mairie d'Arras vous rappelle rapidement"),
    ("/coup-de-pouce/devenir-volontaire/", "aux commerces du centre-ville d'Arras"),
    ("/coup-de-pouce/nos-volontaires/", "pour les commerces d'Arras"),
    ("/coup-de-pouce/en-chiffres/", "pour les commerces d'Arras"),
    ("/mentions-legales/", "Ce site est édité par la commune d'Arras"),
    ("/donnees-personnelles/", "Le responsable du traitement est la commune d'Arras"),
    ("/accessibilite/", "La commune d'Arras s'engage"),
]


@pytest.mark.parametrize("path, text", SECTIONS)
def test_the_new_town_opens_with_every_section(client, arras, path, text):
    response = client.get(path, HTTP_HOST=ARRAS_HOST)

    assert response.status_code == 200
    assert text in unescape(response.content.decode())


def test_its_menu_leads_to_the_sections_and_its_footer_to_the_legal_drafts(client, arras):
    html = client.get("/", HTTP_HOST=ARRAS_HOST).content.decode()
    page = BeautifulSoup(html, "html.parser")

    menu = [link.get_text(strip=True) for link in page.select(".main-menu a")]
    assert {"Commerces", "Se former", "Coup de pouce numérique"} <= set(menu)
    footer = [link.get_text(strip=True) for link in page.select("#footer-legal + ul a")]
    assert footer[:3] == ["Mentions légales", "Données personnelles", "Déclaration d'accessibilité"]
    legal = client.get("/mentions-legales/", HTTP_HOST=ARRAS_HOST).content.decode()
    assert "Texte à compléter par la mairie" in legal


def test_shopkeepers_changes_in_its_directory_are_reviewed_by_its_team(arras):
    directory = ShopIndexPage.objects.child_of(arras.root_page).get()

    workflow = directory.get_workflow()

    assert workflow.name == "Relecture mairie — Arras"
    reviewers = [group.name for task in workflow.tasks.specific() for group in task.groups.all()]
    assert reviewers == ["Équipe de la mairie — Arras"]


def test_it_says_what_it_made_and_what_is_left_to_the_team(towns):
    output = add_town("Arras", ARRAS_HOST)

    assert "Ville « Arras » créée : http://arras.localhost/" in output
    assert "Commerces : http://arras.localhost/commerces/" in output
    assert "Demander un coup de pouce : http://arras.localhost/coup-de-pouce/demander/" in output
    left = output.split("Reste à faire par l’équipe de la mairie :")[1]
    assert "« Mentions légales »" in left and "http://arras.localhost/mentions-legales/" in left
    assert "« Déclaration d'accessibilité »" in left


def test_a_second_town_gets_its_own_sections_and_none_of_the_first(client, arras):
    add_town("Lens", "lens.localhost")
    lens = Site.objects.get(hostname="lens.localhost")

    arras_pages = set(arras.root_page.get_descendants().values_list("pk", flat=True))
    lens_pages = set(lens.root_page.get_descendants().values_list("pk", flat=True))
    assert len(lens_pages) == len(arras_pages) and not lens_pages & arras_pages
    legal = TownIdentity.for_site(lens).legal_notice_page
    assert legal.pk in lens_pages
    assert (
        ShopIndexPage.objects.child_of(lens.root_page).get().get_workflow().name == "Relecture mairie — Lens"
    )
    html = client.get("/coup-de-pouce/demander/", HTTP_HOST="lens.localhost").content.decode()
    assert "Lens" in html and "Arras" not in html


def test_a_directory_added_to_an_existing_town_gets_that_towns_review(towns):
    staff_group(Site.objects.get(hostname="bethune.localhost"))

    directory = ShopIndexPageFactory(parent=towns["bethune"], slug="marche")

    workflow = directory.get_workflow()
    assert workflow.name == "Relecture mairie — Béthune"
    reviewers = [group.name for task in workflow.tasks.specific() for group in task.groups.all()]
    assert reviewers == ["Équipe de la mairie — Béthune"]


def test_running_it_again_changes_nothing_and_keeps_what_staff_edited(arras):
    counts = (
        Site.objects.count(),
        Page.objects.count(),
        Revision.objects.count(),
        Group.objects.count(),
        GroupPagePermission.objects.count(),
    )
    identity = TownIdentity.for_site(arras)
    identity.tagline = "Le cœur de ville d'Arras"
    identity.save()
    legal_notice = StandardPage.objects.get(pk=identity.legal_notice_page_id)
    legal_notice.body = [("paragraph", RichText("<p>Éditeur : commune d'Arras, place Guy-Mollet.</p>"))]
    legal_notice.save_revision().publish()
    directory = ShopIndexPage.objects.child_of(arras.root_page).get()
    directory.introduction = "Les boutiques du centre d'Arras."
    directory.save_revision().publish()
    edited = Revision.objects.count()

    output = add_town("Arras", ARRAS_HOST, email="autre@arras.localhost")

    assert "Ville « Arras » déjà là, ce qui manquait est complété" in output
    after = (
        Site.objects.count(),
        Page.objects.count(),
        Revision.objects.count() - (edited - counts[2]),
        Group.objects.count(),
        GroupPagePermission.objects.count(),
    )
    assert after == counts
    identity.refresh_from_db()
    assert (identity.tagline, identity.contact_email) == (
        "Le cœur de ville d'Arras",
        "commerce@arras.localhost",
    )
    assert "Éditeur : commune d'Arras" in StandardPage.objects.get(pk=legal_notice.pk).body.render_as_block()
    directory.refresh_from_db()
    assert directory.introduction == "Les boutiques du centre d'Arras."
    # The legal notice is written: only the two other drafts are left to the team.
    assert "« Mentions légales »" not in output and "« Données personnelles »" in output


@pytest.mark.parametrize(
    "args, options, message",
    [
        (("Arras", "commerces arras.fr"), {}, "n’est pas un nom d’hôte"),
        (("Arras", "arras_centre.fr"), {}, "n’est pas un nom d’hôte"),
        (("  ", ARRAS_HOST), {}, "Donnez le nom de la ville"),
        (("Arras", ARRAS_HOST), {"email": "mairie-arras"}, "n’est pas une adresse e-mail"),
        (("Arras", ARRAS_HOST), {"port": 70000}, "Le port 70000 n’existe pas"),
    ],
)
def test_bad_input_is_explained_in_french_and_creates_nothing(towns, args, options, message):
    pages, sites = Page.objects.count(), Site.objects.count()

    with pytest.raises(CommandError, match=message):
        add_town(*args, **options)

    assert (Page.objects.count(), Site.objects.count()) == (pages, sites)


def test_a_host_name_in_capitals_is_stored_as_browsers_send_it(client, towns):
    add_town("Arras", "Arras.Localhost")

    assert Site.objects.filter(hostname=ARRAS_HOST).exists()
    assert client.get("/", HTTP_HOST=ARRAS_HOST).status_code == 200


def test_the_default_town_answers_unknown_host_names(client, towns):
    add_town("Arras", ARRAS_HOST, default=True)

    assert list(Site.objects.filter(is_default_site=True).values_list("hostname", flat=True)) == [ARRAS_HOST]
    assert HomePage.objects.get(title="Arras").pk == Site.objects.get(is_default_site=True).root_page_id


def test_a_new_town_opens_with_the_shared_library_guides_published(client, towns):
    library = ensure_guide_library()
    guide = GuidePageFactory(parent=library, title="Photographier ses produits", slug="photographier")

    add_town("Arras", ARRAS_HOST)

    response = client.get("/se-former/photographier/", HTTP_HOST=ARRAS_HOST)
    assert response.status_code == 200
    assert "Photographier ses produits" in response.content.decode()
    arras = Site.objects.get(hostname=ARRAS_HOST)
    assert SharedPageCopy.objects.get(site=arras, source=guide).copy.live
    # Run again: the guide is not copied twice.
    add_town("Arras", ARRAS_HOST)
    assert SharedPageCopy.objects.filter(site=arras).count() == 1


def test_the_new_towns_home_page_leads_to_its_sections(client, arras):
    home = BeautifulSoup(client.get("/", HTTP_HOST=ARRAS_HOST).content, "html.parser")

    doors = {unescape(link.get_text(" ", strip=True)): link["href"] for link in home.select("main a")}
    assert doors["Voir les commerces"].endswith("/commerces/")
    assert doors["Voir les guides"].endswith("/se-former/")
    assert doors["Faire le point"].endswith("/auto-diagnostic/")
    assert doors["Demander un coup de pouce"].endswith("/coup-de-pouce/demander/")
    assert doors["Devenir volontaire"].endswith("/coup-de-pouce/devenir-volontaire/")
    # Run again: no door twice.
    add_town("Arras", ARRAS_HOST)
    again = BeautifulSoup(client.get("/", HTTP_HOST=ARRAS_HOST).content, "html.parser")
    assert len(again.select("main a")) == len(home.select("main a"))

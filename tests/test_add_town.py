"""An administrator adds a town with `manage.py add_town`: its site answers at once, its team can
run that town (pages, identity, shopkeepers' review, click & collect, learning, programme) and
nothing of another one; a shop directory created later is reviewed by the town's own team."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from wagtail.models import GroupPagePermission, GroupSitePermission, Page, Site

from home.models import HomePage
from learning.access import staff_site_ids as learning_site_ids
from programme.access import staff_site_ids as programme_site_ids
from tests.factories import ShopIndexPageFactory, UserFactory
from towns.models import TownIdentity
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


def test_a_shop_directory_created_later_is_reviewed_by_the_towns_team(arras):
    directory = ShopIndexPageFactory(parent=arras.root_page, slug="commerces")

    workflow = directory.get_workflow()

    assert workflow.name == "Relecture mairie — Arras"
    reviewers = [group.name for task in workflow.tasks.specific() for group in task.groups.all()]
    assert reviewers == ["Équipe de la mairie — Arras"]


def test_a_directory_added_to_an_existing_town_gets_that_towns_review(towns):
    staff_group(Site.objects.get(hostname="bethune.localhost"))

    directory = ShopIndexPageFactory(parent=towns["bethune"], slug="marche")

    workflow = directory.get_workflow()
    assert workflow.name == "Relecture mairie — Béthune"
    reviewers = [group.name for task in workflow.tasks.specific() for group in task.groups.all()]
    assert reviewers == ["Équipe de la mairie — Béthune"]


def test_running_it_again_completes_and_never_duplicates(arras):
    counts = (
        Site.objects.count(),
        Page.objects.count(),
        Group.objects.count(),
        GroupPagePermission.objects.count(),
    )
    identity = TownIdentity.for_site(arras)
    identity.tagline = "Le cœur de ville d'Arras"
    identity.save()

    output = add_town("Arras", ARRAS_HOST, email="autre@arras.localhost")

    assert "Ville « Arras » déjà là, ce qui manquait est complété" in output
    after = (
        Site.objects.count(),
        Page.objects.count(),
        Group.objects.count(),
        GroupPagePermission.objects.count(),
    )
    assert after == counts
    identity.refresh_from_db()
    assert (identity.tagline, identity.contact_email) == (
        "Le cœur de ville d'Arras",
        "commerce@arras.localhost",
    )


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

"""Whom a town tells about its news: the same people whatever the feature (towns/staff.py)."""

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupSitePermission

from programme.models import ProgrammeSettings
from tests.factories import UserFactory
from towns.models import TownIdentity
from towns.staff import CLICK_COLLECT, PROGRAMME, SHOP_FRESHNESS, staff_to_notify
from towns.towns import staff_group, staff_group_name

CONTACT = "commerce@mairie-bethune.localhost"
AGENT = "agent@mairie-bethune.localhost"


@pytest.fixture
def bethune(towns):
    site = towns["bethune"].get_site()
    identity = TownIdentity.for_site(site)
    identity.contact_email = CONTACT
    identity.save()
    return site


@pytest.fixture
def people(bethune, towns):
    """An agent of Béthune's staff, and people who must not be told about Béthune."""
    UserFactory(username="agent", email=AGENT).groups.add(staff_group(bethune))
    UserFactory(username="parti", email="parti@mairie-bethune.localhost", is_active=False).groups.add(
        staff_group(bethune)
    )
    UserFactory(username="sans-adresse", email="").groups.add(staff_group(bethune))
    beauvais = towns["beauvais"].get_site()
    UserFactory(username="agent-beauvais", email="agent@mairie-beauvais.localhost").groups.add(
        staff_group(beauvais)
    )
    # Manages Béthune's programme through a group of its own, outside the town's staff.
    coordinator = Group.objects.create(name="Coordination coup de pouce")
    GroupSitePermission.objects.create(
        group=coordinator,
        site=bethune,
        permission=Permission.objects.get(codename="change_programmesettings"),
    )
    UserFactory(username="coordinatrice", email="coordination@exemple.localhost").groups.add(coordinator)


def test_every_topic_tells_the_towns_contact_and_its_staff_and_nobody_else(bethune, people):
    for topic in [CLICK_COLLECT, SHOP_FRESHNESS, PROGRAMME]:
        assert staff_to_notify(bethune, topic) == [CONTACT, AGENT], topic


def test_membership_of_the_staff_group_is_what_counts_not_a_right(bethune):
    """A staff group member without the right to publish (a group a town set up by hand) is told."""
    group = Group.objects.create(name=staff_group_name(bethune))
    UserFactory(username="accueil", email="accueil@mairie-bethune.localhost").groups.add(group)

    assert staff_to_notify(bethune, SHOP_FRESHNESS) == [CONTACT, "accueil@mairie-bethune.localhost"]


def test_the_programme_address_is_told_of_the_programme_only(bethune, people):
    programme = ProgrammeSettings.for_site(bethune)
    programme.notification_email = "coupdepouce@mairie-bethune.localhost"
    programme.save()

    assert staff_to_notify(bethune, PROGRAMME) == [CONTACT, "coupdepouce@mairie-bethune.localhost", AGENT]
    assert staff_to_notify(bethune, CLICK_COLLECT) == [CONTACT, AGENT]


def test_an_address_is_told_once(bethune):
    UserFactory(username="contact", email=CONTACT.upper()).groups.add(staff_group(bethune))

    assert staff_to_notify(bethune, CLICK_COLLECT) == [CONTACT]

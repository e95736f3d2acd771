"""A volunteer with an account sees only their own coups de pouce; staff see only their own town.

Every rule is tried through the admin URLs someone could guess, not only through the menus.
"""

import pytest
from wagtail_modeladmin.helpers import AdminURLHelper

from programme.models import CoachingSession, HelpRequest, Volunteer
from tests.admin_answers import body, refused
from tests.factories import (
    CoachingSessionFactory,
    HelpRequestFactory,
    UserFactory,
    VolunteerFactory,
    programme_staff,
    volunteer_account,
)

pytestmark = pytest.mark.django_db


REQUESTS = AdminURLHelper(HelpRequest)
SESSIONS = AdminURLHelper(CoachingSession)
VOLUNTEERS = AdminURLHelper(Volunteer)


@pytest.fixture
def world(towns):
    bethune = towns["bethune"].get_site()
    beauvais = towns["beauvais"].get_site()
    alice = VolunteerFactory(site=bethune, first_name="Alice", last_name="Durand", email="alice@v.localhost")
    bob = VolunteerFactory(site=bethune, first_name="Bob", last_name="Lefèvre", email="bob@v.localhost")
    alice_user = volunteer_account(alice, "alice")
    bob_user = volunteer_account(bob, "bob")
    mine = HelpRequestFactory(
        site=bethune, shop_name="Boulangerie Alice", helper=alice, status=HelpRequest.Status.ASSIGNED
    )
    theirs = HelpRequestFactory(
        site=bethune,
        shop_name="Fromagerie Bob",
        contact_name="Secrète Personne",
        helper=bob,
        status=HelpRequest.Status.ASSIGNED,
    )
    unassigned = HelpRequestFactory(site=bethune, shop_name="Librairie Sans Aide")
    far = HelpRequestFactory(site=beauvais, shop_name="Épicerie de Beauvais")
    far_volunteer = VolunteerFactory(site=beauvais, first_name="Gaston", last_name="Beauvaisien")
    return {
        "bethune": bethune,
        "beauvais": beauvais,
        "alice": alice,
        "bob": bob,
        "alice_user": alice_user,
        "bob_user": bob_user,
        "mine": mine,
        "theirs": theirs,
        "unassigned": unassigned,
        "far": far,
        "far_volunteer": far_volunteer,
        "my_session": CoachingSessionFactory(request=mine, helper=alice, outcome="Compte Instagram créé"),
        "their_session": CoachingSessionFactory(request=theirs, helper=bob, outcome="Notes privées de Bob"),
        "staff": programme_staff(bethune, "mairie-bethune-test"),
    }


def test_a_volunteer_lists_only_the_requests_assigned_to_them(client, world):
    client.force_login(world["alice_user"])
    html = client.get(REQUESTS.index_url).content.decode()
    assert "Boulangerie Alice" in html
    for hidden in ("Fromagerie Bob", "Librairie Sans Aide", "Épicerie de Beauvais"):
        assert hidden not in html


def test_a_volunteer_can_read_their_request_but_not_edit_or_delete_it(client, world):
    client.force_login(world["alice_user"])
    assert client.get(REQUESTS.get_action_url("inspect", world["mine"].pk)).status_code == 200
    assert refused(client.get(REQUESTS.get_action_url("edit", world["mine"].pk)))
    assert refused(client.get(REQUESTS.get_action_url("delete", world["mine"].pk)))
    assert refused(client.post(REQUESTS.get_action_url("delete", world["mine"].pk)))
    assert HelpRequest.objects.filter(pk=world["mine"].pk).exists()


@pytest.mark.parametrize("target", ["theirs", "unassigned", "far"])
@pytest.mark.parametrize("action", ["inspect", "edit", "delete", "history"])
def test_a_volunteer_cannot_open_any_other_request_by_guessing_its_address(client, world, target, action):
    client.force_login(world["alice_user"])
    response = client.get(REQUESTS.get_action_url(action, world[target].pk))
    assert refused(response)
    assert world[target].shop_name not in response.content.decode()


@pytest.mark.parametrize("action", ["inspect", "edit", "delete", "history"])
def test_a_volunteer_cannot_open_another_volunteers_session(client, world, action):
    client.force_login(world["alice_user"])
    response = client.get(SESSIONS.get_action_url(action, world["their_session"].pk))
    assert refused(response)
    assert "Notes privées de Bob" not in response.content.decode()


def test_a_volunteer_sees_no_volunteer_list_no_export_and_no_dashboard(client, world):
    client.force_login(world["alice_user"])
    assert refused(client.get(VOLUNTEERS.index_url))
    assert refused(client.get(VOLUNTEERS.index_url + "?export=csv"))
    assert refused(client.get(VOLUNTEERS.get_action_url("inspect", world["bob"].pk)))
    assert refused(client.get(VOLUNTEERS.get_action_url("edit", world["alice"].pk)))
    assert refused(client.get(VOLUNTEERS.create_url))
    assert refused(client.get("/admin/coup-de-pouce/tableau-de-bord/"))
    for kind, obj in (("volontaire", "bob"), ("demande", "theirs"), ("demande", "mine")):
        assert refused(client.get(f"/admin/coup-de-pouce/donnees/{kind}/{world[obj].pk}/export/"))
        assert refused(client.post(f"/admin/coup-de-pouce/donnees/{kind}/{world[obj].pk}/effacer/"))
    assert refused(client.post(f"/admin/coup-de-pouce/demandes/{world['mine'].pk}/assigner/"))
    assert refused(client.post(f"/admin/coup-de-pouce/volontaires/{world['alice'].pk}/compte/"))
    export = body(client.get(REQUESTS.index_url + "?export=csv"))
    assert "Fromagerie Bob" not in export
    assert "Secrète Personne" not in export


def test_the_admin_menu_of_a_volunteer_shows_only_requests_and_sessions(client, world):
    client.force_login(world["alice_user"])
    html = client.get("/admin/").content.decode()
    assert REQUESTS.index_url in html
    assert SESSIONS.index_url in html
    assert VOLUNTEERS.index_url not in html
    assert "/admin/coup-de-pouce/tableau-de-bord/" not in html


def test_a_volunteer_records_a_session_only_for_their_own_request(client, world):
    client.force_login(world["alice_user"])
    create_url = SESSIONS.create_url
    form_page = client.get(create_url + f"?demande={world['mine'].pk}")
    assert form_page.status_code == 200
    html = form_page.content.decode()
    assert "Boulangerie Alice" in html
    assert "Fromagerie Bob" not in html
    assert "Gaston" not in html and "Bob Lefèvre" not in html

    data = {
        "request": world["theirs"].pk,
        "date": "2026-01-15",
        "duration_minutes": "90",
        "mode": "boutique",
        "outcome": "Tentative",
    }
    response = client.post(create_url, data)
    assert response.status_code == 200
    assert not CoachingSession.objects.filter(outcome="Tentative").exists()

    data["request"] = world["mine"].pk
    response = client.post(create_url, data)
    assert response.status_code == 302
    session = CoachingSession.objects.get(outcome="Tentative")
    assert session.helper == world["alice"]
    assert session.created_by == world["alice_user"]
    world["mine"].refresh_from_db()
    assert world["mine"].status == HelpRequest.Status.DONE


def test_a_volunteer_cannot_pass_themselves_off_as_another_helper(client, world):
    client.force_login(world["alice_user"])
    client.post(
        SESSIONS.create_url,
        {
            "request": world["mine"].pk,
            "helper": world["bob"].pk,
            "date": "2026-01-16",
            "duration_minutes": "60",
            "mode": "telephone",
        },
    )
    session = CoachingSession.objects.get(date="2026-01-16")
    assert session.helper == world["alice"]


def test_staff_of_one_town_never_see_the_other_towns_records(client, world):
    client.force_login(world["staff"])
    requests_html = client.get(REQUESTS.index_url).content.decode()
    assert "Fromagerie Bob" in requests_html and "Librairie Sans Aide" in requests_html
    assert "Épicerie de Beauvais" not in requests_html
    volunteers_html = client.get(VOLUNTEERS.index_url).content.decode()
    assert "Alice" in volunteers_html
    assert "Gaston" not in volunteers_html
    export = body(client.get(VOLUNTEERS.index_url + "?export=csv"))
    assert "alice@v.localhost" in export and "Beauvaisien" not in export
    for url in (
        REQUESTS.get_action_url("inspect", world["far"].pk),
        REQUESTS.get_action_url("edit", world["far"].pk),
        REQUESTS.get_action_url("delete", world["far"].pk),
        VOLUNTEERS.get_action_url("edit", world["far_volunteer"].pk),
        VOLUNTEERS.get_action_url("inspect", world["far_volunteer"].pk),
        VOLUNTEERS.get_action_url("history", world["far_volunteer"].pk),
    ):
        assert refused(client.get(url)), url
    for url in (
        f"/admin/coup-de-pouce/donnees/volontaire/{world['far_volunteer'].pk}/export/",
        f"/admin/coup-de-pouce/demandes/{world['far'].pk}/assigner/",
        f"/admin/coup-de-pouce/volontaires/{world['far_volunteer'].pk}/compte/",
    ):
        assert refused(client.get(url)), url
    dashboard = client.get("/admin/coup-de-pouce/tableau-de-bord/?ville=" + str(world["beauvais"].pk))
    assert dashboard.context["site"] == world["bethune"]


def test_a_user_with_no_role_in_the_programme_gets_nothing(client, world):
    nobody = UserFactory(username="quelquun")
    from django.contrib.auth.models import Permission

    nobody.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(nobody)
    assert refused(client.get(REQUESTS.index_url))
    assert refused(client.get(SESSIONS.index_url))
    assert refused(client.get(REQUESTS.get_action_url("inspect", world["mine"].pk)))

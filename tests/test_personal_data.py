"""RGPD: export of everything held about one person, erasure with confirmation and audit, retention."""

import datetime
import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import ModelLogEntry

from programme.models import CoachingSession, HelpRequest, ProgrammeSettings, Volunteer
from programme.stats import dashboard_figures
from tests.factories import (
    CoachingSessionFactory,
    HelpRequestFactory,
    TopicFactory,
    VolunteerFactory,
    programme_staff,
    volunteer_account,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def town(towns):
    site = towns["bethune"].get_site()
    photos = TopicFactory(slug="photos-de-produits", name="Photos de produits")
    lucie = VolunteerFactory(
        site=site, first_name="Lucie", last_name="Morel", email="lucie@v.localhost", skills=[photos]
    )
    first = HelpRequestFactory(
        site=site,
        shop_name="Fleurs & Sens",
        contact_name="Sophie Lambert",
        email="sophie@fleurs.localhost",
        phone="03 21 11 11 11",
        helper=lucie,
        status=HelpRequest.Status.DONE,
        topics=[photos],
        level="decouvrir",
    )
    second = HelpRequestFactory(
        site=site,
        shop_name="Fleurs & Sens",
        contact_name="Sophie Lambert",
        email="SOPHIE@fleurs.localhost",
        phone="",
        status=HelpRequest.Status.NEW,
    )
    other = HelpRequestFactory(
        site=site, shop_name="Autre boutique", email="autre@exemple.localhost", phone="03 21 99 99 99"
    )
    session = CoachingSessionFactory(
        request=first,
        helper=lucie,
        duration_minutes=120,
        level_before="decouvrir",
        level_after="progresser",
        outcome="Instagram configuré avec Sophie",
    )
    session.topics_covered.set([photos])
    return {
        "site": site,
        "lucie": lucie,
        "first": first,
        "second": second,
        "other": other,
        "session": session,
        "staff": programme_staff(site, "animatrice"),
    }


def test_staff_export_everything_held_about_a_shopkeeper_as_json_and_it_is_logged(client, town):
    client.force_login(town["staff"])
    response = client.get(f"/admin/coup-de-pouce/donnees/demande/{town['first'].pk}/export/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert [r["id"] for r in data["demandes"]] == [town["first"].pk, town["second"].pk]
    assert data["demandes"][0]["contact"] == "Sophie Lambert"
    assert data["demandes"][0]["seances"][0]["compte_rendu"] == "Instagram configuré avec Sophie"
    assert "Autre boutique" not in response.content.decode()
    entry = ModelLogEntry.objects.get(action="programme.export_personal_data")
    assert entry.user == town["staff"] and entry.object_id == str(town["first"].pk)


def test_staff_export_a_volunteers_data(client, town):
    client.force_login(town["staff"])
    data = json.loads(
        client.get(f"/admin/coup-de-pouce/donnees/volontaire/{town['lucie'].pk}/export/").content
    )
    assert data["personne"]["email"] == "lucie@v.localhost"
    assert data["personne"]["competences"] == ["Photos de produits"]
    assert data["personne"]["seances"][0]["duree_minutes"] == 120


def test_erasing_asks_for_confirmation_first(client, town):
    client.force_login(town["staff"])
    response = client.get(f"/admin/coup-de-pouce/donnees/demande/{town['first'].pk}/effacer/")
    assert response.status_code == 200
    assert "Oui, effacer ces données personnelles" in response.content.decode()
    town["first"].refresh_from_db()
    assert town["first"].contact_name == "Sophie Lambert"


def test_erasing_a_shopkeeper_anonymises_all_their_requests_keeps_figures_and_is_logged(client, town):
    before = dashboard_figures([town["site"].pk])
    client.force_login(town["staff"])
    response = client.post(f"/admin/coup-de-pouce/donnees/demande/{town['first'].pk}/effacer/")
    assert response.status_code == 302

    for key in ("first", "second"):
        request = HelpRequest.objects.get(pk=town[key].pk)
        assert request.anonymised_at is not None
        assert (request.contact_name, request.email, request.phone, request.shop_name, request.message) == (
            "",
            "",
            "",
            "",
            "",
        )
        assert request.topics.count() == (1 if key == "first" else 0)
    assert HelpRequest.objects.get(pk=town["other"].pk).email == "autre@exemple.localhost"
    assert CoachingSession.objects.get(pk=town["session"].pk).outcome == ""
    assert dashboard_figures([town["site"].pk]) == before
    entry = ModelLogEntry.objects.get(action="programme.erase_personal_data")
    assert entry.user == town["staff"]
    assert entry.data == {"records": 2}
    assert client.get(f"/admin/coup-de-pouce/donnees/demande/{town['first'].pk}/export/").status_code == 404


def test_erasing_a_volunteer_keeps_their_hours_and_closes_their_account(client, town):
    user = volunteer_account(town["lucie"], "lucie")
    before = dashboard_figures([town["site"].pk])
    client.force_login(town["staff"])
    client.post(f"/admin/coup-de-pouce/donnees/volontaire/{town['lucie'].pk}/effacer/")
    lucie = Volunteer.objects.get(pk=town["lucie"].pk)
    assert lucie.email == "" and lucie.last_name == "" and lucie.phone == "" and lucie.user is None
    user.refresh_from_db()
    assert user.is_active is False and user.email == "" and not user.has_usable_password()
    assert dashboard_figures([town["site"].pk]) == before


def test_the_daily_command_anonymises_only_what_is_past_the_towns_delay(town, towns):
    settings = ProgrammeSettings.for_site(town["site"])
    settings.retention_months = 12
    settings.save()
    long_ago = timezone.now() - datetime.timedelta(days=400)
    recently = timezone.now() - datetime.timedelta(days=100)
    old_closed = HelpRequestFactory(
        site=town["site"], contact_name="Ancienne", status=HelpRequest.Status.CLOSED
    )
    recent_closed = HelpRequestFactory(
        site=town["site"], contact_name="Récente", status=HelpRequest.Status.CLOSED
    )
    old_open = HelpRequestFactory(site=town["site"], contact_name="Ouverte", created_at=long_ago)
    HelpRequest.objects.filter(pk=old_closed.pk).update(closed_at=long_ago)
    HelpRequest.objects.filter(pk=recent_closed.pk).update(closed_at=recently)
    gone = VolunteerFactory(site=town["site"], first_name="Partie", status=Volunteer.Status.LEFT)
    Volunteer.objects.filter(pk=gone.pk).update(left_at=long_ago)
    beauvais = towns["beauvais"].get_site()
    far = HelpRequestFactory(
        site=beauvais, contact_name="Beauvais 400 jours", status=HelpRequest.Status.CLOSED
    )
    HelpRequest.objects.filter(pk=far.pk).update(closed_at=long_ago)  # Beauvais keeps 24 months

    before = dashboard_figures([town["site"].pk])
    call_command("anonymise_expired", stdout=StringIO())

    assert HelpRequest.objects.get(pk=old_closed.pk).contact_name == ""
    assert HelpRequest.objects.get(pk=recent_closed.pk).contact_name == "Récente"
    assert HelpRequest.objects.get(pk=old_open.pk).contact_name == "Ouverte"
    assert HelpRequest.objects.get(pk=far.pk).contact_name == "Beauvais 400 jours"
    assert Volunteer.objects.get(pk=gone.pk).first_name == "—"
    assert Volunteer.objects.get(pk=town["lucie"].pk).first_name == "Lucie"
    assert dashboard_figures([town["site"].pk]) == before

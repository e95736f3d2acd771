"""Assignment e-mails, volunteer accounts, and the daily follow-up reminders."""

import datetime
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone
from wagtail_modeladmin.helpers import AdminURLHelper

from programme.models import CoachingSession, HelpRequest
from tests.factories import (
    CoachingSessionFactory,
    HelpRequestFactory,
    TopicFactory,
    VolunteerFactory,
    programme_staff,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def town(towns):
    site = towns["bethune"].get_site()
    photos = TopicFactory(slug="photos-de-produits", name="Photos de produits")
    social = TopicFactory(slug="reseaux-sociaux", name="Réseaux sociaux")
    return {
        "site": site,
        "photos": photos,
        "lucie": VolunteerFactory(site=site, first_name="Lucie", email="lucie@v.localhost", skills=[photos]),
        "marc": VolunteerFactory(site=site, first_name="Marc", email="marc@v.localhost", skills=[social]),
        "far": VolunteerFactory(site=towns["beauvais"].get_site(), first_name="Gaston", skills=[photos]),
        "request": HelpRequestFactory(
            site=site, shop_name="Fleurs & Sens", email="sophie@fleurs.localhost", topics=[photos]
        ),
        "staff": programme_staff(site, "animatrice"),
    }


def test_the_assign_view_suggests_the_best_helper_first_and_never_another_town(client, town):
    client.force_login(town["staff"])
    html = client.get(f"/admin/coup-de-pouce/demandes/{town['request'].pk}/assigner/").content.decode()
    assert html.index("Lucie") < html.index("Marc")
    assert "Gaston" not in html


def test_assigning_tells_the_helper_and_the_shopkeeper_by_email(client, town, mailoutbox):
    client.force_login(town["staff"])
    response = client.post(
        f"/admin/coup-de-pouce/demandes/{town['request'].pk}/assigner/", {"helper": town["lucie"].pk}
    )
    assert response.status_code == 302
    request = HelpRequest.objects.get(pk=town["request"].pk)
    assert request.helper == town["lucie"]
    assert request.status == HelpRequest.Status.ASSIGNED
    assert request.assigned_at is not None
    by_recipient = {mail.to[0]: mail for mail in mailoutbox}
    assert "Fleurs & Sens" in by_recipient["lucie@v.localhost"].subject
    assert "sophie@fleurs.localhost" in by_recipient["lucie@v.localhost"].body
    assert "Lucie" in by_recipient["sophie@fleurs.localhost"].subject
    assert "lucie@v.localhost" not in by_recipient["sophie@fleurs.localhost"].body


def test_a_helper_of_another_town_cannot_be_assigned_even_by_a_forged_form(client, town, mailoutbox):
    client.force_login(town["staff"])
    client.post(f"/admin/coup-de-pouce/demandes/{town['request'].pk}/assigner/", {"helper": town["far"].pk})
    assert HelpRequest.objects.get(pk=town["request"].pk).helper is None
    assert mailoutbox == []


def test_changing_the_helper_in_the_edit_form_also_sends_the_emails(client, town, mailoutbox):
    client.force_login(town["staff"])
    url = AdminURLHelper(HelpRequest).get_action_url("edit", town["request"].pk)
    response = client.post(
        url,
        {
            "status": "new",
            "helper": town["marc"].pk,
            "notes": "",
            "shop_name": "Fleurs & Sens",
            "contact_name": "Sophie",
            "email": "sophie@fleurs.localhost",
            "phone": "",
            "topics": [town["photos"].pk],
            "level": "",
            "preferred_mode": "",
            "message": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    request = HelpRequest.objects.get(pk=town["request"].pk)
    assert request.helper == town["marc"] and request.status == HelpRequest.Status.ASSIGNED
    assert {mail.to[0] for mail in mailoutbox} == {"marc@v.localhost", "sophie@fleurs.localhost"}


def test_creating_an_account_for_an_active_volunteer_sends_a_set_password_link(client, town, mailoutbox):
    client.force_login(town["staff"])
    url = f"/admin/coup-de-pouce/volontaires/{town['lucie'].pk}/compte/"
    assert "Créer le compte et envoyer l’e-mail" in client.get(url).content.decode()
    client.post(url)
    town["lucie"].refresh_from_db()
    user = town["lucie"].user
    assert user is not None and not user.has_usable_password()
    assert user.groups.get().name == "Volontaires — Béthune"
    mail = mailoutbox[0]
    assert mail.to == ["lucie@v.localhost"]
    link = next(line for line in mail.body.splitlines() if "/admin/password_reset/confirm/" in line).strip()
    path = link.split("testserver", 1)[-1]
    response = client.get(path, follow=True)
    assert response.status_code == 200
    assert "new_password1" in response.content.decode()
    # a second click on the button creates nothing more
    client.post(url)
    assert get_user_model().objects.filter(email="lucie@v.localhost").count() == 1


def test_the_daily_reminder_goes_once_a_day_to_helpers_with_due_or_overdue_follow_ups(town, mailoutbox):
    today = timezone.localdate()
    request = HelpRequestFactory(site=town["site"], helper=town["lucie"], shop_name="Boucherie du Beffroi")
    overdue = CoachingSessionFactory(request=request, follow_up_date=today - datetime.timedelta(days=3))
    due = CoachingSessionFactory(request=request, follow_up_date=today)
    CoachingSessionFactory(request=request, follow_up_date=today + datetime.timedelta(days=1))
    CoachingSessionFactory(
        request=request, follow_up_date=today - datetime.timedelta(days=1), follow_up_done=True
    )

    call_command("send_follow_up_reminders", stdout=StringIO())
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["lucie@v.localhost"]
    assert "2 suivis sont à faire" in mailoutbox[0].body
    assert "Boucherie du Beffroi" in mailoutbox[0].body
    assert set(CoachingSession.objects.filter(last_reminded_on=today).values_list("pk", flat=True)) == {
        overdue.pk,
        due.pk,
    }

    call_command("send_follow_up_reminders", stdout=StringIO())
    assert len(mailoutbox) == 1


def test_the_follow_up_list_shows_due_and_overdue_sessions_to_staff(client, town):
    today = timezone.localdate()
    request = HelpRequestFactory(site=town["site"], helper=town["lucie"], shop_name="Boucherie du Beffroi")
    CoachingSessionFactory(request=request, follow_up_date=today - datetime.timedelta(days=3))
    later = HelpRequestFactory(site=town["site"], helper=town["lucie"], shop_name="Plus tard")
    CoachingSessionFactory(request=later, follow_up_date=today + datetime.timedelta(days=30))
    client.force_login(town["staff"])
    html = client.get(AdminURLHelper(CoachingSession).index_url + "?suivi=a-faire").content.decode()
    assert "Boucherie du Beffroi" in html
    assert "Plus tard" not in html


def test_a_session_records_the_towns_guides_used_and_only_those(client, town, towns):
    from tests.factories import GuideIndexPageFactory, GuidePageFactory

    guide = GuidePageFactory(
        parent=GuideIndexPageFactory(parent=towns["bethune"]), title="Photographier ses produits"
    )
    far_guide = GuidePageFactory(
        parent=GuideIndexPageFactory(parent=towns["beauvais"]),
        title="Guide de Beauvais",
        slug="guide-beauvais",
    )
    request = HelpRequestFactory(site=town["site"], helper=town["lucie"], status=HelpRequest.Status.ASSIGNED)
    client.force_login(town["staff"])
    url = AdminURLHelper(CoachingSession).create_url
    html = client.get(url).content.decode()
    assert "Photographier ses produits" in html and "Guide de Beauvais" not in html
    data = {"request": request.pk, "date": "2026-02-01", "duration_minutes": "120", "mode": "boutique"}
    client.post(url, data | {"guides": [far_guide.pk]})
    assert not CoachingSession.objects.exists()
    assert client.post(url, data | {"guides": [guide.pk]}).status_code == 302
    assert list(CoachingSession.objects.get().guides.all()) == [guide]

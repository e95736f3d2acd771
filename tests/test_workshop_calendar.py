"""The confirmation's calendar file follows RFC 5545, and the cancellation link frees the seat."""

import datetime
import zoneinfo
from urllib.parse import unquote

import pytest

from learning.models import Registration
from learning.views import CANCEL_SALT, registration_token
from tests.conftest import BETHUNE_HOST
from tests.factories import WorkshopIndexPageFactory, WorkshopPageFactory
from tests.factories.learning import confirm_by_email

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
URL = "/ateliers/atelier-photos/"


@pytest.fixture
def workshop(towns):
    index = WorkshopIndexPageFactory(parent=towns["bethune"])
    return WorkshopPageFactory(
        parent=index,
        slug="atelier-photos",
        title="Atelier : de belles photos de produits avec son téléphone, pour les commerçants du centre",
        starts_at=datetime.datetime(2030, 3, 14, 14, 30, tzinfo=PARIS),
        duration=90,
        place="Salle des fêtes; place du Beffroi, Béthune",
        capacity=1,
    )


def register(client, name, email, mailoutbox):
    """Register, then confirm with the link of the e-mail received, as the person would."""
    data = {"name": name, "email": email, "phone": "", "shop_name": "", "consent": "on"}
    client.post(URL, data, HTTP_HOST=BETHUNE_HOST)
    return confirm_by_email(client, mailoutbox[-1], BETHUNE_HOST)


def cancellation_token(registration):
    return registration_token(registration, CANCEL_SALT)


def unfold(text):
    return text.replace("\r\n ", "")


def test_the_calendar_file_is_valid_rfc_5545(client, workshop, mailoutbox):
    register(client, "Martine", "martine@exemple.fr", mailoutbox)
    _, ics, _ = mailoutbox[-1].attachments[0]
    assert ics.startswith("BEGIN:VCALENDAR\r\n") and ics.endswith("END:VCALENDAR\r\n")
    assert "\n" not in ics.replace("\r\n", "")  # every line ends with CRLF
    assert all(len(line.encode()) <= 75 for line in ics.split("\r\n"))
    lines = unfold(ics).split("\r\n")
    assert "VERSION:2.0" in lines and lines.index("BEGIN:VEVENT") < lines.index("END:VEVENT")
    properties = dict(line.split(":", 1) for line in lines if ":" in line)
    # 14:30 in Paris in March (UTC+1) is 13:30 UTC; 90 minutes later.
    assert properties["DTSTART"] == "20300314T133000Z"
    assert properties["DTEND"] == "20300314T150000Z"
    assert properties["UID"].startswith("atelier-") and "@" in properties["UID"]
    assert properties["SUMMARY"] == (
        "Atelier : de belles photos de produits avec son téléphone\\, pour les commerçants du centre"
    )
    assert properties["LOCATION"] == "Salle des fêtes\\; place du Beffroi\\, Béthune"
    assert "DTSTAMP" in properties


def test_a_long_accented_title_is_folded_without_cutting_a_character(client, workshop, mailoutbox):
    workshop.title = "Atelier " + "é" * 100
    workshop.save()
    register(client, "Martine", "martine@exemple.fr", mailoutbox)
    _, ics, _ = mailoutbox[-1].attachments[0]
    assert all(len(line.encode()) <= 75 for line in ics.split("\r\n"))
    properties = dict(line.split(":", 1) for line in unfold(ics).split("\r\n") if ":" in line)
    assert properties["SUMMARY"] == workshop.title


def test_the_cancellation_link_frees_the_seat_and_promotes_the_waiting_list(client, workshop, mailoutbox):
    register(client, "Martine", "martine@exemple.fr", mailoutbox)
    register(client, "Yacine", "yacine@exemple.fr", mailoutbox)
    martine, yacine = Registration.objects.get(name="Martine"), Registration.objects.get(name="Yacine")
    assert yacine.status == "waiting"

    link = mailoutbox[1].body.split("http://bethune.localhost")[-1].split()[0]
    assert link.startswith(URL + "annulation/?jeton=")
    page = client.get(link, HTTP_HOST=BETHUNE_HOST).content.decode()
    assert "Voulez-vous annuler l'inscription de Martine" in page
    assert Registration.objects.get(pk=martine.pk).status == "confirmed"  # a GET changes nothing

    token = unquote(link.split("jeton=")[1])
    response = client.post(f"{URL}annulation/", {"jeton": token}, HTTP_HOST=BETHUNE_HOST, follow=True)
    assert "Votre inscription est annulée." in response.content.decode()
    martine.refresh_from_db()
    yacine.refresh_from_db()
    assert martine.status == "cancelled" and martine.cancelled_at is not None
    assert yacine.status == "confirmed"
    promoted = mailoutbox[-1]
    assert promoted.to == ["yacine@exemple.fr"]
    assert "Bonne nouvelle : une place s'est libérée" in promoted.body
    assert promoted.attachments[0][0] == "atelier.ics"

    again = client.post(f"{URL}annulation/", {"jeton": token}, HTTP_HOST=BETHUNE_HOST)
    assert "Cette inscription est déjà annulée." in again.content.decode()
    assert Registration.objects.filter(status="confirmed").count() == 1


def test_a_tampered_cancellation_link_is_refused(client, workshop, mailoutbox):
    register(client, "Martine", "martine@exemple.fr", mailoutbox)
    registration = Registration.objects.get()
    token = cancellation_token(registration)
    response = client.post(f"{URL}annulation/", {"jeton": token[:-2] + "xx"}, HTTP_HOST=BETHUNE_HOST)
    assert response.status_code == 400
    assert "Ce lien d'annulation n'est pas valide." in response.content.decode()
    assert Registration.objects.get().status == "confirmed"


def test_a_link_for_another_workshop_is_refused(client, workshop, mailoutbox):
    register(client, "Martine", "martine@exemple.fr", mailoutbox)
    token = cancellation_token(Registration.objects.get())
    other = WorkshopPageFactory(parent=workshop.get_parent(), slug="autre")
    response = client.post("/ateliers/autre/annulation/", {"jeton": token}, HTTP_HOST=BETHUNE_HOST)
    assert response.status_code == 400
    assert other.registrations.count() == 0
    assert Registration.objects.get().status == "confirmed"

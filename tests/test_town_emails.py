"""Every e-mail of the portal speaks for its town: French, a one-line subject, the town's name as
sender, answers to the town's contact, links on the town's own host and port, an HTML part."""

import ast
import datetime
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from learning.models import Topic, WorkshopIndexPage
from programme.services import notify_assignment
from shops.freshness import send_reminders
from shops.models import ShopPage
from shops.shopkeepers import invite
from tests.factories import (
    HelpRequestFactory,
    UserFactory,
    VolunteerFactory,
    WorkshopPageFactory,
    give_shop,
)
from tests.factories.learning import confirm_by_email
from tests.factories.shops_staff import make_shop, shop_index
from towns.towns import create_town

ARRAS_HOST = "arras.localhost:8123"
ARRAS_ROOT = f"http://{ARRAS_HOST}/"
CONTACT = "commerce@mairie-arras.localhost"
SENDER = "Arras <ne-pas-repondre@proximite.localhost>"
LINK = re.compile(r"https?://[^\s<>\"]+")


@pytest.fixture
def arras(towns):
    """A town on a port of its own, made as `add_town` makes it, with one agent in its staff."""
    cache.clear()  # no rate limit left over by another test's forms
    town, _created = create_town("Arras", "arras.localhost", port=8123, contact_email=CONTACT)
    agent = UserFactory(username="agent-arras", email="agent@mairie-arras.localhost")
    agent.groups.add(town.staff_group)
    town.agent = agent
    return town


@pytest.fixture
def arras_client():
    return Client(HTTP_HOST=ARRAS_HOST, SERVER_PORT="8123")


@pytest.fixture
def shop(arras):
    return make_shop(
        shop_index(arras.home_page),
        "Boulangerie du Beffroi",
        town="Arras",
        email="boulangerie@exemple.localhost",
        products=[("Baguette tradition", "1.20", True)],
    )


@pytest.fixture(autouse=True)
def english_around(settings):
    """The person who triggers an e-mail may browse in English: the e-mail stays French."""
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


def assert_town_email(message, subject, *, reply_to=CONTACT):
    assert message.subject == subject
    assert message.from_email == SENDER
    assert message.reply_to == [reply_to]
    links = LINK.findall(message.body)
    assert all(link.startswith(ARRAS_ROOT) for link in links), links
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert '<html lang="fr">' in html
    assert f'<a href="{ARRAS_ROOT}"' in html
    assert all(f'href="{link}"' in html for link in links if "&" not in link)


def sent_to(mailoutbox, address):
    return [message for message in mailoutbox if address in message.to]


def test_a_click_and_collect_request_tells_the_shop_the_staff_and_the_visitor(
    arras, arras_client, shop, mailoutbox
):
    product = shop.products.get()
    day = timezone.localdate() + datetime.timedelta(days=1)
    while day.weekday() == 6:
        day += datetime.timedelta(days=1)
    response = arras_client.post(
        shop.relative_url(shop.get_site()) + "reserver/",
        {
            f"quantite_{product.pk}": "2",
            "pickup_date": day.isoformat(),
            "pickup_time": "10:30",
            "contact_name": "Jeanne Dupont",
            "contact_email": "jeanne@exemple.localhost",
            "consent": "on",
        },
    )

    assert response.status_code == 302
    [to_shop] = sent_to(mailoutbox, "boulangerie@exemple.localhost")
    [to_staff] = sent_to(mailoutbox, CONTACT)
    [receipt] = sent_to(mailoutbox, "jeanne@exemple.localhost")
    number = shop.click_collect_requests.get().reference
    subject = f"Nouvelle demande de click & collect n° {number} — Boulangerie du Beffroi"
    assert_town_email(to_shop, subject, reply_to="jeanne@exemple.localhost")
    assert_town_email(to_staff, subject)
    assert to_staff.to == [CONTACT, "agent@mairie-arras.localhost"]
    assert_town_email(
        receipt,
        "Votre demande de click & collect à Boulangerie du Beffroi",
        reply_to="boulangerie@exemple.localhost",
    )


def test_a_stale_shop_page_reminds_its_owner_and_alerts_the_staff(arras, shop, mailoutbox):
    owner = UserFactory(username="boulangere", email="boulangere@exemple.localhost")
    give_shop(shop, owner)
    mailoutbox.clear()
    ShopPage.objects.filter(pk=shop.pk).update(
        last_published_at=timezone.now() - datetime.timedelta(days=400)
    )

    send_reminders()

    [reminder] = sent_to(mailoutbox, "boulangere@exemple.localhost")
    assert_town_email(reminder, "La page de Boulangerie du Beffroi est-elle toujours exacte ?")
    [alert] = sent_to(mailoutbox, CONTACT)
    assert_town_email(alert, "1 page de commerce est obsolète")
    assert alert.to == [CONTACT, "agent@mairie-arras.localhost"]


def test_an_invitation_to_edit_a_shop(arras, shop, mailoutbox):
    invite(shop, "nouvelle@exemple.localhost", "Nina", "Morel", invited_by=arras.agent)

    [invitation] = mailoutbox
    assert invitation.to == ["nouvelle@exemple.localhost"]
    assert_town_email(invitation, "Mettez à jour vous-même la page « Boulangerie du Beffroi »")


def test_a_workshop_registration_and_its_confirmation(arras, arras_client, mailoutbox):
    index = WorkshopIndexPage.objects.child_of(arras.home_page).get()  # opened by create_town
    workshop = WorkshopPageFactory(parent=index, title="Atelier photos")
    data = {
        "name": "Martine Lefebvre",
        "email": "martine@exemple.fr",
        "shop_name": "Mercerie",
        "consent": "on",
    }
    arras_client.post(workshop.relative_url(arras.site), data)

    [to_confirm] = mailoutbox
    assert_town_email(to_confirm, "Confirmez votre inscription : Atelier photos")
    confirm_by_email(arras_client, to_confirm, ARRAS_HOST)
    confirmed = mailoutbox[-1]
    assert_town_email(confirmed, "Votre inscription : Atelier photos")
    assert confirmed.attachments[0][0] == "atelier.ics"


def test_a_call_for_a_coup_de_pouce_and_its_assignment(arras, arras_client, mailoutbox):
    # The coup de pouce pages and the shared topics are opened by create_town.
    topic = Topic.objects.get(slug="photos-de-produits")
    response = arras_client.post(
        "/coup-de-pouce/demander/",
        {
            "shop_name": "Fleurs d'Arras",
            "contact_name": "Jeanne Martin",
            "email": "jeanne@fleurs.localhost",
            "topics": [topic.pk],
            "consent": "on",
        },
    )
    assert response.status_code == 302

    [to_staff] = sent_to(mailoutbox, CONTACT)
    assert to_staff.to == [CONTACT, "agent@mairie-arras.localhost"]
    assert_town_email(to_staff, "Nouvelle demande de coup de pouce : Fleurs d'Arras")
    [received] = sent_to(mailoutbox, "jeanne@fleurs.localhost")
    assert_town_email(received, "Votre demande de coup de pouce est bien reçue — Arras")

    mailoutbox.clear()
    helper = VolunteerFactory(site=arras.site, first_name="Paul", user=UserFactory(username="paul"))
    help_request = HelpRequestFactory(site=arras.site, shop_name="Fleurs d'Arras", helper=helper)
    notify_assignment(help_request)
    [to_helper] = sent_to(mailoutbox, helper.email)
    assert_town_email(to_helper, "Un coup de pouce vous est confié : Fleurs d'Arras")


def test_an_e_mail_address_change_and_a_two_factor_enrolment_code(arras, arras_client, mailoutbox):
    arras_client.force_login(arras.agent)
    arras_client.post(
        "/admin/compte/adresse-e-mail/",
        {"new_email": "agent.nouveau@mairie-arras.localhost", "current_password": "motdepasse-de-test"},
    )
    [confirm] = mailoutbox
    assert confirm.to == ["agent.nouveau@mairie-arras.localhost"]
    assert_town_email(confirm, "Confirmez votre nouvelle adresse e-mail")

    mailoutbox.clear()
    arras_client.get(reverse("two_factor_enrol"))
    [code] = mailoutbox
    assert code.to == ["agent@mairie-arras.localhost"]
    assert code.subject == "Votre code pour mettre en place la deuxième étape de votre compte"
    assert code.from_email == SENDER
    assert code.reply_to == [CONTACT]
    assert '<html lang="fr">' in code.alternatives[0][0]


def test_a_password_reset(arras, arras_client, mailoutbox):
    arras_client.post(reverse("wagtailadmin_password_reset"), {"email": arras.agent.email})

    [reset] = mailoutbox
    assert reset.to == [arras.agent.email]
    assert_town_email(reset, "Choisissez un nouveau mot de passe")
    assert f"{ARRAS_ROOT}admin/password_reset/" in reset.body


def test_no_module_but_the_towns_helper_uses_djangos_mail_api():
    """A second way to send an e-mail would forget the town's sender, language or links."""
    helper = Path(settings.BASE_DIR, "towns", "emails.py")
    skipped = {".venv", "node_modules", "tests", "var", "static"}
    offenders = []
    for path in Path(settings.BASE_DIR).rglob("*.py"):
        if skipped & set(path.relative_to(settings.BASE_DIR).parts) or path == helper:
            continue
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if isinstance(node, ast.ImportFrom):
                names = {f"{node.module}.{alias.name}" for alias in node.names}
            elif isinstance(node, ast.Import):
                names = {alias.name for alias in node.names}
            else:
                continue
            if any(name.startswith("django.core.mail") for name in names):
                offenders.append(str(path.relative_to(settings.BASE_DIR)))
    assert offenders == []

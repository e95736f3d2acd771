"""Workshops: register, confirm by e-mail, waiting list when full, never overbooked, closed once past,
a few seats per address, staff export."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from learning.models import Registration
from tests.conftest import BEAUVAIS_HOST, BETHUNE_HOST
from tests.factories import UserFactory, WorkshopIndexPageFactory, WorkshopPageFactory
from tests.factories.learning import confirm_by_email

URL = "/ateliers/atelier-photos/"


@pytest.fixture
def workshop(towns):
    index = WorkshopIndexPageFactory(parent=towns["bethune"])
    return WorkshopPageFactory(parent=index, slug="atelier-photos", capacity=2)


def register(client, name="Martine Lefebvre", email="martine@exemple.fr", phone="", consent="on", **extra):
    data = {"name": name, "email": email, "phone": phone, "shop_name": "Mercerie", "consent": consent}
    data.update(extra)
    return client.post(URL, data, HTTP_HOST=BETHUNE_HOST, follow=True)


def test_a_visitor_registers_confirms_by_email_and_gets_a_calendar_file(client, workshop, mailoutbox):
    html = client.get(URL, HTTP_HOST=BETHUNE_HOST).content.decode()
    assert "2 places restantes sur 2" in html and "La mairie de Béthune traite ces informations" in html
    assert "Une adresse peut réserver 2 places" in html

    html = register(client).content.decode()
    assert "ouvrez le lien que nous venons d&#x27;envoyer à martine@exemple.fr" in html
    registration = Registration.objects.get()
    assert registration.status == "pending" and registration.consent_at is not None
    assert registration.site.hostname == BETHUNE_HOST
    assert "1 place restante sur 2" in html  # the seat is held while the link waits

    to_confirm = mailoutbox[0]
    assert to_confirm.to == ["martine@exemple.fr"]
    assert to_confirm.subject == "Confirmez votre inscription : Atelier photos"
    assert "/ateliers/atelier-photos/confirmation/?jeton=" in to_confirm.body
    assert to_confirm.attachments == [] and "annulation" not in to_confirm.body

    html = confirm_by_email(client, to_confirm, BETHUNE_HOST).content.decode()
    assert "Votre inscription est confirmée. À bientôt à l&#x27;atelier !" in html
    registration.refresh_from_db()
    assert registration.status == "confirmed" and registration.confirmed_at is not None
    message = mailoutbox[1]
    assert message.subject == "Votre inscription : Atelier photos"
    assert "Votre inscription à l'atelier « Atelier photos » est confirmée." in message.body
    assert "/ateliers/atelier-photos/annulation/" in message.body
    filename, content, mimetype = message.attachments[0]
    assert filename == "atelier.ics" and mimetype.startswith("text/calendar")


def test_the_confirmation_link_works_once(client, workshop, mailoutbox):
    register(client)
    confirm_by_email(client, mailoutbox[0], BETHUNE_HOST)
    again = confirm_by_email(client, mailoutbox[0], BETHUNE_HOST)
    assert again.status_code == 400
    assert "Ce lien a déjà servi" in again.content.decode()
    assert len(mailoutbox) == 2  # no second confirmation e-mail
    assert Registration.objects.get().status == "confirmed"


def test_a_held_seat_counts_for_30_minutes_then_is_freed(client, workshop, mailoutbox):
    register(client)
    assert workshop.seats_left() == 1
    Registration.objects.update(held_until=timezone.now() - datetime.timedelta(seconds=1))  # 30 minutes on
    assert workshop.seats_left() == 2
    assert "2 places restantes sur 2" in client.get(URL, HTTP_HOST=BETHUNE_HOST).content.decode()

    late = confirm_by_email(client, mailoutbox[0], BETHUNE_HOST)
    assert late.status_code == 400
    assert "Ce lien a expiré" in late.content.decode()
    assert Registration.objects.get().confirmed_at is None and workshop.seats_left() == 2


def test_an_address_holds_two_places_at_most(client, workshop, mailoutbox):
    type(workshop).objects.filter(pk=workshop.pk).update(capacity=10)
    register(client, name="Une")
    register(client, name="Deux", email="MARTINE@exemple.fr")
    response = client.post(
        URL,
        {"name": "Trois", "email": "martine@exemple.fr", "shop_name": "Mercerie Trois", "consent": "on"},
        HTTP_HOST=BETHUNE_HOST,
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Cette adresse e-mail a déjà 2 places à cet atelier" in html
    assert 'value="Trois"' in html and 'value="Mercerie Trois"' in html
    assert Registration.objects.count() == 2 and len(mailoutbox) == 2

    Registration.objects.filter(name="Une").update(held_until=timezone.now() - datetime.timedelta(minutes=1))
    register(client, name="Trois")  # an unconfirmed, expired hold no longer counts
    assert Registration.objects.count() == 3


def test_an_email_address_is_needed_and_what_was_typed_stays(client, workshop, mailoutbox):
    response = client.post(
        URL,
        {"name": "Yacine", "email": "", "phone": "06 12 34 56 78", "shop_name": "Primeur", "consent": "on"},
        HTTP_HOST=BETHUNE_HOST,
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Indiquez votre adresse e-mail : le lien qui confirme votre place y est envoyé." in html
    assert 'value="Yacine"' in html and 'value="06 12 34 56 78"' in html
    assert not Registration.objects.exists() and mailoutbox == []


def test_without_consent_nothing_is_saved_and_what_was_typed_stays(client, workshop):
    response = client.post(
        URL,
        {"name": "Yacine", "shop_name": "Primeur Benali", "email": "yacine@exemple.fr"},
        HTTP_HOST=BETHUNE_HOST,
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Cochez cette case pour que nous puissions enregistrer votre inscription." in html
    assert 'value="Primeur Benali"' in html and 'value="Yacine"' in html
    assert not Registration.objects.exists()


def test_beyond_capacity_people_go_on_the_waiting_list_and_are_told(client, workshop, mailoutbox):
    register(client, name="Une", email="une@exemple.fr")
    register(client, name="Deux", email="deux@exemple.fr")
    html = register(client, name="Trois", email="trois@exemple.fr").content.decode()
    assert "S'inscrire sur la liste d'attente" in html
    assert "atelier est complet. Ouvrez le lien que nous venons d&#x27;envoyer à trois@exemple.fr" in html
    assert "liste d'attente" in mailoutbox[-1].body
    html = confirm_by_email(client, mailoutbox[-1], BETHUNE_HOST).content.decode()
    assert "L&#x27;atelier est complet : vous êtes sur la liste d&#x27;attente." in html
    statuses = dict(Registration.objects.values_list("name", "status"))
    assert statuses == {"Une": "pending", "Deux": "pending", "Trois": "waiting"}
    assert mailoutbox[-1].subject == "Liste d'attente : Atelier photos"
    assert mailoutbox[-1].attachments == []


def test_a_seat_freed_by_an_expired_hold_goes_to_the_waiting_list_first(client, workshop, mailoutbox):
    register(client, name="Une", email="une@exemple.fr")
    register(client, name="Deux", email="deux@exemple.fr")
    register(client, name="Trois", email="trois@exemple.fr")
    confirm_by_email(client, mailoutbox[-1], BETHUNE_HOST)  # Trois waits, confirmed
    Registration.objects.filter(name="Une").update(held_until=timezone.now() - datetime.timedelta(minutes=1))

    register(client, name="Quatre", email="quatre@exemple.fr")

    statuses = dict(Registration.objects.values_list("name", "status"))
    assert statuses["Trois"] == "confirmed" and statuses["Quatre"] == "waiting"
    promoted = [message for message in mailoutbox if message.to == ["trois@exemple.fr"]][-1]
    assert "une place s'est libérée" in promoted.body


def test_seats_are_never_overbooked(workshop):
    now = timezone.now()
    for number in range(6):
        workshop.register(name=f"Personne {number}", email=f"p{number}@exemple.fr", consent_at=now)
    assert workshop.registrations.filter(status="pending").count() == 2  # seats held for their link
    assert workshop.registrations.filter(status="waiting").count() == 4


def test_a_past_workshop_is_finished_and_closed(client, towns, workshop):
    index = workshop.get_parent()
    WorkshopPageFactory(
        parent=index,
        slug="passe",
        title="Atelier d'hier",
        starts_at=timezone.now() - datetime.timedelta(days=2),
    )
    html = client.get("/ateliers/passe/", HTTP_HOST=BETHUNE_HOST).content.decode()
    assert "Cet atelier est terminé." in html
    assert 'name="consent"' not in html
    client.post(
        "/ateliers/passe/", {"name": "Tard", "email": "t@exemple.fr", "consent": "on"}, HTTP_HOST=BETHUNE_HOST
    )
    assert not Registration.objects.exists()

    listing = client.get("/ateliers/", HTTP_HOST=BETHUNE_HOST).content.decode()
    upcoming, past = listing.split("Ateliers passés")
    assert "Atelier photos" in upcoming and "Atelier d&#x27;hier" in past and "terminé" in past


def test_staff_see_and_export_the_attendees_of_their_town_only(client, towns, workshop):
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import Site

    from learning.access import grant_town_learning

    now = timezone.now()
    workshop.register(
        name="Martine Lefebvre", email="martine@exemple.fr", shop_name="Mercerie", consent_at=now
    ).confirm()
    workshop.register(name="Paul Durand", email="paul@exemple.fr", consent_at=now)
    workshop.register(name="Léa Petit", email="lea@exemple.fr", consent_at=now)
    Registration.objects.filter(name="Léa Petit").update(held_until=now - datetime.timedelta(minutes=1))
    other_index = WorkshopIndexPageFactory(parent=towns["beauvais"])
    other = WorkshopPageFactory(parent=other_index, slug="atelier-beauvais", title="Atelier de Beauvais")
    other.register(name="Personne de Beauvais", email="beauvais@exemple.fr", consent_at=now)

    group = Group.objects.create(name="Équipe Béthune")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    grant_town_learning(group, Site.objects.get(hostname=BETHUNE_HOST))
    user = UserFactory(username="agent")
    user.groups.add(group)
    client.force_login(user)

    listing = client.get("/admin/learning/registration/").content.decode()
    assert "Martine Lefebvre" in listing and "Personne de Beauvais" not in listing
    assert "Inscrit" in listing and "En attente de confirmation" in listing
    assert "Non confirmée à temps" in listing
    assert "Atelier de Beauvais" not in listing
    export = client.get(f"/admin/learning/registration/?export=csv&atelier={workshop.pk}")
    content = b"".join(export.streaming_content).decode() if export.streaming else export.content.decode()
    assert "Martine Lefebvre" in content and "martine@exemple.fr" in content and "Mercerie" in content
    assert "Inscrit" in content
    assert "Beauvais" not in content
    assert client.get(
        f"/admin/learning/registration/inspect/{other.registrations.get().pk}/"
    ).status_code in {
        302,
        403,
        404,
    }


def test_old_registrations_are_deleted_after_three_months(towns, workshop):
    old = WorkshopPageFactory(
        parent=workshop.get_parent(), slug="vieux", starts_at=timezone.now() - datetime.timedelta(days=100)
    )
    now = timezone.now()
    old.register(name="Ancienne", email="a@exemple.fr", consent_at=now)
    workshop.register(name="Récente", email="r@exemple.fr", consent_at=now)
    out = StringIO()
    call_command("purge_workshop_registrations", stdout=out)
    assert "1 workshop registration(s) deleted." in out.getvalue()
    assert list(Registration.objects.values_list("name", flat=True)) == ["Récente"]


def test_a_workshop_of_another_town_is_not_served_here(client, towns, workshop):
    assert client.get(URL, HTTP_HOST=BEAUVAIS_HOST).status_code == 404


def test_workshop_pages_queries_are_bounded(client, workshop, django_assert_max_num_queries):
    now = timezone.now()
    for number in range(8):
        workshop.register(name=f"Personne {number}", email=f"p{number}@exemple.fr", consent_at=now)
    with django_assert_max_num_queries(30):
        assert client.get(URL, HTTP_HOST=BETHUNE_HOST).status_code == 200
    with django_assert_max_num_queries(30):
        assert client.get("/ateliers/", HTTP_HOST=BETHUNE_HOST).status_code == 200


def test_the_cancellation_link_stops_working_once_the_workshop_is_over(client, workshop, mailoutbox):
    register(client)
    confirm_by_email(client, mailoutbox[0], BETHUNE_HOST)
    link = mailoutbox[1].body.split("http://bethune.localhost")[-1].split()[0]
    assert client.get(link, HTTP_HOST=BETHUNE_HOST).status_code == 200
    starts_at = timezone.now() - datetime.timedelta(hours=3)
    type(workshop).objects.filter(pk=workshop.pk).update(starts_at=starts_at)  # a 2-hour workshop, over

    for response in (client.get(link, HTTP_HOST=BETHUNE_HOST), client.post(link, HTTP_HOST=BETHUNE_HOST)):
        assert response.status_code == 400
        html = response.content.decode()
        assert "Cet atelier est terminé : son lien d'annulation ne fonctionne plus." in html
        assert "Martine" not in html
    assert Registration.objects.get().status == "confirmed"

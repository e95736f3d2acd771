"""Changing one's e-mail address at “Mon compte” asks for the password, and happens only when the
link sent to the new address is opened by the account holder: an address is where invitations
and password resets go, so it is never taken over by whoever sits at a signed-in admin."""

import re
import time

import pytest
from django.urls import reverse

from accounts.account_email import EMAIL_CHANGE_MAX_AGE
from tests.conftest import BETHUNE_HOST
from tests.factories import shopkeeper_world

PASSWORD = "motdepasse-de-test"
NEW_ADDRESS = "contact@boulangerie-alpha.localhost"
CHANGE_URL = "/admin/compte/adresse-e-mail/"


@pytest.fixture
def world(towns):
    return shopkeeper_world(towns, workflow=False)


@pytest.fixture
def keeper(client, world):
    client.force_login(world.keeper_b)
    return world.keeper_b


def ask_for_change(client, address=NEW_ADDRESS, password=PASSWORD):
    return client.post(
        CHANGE_URL, {"new_email": address, "current_password": password}, HTTP_HOST=BETHUNE_HOST
    )


def confirmation_link(mailoutbox):
    match = re.search(r"http://\S+/admin/compte/adresse-e-mail/confirmer/\S+/", mailoutbox[-1].body)
    assert match, mailoutbox[-1].body
    return re.sub(r"^http://[^/]+", "", match.group(0))


def test_the_account_page_no_longer_changes_the_address(client, keeper):
    page = client.get(reverse("wagtailadmin_account"), HTTP_HOST=BETHUNE_HOST).content.decode()
    assert 'name="name_email-email"' not in page
    assert CHANGE_URL in page

    response = client.post(
        reverse("wagtailadmin_account"),
        {
            "name_email-first_name": "Claire",
            "name_email-last_name": "Martin",
            "name_email-email": NEW_ADDRESS,
            "locale-preferred_language": "fr",
            "locale-current_time_zone": "Europe/Paris",
            "theme-theme": "system",
            "theme-density": "default",
            "theme-contrast": "system",
        },
        HTTP_HOST=BETHUNE_HOST,
    )

    assert response.status_code == 302  # the rest of the form is saved
    keeper.refresh_from_db()
    assert keeper.email != NEW_ADDRESS


def test_without_the_right_password_nothing_is_sent(client, keeper, mailoutbox):
    response = ask_for_change(client, password="pas-le-bon")

    assert response.status_code == 200
    page = response.content.decode()
    assert "Ce mot de passe n’est pas le bon" in page
    assert f'value="{NEW_ADDRESS}"' in page
    assert mailoutbox == []
    keeper.refresh_from_db()
    assert keeper.email != NEW_ADDRESS


def test_with_the_password_only_a_link_is_sent_to_the_new_address(client, keeper, mailoutbox):
    old_address = keeper.email

    response = ask_for_change(client)

    assert response.status_code == 302
    assert [message.to for message in mailoutbox] == [[NEW_ADDRESS]]
    assert "2 jours" in mailoutbox[0].body
    keeper.refresh_from_db()
    assert keeper.email == old_address


def test_the_link_opened_by_the_account_holder_changes_the_address(client, keeper, mailoutbox):
    old_address = keeper.email
    ask_for_change(client)
    link = confirmation_link(mailoutbox)

    page = client.get(link, HTTP_HOST=BETHUNE_HOST)
    assert page.status_code == 200 and NEW_ADDRESS in page.content.decode()
    keeper.refresh_from_db()
    assert keeper.email == old_address  # opening shows a button; e-mail scanners open links too

    response = client.post(link, HTTP_HOST=BETHUNE_HOST)

    assert response.status_code == 302
    keeper.refresh_from_db()
    assert keeper.email == NEW_ADDRESS
    notice = mailoutbox[-1]
    assert notice.to == [old_address]
    assert NEW_ADDRESS in notice.body


def test_a_used_link_is_refused(client, keeper, mailoutbox):
    ask_for_change(client)
    link = confirmation_link(mailoutbox)
    client.post(link, HTTP_HOST=BETHUNE_HOST)
    keeper.email = "encore-une-autre@exemple.localhost"
    keeper.save()

    response = client.post(link, HTTP_HOST=BETHUNE_HOST)

    assert response.status_code == 400
    keeper.refresh_from_db()
    assert keeper.email == "encore-une-autre@exemple.localhost"


def test_a_link_opened_again_after_the_change_says_it_is_done(client, keeper, mailoutbox):
    ask_for_change(client)
    link = confirmation_link(mailoutbox)
    client.post(link, HTTP_HOST=BETHUNE_HOST)

    page = client.get(link, HTTP_HOST=BETHUNE_HOST)
    html = page.content.decode()

    assert page.status_code == 200
    assert f"Ce lien a déjà servi : votre adresse est maintenant {NEW_ADDRESS}." in html
    assert "n’a pas changé" not in html


def test_an_expired_link_is_refused(client, keeper, mailoutbox, monkeypatch):
    old_address = keeper.email
    ask_for_change(client)
    link = confirmation_link(mailoutbox)
    later = time.time() + EMAIL_CHANGE_MAX_AGE + 60
    monkeypatch.setattr("django.core.signing.time.time", lambda: later)

    response = client.post(link, HTTP_HOST=BETHUNE_HOST)

    assert response.status_code == 400
    assert "a expiré" in response.content.decode()
    keeper.refresh_from_db()
    assert keeper.email == old_address


def test_the_link_does_nothing_for_another_account(client, world, keeper, mailoutbox):
    ask_for_change(client)
    link = confirmation_link(mailoutbox)
    client.force_login(world.keeper_c)

    response = client.post(link, HTTP_HOST=BETHUNE_HOST)

    assert response.status_code == 403
    world.keeper_c.refresh_from_db()
    keeper.refresh_from_db()
    assert NEW_ADDRESS not in {world.keeper_c.email, keeper.email}


def test_an_address_another_account_uses_is_refused(client, world, keeper, mailoutbox):
    response = ask_for_change(client, address=world.keeper_a.email.upper())

    assert response.status_code == 200
    assert "Une autre personne utilise déjà cette adresse" in response.content.decode()
    assert mailoutbox == []


def test_guessing_the_password_here_locks_the_account_out_as_at_sign_in(client, keeper, mailoutbox):
    for _attempt in range(5):
        ask_for_change(client, password="pas-le-bon")

    response = ask_for_change(client)  # even the right password, now

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
    assert "_auth_user_id" not in client.session
    assert mailoutbox == []

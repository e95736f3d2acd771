"""Guessing passwords: wrong ones lock the account wherever they come from, and the address they come from.

After 5 wrong passwords an account is locked for 15 minutes, from every address; an address
where many wrong passwords were typed, for whatever accounts (password spraying), is locked too,
at a higher count so a shop's shared connection does not lock its people out for a few typos.
"""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt, AccessLog

from tests.conftest import BETHUNE_HOST

LOGIN_URL = "/admin/login/"
PASSWORD = "le-bon-mot-de-passe"


@pytest.fixture
def editor(towns, django_user_model):
    return django_user_model.objects.create_superuser("agent-mairie", "agent@example.org", PASSWORD)


def sign_in(client, username, password, ip="192.0.2.10"):
    return client.post(
        LOGIN_URL,
        {"username": username, "password": password},
        HTTP_HOST=BETHUNE_HOST,
        REMOTE_ADDR=ip,
    )


def is_signed_in(client):
    return "_auth_user_id" in client.session


def fail_five_times(client, username="agent-mairie", ip="192.0.2.10"):
    statuses = [sign_in(client, username, "mauvais", ip=ip).status_code for _ in range(5)]
    # The login form again with its error four times; the fifth failure already locks.
    assert statuses == [200, 200, 200, 200, 429]
    assert not is_signed_in(client)


def test_the_sixth_attempt_is_refused_even_with_the_right_password(client, editor):
    fail_five_times(client)

    response = sign_in(client, "agent-mairie", PASSWORD)

    assert response.status_code == 429
    page = response.content.decode()
    assert "Trop de tentatives de connexion" in page
    assert "15 minutes" in page
    assert not is_signed_in(client)


def test_another_account_from_the_same_address_is_not_locked(client, editor, django_user_model):
    django_user_model.objects.create_superuser("autre-agent", "autre@example.org", PASSWORD)
    fail_five_times(client)

    assert sign_in(client, "autre-agent", PASSWORD).status_code == 302
    assert is_signed_in(client)


def test_one_account_tried_from_five_addresses_is_locked_everywhere(client, editor):
    addresses = [f"203.0.113.{n}" for n in range(1, 6)]
    statuses = [sign_in(client, "agent-mairie", "mauvais", ip=ip).status_code for ip in addresses]
    assert statuses == [200, 200, 200, 200, 429]

    response = sign_in(client, "agent-mairie", PASSWORD, ip="198.51.100.7")

    assert response.status_code == 429
    page = response.content.decode()
    assert "Un mot de passe ou un code du téléphone erroné a été saisi pour ce compte 5 fois" in page
    assert "15 minutes" in page
    assert not is_signed_in(client)


def test_one_address_trying_many_accounts_is_locked_for_every_account(client, editor, settings):
    limit = settings.PROXIMITE_ADDRESS_FAILURE_LIMIT
    assert limit > settings.AXES_FAILURE_LIMIT
    statuses = [sign_in(client, f"compte-{n}", "mauvais").status_code for n in range(limit)]
    assert statuses == [200] * (limit - 1) + [429]

    response = sign_in(client, "agent-mairie", PASSWORD)

    assert response.status_code == 429
    page = response.content.decode()
    assert "depuis votre connexion pour plusieurs comptes" in page
    assert "15 minutes" in page
    assert not is_signed_in(client)
    assert sign_in(client, "agent-mairie", PASSWORD, ip="198.51.100.7").status_code == 302


def test_people_sharing_a_connection_who_mistype_a_few_times_are_not_locked(client, django_user_model, towns):
    people = [f"vendeuse-{n}" for n in range(3)]
    for username in people:
        django_user_model.objects.create_superuser(username, f"{username}@example.org", PASSWORD)
    for username in people:
        for _ in range(4):
            assert sign_in(client, username, "mauvais").status_code == 200

    for username in people:
        client.logout()
        assert sign_in(client, username, PASSWORD).status_code == 302
        assert is_signed_in(client)


def test_signing_in_to_ones_own_account_does_not_clear_an_address_count(client, editor, settings):
    limit = settings.PROXIMITE_ADDRESS_FAILURE_LIMIT
    for n in range(limit - 1):
        sign_in(client, f"compte-{n}", "mauvais")
    assert sign_in(client, "agent-mairie", PASSWORD).status_code == 302
    client.logout()

    assert sign_in(client, "compte-suivant", "mauvais").status_code == 429


def test_signing_in_works_again_after_the_cool_off(client, editor):
    fail_five_times(client)
    assert sign_in(client, "agent-mairie", PASSWORD).status_code == 429

    attempt = AccessAttempt.objects.get(username="agent-mairie")
    attempt.attempt_time -= timedelta(minutes=16)
    attempt.save()

    assert sign_in(client, "agent-mairie", PASSWORD).status_code == 302
    assert is_signed_in(client)


def test_a_successful_sign_in_resets_the_count(client, editor):
    for _ in range(4):
        sign_in(client, "agent-mairie", "mauvais")
    assert sign_in(client, "agent-mairie", PASSWORD).status_code == 302
    client.logout()

    for _ in range(4):
        sign_in(client, "agent-mairie", "mauvais")
    response = sign_in(client, "agent-mairie", PASSWORD)

    assert response.status_code == 302
    assert is_signed_in(client)
    assert not AccessAttempt.objects.filter(username="agent-mairie").exists()
    assert not AccessLog.objects.exists(), "no record of who signed in from where"


def test_a_made_up_forwarded_address_does_not_escape_the_lock(client, editor):
    fail_five_times(client)

    response = client.post(
        LOGIN_URL,
        {"username": "agent-mairie", "password": PASSWORD},
        HTTP_HOST=BETHUNE_HOST,
        REMOTE_ADDR="192.0.2.10",
        HTTP_X_FORWARDED_FOR="203.0.113.99",
    )

    assert response.status_code == 429
    assert not is_signed_in(client)


def test_behind_a_trusted_proxy_the_visitor_address_counts(client, editor, settings):
    settings.TRUST_X_FORWARDED_FOR = True
    for n in range(settings.PROXIMITE_ADDRESS_FAILURE_LIMIT):
        client.post(
            LOGIN_URL,
            {"username": f"compte-{n}", "password": "mauvais"},
            HTTP_HOST=BETHUNE_HOST,
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR="203.0.113.5",
        )

    # Another visitor behind the same proxy can still sign in.
    response = client.post(
        LOGIN_URL,
        {"username": "agent-mairie", "password": PASSWORD},
        HTTP_HOST=BETHUNE_HOST,
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="198.51.100.20",
    )
    assert response.status_code == 302
    assert is_signed_in(client)

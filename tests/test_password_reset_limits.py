"""Asking for a password reset: limited per e-mail address and per visitor, with the same neutral answer.

Past a limit the page says what it always says (it never tells whether the address has an
account), but no e-mail leaves: nobody can flood a mailbox or probe many addresses.
"""

import pytest
from django.core import mail

from tests.conftest import BETHUNE_HOST
from tests.factories import UserFactory

RESET_URL = "/admin/password_reset/"
DONE_URL = "/admin/password_reset/done/"


def ask_reset(client, email, ip="192.0.2.30"):
    return client.post(RESET_URL, {"email": email}, HTTP_HOST=BETHUNE_HOST, REMOTE_ADDR=ip)


@pytest.fixture
def agent(towns):
    return UserFactory(username="agent-reset", email="agent.reset@mairie.localhost")


def test_one_address_gets_three_reset_emails_an_hour_whoever_asks(client, agent, settings):
    answers = [ask_reset(client, agent.email, ip=f"203.0.113.{n}") for n in range(1, 6)]

    assert [answer.status_code for answer in answers] == [302] * 5
    assert {answer["Location"] for answer in answers} == {DONE_URL}
    assert len(mail.outbox) == settings.PROXIMITE_PASSWORD_RESET_PER_ADDRESS
    assert all(message.to == [agent.email] for message in mail.outbox)


def test_the_limit_counts_the_address_whatever_its_capitals(client, agent, settings):
    for n in range(settings.PROXIMITE_PASSWORD_RESET_PER_ADDRESS):
        ask_reset(client, agent.email, ip=f"203.0.113.{n}")

    ask_reset(client, agent.email.upper(), ip="198.51.100.1")

    assert len(mail.outbox) == settings.PROXIMITE_PASSWORD_RESET_PER_ADDRESS


def test_one_visitor_gets_ten_resets_an_hour_whatever_the_addresses(client, towns, settings):
    limit = settings.PROXIMITE_PASSWORD_RESET_PER_VISITOR
    people = [
        UserFactory(username=f"agent-{n}", email=f"agent-{n}@mairie.localhost") for n in range(limit + 2)
    ]

    answers = [ask_reset(client, person.email) for person in people]

    assert {answer["Location"] for answer in answers} == {DONE_URL}
    assert len(mail.outbox) == limit
    # Someone else, from another connection, still gets theirs.
    ask_reset(client, people[-1].email, ip="198.51.100.2")
    assert len(mail.outbox) == limit + 1
    assert mail.outbox[-1].to == [people[-1].email]


def test_past_the_limit_the_page_says_the_same_neutral_french_message(client, agent, settings):
    for n in range(settings.PROXIMITE_PASSWORD_RESET_PER_ADDRESS):
        ask_reset(client, agent.email, ip=f"203.0.113.{n}")
    sent = len(mail.outbox)

    limited = client.post(
        RESET_URL, {"email": agent.email}, HTTP_HOST=BETHUNE_HOST, REMOTE_ADDR="198.51.100.3", follow=True
    )
    unknown = client.post(
        RESET_URL, {"email": "personne@nulle-part.localhost"}, HTTP_HOST=BETHUNE_HOST, follow=True
    )

    assert len(mail.outbox) == sent
    assert limited.status_code == unknown.status_code == 200
    assert limited.redirect_chain == unknown.redirect_chain == [(DONE_URL, 302)]
    for answer in (limited, unknown):
        assert (
            "vous a été envoyé par e-mail si un compte existe pour cette adresse" in answer.content.decode()
        )

"""Private pages' passwords: 10 tries per 15 minutes per visitor and page, then refused even when right."""

import time

import pytest
from django.core.cache.backends import locmem
from wagtail.models import PageViewRestriction

from tests.conftest import BETHUNE_HOST
from tests.factories import StandardPageFactory

PASSWORD = "vitrines-2026"
TRIES = 10


def private_page(parent, slug):
    page = StandardPageFactory(parent=parent, title="Réservé aux commerçants", slug=slug)
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD
    )
    return page, restriction


@pytest.fixture
def reserved(towns):
    return private_page(towns["bethune"], "reserve")


def try_password(client, reserved, password, ip="192.0.2.40"):
    page, restriction = reserved
    return client.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/",
        {"password": password, "return_url": page.url},
        HTTP_HOST=BETHUNE_HOST,
        REMOTE_ADDR=ip,
    )


def is_let_in(client, reserved):
    page, _restriction = reserved
    return "<h1>Réservé aux commerçants</h1>" in client.get(page.url, HTTP_HOST=BETHUNE_HOST).content.decode()


def later(monkeypatch, minutes):
    """The shared cache's clock, `minutes` from now: counts that old are forgotten."""
    now = time.time() + minutes * 60
    monkeypatch.setattr(locmem, "time", type("Clock", (), {"time": staticmethod(lambda: now)}))


def fail(client, reserved, times, ip="192.0.2.40"):
    statuses = [try_password(client, reserved, "au-hasard", ip=ip).status_code for _ in range(times)]
    assert statuses == [200] * times, "the form again, with its error"


def test_the_right_password_opens_the_page(client, reserved):
    assert not is_let_in(client, reserved)

    assert try_password(client, reserved, PASSWORD).status_code == 302
    assert is_let_in(client, reserved)


def test_after_ten_tries_even_the_right_password_is_refused_in_french(client, reserved):
    fail(client, reserved, TRIES)

    response = try_password(client, reserved, PASSWORD)

    assert response.status_code == 429
    assert "Trop de mots de passe ont été essayés pour cette page" in response.content.decode()
    assert "15 minutes" in response.content.decode()
    assert not is_let_in(client, reserved)


def test_the_right_password_works_again_after_the_cool_off(client, reserved, monkeypatch):
    fail(client, reserved, TRIES)
    assert try_password(client, reserved, PASSWORD).status_code == 429

    later(monkeypatch, 16)

    assert try_password(client, reserved, PASSWORD).status_code == 302
    assert is_let_in(client, reserved)


def test_another_visitor_or_another_page_is_not_refused(client, reserved, towns):
    fail(client, reserved, TRIES)

    assert try_password(client, reserved, PASSWORD, ip="198.51.100.40").status_code == 302
    client.cookies.clear()
    other = private_page(towns["bethune"], "reserve-agents")
    assert try_password(client, other, PASSWORD).status_code == 302


def test_changing_the_page_in_the_address_does_not_escape_the_count(client, reserved, towns):
    fail(client, reserved, TRIES)
    page, restriction = reserved
    elsewhere = StandardPageFactory(parent=towns["bethune"], title="Publique", slug="publique")

    assert try_password(client, (elsewhere, restriction), PASSWORD).status_code == 429

"""Freshness of shop pages: states, reminders at most monthly, escalation to staff, signed link."""

import datetime
import re
import time

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from shops.freshness import (
    CONFIRM_MAX_AGE,
    FreshnessState,
    add_months,
    confirmation_token,
    send_reminders,
    shop_freshness,
)
from shops.models import ShopFreshness, ShopkeeperSettings, ShopPage
from tests.conftest import BETHUNE_HOST
from tests.factories import shopkeeper_world

NOW = timezone.now()


@pytest.fixture
def world(towns):
    return shopkeeper_world(towns, workflow=False)


def age(shop, **delta):
    """Pretend the shop was last published that long ago (no new revision)."""
    ShopPage.objects.filter(pk=shop.pk).update(last_published_at=NOW - datetime.timedelta(**delta))
    return ShopPage.objects.get(pk=shop.pk)


def test_add_months_keeps_the_day_or_takes_the_last_one():
    assert add_months(datetime.datetime(2026, 1, 31), 1) == datetime.datetime(2026, 2, 28)
    assert add_months(datetime.datetime(2026, 5, 15), -6) == datetime.datetime(2025, 11, 15)


def test_states_follow_the_towns_delays(world):
    assert shop_freshness(age(world.shop_a, days=10), NOW).state == FreshnessState.UP_TO_DATE
    assert shop_freshness(age(world.shop_a, days=100), NOW).state == FreshnessState.TO_CHECK
    assert shop_freshness(age(world.shop_a, days=200), NOW).state == FreshnessState.OBSOLETE
    settings = ShopkeeperSettings.for_site(world.bethune)
    settings.to_check_after_months, settings.obsolete_after_months = 6, 12
    settings.save()
    assert shop_freshness(age(world.shop_a, days=100), NOW).state == FreshnessState.UP_TO_DATE
    assert shop_freshness(age(world.shop_a, days=200), NOW).state == FreshnessState.TO_CHECK


def test_an_owner_confirmation_makes_the_page_fresh_and_shows_on_the_public_page(client, world):
    shop = age(world.shop_a, days=200)
    ShopFreshness.objects.create(shop=shop, confirmed_at=NOW - datetime.timedelta(days=2))
    assert shop_freshness(shop, NOW).state == FreshnessState.UP_TO_DATE
    html = client.get(shop.url, HTTP_HOST=BETHUNE_HOST).content.decode()
    expected = (NOW - datetime.timedelta(days=2)).astimezone().strftime("%Y")
    assert "Mis à jour le" in html and expected in html


def mails_to(mailoutbox, email):
    return [mail for mail in mailoutbox if email in mail.to]


def test_owners_are_reminded_once_a_month_at_most(world, mailoutbox):
    age(world.shop_a, days=100)
    assert send_reminders(NOW)["reminders"] == 1
    reminder = mails_to(mailoutbox, world.keeper_a.email)
    assert len(reminder) == 1
    assert reminder[0].subject == "La page de Boulangerie Alpha est-elle toujours exacte ?"
    assert "Mes informations sont toujours exactes" in reminder[0].body
    assert not mails_to(mailoutbox, world.keeper_b.email)  # shop B is fresh

    send_reminders(NOW + datetime.timedelta(days=1))
    send_reminders(NOW + datetime.timedelta(days=29))
    assert len(mails_to(mailoutbox, world.keeper_a.email)) == 1
    send_reminders(NOW + datetime.timedelta(days=31))
    assert len(mails_to(mailoutbox, world.keeper_a.email)) == 2


def test_obsolete_pages_are_escalated_to_staff_once_a_month(world, mailoutbox):
    age(world.shop_a, days=200)
    age(world.shop_c, days=10)
    counts = send_reminders(NOW)
    assert counts == {"reminders": 1, "alerts": 1}
    alerts = mails_to(mailoutbox, world.staff_bethune.email)
    assert len(alerts) == 1
    assert "Boulangerie Alpha" in alerts[0].body
    assert alerts[0].subject == "1 page de commerce est obsolète"
    assert not mails_to(mailoutbox, world.staff_beauvais.email)
    send_reminders(NOW + datetime.timedelta(days=5))
    assert len(mails_to(mailoutbox, world.staff_bethune.email)) == 1
    send_reminders(NOW + datetime.timedelta(days=31))
    assert len(mails_to(mailoutbox, world.staff_bethune.email)) == 2


def test_the_command_runs_the_reminders(world, mailoutbox, capsys):
    age(world.shop_a, days=100)
    call_command("send_freshness_reminders")
    assert "1 reminder" in capsys.readouterr().out
    assert mails_to(mailoutbox, world.keeper_a.email)


def confirm_link(mailoutbox):
    match = re.search(r"http://bethune\.localhost(/commercants/confirmer/\S+/)", mailoutbox[-1].body)
    assert match, mailoutbox[-1].body
    return match.group(1)


def test_the_signed_link_confirms_without_logging_in(client, world, mailoutbox):
    shop = age(world.shop_a, days=100)
    send_reminders(NOW)
    link = confirm_link(mailoutbox)
    page = client.get(link, HTTP_HOST=BETHUNE_HOST)
    assert page.status_code == 200
    assert "Mes informations sont toujours exactes" in page.content.decode()
    assert not ShopFreshness.objects.get(shop=shop).confirmed_at  # opening the link confirms nothing
    done = client.post(link, HTTP_HOST=BETHUNE_HOST)
    assert done.status_code == 200
    assert "Merci" in done.content.decode()
    assert shop_freshness(shop).state == FreshnessState.UP_TO_DATE
    assert client.post(link, HTTP_HOST=BETHUNE_HOST).status_code == 200  # twice is harmless


def test_a_tampered_link_is_refused(client, world):
    token = confirmation_token(world.shop_a, world.keeper_a)
    other = confirmation_token(world.shop_b, world.keeper_b)
    forged = token.split(":")[0] + ":" + ":".join(other.split(":")[1:])
    for bad in [token[:-2] + "zz", forged, "n-importe-quoi"]:
        response = client.post(reverse("shops:shop_freshness_confirm", args=[bad]), HTTP_HOST=BETHUNE_HOST)
        assert response.status_code == 400
        assert "incomplet ou a été modifié" in response.content.decode()
    assert not ShopFreshness.objects.filter(confirmed_at__isnull=False).exists()


def test_an_expired_link_is_refused(client, world, monkeypatch):
    token = confirmation_token(world.shop_a, world.keeper_a)
    later = time.time() + CONFIRM_MAX_AGE + 60
    monkeypatch.setattr("django.core.signing.time.time", lambda: later)
    response = client.post(reverse("shops:shop_freshness_confirm", args=[token]), HTTP_HOST=BETHUNE_HOST)
    assert response.status_code == 400
    assert "a expiré" in response.content.decode()
    assert not ShopFreshness.objects.filter(confirmed_at__isnull=False).exists()


def test_the_link_stops_working_once_the_persons_access_is_revoked(client, world, mailoutbox):
    from shops.models import ShopAccess
    from shops.shopkeepers import revoke

    shop = age(world.shop_a, days=100)
    send_reminders(NOW)
    link = confirm_link(mailoutbox)
    revoke(ShopAccess.objects.get(shop=shop, user=world.keeper_a), revoked_by=world.staff_bethune)

    for response in (client.get(link, HTTP_HOST=BETHUNE_HOST), client.post(link, HTTP_HOST=BETHUNE_HOST)):
        assert response.status_code == 400
        assert "ne gère plus la page de ce commerce" in response.content.decode()
    assert not ShopFreshness.objects.filter(shop=shop, confirmed_at__isnull=False).exists()


def test_each_owner_gets_a_link_of_their_own(client, world, mailoutbox):
    """Two owners of one shop: revoking one of them leaves the other's link working."""
    from shops.models import ShopAccess
    from shops.shopkeepers import revoke
    from tests.factories import make_shopkeeper

    partner = make_shopkeeper(world.shop_a, "associee-a")
    age(world.shop_a, days=100)
    send_reminders(NOW)
    revoke(ShopAccess.objects.get(shop=world.shop_a, user=world.keeper_a))
    partner_mail = mails_to(mailoutbox, partner.email)
    assert len(partner_mail) == 1 and world.keeper_a.email not in partner_mail[0].to
    link = re.search(r"http://bethune\.localhost(/commercants/confirmer/\S+/)", partner_mail[0].body).group(1)
    assert client.post(link, HTTP_HOST=BETHUNE_HOST).status_code == 200
    assert ShopFreshness.objects.get(shop=world.shop_a).confirmed_by == partner

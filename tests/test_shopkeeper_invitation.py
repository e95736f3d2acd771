"""Town staff invite a shopkeeper, who chooses a password once; staff can revoke the access."""

import re
import time

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from shops.models import ShopAccess
from shops.shopkeepers import INVITATION_MAX_AGE, shops_of
from tests.conftest import BEAUVAIS_HOST, BETHUNE_HOST
from tests.factories import shopkeeper_world

User = get_user_model()


@pytest.fixture
def world(towns):
    return shopkeeper_world(towns, workflow=False)


def invite_through_admin(client, staff, shop, email="sophie@exemple.localhost", host=BETHUNE_HOST):
    client.force_login(staff)
    return client.post(
        reverse("shopkeepers_manage", args=[shop.pk]),
        {"first_name": "Sophie", "last_name": "Lefebvre", "email": email},
        HTTP_HOST=host,
    )


def invitation_link(mailoutbox):
    match = re.search(r"http://\S+/commercants/mot-de-passe/\S+/", mailoutbox[-1].body)
    assert match, mailoutbox[-1].body
    return match.group(0).replace("http://bethune.localhost", "")


def test_staff_invite_a_new_shopkeeper_who_chooses_a_password(client, world, mailoutbox):
    response = invite_through_admin(client, world.staff_bethune, world.shop_a)
    assert response.status_code == 302
    user = User.objects.get(email="sophie@exemple.localhost")
    assert list(shops_of(user)) == [world.shop_a]
    assert not user.has_usable_password()
    assert mailoutbox[-1].subject == "Mettez à jour vous-même la page de Boulangerie Alpha"
    assert "7 jours" in mailoutbox[-1].body

    link = invitation_link(mailoutbox)
    client.logout()
    page = client.get(link, HTTP_HOST=BETHUNE_HOST)
    assert page.status_code == 200
    assert "Choisissez votre mot de passe" in page.content.decode()
    assert page["Referrer-Policy"] == "same-origin"

    mismatch = client.post(
        link, {"new_password1": "Un-Mot-De-Passe-2026", "new_password2": "autre"}, HTTP_HOST=BETHUNE_HOST
    )
    assert mismatch.status_code == 200
    assert "Les deux mots de passe ne correspondent pas" in mismatch.content.decode()

    done = client.post(
        link,
        {"new_password1": "Un-Mot-De-Passe-2026", "new_password2": "Un-Mot-De-Passe-2026"},
        HTTP_HOST=BETHUNE_HOST,
    )
    assert done.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Un-Mot-De-Passe-2026")
    assert ShopAccess.objects.get(user=user, shop=world.shop_a).accepted_at is not None

    client.logout()
    reused = client.get(link, HTTP_HOST=BETHUNE_HOST)
    assert reused.status_code == 400
    assert "a déjà servi" in reused.content.decode()


def test_an_expired_invitation_link_is_refused(client, world, mailoutbox, monkeypatch):
    invite_through_admin(client, world.staff_bethune, world.shop_a)
    link = invitation_link(mailoutbox)
    client.logout()
    later = time.time() + INVITATION_MAX_AGE + 60
    monkeypatch.setattr("django.core.signing.time.time", lambda: later)
    response = client.get(link, HTTP_HOST=BETHUNE_HOST)
    assert response.status_code == 400
    assert "a expiré" in response.content.decode()
    response = client.post(link, {"new_password1": "x", "new_password2": "x"}, HTTP_HOST=BETHUNE_HOST)
    assert response.status_code == 400
    assert not User.objects.get(email="sophie@exemple.localhost").has_usable_password()


def test_a_tampered_invitation_link_is_refused(client, world, mailoutbox):
    invite_through_admin(client, world.staff_bethune, world.shop_a)
    link = invitation_link(mailoutbox)
    client.logout()
    response = client.get(link[:-3] + "xx/", HTTP_HOST=BETHUNE_HOST)
    assert response.status_code == 400


def test_an_existing_account_is_reused_and_may_hold_several_shops(client, world, mailoutbox):
    invite_through_admin(client, world.staff_bethune, world.shop_b, email=world.keeper_a.email.upper())
    assert User.objects.filter(email__iexact=world.keeper_a.email).count() == 1
    assert set(shops_of(world.keeper_a)) == {world.shop_a, world.shop_b}
    assert "/admin/login/" in mailoutbox[-1].body


def test_several_shopkeepers_may_share_a_shop(client, world, mailoutbox):
    invite_through_admin(client, world.staff_bethune, world.shop_a)
    assert set(
        ShopAccess.objects.active().filter(shop=world.shop_a).values_list("user__username", flat=True)
    ) == {
        "commercant-a",
        "sophie",
    }


def test_staff_of_another_town_cannot_invite_nor_see_the_access_page(client, world, mailoutbox):
    response = invite_through_admin(client, world.staff_beauvais, world.shop_a, host=BEAUVAIS_HOST)
    assert response.status_code == 404
    assert not User.objects.filter(email="sophie@exemple.localhost").exists()
    assert mailoutbox == []
    client.force_login(world.staff_beauvais)
    assert client.get(reverse("shopkeepers_manage", args=[world.shop_a.pk])).status_code == 404


def test_a_shopkeeper_cannot_invite(client, world, mailoutbox):
    response = invite_through_admin(client, world.keeper_a, world.shop_a)
    assert response.status_code == 404
    assert mailoutbox == []


def test_staff_revoke_access(client, world):
    access = ShopAccess.objects.get(user=world.keeper_a, shop=world.shop_a)
    client.force_login(world.staff_bethune)
    page = client.get(reverse("shopkeepers_manage", args=[world.shop_a.pk]))
    assert "Retirer l’accès" in page.content.decode()
    response = client.post(reverse("shopkeepers_revoke", args=[access.pk]))
    assert response.status_code == 302
    access.refresh_from_db()
    world.keeper_a.refresh_from_db()
    assert access.revoked_at is not None and access.revoked_by == world.staff_bethune
    assert list(shops_of(world.keeper_a)) == []
    assert not world.keeper_a.is_active  # no shop left


def test_revoking_one_shop_keeps_the_others(client, world):
    invite_through_admin(client, world.staff_bethune, world.shop_b, email=world.keeper_a.email)
    access = ShopAccess.objects.get(user=world.keeper_a, shop=world.shop_a)
    client.post(reverse("shopkeepers_revoke", args=[access.pk]))
    world.keeper_a.refresh_from_db()
    assert world.keeper_a.is_active
    assert list(shops_of(world.keeper_a)) == [world.shop_b]


def test_staff_of_another_town_cannot_revoke(client, world):
    access = ShopAccess.objects.get(user=world.keeper_a, shop=world.shop_a)
    client.force_login(world.staff_beauvais)
    assert client.post(reverse("shopkeepers_revoke", args=[access.pk])).status_code == 404
    access.refresh_from_db()
    assert access.revoked_at is None


def test_an_invitation_never_switches_back_on_an_account_an_administrator_switched_off(
    client, world, mailoutbox
):
    former_agent = world.staff_beauvais  # still in Beauvais' team group
    former_agent.is_active = False
    former_agent.save()
    sent = len(mailoutbox)

    response = invite_through_admin(
        client, world.staff_bethune, world.shop_a, email=former_agent.email.upper()
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "Le compte de cette adresse a été désactivé par un administrateur" in page
    assert 'value="Sophie"' in page and 'value="Lefebvre"' in page
    former_agent.refresh_from_db()
    assert not former_agent.is_active
    assert list(shops_of(former_agent)) == []
    assert len(mailoutbox) == sent


def test_a_shopkeeper_whose_last_shop_was_taken_away_may_be_invited_again(client, world, mailoutbox):
    access = ShopAccess.objects.get(user=world.keeper_a, shop=world.shop_a)
    client.force_login(world.staff_bethune)
    client.post(reverse("shopkeepers_revoke", args=[access.pk]))

    response = invite_through_admin(client, world.staff_bethune, world.shop_b, email=world.keeper_a.email)

    assert response.status_code == 302
    world.keeper_a.refresh_from_db()
    assert world.keeper_a.is_active
    assert list(shops_of(world.keeper_a)) == [world.shop_b]

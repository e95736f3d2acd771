"""Town staff invite a shopkeeper, who chooses a password once; staff can revoke the access."""

import re
import time

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from shops.models import ShopAccess
from shops.shopkeepers import INVITATION_MAX_AGE, shops_of
from tests.conftest import BEAUVAIS_HOST, BETHUNE_HOST
from tests.factories import give_shop, shopkeeper_world

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
    match = re.search(r"http://\S+/commercants/invitation/\S+/", mailoutbox[-1].body)
    assert match, mailoutbox[-1].body
    return match.group(0).replace("http://bethune.localhost", "")


def test_staff_invite_a_new_shopkeeper_who_chooses_a_password(client, world, mailoutbox):
    response = invite_through_admin(client, world.staff_bethune, world.shop_a)
    assert response.status_code == 302
    user = User.objects.get(email="sophie@exemple.localhost")
    assert list(shops_of(user)) == []  # until the password is chosen
    assert not user.has_usable_password()
    assert mailoutbox[-1].subject == "Mettez à jour vous-même la page « Boulangerie Alpha »"
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
    assert list(shops_of(user)) == [world.shop_a]

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
    client.force_login(world.keeper_a)
    client.post(accept_link(mailoutbox), HTTP_HOST=BETHUNE_HOST)
    assert set(shops_of(world.keeper_a)) == {world.shop_a, world.shop_b}


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
    # The list's button leads to a question first: one tap too many cuts nobody off.
    question = client.get(reverse("shopkeepers_revoke", args=[access.pk]))
    assert "Cette personne ne pourra plus modifier la page" in question.content.decode()
    access.refresh_from_db()
    assert access.revoked_at is None and list(shops_of(world.keeper_a)) == [world.shop_a]
    response = client.post(reverse("shopkeepers_revoke", args=[access.pk]))
    assert response.status_code == 302
    access.refresh_from_db()
    world.keeper_a.refresh_from_db()
    assert access.revoked_at is not None and access.revoked_by == world.staff_bethune
    assert list(shops_of(world.keeper_a)) == []
    assert not world.keeper_a.is_active  # no shop left


def test_revoking_one_shop_keeps_the_others(client, world):
    give_shop(world.shop_b, world.keeper_a)
    client.force_login(world.staff_bethune)
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
    assert world.keeper_a.is_active  # so that they may sign in and accept
    client.force_login(world.keeper_a)
    client.post(accept_link(mailoutbox), HTTP_HOST=BETHUNE_HOST)
    assert list(shops_of(world.keeper_a)) == [world.shop_b]


# An existing account's address: nothing until its holder accepts --------------------------


def accept_link(mailoutbox):
    match = re.search(r"http://\S+/commercants/invitation/\S+/", mailoutbox[-1].body)
    assert match, mailoutbox[-1].body
    return re.sub(r"^http://[^/]+", "", match.group(0))


def test_an_invitation_to_an_existing_accounts_address_grants_nothing_until_accepted(
    client, world, mailoutbox
):
    invite_through_admin(client, world.staff_bethune, world.shop_a, email=world.keeper_b.email)

    assert list(shops_of(world.keeper_b)) == [world.shop_b]
    assert not world.shop_a.permissions_for_user(world.keeper_b).can_edit()
    screen = client.get(reverse("shopkeepers_manage", args=[world.shop_a.pk]), HTTP_HOST=BETHUNE_HOST)
    assert "en attente d’acceptation" in screen.content.decode()
    link = accept_link(mailoutbox)
    assert mailoutbox[-1].to == [world.keeper_b.email]

    client.force_login(world.keeper_b)
    page = client.get(link, HTTP_HOST=BETHUNE_HOST)
    assert page.status_code == 200
    assert "Boulangerie Alpha" in page.content.decode()
    assert list(shops_of(world.keeper_b)) == [world.shop_b]  # opening is not accepting

    accepted = client.post(link, HTTP_HOST=BETHUNE_HOST, follow=True)
    assert "Bienvenue ! Vous pouvez maintenant modifier « Boulangerie Alpha »." in accepted.content.decode()
    assert set(shops_of(world.keeper_b)) == {world.shop_a, world.shop_b}
    assert ShopAccess.objects.get(user=world.keeper_b, shop=world.shop_a).accepted_at is not None
    assert client.post(link, HTTP_HOST=BETHUNE_HOST).status_code == 400  # once only


def test_an_invitation_cannot_be_accepted_from_another_account(client, world, mailoutbox):
    invite_through_admin(client, world.staff_bethune, world.shop_a, email=world.keeper_b.email)
    link = accept_link(mailoutbox)

    client.force_login(world.keeper_c)
    assert client.get(link, HTTP_HOST=BETHUNE_HOST).status_code == 403
    assert client.post(link, HTTP_HOST=BETHUNE_HOST).status_code == 403

    assert list(shops_of(world.keeper_c)) == [world.shop_c]
    assert world.shop_a not in shops_of(world.keeper_b)


def test_an_invitation_opened_signed_out_asks_to_sign_in_first(client, world, mailoutbox):
    invite_through_admin(client, world.staff_bethune, world.shop_a, email=world.keeper_b.email)
    link = accept_link(mailoutbox)
    client.logout()

    response = client.post(link, HTTP_HOST=BETHUNE_HOST)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
    assert world.shop_a not in shops_of(world.keeper_b)
    sign_in = client.get(response["Location"], HTTP_HOST=BETHUNE_HOST).content.decode()
    assert "Pour accepter l’invitation à modifier « Boulangerie Alpha », connectez-vous" in sign_in


def test_an_invitation_no_longer_works_once_the_account_changed_its_address(client, world, mailoutbox):
    invite_through_admin(client, world.staff_bethune, world.shop_a, email=world.keeper_b.email)
    link = accept_link(mailoutbox)
    world.keeper_b.email = "ailleurs@exemple.localhost"
    world.keeper_b.save()

    client.force_login(world.keeper_b)
    assert client.post(link, HTTP_HOST=BETHUNE_HOST).status_code == 400
    assert world.shop_a not in shops_of(world.keeper_b)


def test_choosing_a_password_grants_only_the_shop_of_that_invitation(client, world, mailoutbox):
    invite_through_admin(client, world.staff_bethune, world.shop_a)
    first_link = invitation_link(mailoutbox)
    invite_through_admin(client, world.staff_bethune, world.shop_b)
    client.logout()

    client.post(
        first_link,
        {"new_password1": "Un-Mot-De-Passe-2026", "new_password2": "Un-Mot-De-Passe-2026"},
        HTTP_HOST=BETHUNE_HOST,
    )

    sophie = User.objects.get(email="sophie@exemple.localhost")
    assert list(shops_of(sophie)) == [world.shop_a]
    assert ShopAccess.objects.get(user=sophie, shop=world.shop_b).accepted_at is None


def test_staff_resend_a_pending_invitation_and_the_old_link_stops_working(client, world, mailoutbox):
    invite_through_admin(client, world.staff_bethune, world.shop_a, email=world.keeper_b.email)
    old_link = accept_link(mailoutbox)
    access = ShopAccess.objects.get(user=world.keeper_b, shop=world.shop_a)

    response = client.post(reverse("shopkeepers_resend", args=[access.pk]), HTTP_HOST=BETHUNE_HOST)

    assert response.status_code == 302
    assert len(mailoutbox) == 2 and mailoutbox[-1].to == [world.keeper_b.email]
    new_link = accept_link(mailoutbox)
    client.force_login(world.keeper_b)
    assert client.post(old_link, HTTP_HOST=BETHUNE_HOST).status_code == 400
    assert client.post(new_link, HTTP_HOST=BETHUNE_HOST).status_code == 302
    assert world.shop_a in shops_of(world.keeper_b)


def test_staff_cancel_a_pending_invitation(client, world, mailoutbox):
    invite_through_admin(client, world.staff_bethune, world.shop_a, email=world.keeper_b.email)
    link = accept_link(mailoutbox)
    access = ShopAccess.objects.get(user=world.keeper_b, shop=world.shop_a)

    client.post(reverse("shopkeepers_revoke", args=[access.pk]), HTTP_HOST=BETHUNE_HOST)

    client.force_login(world.keeper_b)
    assert client.post(link, HTTP_HOST=BETHUNE_HOST).status_code == 400
    world.keeper_b.refresh_from_db()
    assert world.keeper_b.is_active  # still holds their own shop
    assert list(shops_of(world.keeper_b)) == [world.shop_b]


def test_a_link_sent_before_invitations_had_to_be_accepted_says_to_ask_for_a_new_one(client, world):
    from django.core import signing

    from shops.shopkeepers import INVITATION_SALT

    old_token = signing.TimestampSigner(salt=INVITATION_SALT).sign_object({"u": world.keeper_a.pk, "s": "x"})

    response = client.get(f"/commercants/mot-de-passe/{old_token}/", HTTP_HOST=BETHUNE_HOST)

    assert response.status_code == 400
    assert "nouvelle invitation" in response.content.decode()

"""A shop's rights belong to its page: they go with the page when it is deleted or leaves its town,
and never pass to another shop that happens to bear the same name."""

import importlib

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupPagePermission

from shops.models import ShopAccess, ShopOwnership
from shops.shopkeepers import accept_invitation, ensure_shop_group, shops_of
from tests.conftest import BETHUNE_HOST
from tests.factories import ShopIndexPageFactory, UserFactory, make_shop, shopkeeper_world

User = get_user_model()


@pytest.fixture
def world(towns):
    return shopkeeper_world(towns, workflow=False)


def owners(shop):
    """Everyone the shop's own group lets edit it."""
    ownership = ShopOwnership.objects.filter(shop=shop).first()
    return set(ownership.group.user_set.all()) if ownership else set()


def test_a_new_shop_bearing_a_deleted_shops_name_has_no_owner(world):
    world.shop_a.delete()
    reopened = make_shop(
        world.bethune_index, "Boulangerie Alpha", slug="alpha-reprise", category=world.category
    )

    ensure_shop_group(reopened)

    assert owners(reopened) == set()
    assert list(shops_of(world.keeper_a)) == []
    assert not reopened.permissions_for_user(world.keeper_a).can_edit()


def test_deleting_a_shop_takes_its_group_and_rights_away(world):
    group = ShopOwnership.objects.get(shop=world.shop_a).group

    world.shop_a.delete()

    assert not Group.objects.filter(pk=group.pk).exists()
    assert not GroupPagePermission.objects.filter(group_id=group.pk).exists()


def test_a_shopkeeper_whose_last_shop_is_deleted_loses_the_admin(client, world):
    world.shop_a.delete()

    world.keeper_a.refresh_from_db()
    assert not world.keeper_a.is_active
    client.force_login(world.keeper_a)
    assert client.get(reverse("wagtailadmin_home"), HTTP_HOST=BETHUNE_HOST).status_code == 302


def test_a_shopkeeper_keeps_their_other_shop_when_one_is_deleted(world):
    ensure_shop_group(world.shop_b).group.user_set.add(world.keeper_a)

    world.shop_a.delete()

    world.keeper_a.refresh_from_db()
    assert world.keeper_a.is_active
    assert list(shops_of(world.keeper_a)) == [world.shop_b]


def test_moving_a_shop_to_another_town_takes_its_rights_away(world):
    access = ShopAccess.objects.get(shop=world.shop_a, user=world.keeper_a)

    world.shop_a.move(world.beauvais_index, pos="last-child")

    moved = world.shop_a.__class__.objects.get(pk=world.shop_a.pk)
    assert not moved.permissions_for_user(world.keeper_a).can_edit()
    assert owners(moved) == set()
    access.refresh_from_db()
    assert access.revoked_at is not None
    world.keeper_a.refresh_from_db()
    assert not world.keeper_a.is_active


def test_moving_a_shop_within_its_town_keeps_its_owners(world):
    other_directory = ShopIndexPageFactory(parent=world.bethune_index.get_parent(), slug="artisans")

    world.shop_a.move(other_directory, pos="last-child")

    moved = world.shop_a.__class__.objects.get(pk=world.shop_a.pk)
    assert moved.permissions_for_user(world.keeper_a).can_edit()
    assert owners(moved) == {world.keeper_a}


def test_inviting_to_a_second_shop_bearing_an_existing_name_works(client, world, mailoutbox):
    namesake = make_shop(world.bethune_index, "Boulangerie Alpha", slug="alpha-gare", category=world.category)
    client.force_login(world.staff_bethune)

    response = client.post(
        reverse("shopkeepers_manage", args=[namesake.pk]),
        {"first_name": "A", "last_name": "A", "email": world.keeper_a.email},
        HTTP_HOST=BETHUNE_HOST,
    )

    assert response.status_code == 302
    accept_invitation(ShopAccess.objects.get(shop=namesake, user=world.keeper_a))
    assert set(shops_of(world.keeper_a)) == {world.shop_a, namesake}
    assert (
        ShopOwnership.objects.get(shop=namesake).group != ShopOwnership.objects.get(shop=world.shop_a).group
    )
    other_namesake = make_shop(
        world.bethune_index, "Fleuriste Bêta", slug="beta-bis", category=world.category
    )
    ensure_shop_group(other_namesake)
    assert owners(other_namesake) == set()
    assert owners(world.shop_b) == {world.keeper_b}


def test_the_access_screen_lists_everyone_who_may_edit_the_shop(client, world):
    association = Group.objects.create(name="Association des commerçants")
    GroupPagePermission.objects.create(
        group=association, page=world.bethune_index, permission_id=_change_page_permission_id()
    )
    helper = UserFactory(username="benevole", first_name="Paul", last_name="Dumont")
    helper.groups.add(association)
    client.force_login(world.staff_bethune)

    html = client.get(
        reverse("shopkeepers_manage", args=[world.shop_a.pk]), HTTP_HOST=BETHUNE_HOST
    ).content.decode()

    assert "Paul Dumont" in html
    assert "Association des commerçants" in html
    assert "Agent Béthune" in html  # the town's team, through its own group
    assert "Agent Beauvais" not in html


def _change_page_permission_id():
    from django.contrib.auth.models import Permission

    return Permission.objects.get(content_type__app_label="wagtailcore", codename="change_page").pk


def test_groups_left_by_shops_deleted_before_are_removed_by_the_migration(world):
    from django.apps import apps

    settle = importlib.import_module("shops.migrations.0004_settle_invitations_and_deleted_shops_groups")
    # As deleting a shop did before: its ShopOwnership and page permissions went, its group stayed.
    left_behind = ShopOwnership.objects.get(shop=world.shop_a).group
    ShopOwnership.objects.filter(shop=world.shop_a).delete()
    GroupPagePermission.objects.filter(group=left_behind).delete()

    settle.remove_groups_of_deleted_shops(apps, None)

    assert not Group.objects.filter(pk=left_behind.pk).exists()
    world.keeper_a.refresh_from_db()
    assert not world.keeper_a.is_active
    assert ShopOwnership.objects.filter(shop=world.shop_b).exists()
    assert world.staff_group_bethune.user_set.filter(pk=world.staff_bethune.pk).exists()
    assert list(shops_of(world.keeper_b)) == [world.shop_b]


def test_accesses_held_before_invitations_needed_accepting_are_marked_accepted(world):
    from django.apps import apps

    settle = importlib.import_module("shops.migrations.0004_settle_invitations_and_deleted_shops_groups")
    ShopAccess.objects.update(accepted_at=None)  # as the old code left those of existing accounts
    never_joined = ShopAccess.objects.create(
        shop=world.shop_c, user=world.keeper_a, invited_at=timezone.now()
    )

    settle.accept_accesses_already_held(apps, None)

    held = ShopAccess.objects.get(shop=world.shop_a, user=world.keeper_a)
    assert held.accepted_at == held.invited_at
    never_joined.refresh_from_db()
    assert never_joined.accepted_at is None

"""What each role may do to a shop page, tried by every door Wagtail's admin has: the classic
screens, the admin API's actions (`/admin/api/main/pages/<id>/action/…`) and the bulk actions
(`/admin/bulk/…`). The town lets its shopkeepers publish at once (their widest rights): they may
edit and publish their own page, never delete, unpublish, move, copy, lock, hide or add pages.

Each case looks at what the database holds afterwards, not only at the answer.
"""

import json

import pytest
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction

from shops.models import ModerationMode, ShopkeeperSettings
from tests.conftest import BETHUNE_HOST
from tests.factories import (
    ShopIndexPageFactory,
    VolunteerFactory,
    make_shop,
    make_shopkeeper,
    shopkeeper_world,
    volunteer_account,
)
from tests.support.forms import PAGE_EDIT_FORM, form_data

ROLES = ["keeper_a", "keeper_b", "staff_bethune", "staff_beauvais", "volunteer"]
# Every path is tried on shop A (Béthune); these roles may take it (all others are refused).
ALLOWED = {
    "edit": {"keeper_a", "staff_bethune"},
    "publish": {"keeper_a", "staff_bethune"},
    "delete": {"staff_bethune"},
    "unpublish": {"staff_bethune"},
    "move": {"staff_bethune"},
    "copy": {"staff_bethune"},
    "lock": {"staff_bethune"},
    "privacy": {"staff_bethune"},
    "add": {"staff_bethune"},
}
NEW_TITLE = "Boulangerie Alpha (nouvelle vitrine)"


@pytest.fixture
def world(towns):
    world = shopkeeper_world(towns)
    settings = ShopkeeperSettings.for_site(world.bethune)
    settings.moderation = ModerationMode.AT_ONCE
    settings.save()
    # A second directory of the town, where town staff may move a shop.
    world.other_index = ShopIndexPageFactory(parent=towns["bethune"], title="Marché couvert", slug="marche")
    world.volunteer = volunteer_account(VolunteerFactory(site=world.bethune), "volontaire-bethune")
    # A change waiting to be published, and an older revision to go back to.
    world.first_revision = world.shop_a.get_latest_revision()
    world.shop_a.title = NEW_TITLE
    world.shop_a.save_revision(user=world.admin)
    world.shop_a = Page.objects.get(pk=world.shop_a.pk).specific
    return world


def shop(world):
    return Page.objects.filter(pk=world.shop_a.pk).first()


# What happened to shop A -------------------------------------------------------------------


def deleted(world):
    return shop(world) is None


def unpublished(world):
    return not shop(world).live


def moved(world):
    return shop(world).get_parent().pk == world.other_index.pk


def copied(world):
    return (
        Page.objects.filter(slug="alpha-copie").exists()
        or Page.objects.filter(alias_of=world.shop_a).exists()
    )


def published(world):
    return shop(world).title == NEW_TITLE


def locked(world):
    return shop(world).locked


def hidden(world):
    return PageViewRestriction.objects.filter(page=world.shop_a).exists()


def reverted(world):
    return shop(world).get_latest_revision().content["title"] == world.first_revision.content["title"]


def added(world):
    return Page.objects.filter(slug="intrus").exists()


# The doors ---------------------------------------------------------------------------------


def api(client, world, action, **data):
    url = f"/admin/api/main/pages/{world.shop_a.pk}/action/{action}/"
    return client.post(url, json.dumps(data), content_type="application/json")


def bulk(client, world, action, **data):
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", action]) + f"?id={world.shop_a.pk}"
    return client.post(url, data)


def add_a_shop(client, world):
    """POST the “add a shop” form as the admin shows it (or a guessed one if refused)."""
    url = reverse("wagtailadmin_pages:add", args=["shops", "shoppage", world.bethune_index.pk])
    shown = client.get(url)
    data = form_data(shown.content.decode(), form_id=PAGE_EDIT_FORM) if shown.status_code == 200 else {}
    data.update(
        {
            "title": ["Intrus"],
            "slug": ["intrus"],
            "pitch": ["Intrus"],
            "street": ["1 rue"],
            "postcode": ["62400"],
            "category": [str(world.category.pk)],
        }
    )
    return client.post(url, data)


DOORS = {
    # name: (kind of change, attempt, what it left in the database)
    "classic delete": (
        "delete",
        lambda c, w: c.post(reverse("wagtailadmin_pages:delete", args=[w.shop_a.pk])),
        deleted,
    ),
    "classic unpublish": (
        "unpublish",
        lambda c, w: c.post(reverse("wagtailadmin_pages:unpublish", args=[w.shop_a.pk])),
        unpublished,
    ),
    "classic move": (
        "move",
        lambda c, w: c.post(reverse("wagtailadmin_pages:move_confirm", args=[w.shop_a.pk, w.other_index.pk])),
        moved,
    ),
    "classic copy": (
        "copy",
        lambda c, w: c.post(
            reverse("wagtailadmin_pages:copy", args=[w.shop_a.pk]),
            {"new_title": "Alpha bis", "new_slug": "alpha-copie", "new_parent_page": w.bethune_index.pk},
        ),
        copied,
    ),
    "classic lock": (
        "lock",
        lambda c, w: c.post(reverse("wagtailadmin_pages:lock", args=[w.shop_a.pk])),
        locked,
    ),
    "classic privacy": (
        "privacy",
        lambda c, w: c.post(
            reverse("wagtailadmin_pages:set_privacy", args=[w.shop_a.pk]),
            {"restriction_type": "password", "password": "cache-cache"},
        ),
        hidden,
    ),
    "classic add": ("add", lambda c, w: add_a_shop(c, w), added),
    "api delete": ("delete", lambda c, w: api(c, w, "delete"), deleted),
    "api unpublish": ("unpublish", lambda c, w: api(c, w, "unpublish"), unpublished),
    "api move": (
        "move",
        lambda c, w: api(c, w, "move", destination_page_id=w.other_index.pk, position="last-child"),
        moved,
    ),
    "api copy": ("copy", lambda c, w: api(c, w, "copy", slug="alpha-copie"), copied),
    "api create_alias": (
        "copy",
        lambda c, w: api(c, w, "create_alias", destination_page_id=w.other_index.pk),
        copied,
    ),
    "api publish": ("publish", lambda c, w: api(c, w, "publish"), published),
    "api revert_to_page_revision": (
        "edit",
        lambda c, w: api(c, w, "revert_to_page_revision", revision_id=w.first_revision.pk),
        reverted,
    ),
    "bulk delete": ("delete", lambda c, w: bulk(c, w, "delete"), deleted),
    "bulk unpublish": ("unpublish", lambda c, w: bulk(c, w, "unpublish"), unpublished),
    "bulk move": ("move", lambda c, w: bulk(c, w, "move", chooser=w.other_index.pk), moved),
    "bulk publish": ("publish", lambda c, w: bulk(c, w, "publish"), published),
}


@pytest.mark.parametrize("door", DOORS)
@pytest.mark.parametrize("role", ROLES)
def test_each_role_by_each_door(client, world, role, door):
    change, attempt, happened = DOORS[door]
    client.force_login(getattr(world, role))
    client.defaults["HTTP_HOST"] = BETHUNE_HOST
    response = attempt(client, world)
    assert response.status_code < 500, (role, door, response.status_code)
    assert happened(world) == (role in ALLOWED[change]), (role, door, response.status_code)


def test_a_shopkeeper_cannot_delete_their_draft_page_when_the_town_reviews_changes(client, towns):
    """With “after approval”, a shopkeeper holds “change” only: Wagtail lets that delete a page
    that was never published."""
    world = shopkeeper_world(towns)
    draft = make_shop(
        world.bethune_index,
        "Épicerie en préparation",
        slug="epicerie",
        publish=False,
        category=world.category,
    )
    keeper = make_shopkeeper(draft, "commercant-epicerie")
    client.force_login(keeper)
    client.post(f"/admin/api/main/pages/{draft.pk}/action/delete/", "{}", content_type="application/json")
    bulk_url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"]) + f"?id={draft.pk}"
    client.post(bulk_url)
    client.post(reverse("wagtailadmin_pages:delete", args=[draft.pk]))
    assert Page.objects.filter(pk=draft.pk).exists()

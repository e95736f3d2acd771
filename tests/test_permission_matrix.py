"""Who may do what, tried for real: every role × every kind of object × view/edit/publish/delete.

Each refusal is an attempt through the admin's own URLs (a guessed URL, a crafted POST, a
chooser, the admin API), in both towns.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from shops.models import ClickCollectRequest, ModerationMode, ShopkeeperSettings
from tests.conftest import BEAUVAIS_HOST, BETHUNE_HOST
from tests.factories import ImageFactory, StandardPageFactory, make_shop, shopkeeper_world
from tests.support.forms import PAGE_EDIT_FORM, form_data

ROLES = ["anonymous", "keeper_a", "keeper_b", "keeper_c", "staff_bethune", "staff_beauvais", "admin"]
PAGES = ["shop_a", "shop_b", "shop_c", "page_bethune", "page_beauvais"]

# What each role may do with each page: (view, edit, publish, delete).
ALLOWED = {
    "anonymous": {},
    "keeper_a": {"shop_a": {"view", "edit"}},
    "keeper_b": {"shop_b": {"view", "edit"}},
    "keeper_c": {"shop_c": {"view", "edit"}},
    # Town staff manage their town's pages: Wagtail lets “change + publish” delete a leaf page.
    "staff_bethune": {
        name: {"view", "edit", "publish", "delete"} for name in ["shop_a", "shop_b", "page_bethune"]
    },
    "staff_beauvais": {name: {"view", "edit", "publish", "delete"} for name in ["shop_c", "page_beauvais"]},
    "admin": {name: {"view", "edit", "publish", "delete"} for name in PAGES},
}


@pytest.fixture
def world(towns):
    world = shopkeeper_world(towns)
    world.page_bethune = StandardPageFactory(parent=towns["bethune"], title="À propos de Béthune")
    world.page_beauvais = StandardPageFactory(parent=towns["beauvais"], title="À propos de Beauvais")
    world.draft = make_shop(
        world.bethune_index, "Brouillon secret", slug="brouillon", publish=False, category=world.category
    )
    world.anonymous = None
    return world


def login(client, world, role):
    client.logout()
    user = getattr(world, role)
    if user is not None:
        client.force_login(user)
    return user


def host_of(world, name):
    return BEAUVAIS_HOST if name in {"shop_c", "page_beauvais"} else BETHUNE_HOST


def try_view(client, page):
    return client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200


def try_edit(client, page, new_title, action=None):
    """POST the edit form as the admin shows it (or a guessed one if refused) with a new title."""
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    shown = client.get(url)
    if shown.status_code == 200:
        data = form_data(shown.content.decode(), form_id=PAGE_EDIT_FORM)
    else:
        data = {"slug": [page.slug], "pitch": ["Piraté"], "street": ["1 rue"], "postcode": ["62400"]}
    data["title"] = [new_title]
    if "body-count" not in data and hasattr(page.specific, "body"):
        # The StreamField editor is drawn by JavaScript: send what it would send.
        data.update(
            {
                key: [value]
                for key, value in nested_form_data(
                    {"body": streamfield([("paragraph", rich_text("<p>Texte</p>"))])}
                ).items()
            }
        )
    if action:
        data[action] = ["1"]
    client.post(url, data)
    return Page.objects.get(pk=page.pk)


def edited(page, new_title):
    latest = Page.objects.get(pk=page.pk).get_latest_revision()
    return latest is not None and latest.content.get("title") == new_title


@pytest.mark.parametrize("role", ROLES)
def test_pages_view_edit_publish_delete(client, world, role):
    login(client, world, role)
    for name in PAGES:
        page = getattr(world, name)
        client.defaults["HTTP_HOST"] = host_of(world, name)
        expected = ALLOWED[role].get(name, set())
        assert try_view(client, page) == ("view" in expected), (role, name, "view")

        draft_title = f"Brouillon {role} {name}"
        try_edit(client, page, draft_title)
        assert edited(page, draft_title) == ("edit" in expected), (role, name, "edit")
        assert Page.objects.get(pk=page.pk).title != draft_title  # a draft is not live

        live_title = f"Publié {role} {name}"
        live = try_edit(client, page, live_title, "action-publish")
        assert (live.title == live_title) == ("publish" in expected), (role, name, "publish")

        client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
        exists = Page.objects.filter(pk=page.pk).exists()
        assert exists != ("delete" in expected), (role, name, "delete")


@pytest.mark.parametrize("role", ["anonymous", "keeper_a", "keeper_c", "staff_beauvais"])
def test_guessed_admin_urls_of_another_shop_are_refused(client, world, role):
    login(client, world, role)
    shop = world.shop_b if role != "staff_beauvais" else world.shop_a
    revision = shop.get_latest_revision()
    for url in [
        reverse("wagtailadmin_pages:edit", args=[shop.pk]),
        reverse("wagtailadmin_pages:history", args=[shop.pk]),
        reverse("wagtailadmin_pages:revisions_index", args=[shop.pk]),
        reverse("wagtailadmin_pages:revisions_view", args=[shop.pk, revision.pk]),
        reverse("wagtailadmin_pages:view_draft", args=[shop.pk]),
        reverse("wagtailadmin_pages:preview_on_edit", args=[shop.pk]),
        reverse("wagtailadmin_pages:delete", args=[shop.pk]),
        reverse("wagtailadmin_pages:move", args=[shop.pk]),
        reverse("wagtailadmin_pages:copy", args=[shop.pk]),
        reverse("wagtailadmin_pages:unpublish", args=[shop.pk]),
        reverse("wagtailadmin_pages:edit", args=[world.draft.pk]),
        reverse("wagtailadmin_pages:view_draft", args=[world.draft.pk]),
        reverse("wagtailadmin_pages:add_subpage", args=[world.bethune_index.pk]),
        reverse("wagtailadmin_explore", args=[world.bethune_index.pk]),
    ]:
        response = client.get(url, HTTP_HOST=BETHUNE_HOST)
        assert response.status_code in {302, 403, 404}, (role, url, response.status_code)
        assert world.draft.title not in response.content.decode()
    client.post(reverse("wagtailadmin_pages:unpublish", args=[shop.pk]), HTTP_HOST=BETHUNE_HOST)
    client.post(
        reverse("wagtailadmin_pages:move_confirm", args=[shop.pk, world.beauvais_index.pk]),
        HTTP_HOST=BETHUNE_HOST,
    )
    shop.refresh_from_db()
    assert shop.live and shop.get_parent().pk == world.bethune_index.pk


def test_when_the_town_lets_shopkeepers_publish_they_still_cannot_delete_move_or_unpublish(client, world):
    settings = ShopkeeperSettings.for_site(world.bethune)
    settings.moderation = ModerationMode.AT_ONCE
    settings.save()
    login(client, world, "keeper_a")
    client.defaults["HTTP_HOST"] = BETHUNE_HOST
    live = try_edit(client, world.shop_a, "Alpha en direct", "action-publish")
    assert live.title == "Alpha en direct"
    live = try_edit(client, world.shop_b, "Bêta piratée", "action-publish")
    assert live.title != "Bêta piratée"
    for name in ["delete", "unpublish"]:
        client.post(reverse(f"wagtailadmin_pages:{name}", args=[world.shop_a.pk]))
    client.post(reverse("wagtailadmin_pages:move_confirm", args=[world.shop_a.pk, world.beauvais_index.pk]))
    shop = Page.objects.get(pk=world.shop_a.pk)
    assert shop.live and shop.get_parent().pk == world.bethune_index.pk


def test_a_shopkeeper_sees_nothing_else_in_the_page_chooser_and_the_admin_api(client, world):
    login(client, world, "keeper_a")
    chooser = client.get(reverse("wagtailadmin_choose_page_child", args=[world.bethune_index.pk]))
    assert world.draft.title not in chooser.content.decode()
    search = client.get(reverse("wagtailadmin_choose_page_search"), {"q": "Brouillon"})
    assert world.draft.title not in search.content.decode()
    admin_search = client.get(reverse("wagtailadmin_pages:search"), {"q": "Brouillon"})
    assert world.draft.title not in admin_search.content.decode()
    api = client.get(f"/admin/api/main/pages/?child_of={world.bethune_index.pk}")
    assert world.draft.title not in api.content.decode()
    detail = client.get(f"/admin/api/main/pages/{world.draft.pk}/")
    assert detail.status_code in {403, 404}


def images(world):
    return {
        "own": ImageFactory(title="Vitrine Alpha", collection=world.collection_a),
        "other_shop": ImageFactory(title="Vitrine Gamma", collection=world.collection_c),
        "town": ImageFactory(title="Logo de la ville", collection=world.collection_a.get_parent()),
    }


IMAGE_VIEW = {
    "keeper_a": {"own"},
    "keeper_c": {"other_shop"},
    "staff_bethune": {"own", "town"},
    "staff_beauvais": {"other_shop"},
    "admin": {"own", "other_shop", "town"},
    "anonymous": set(),
}


@pytest.mark.parametrize("role", list(IMAGE_VIEW))
def test_images_by_collection(client, world, role):
    pictures = images(world)
    login(client, world, role)
    chooser = client.get(reverse("wagtailimages_chooser:choose")).content.decode()
    for name, image in pictures.items():
        title = image.title
        allowed = name in IMAGE_VIEW[role]
        response = client.get(reverse("wagtailimages:edit", args=[image.pk]))
        assert (response.status_code == 200) == allowed, (role, name)
        client.post(
            reverse("wagtailimages:edit", args=[image.pk]),
            {"title": "Renommée", "collection": image.collection_id},
        )
        image.refresh_from_db()
        assert (image.title == "Renommée") == allowed, (role, name, "edit")
        client.post(reverse("wagtailimages:delete", args=[image.pk]))
        # Wagtail's “change image” permission also deletes: a shopkeeper may remove their own photos.
        assert image.__class__.objects.filter(pk=image.pk).exists() != allowed, (role, name, "delete")
        if role != "anonymous":
            assert (title in chooser) == allowed, (role, name, "chooser")


def test_a_shopkeeper_uploads_into_their_shop_collection_only(client, world):
    login(client, world, "keeper_a")
    form = client.get(reverse("wagtailimages:add"))
    assert form.status_code == 200
    html = form.content.decode()
    assert "Béthune › Boulangerie Alpha" in html or 'name="collection"' not in html
    assert "Beauvais" not in html


@pytest.mark.parametrize("role", ["anonymous", "keeper_a", "keeper_c"])
def test_documents_settings_users_volunteers_are_refused(client, world, role):
    document = Document.objects.create(
        title="Règlement du marché", collection=world.collection_a.get_parent()
    )
    login(client, world, role)
    for url in [
        reverse("wagtaildocs:index"),
        reverse("wagtaildocs:edit", args=[document.pk]),
        f"/admin/settings/towns/townidentity/{world.bethune.pk}/",
        f"/admin/settings/shops/shopkeepersettings/{world.bethune.pk}/",
        reverse("wagtailusers_users:index"),
        reverse("wagtailusers_users:edit", args=[world.staff_bethune.pk]),
        reverse("wagtailusers_groups:index"),
        reverse("programme_volunteer_modeladmin_index"),
        reverse("programme_helprequest_modeladmin_index"),
        reverse("shopkeepers_manage", args=[world.shop_a.pk]),
    ]:
        response = client.get(url, HTTP_HOST=BETHUNE_HOST)
        assert response.status_code in {302, 403, 404}, (role, url, response.status_code)
    chooser = client.get(reverse("wagtaildocs_chooser:choose"), HTTP_HOST=BETHUNE_HOST)
    assert document.title not in chooser.content.decode()


@pytest.mark.parametrize(
    "role,own_site,other_site",
    [("staff_bethune", "bethune", "beauvais"), ("staff_beauvais", "beauvais", "bethune")],
)
def test_staff_settings_of_their_town_only(client, world, role, own_site, other_site):
    login(client, world, role)
    for model in ["towns/townidentity", "shops/shopkeepersettings"]:
        own = client.get(f"/admin/settings/{model}/{getattr(world, own_site).pk}/")
        other = client.get(f"/admin/settings/{model}/{getattr(world, other_site).pk}/")
        assert own.status_code == 200, model
        assert other.status_code in {302, 403, 404}, model
    assert client.get(reverse("wagtailusers_users:index")).status_code in {302, 403}


def click_collect(shop):
    today = timezone.localdate()
    return ClickCollectRequest.objects.create(
        shop=shop,
        contact_name="Paul Client",
        contact_email="paul@exemple.localhost",
        pickup_date=today + datetime.timedelta(days=1),
        pickup_time=datetime.time(10),
        consent_at=timezone.now(),
    )


CC_ALLOWED = {
    "keeper_a": {"a"},
    "keeper_b": set(),
    "keeper_c": {"c"},
    "staff_bethune": {"a"},
    "staff_beauvais": {"c"},
    "admin": {"a", "c"},
    "anonymous": set(),
}


@pytest.mark.parametrize("role", list(CC_ALLOWED))
def test_click_collect_requests_of_own_shops_only(client, world, role):
    requests = {"a": click_collect(world.shop_a), "c": click_collect(world.shop_c)}
    login(client, world, role)
    listing = client.get(reverse("shops_clickcollectrequest_modeladmin_index"))
    for name, cc in requests.items():
        allowed = name in CC_ALLOWED[role]
        edit = client.get(f"/admin/shops/clickcollectrequest/edit/{cc.pk}/")
        inspect = client.get(f"/admin/shops/clickcollectrequest/inspect/{cc.pk}/")
        assert (edit.status_code == 200) == allowed, (role, name, "edit")
        assert (inspect.status_code == 200) == allowed, (role, name, "inspect")
        if listing.status_code == 200:
            assert (cc.shop.title in listing.content.decode()) == allowed, (role, name, "listing")
        client.post(f"/admin/shops/clickcollectrequest/delete/{cc.pk}/")
        still = ClickCollectRequest.objects.filter(pk=cc.pk).exists()
        assert still or role in {"staff_bethune", "staff_beauvais", "admin"}, (role, name, "delete")
        if not allowed:
            assert still, (role, name, "delete")

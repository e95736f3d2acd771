"""Which images a shop page may show: a shopkeeper picks only their shop's own photos, town staff
only their town's images, whatever image id a crafted form sends."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from tests.conftest import BETHUNE_HOST
from tests.factories import ImageFactory, shopkeeper_world
from tests.support.forms import PAGE_EDIT_FORM, form_data

TYPED_PITCH = "Pain au levain cuit au feu de bois"


@pytest.fixture
def world(towns):
    world = shopkeeper_world(towns)
    world.collection_b = world.shop_b.ownership.collection
    world.own_photo = ImageFactory(title="Vitrine Alpha", collection=world.collection_a)
    world.other_shop_photo = ImageFactory(title="Vitrine Bêta", collection=world.collection_b)
    world.town_image = ImageFactory(title="Beffroi", collection=world.collection_a.get_parent())
    world.other_town_photo = ImageFactory(title="Vitrine Gamma", collection=world.collection_c)
    world.other_town_image = ImageFactory(title="Cathédrale", collection=world.collection_c.get_parent())
    return world


def edit_url(shop):
    return reverse("wagtailadmin_pages:edit", args=[shop.pk])


def form_with(client, user, shop, relation, **row):
    """The edit form as the admin shows it to `user`, with a new pitch and one more `relation` row."""
    client.force_login(user)
    client.defaults["HTTP_HOST"] = BETHUNE_HOST
    data = form_data(client.get(edit_url(shop)).content.decode(), form_id=PAGE_EDIT_FORM)
    data["pitch"] = [TYPED_PITCH]
    if relation is not None:
        index = int(data[f"{relation}-TOTAL_FORMS"][0])
        data[f"{relation}-TOTAL_FORMS"] = [str(index + 1)]
        for name, value in {"id": "", "ORDER": str(index + 1), "DELETE": "", **row}.items():
            data[f"{relation}-{index}-{name}"] = [str(value)]
    return data


def photo_row(image):
    return {"image": image.pk, "alt_text": "La vitrine"}


def product_row(image):
    return {"name": "Baguette tradition", "price": "1.30", "image": image.pk}


def saved_images(shop):
    """Every image id in the page's latest revision (what would go live) and in the database."""
    draft = Page.objects.get(pk=shop.pk).get_latest_revision_as_object()
    live = Page.objects.get(pk=shop.pk).specific
    ids = set()
    for page in [draft, live]:
        ids |= {photo.image_id for photo in page.gallery.all()}
        ids |= {product.image_id for product in page.products.all()}
        ids.add(page.social_image_id)
    return ids


OTHERS_FOR_SHOPKEEPER = ["other_shop_photo", "town_image", "other_town_photo", "other_town_image"]


@pytest.mark.parametrize("relation,row", [("gallery", photo_row), ("products", product_row)])
@pytest.mark.parametrize("image_name", OTHERS_FOR_SHOPKEEPER)
def test_a_shopkeeper_cannot_put_an_image_of_others_on_their_page(client, world, relation, row, image_name):
    image = getattr(world, image_name)
    response = client.post(
        edit_url(world.shop_a), form_with(client, world.keeper_a, world.shop_a, relation, **row(image))
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "n’est pas parmi les photos de votre commerce" in html
    assert TYPED_PITCH in html  # what was typed is kept
    assert image.pk not in saved_images(world.shop_a)
    assert Page.objects.get(pk=world.shop_a.pk).get_latest_revision_as_object().pitch != TYPED_PITCH


@pytest.mark.parametrize("relation,row", [("gallery", photo_row), ("products", product_row)])
def test_a_shopkeeper_puts_their_own_photo_on_their_page(client, world, relation, row):
    response = client.post(
        edit_url(world.shop_a),
        form_with(client, world.keeper_a, world.shop_a, relation, **row(world.own_photo)),
    )
    assert response.status_code == 302
    assert world.own_photo.pk in saved_images(world.shop_a)


@pytest.mark.parametrize("image_name", ["other_town_photo", "other_town_image"])
def test_town_staff_cannot_put_another_towns_image_on_a_shop_page(client, world, image_name):
    image = getattr(world, image_name)
    for relation, row in [("gallery", photo_row(image)), ("products", product_row(image)), (None, {})]:
        data = form_with(client, world.staff_bethune, world.shop_a, relation, **row)
        if relation is None:
            data["social_image"] = [str(image.pk)]
        response = client.post(edit_url(world.shop_a), data)
        assert response.status_code == 200, relation
        html = response.content.decode()
        assert "appartient à une autre ville" in html, relation
        assert TYPED_PITCH in html
    assert image.pk not in saved_images(world.shop_a)


def test_town_staff_use_their_towns_images_and_the_shops_photos(client, world):
    data = form_with(client, world.staff_bethune, world.shop_a, "gallery", **photo_row(world.own_photo))
    data["social_image"] = [str(world.town_image.pk)]
    response = client.post(edit_url(world.shop_a), data)
    assert response.status_code == 302
    assert {world.own_photo.pk, world.town_image.pk} <= saved_images(world.shop_a)


def test_an_image_the_town_set_stays_when_the_shopkeeper_saves(client, world):
    """A photo town staff chose from the town's collection is not the shopkeeper's to remove by saving."""
    data = form_with(client, world.staff_bethune, world.shop_a, "gallery", **photo_row(world.town_image))
    assert client.post(edit_url(world.shop_a), data).status_code == 302
    response = client.post(edit_url(world.shop_a), form_with(client, world.keeper_a, world.shop_a, None))
    assert response.status_code == 302
    draft = Page.objects.get(pk=world.shop_a.pk).get_latest_revision_as_object()
    assert draft.pitch == TYPED_PITCH
    assert world.town_image.pk in saved_images(world.shop_a)

"""A shopkeeper's new photo is not public before the town approves the change that uses it.

Uploaded files are served to anyone who asks for their address. A photo's file, and the sizes
the admin and the preview make of it, must not be found by someone who guesses the name it had on
the phone; once the town publishes the page, visitors get its sizes like any other.
"""

import re

import pytest
from django.core.cache import cache
from django.core.files.storage import default_storage
from wagtail.images.models import Image
from wagtail.models import Page

from shops.models import ShopPhoto
from tests.conftest import BETHUNE_HOST
from tests.factories import shopkeeper_world
from tests.test_uploads import jpeg_bytes, multiple_upload

PHONE_NAME = "IMG_0001"


@pytest.fixture
def world(towns):
    return shopkeeper_world(towns)


def stored_names():
    names = []
    for folder in ["original_images", "images"]:
        if default_storage.exists(folder):
            names += [f"{folder}/{name}" for name in default_storage.listdir(folder)[1]]
    return names


def new_photo(client, world):
    client.force_login(world.keeper_a)
    result = multiple_upload(client, f"{PHONE_NAME}.jpg", jpeg_bytes((400, 300)), world.collection_a)
    assert result["success"], result
    return Image.objects.get(pk=result["image_id"])


def test_a_new_photo_is_not_found_under_the_name_it_had_on_the_phone(client, world):
    photo = new_photo(client, world)
    photo.get_rendition("max-165x165")  # the admin's thumbnail
    photo.get_rendition("width-720|format-webp")  # a size the page preview shows

    assert PHONE_NAME in photo.title  # people still see the name they gave
    names = stored_names()
    assert len(names) >= 3
    assert not [name for name in names if PHONE_NAME.lower() in name.lower()]
    second = new_photo(client, world)
    assert photo.file.name != second.file.name


def test_once_the_town_publishes_the_page_visitors_get_the_photo(client, world):
    photo = new_photo(client, world)
    shop = world.shop_a
    shop.gallery = [ShopPhoto(image=photo, alt_text="La vitrine")]
    shop.save_revision(user=world.keeper_a).publish()

    client.logout()
    html = client.get(Page.objects.get(pk=shop.pk).url, HTTP_HOST=BETHUNE_HOST).content.decode()
    sources = re.findall(r'src="/media/(images/[^"]+)"', html)
    assert sources
    assert all(default_storage.exists(source) for source in sources)


@pytest.fixture
def media_on_disk(settings, tmp_path):
    """Uploaded files in a MEDIA_ROOT of their own, served by /media/ as on one machine, with no
    rendition remembered from a test that kept its files in memory."""
    cache.clear()
    settings.MEDIA_ROOT = str(tmp_path)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }


def test_a_photos_original_is_never_served_even_once_published(client, world, media_on_disk):
    """Pages show sizes made for them; the original, as sent, stays with the admin."""
    photo = new_photo(client, world)
    shop = world.shop_a
    shop.gallery = [ShopPhoto(image=photo, alt_text="La vitrine")]
    shop.save_revision(user=world.keeper_a).publish()
    client.logout()
    rendition = photo.get_rendition("max-165x165")

    assert client.get(f"/media/{photo.file.name}").status_code == 404
    assert client.get(f"/media/images/../{photo.file.name}").status_code == 404
    response = client.get(rendition.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"\xff\xd8")  # the JPEG itself

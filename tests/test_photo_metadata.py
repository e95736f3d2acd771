"""A photo on the portal never tells where it was taken, with which camera, or whose it is.

A phone photo carries its GPS position, the camera's serial number and its owner's name (EXIF,
XMP, IPTC), and an orientation tag instead of upright pixels. Whoever uploads it (a shopkeeper
with “Ajouter des images”, town staff with the single form), the stored original and every
rendition (JPEG, WebP, PNG, AVIF, the sharing image included) keep the picture upright and its
colour profile, and nothing else; `manage.py clean_image_metadata` cleans the photos stored before.
"""

import json
import struct
from io import BytesIO, StringIO

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from PIL import Image as PILImage
from PIL import ImageCms, features
from wagtail.images.models import Image, Rendition

from tests.conftest import BETHUNE_HOST
from tests.factories import shopkeeper_world

OWNER = "Jeanne Dupont"
SERIAL = "SN-4815162342"
GPS = 0x8825
EXIF_IFD = 0x8769
# What each uploaded photo must have lost: EXIF tags (position, camera, serials, owner) and the
# strings themselves, wherever they were (XMP, IPTC, maker notes).
PERSONAL_STRINGS = [OWNER.encode(), SERIAL.encode(), b"50,31.8N", b"Canon"]
RENDITION_FORMATS = ["jpeg", "webp", "png"] + (["avif"] if features.check("avif") else [])
SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def iptc_segment(byline):
    """An APP13 segment with an IPTC “by-line” (author), as photo software writes it."""
    record = b"\x1c\x02\x50" + struct.pack(">H", len(byline)) + byline
    resource = b"8BIM\x04\x04\x00\x00" + struct.pack(">I", len(record)) + record
    payload = b"Photoshop 3.0\x00" + resource
    return b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload


def camera_jpeg():
    """A phone photo lying on its side (Orientation 6: turn it a quarter clockwise to see it):
    60 × 40 pixels as stored, red on the left, blue on the right, so upright it is 40 × 60,
    red on top. With GPS position, camera, serial numbers, owner, XMP, IPTC and an sRGB profile."""
    picture = PILImage.new("RGB", (60, 40), "blue")
    picture.paste((220, 0, 0), (0, 0, 30, 40))
    exif = PILImage.Exif()
    exif[0x0112] = 6  # Orientation
    exif[0x010F] = "Canon"  # Make
    exif[0x013B] = OWNER  # Artist
    exif.get_ifd(EXIF_IFD)[0xA430] = OWNER  # CameraOwnerName
    exif.get_ifd(EXIF_IFD)[0xA431] = SERIAL  # BodySerialNumber
    exif.get_ifd(GPS)[1] = "N"
    exif.get_ifd(GPS)[2] = (50.0, 31.0, 48.0)
    xmp = (
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        b'<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="50,31.8N"/>'
        b"</rdf:RDF></x:xmpmeta>"
    )
    buffer = BytesIO()
    picture.save(buffer, "JPEG", quality=95, exif=exif, xmp=xmp, icc_profile=SRGB)
    data = buffer.getvalue()
    # The IPTC segment goes right after the start-of-image marker.
    return data[:2] + iptc_segment(OWNER.encode()) + data[2:]


def assert_clean_and_upright(content, expected_format, size=(40, 60)):
    for personal in PERSONAL_STRINGS:
        assert personal not in content, personal
    with PILImage.open(BytesIO(content)) as picture:
        assert picture.format == expected_format
        assert picture.size == size
        exif = picture.getexif()
        assert not exif.get_ifd(GPS) and GPS not in exif
        assert 0x0112 not in exif and EXIF_IFD not in exif and 0x013B not in exif
        assert not {"xmp", "XML:com.adobe.xmp", "photoshop"} & set(picture.info)
        rgb = picture.convert("RGB")
        top = rgb.getpixel((size[0] // 2, size[1] // 5))
        bottom = rgb.getpixel((size[0] // 2, size[1] * 4 // 5))
        assert top[0] > 150 and top[2] < 100, top  # red on top: upright
        assert bottom[2] > 150 and bottom[0] < 100, bottom


def stored(image):
    with image.open_file() as f:
        return f.read()


@pytest.fixture
def world(towns):
    return shopkeeper_world(towns, workflow=False)


def upload_as_shopkeeper(client, world):
    client.force_login(world.keeper_a)
    response = client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("IMG_2048.jpg", camera_jpeg()), "collection": world.collection_a.pk},
        HTTP_HOST=BETHUNE_HOST,
    )
    result = json.loads(response.content)
    assert result["success"], result
    return Image.objects.get(pk=result["image_id"])


def upload_as_staff(client, world):
    client.force_login(world.staff_bethune)
    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Marché de Noël",
            "file": SimpleUploadedFile("marche.jpg", camera_jpeg()),
            "collection": world.collection_a.get_parent().pk,
        },
        HTTP_HOST=BETHUNE_HOST,
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return Image.objects.get(title="Marché de Noël")


@pytest.mark.parametrize("upload", [upload_as_shopkeeper, upload_as_staff], ids=["shopkeeper", "staff"])
def test_an_uploaded_photo_is_stored_upright_without_personal_metadata(client, world, upload):
    image = upload(client, world)

    content = stored(image)
    assert_clean_and_upright(content, "JPEG")
    assert (image.width, image.height) == (40, 60)
    assert image.file_size == len(content)
    with PILImage.open(BytesIO(content)) as picture:
        assert picture.info.get("icc_profile") == SRGB  # colours still shown right


@pytest.mark.parametrize("image_format", RENDITION_FORMATS)
def test_every_rendition_format_is_upright_without_personal_metadata(client, world, image_format):
    image = upload_as_shopkeeper(client, world)

    rendition = image.get_rendition(f"fill-20x30|format-{image_format}")

    with rendition.file.open("rb") as f:
        assert_clean_and_upright(f.read(), image_format.upper(), size=(20, 30))


def test_the_sharing_image_has_no_position(client, world):
    image = upload_as_staff(client, world)

    rendition = image.get_rendition("fill-1200x630|format-jpeg")

    with rendition.file.open("rb") as f:
        content = f.read()
    for personal in PERSONAL_STRINGS:
        assert personal not in content
    with PILImage.open(BytesIO(content)) as picture:
        assert not picture.getexif().get_ifd(GPS)


def photo_stored_before(collection):
    """A photo stored before the cleaning existed: written straight to the storage."""
    name = default_storage.save("original_images/vitrine-2019.jpg", ContentFile(camera_jpeg()))
    Image.objects.bulk_create(
        [Image(title="Vitrine 2019", file=name, width=60, height=40, collection=collection)]
    )
    return Image.objects.get(title="Vitrine 2019")


def clean_image_metadata():
    out = StringIO()
    call_command("clean_image_metadata", stdout=out)
    return out.getvalue()


def test_the_command_cleans_photos_stored_before_and_a_second_run_changes_nothing(world):
    image = photo_stored_before(world.collection_a)
    old = image.get_rendition("width-30|format-jpeg")
    with old.file.open("rb") as f:
        assert SERIAL.encode() in f.read()  # Wagtail copied the camera's notes into the rendition
    name = image.file.name

    output = clean_image_metadata()

    assert "1 image nettoyée" in output
    image.refresh_from_db()
    assert image.file.name == name  # same address
    content = stored(image)
    assert_clean_and_upright(content, "JPEG")
    assert (image.width, image.height) == (40, 60)
    assert image.file_size == len(content)
    assert not Rendition.objects.filter(pk=old.pk).exists()
    cache.clear()
    rendition = image.get_rendition("width-30|format-jpeg")
    with rendition.file.open("rb") as f:
        assert_clean_and_upright(f.read(), "JPEG", size=(30, 45))

    again = clean_image_metadata()

    assert "Aucune image à nettoyer" in again
    image.refresh_from_db()
    assert stored(image) == content
    assert Rendition.objects.filter(pk=rendition.pk).exists()


def test_a_photo_kept_aside_by_add_several_is_cleaned_when_it_becomes_an_image(client, world):
    """“Ajouter des images” stores an upload as it is when another field is refused (a title too
    long), then makes the image from that stored file once the title is fixed."""
    client.force_login(world.keeper_a)
    response = client.post(
        reverse("wagtailimages:add_multiple"),
        {
            "files[]": SimpleUploadedFile("IMG_4096.jpg", camera_jpeg()),
            "collection": world.collection_a.pk,
            "title": "Vitrine " * 40,
        },
        HTTP_HOST=BETHUNE_HOST,
    )
    upload_id = json.loads(response.content)["uploaded_file_id"]

    response = client.post(
        reverse("wagtailimages:create_multiple_from_uploaded_image", args=[upload_id]),
        {
            f"uploaded-image-{upload_id}-title": "Vitrine",
            f"uploaded-image-{upload_id}-collection": world.collection_a.pk,
            f"uploaded-image-{upload_id}-tags": "",
        },
        HTTP_HOST=BETHUNE_HOST,
    )

    assert json.loads(response.content)["success"], response.content
    image = Image.objects.get(title="Vitrine")
    assert_clean_and_upright(stored(image), "JPEG")
    assert (image.width, image.height) == (40, 60)


def test_the_command_tells_which_image_has_lost_its_file_and_goes_on(world):
    Image.objects.bulk_create(
        [
            Image(
                title="Disparue",
                file="original_images/disparue.jpg",
                width=60,
                height=40,
                collection=world.collection_a,
            )
        ]
    )
    photo_stored_before(world.collection_a)
    out, err = StringIO(), StringIO()

    call_command("clean_image_metadata", stdout=out, stderr=err)

    assert "« Disparue » : son fichier ne peut pas être lu" in err.getvalue()
    assert "1 image nettoyée sur 2" in out.getvalue()

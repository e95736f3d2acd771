"""Uploads through the admin's own screens: what is accepted, what is refused and why (in French).

Shopkeepers add photos with “Ajouter des images” (several at once) or from the photo chooser of
their shop page; town staff also use the single image form. Every refusal leaves nothing behind.
"""

import json
import struct
import zipfile
import zlib
from io import BytesIO

import pillow_heif
import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import GroupCollectionPermission

from shops.models import ShopOwnership
from tests.conftest import BETHUNE_HOST
from tests.factories import shopkeeper_world


@pytest.fixture
def world(towns):
    return shopkeeper_world(towns, workflow=False)


def jpeg_bytes(size=(64, 48), color="red"):
    buffer = BytesIO()
    PILImage.new("RGB", size, color).save(buffer, "JPEG")
    return buffer.getvalue()


def png_bytes(size=(40, 30)):
    buffer = BytesIO()
    PILImage.new("RGB", size, "green").save(buffer, "PNG")
    return buffer.getvalue()


def png_declaring(width, height):
    """A few hundred bytes whose header announces width × height pixels: a decompression bomb."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


def heic_bytes(size=(120, 90)):
    """A phone photo: HEIC with the place it was taken (GPS) in its EXIF data."""
    image = PILImage.new("RGB", size, "blue")
    exif = PILImage.Exif()
    exif[0x010F] = "Apple"  # Make
    exif.get_ifd(0x8825)[2] = (50.0, 31.0, 48.0)  # GPS latitude
    buffer = BytesIO()
    pillow_heif.from_pillow(image).save(buffer, quality=80, exif=exif.tobytes())
    return buffer.getvalue()


def upload(name, content):
    return SimpleUploadedFile(name, content)


REFUSED_IMAGES = [
    ("vitrine.jpg", lambda: jpeg_bytes() + b"\x00" * (10 * 1024 * 1024), "pèse 10,0"),
    ("vitrine.png", lambda: png_declaring(8000, 6000), "8000 × 6000 pixels"),
    ("bombe.png", lambda: png_declaring(100_000, 100_000), "dimensions gigantesques"),
    ("texte.jpg", lambda: b"Ceci est un texte, pas une photo.\n" * 20, "ne peut pas être lu comme une image"),
    ("photo.jpg", png_bytes, "porte l’extension .jpg mais c’est en réalité un fichier PNG"),
    ("logo.svg", lambda: b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "SVG"),
    ("anime.gif", lambda: b"GIF89a\x01\x00\x01\x00\x00\x00\x00;", "Ce type de fichier n’est pas accepté"),
    ("tarif.pdf", lambda: b"%PDF-1.4\n%%EOF\n", "Ce type de fichier n’est pas accepté"),
    ("coupee.jpg", lambda: jpeg_bytes((800, 600))[:400], "ne peut pas être lu comme une image"),
]


def multiple_upload(client, name, content, collection):
    response = client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": upload(name, content), "collection": collection.pk},
        HTTP_HOST=BETHUNE_HOST,
    )
    assert response.status_code == 200
    return json.loads(response.content)


def test_a_shopkeepers_phone_photo_is_stored_as_jpeg_without_its_gps_position(client, world):
    client.force_login(world.keeper_a)

    result = multiple_upload(client, "IMG_0042.HEIC", heic_bytes(), world.collection_a)

    assert result["success"], result
    image = Image.objects.get(pk=result["image_id"])
    assert image.collection == world.collection_a
    assert image.file.name.endswith(".jpg")
    assert (image.width, image.height) == (120, 90)
    with image.open_file() as stored, PILImage.open(stored) as decoded:
        assert decoded.format == "JPEG"
        assert 0x8825 not in decoded.getexif()


@pytest.mark.parametrize("name,make,reason", REFUSED_IMAGES, ids=[case[0] for case in REFUSED_IMAGES])
def test_the_multiple_upload_refuses_with_a_reason(client, world, name, make, reason):
    client.force_login(world.keeper_a)

    result = multiple_upload(client, name, make(), world.collection_a)

    assert result["success"] is False
    assert reason in result["error_message"]
    assert not Image.objects.exists()


def test_the_multiple_upload_page_tells_the_limits(client, world):
    client.force_login(world.keeper_a)
    html = client.get(reverse("wagtailimages:add_multiple"), HTTP_HOST=BETHUNE_HOST).content.decode()
    assert "JPEG, PNG, WebP, AVIF ou HEIC" in html
    assert "10,0\xa0Mio" in html
    assert "40 mégapixels" in html


def chooser_upload(client, name, content, collection, title="Devanture"):
    response = client.post(
        reverse("wagtailimages_chooser:create"),
        {
            "image-chooser-upload-title": title,
            "image-chooser-upload-file": upload(name, content),
            "image-chooser-upload-collection": collection.pk,
            "image-chooser-upload-tags": "",
        },
        HTTP_HOST=BETHUNE_HOST,
    )
    assert response.status_code == 200
    return json.loads(response.content)


def test_the_photo_chooser_of_the_shop_page_converts_a_heic_photo(client, world):
    client.force_login(world.keeper_a)

    result = chooser_upload(client, "IMG_0043.heic", heic_bytes(), world.collection_a)

    assert result["step"] == "chosen", result
    image = Image.objects.get(pk=result["result"]["id"])
    assert image.file.name.endswith(".jpg")
    assert image.title == "Devanture"


def test_the_photo_chooser_refuses_an_svg_and_keeps_the_title(client, world):
    client.force_login(world.keeper_a)

    result = chooser_upload(
        client, "logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", world.collection_a
    )

    assert result["step"] == "reshow_creation_form"
    assert "Les images SVG ne sont pas acceptées" in result["htmlFragment"]
    assert 'value="Devanture"' in result["htmlFragment"]
    assert not Image.objects.exists()


def test_staff_single_image_form_refuses_a_bomb_and_keeps_what_was_typed(client, world):
    client.force_login(world.staff_bethune)
    collection = world.collection_a.get_parent()

    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Marché de Noël",
            "file": upload("noel.png", png_declaring(60_000, 60_000)),
            "collection": collection.pk,
        },
        HTTP_HOST=BETHUNE_HOST,
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "Cette image annonce des dimensions gigantesques" in html
    assert 'value="Marché de Noël"' in html
    assert not Image.objects.exists()


def test_staff_single_image_form_accepts_webp_and_avif(client, world):
    client.force_login(world.staff_bethune)
    collection = world.collection_a.get_parent()
    for name, image_format in [("affiche.webp", "WEBP"), ("affiche.avif", "AVIF")]:
        buffer = BytesIO()
        PILImage.new("RGB", (30, 20), "yellow").save(buffer, image_format)
        response = client.post(
            reverse("wagtailimages:add"),
            {"title": name, "file": upload(name, buffer.getvalue()), "collection": collection.pk},
            HTTP_HOST=BETHUNE_HOST,
        )
        assert response.status_code == 302, response.content.decode()[:2000]
    assert sorted(Image.objects.values_list("title", flat=True)) == ["affiche.avif", "affiche.webp"]


# Documents ----------------------------------------------------------------------------------


def docx_bytes():
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def give_documents_to_shop(world):
    """A town may let shopkeepers add documents to their shop's collection (Paramètres › Groupes)."""
    group = ShopOwnership.objects.get(shop=world.shop_a).group
    for codename in ["add_document", "choose_document"]:
        GroupCollectionPermission.objects.create(
            group=group,
            collection=world.collection_a,
            permission=Permission.objects.get(content_type__app_label="wagtaildocs", codename=codename),
        )


def document_chooser_upload(client, name, content, collection):
    response = client.post(
        reverse("wagtaildocs_chooser:create"),
        {
            "document-chooser-upload-title": "Carte du restaurant",
            "document-chooser-upload-file": upload(name, content),
            "document-chooser-upload-collection": collection.pk,
            "document-chooser-upload-tags": "",
        },
        HTTP_HOST=BETHUNE_HOST,
    )
    assert response.status_code == 200
    return json.loads(response.content)


def test_a_shopkeeper_may_add_a_pdf_only(client, world):
    give_documents_to_shop(world)
    client.force_login(world.keeper_a)

    refused = document_chooser_upload(client, "carte.docx", docx_bytes(), world.collection_a)
    assert refused["step"] == "reshow_creation_form"
    assert "Seuls les documents PDF sont acceptés" in refused["htmlFragment"]
    assert not Document.objects.exists()

    accepted = document_chooser_upload(client, "carte.pdf", PDF, world.collection_a)
    assert accepted["step"] == "chosen", accepted
    assert Document.objects.get().file.name.endswith(".pdf")


@pytest.mark.parametrize(
    "name,content,reason",
    [
        ("compte-rendu.docx", docx_bytes(), None),
        ("horaires.csv", b"jour;ouverture\nlundi;9h\n", None),
        ("programme.pdf", PDF, None),
        ("faux.pdf", b"MZ\x90\x00 un programme Windows", "n’est pas un document PDF"),
        ("faux.docx", b"%PDF-1.4 renomme", "n’est pas un document DOCX"),
        ("script.exe", b"MZ\x90\x00", "Ce type de document n’est pas accepté"),
        ("dessin.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "Ce type de document n’est pas accepté"),
    ],
)
def test_staff_add_office_documents_that_are_what_they_say(client, world, name, content, reason):
    client.force_login(world.staff_bethune)

    response = client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": upload(name, content), "collection": world.collection_a.get_parent().pk},
        HTTP_HOST=BETHUNE_HOST,
    )

    result = json.loads(response.content)
    if reason is None:
        assert result["success"], result
        assert Document.objects.count() == 1
    else:
        assert result["success"] is False
        assert reason in result["error_message"]
        assert not Document.objects.exists()

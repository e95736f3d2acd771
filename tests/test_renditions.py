"""Image renditions are made when a page is published or an image saved, never for a visitor.

Tests run background tasks at once (ImmediateBackend); one test runs them the production way,
queued in the database and done by `manage.py db_worker`.
"""

import re
from decimal import Decimal
from io import BytesIO, StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django_tasks_db.models import DBTaskResult
from PIL import Image as PILImage
from wagtail.images.models import Filter, Rendition

from core.renditions import ROLES
from tests.conftest import BETHUNE_HOST
from tests.factories import (
    GuideIndexPageFactory,
    GuidePageFactory,
    ImageFactory,
    ShopIndexPageFactory,
    StandardPageFactory,
    make_shop,
    make_staff,
)
from tests.factories.shops import ShopCategoryFactory
from towns.models import TownIdentity
from towns.towns import town_collection


@pytest.fixture(autouse=True)
def renditions_made_at_once(settings):
    """As the worker would, but at once (test settings only queue them)."""
    immediate = {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
    settings.TASKS = {**settings.TASKS, "renditions": immediate}


def has_renditions(image, *role_names):
    """Whether every rendition of these roles exists for the image as it is now (file, focal point)."""
    image.refresh_from_db()
    for role in role_names:
        for spec in ROLES[role].filter_specs:
            key = Filter(spec=spec).get_cache_key(image)
            if not Rendition.objects.filter(image=image, filter_spec=spec, focal_point_key=key).exists():
                return False
    return True


def visit(client, page):
    response = client.get(page.url, HTTP_HOST=BETHUNE_HOST)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def shop(towns):
    index = ShopIndexPageFactory(parent=towns["bethune"])
    photos = [ImageFactory(file__width=1600, file__height=1200) for _ in range(3)]
    product_image = ImageFactory(file__width=800, file__height=800)
    return make_shop(
        index,
        "Boulangerie du Beffroi",
        slug="beffroi",
        category=ShopCategoryFactory(),
        photos=photos,
        products=[{"name": "Pain de campagne", "price": Decimal("2.10"), "image": product_image}],
    )


def test_publishing_a_shop_makes_every_rendition_its_pages_show(shop):
    first, second, third = [photo.image for photo in shop.gallery.all()]
    product_image = shop.products.get().image

    assert has_renditions(first, "gallery_main", "shop_card", "social")
    assert has_renditions(second, "gallery_thumb")
    assert has_renditions(third, "gallery_thumb")
    assert has_renditions(product_image, "product")
    assert not has_renditions(second, "gallery_main")


def test_visitors_of_the_shop_page_and_the_directory_make_no_rendition(client, shop):
    made = Rendition.objects.count()

    html = visit(client, shop)
    visit(client, shop.get_parent())

    assert Rendition.objects.count() == made
    assert html.count("<picture>") == 4  # three photos and the product


def test_the_shop_page_serves_webp_with_sizes_dimensions_and_lazy_loading(client, shop):
    html = visit(client, shop)

    pictures = re.findall(r"<picture>.*?</picture>", html, re.S)
    main, thumb = pictures[0], pictures[1]
    assert 'type="image/webp"' in main
    assert f'sizes="{ROLES["gallery_main"].sizes}"' in main
    img = re.search(r"<img [^>]*>", main).group(0)
    assert re.search(r'width="\d+"', img) and re.search(r'height="\d+"', img)
    assert 'decoding="async"' in img
    assert 'alt="Photo de Boulangerie du Beffroi"' in img
    assert ".jpg" in img or ".jpeg" in img  # the fallback for browsers without WebP
    assert 'loading="lazy"' in thumb


def test_a_new_file_for_a_photo_remakes_its_renditions_before_anyone_visits(client, towns, shop):
    staff, _group = make_staff(shop.get_site(), "agent-bethune")
    client.force_login(staff)
    image = shop.gallery.first().image
    image.collection = town_collection(shop.get_site())
    image.save()
    old_renditions = set(Rendition.objects.filter(image=image).values_list("pk", flat=True))
    buffer = BytesIO()
    PILImage.new("RGB", (1400, 1000), "orange").save(buffer, "JPEG")

    response = client.post(
        reverse("wagtailimages:edit", args=[image.pk]),
        {
            "title": "Nouvelle vitrine",
            "file": SimpleUploadedFile("vitrine.jpg", buffer.getvalue()),
            "collection": image.collection_id,
            "tags": "",
        },
        HTTP_HOST=BETHUNE_HOST,
    )

    assert response.status_code == 302
    image.refresh_from_db()
    assert (image.width, image.height) == (1400, 1000)
    assert not Rendition.objects.filter(pk__in=old_renditions).exists()
    assert has_renditions(image, "gallery_main", "shop_card", "social")
    client.logout()
    made = Rendition.objects.count()
    visit(client, shop)
    assert Rendition.objects.count() == made


def test_home_standard_and_guide_pages_and_the_logo(client, towns):
    home = towns["bethune"].specific
    home.hero_image = ImageFactory(width=2000, height=900)
    home.featured = [
        ("featured", {"title": "Marché de Noël", "text": "<p>Du 1er au 24</p>", "image": ImageFactory()})
    ]
    home.save_revision().publish()
    body_image = ImageFactory(width=1600, height=1000)
    about = StandardPageFactory(parent=home, title="À propos")
    about.body = [("image", {"image": body_image, "alt_text": "La Grand-Place", "decorative": False})]
    about.save_revision().publish()
    guide_index = GuideIndexPageFactory(parent=home)
    guide = GuidePageFactory(parent=guide_index, cover_image=ImageFactory(width=1600, height=900))
    guide.save_revision().publish()
    identity = TownIdentity.objects.get(site__root_page=home)
    identity.logo = ImageFactory(width=400, height=200)
    identity.save()

    home.refresh_from_db()
    assert has_renditions(home.hero_image, "hero")
    assert has_renditions(home.featured[0].value["image"], "featured_card")
    assert has_renditions(body_image, "content")
    assert has_renditions(guide.cover_image, "guide_cover", "guide_card", "social")
    assert has_renditions(identity.logo, "logo")

    made = Rendition.objects.count()
    for page in [home, about, guide_index, guide]:
        visit(client, page)
    assert Rendition.objects.count() == made


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # the worker closes its connection
@override_settings(
    TASKS={
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
        "renditions": {"BACKEND": "django_tasks_db.DatabaseBackend"},
    }
)
def test_in_production_the_worker_makes_them_after_publication(client, towns):
    index = ShopIndexPageFactory(parent=towns["bethune"])
    photo = ImageFactory(width=1200, height=900)

    shop = make_shop(index, "Fleuriste", slug="fleuriste", category=ShopCategoryFactory(), photos=[photo])

    assert not has_renditions(photo, "gallery_main")
    assert DBTaskResult.objects.filter(status="READY").exists()
    call_command(
        "db_worker", "--backend", "renditions", "--batch", "--no-startup-delay", "--no-reload", verbosity=0
    )
    assert has_renditions(photo, "gallery_main", "shop_card", "social")
    made = Rendition.objects.count()
    visit(client, shop)
    assert Rendition.objects.count() == made


def test_prepare_renditions_catches_up_on_pages_published_before(shop):
    Rendition.objects.all().delete()

    call_command("prepare_renditions", "--now", stdout=StringIO())

    first = shop.gallery.first().image
    assert has_renditions(first, "gallery_main", "shop_card", "social")
    assert has_renditions(shop.products.get().image, "product")

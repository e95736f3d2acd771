"""The shopkeeper's editing form is short and French, and staff-only fields stay out of reach."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from tests.conftest import BETHUNE_HOST
from tests.factories import shopkeeper_world
from tests.support.forms import PAGE_EDIT_FORM, form_data


@pytest.fixture
def world(towns):
    return shopkeeper_world(towns)


def edit_page(client, user, shop):
    client.force_login(user)
    return client.get(reverse("wagtailadmin_pages:edit", args=[shop.pk]), HTTP_HOST=BETHUNE_HOST)


def test_a_shopkeeper_sees_their_tabs_and_no_staff_field(client, world):
    html = edit_page(client, world.keeper_a, world.shop_a).content.decode()
    for tab in ["Ma boutique", "Horaires", "Photos", "Produits"]:
        assert tab in html
    form = form_data(html, form_id=PAGE_EDIT_FORM)
    for field in ["category", "slug", "seo_title", "search_description", "go_live_at", "latitude", "siret"]:
        assert field not in form, field
    assert "pitch" in form and "opening_hours-TOTAL_FORMS" in form and "products-TOTAL_FORMS" in form


def test_staff_see_the_staff_fields(client, world):
    form = form_data(
        edit_page(client, world.staff_bethune, world.shop_a).content.decode(), form_id=PAGE_EDIT_FORM
    )
    for field in ["category", "slug", "seo_title", "go_live_at", "latitude", "siret"]:
        assert field in form, field


def test_a_crafted_post_cannot_change_staff_fields(client, world):
    form = form_data(edit_page(client, world.keeper_a, world.shop_a).content.decode(), form_id=PAGE_EDIT_FORM)
    form.update(
        {
            "pitch": ["Nouveau slogan"],
            "category": [str(world.other_category.pk)],
            "slug": ["pirate"],
            "seo_title": ["Titre piraté"],
            "siret": ["73282932000074"],
            "go_live_at": [(timezone.now() + datetime.timedelta(days=3)).strftime("%Y-%m-%d %H:%M")],
            "action-submit": ["1"],
        }
    )
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[world.shop_a.pk]), form, HTTP_HOST=BETHUNE_HOST
    )
    assert response.status_code == 302
    draft = Page.objects.get(pk=world.shop_a.pk).get_latest_revision_as_object()
    assert draft.pitch == "Nouveau slogan"  # the change itself was saved
    assert draft.category_id == world.category.pk
    assert draft.slug == "alpha"
    assert draft.seo_title == ""
    assert draft.siret == ""
    assert draft.go_live_at is None

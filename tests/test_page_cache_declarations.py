"""Each model says what a change to it makes stale (core/page_cache_signals.py), and a change
makes stale exactly that: its own town's pages, every town's, or none."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Page

from core import page_cache
from core.page_cache_signals import DECLARATIONS, OWN_TOWN, declared_invalidation, town_fields
from core.project_apps import project_app_configs
from shops.models import ClickCollectRequest
from tests.conftest import BEAUVAIS_HOST, BETHUNE_HOST
from tests.factories import (
    ShopCategoryFactory,
    ShopIndexPageFactory,
    WorkshopIndexPageFactory,
    WorkshopPageFactory,
    make_shop,
)

TAGS = {
    page_cache.GLOBAL_TAG: "every town",
    page_cache.town_tag(BETHUNE_HOST): "Béthune",
    page_cache.town_tag(BEAUVAIS_HOST): "Beauvais",
}


def test_every_model_of_the_project_says_what_a_change_to_it_makes_stale():
    undecided = []
    for app_config in project_app_configs():
        for model in app_config.get_models():
            declared = declared_invalidation(model)
            if declared not in DECLARATIONS:
                undecided.append(f"{model._meta.label}: unknown cache_invalidation {declared!r}")
            elif declared == OWN_TOWN and not (issubclass(model, Page) or town_fields(model)):
                # Would make every town stale while saying "own town".
                undecided.append(f"{model._meta.label}: no town; declare 'every town' or None")
    assert undecided == []


@pytest.fixture
def records(towns, page_cache_on, committed):
    with committed():
        category = ShopCategoryFactory(name="Boulangerie-pâtisserie", slug="boulangerie")
        directory = ShopIndexPageFactory(parent=towns["bethune"])
        shop = make_shop(directory, "Boulangerie Martin", category=category, products=["Pain"])
        workshop = WorkshopPageFactory(parent=WorkshopIndexPageFactory(parent=towns["bethune"]))
        registration = workshop.register(name="Martine", email="m@exemple.fr", consent_at=timezone.now())
    return {"shop": shop, "category": category, "registration": registration}


def save_product(records):
    product = records["shop"].products.get()
    product.name = "Pain de campagne"
    product.save()


def rename_category(records):
    records["category"].name = "Boulangerie"
    records["category"].save()


def send_click_collect_request(records):
    ClickCollectRequest.objects.create(
        shop=records["shop"],
        contact_name="Jeanne Dupont",
        contact_email="jeanne@exemple.localhost",
        items=[{"product_id": 1, "name": "Pain", "price": "1.20", "quantity": 2}],
        pickup_date=timezone.localdate() + datetime.timedelta(days=2),
        pickup_time=datetime.time(10, 30),
        consent_at=timezone.now(),
    )


@pytest.mark.parametrize(
    ("change", "stale"),
    [
        # A page: its town (the page's own tree).
        (lambda records: records["shop"].save_revision().publish(), {"Béthune"}),
        # "own town", through the page the record is attached to.
        (save_product, {"Béthune"}),
        # "own town", through the record's site: the seats left on the workshop page.
        (lambda records: records["registration"].cancel(), {"Béthune"}),
        # "every town": a category every directory shows.
        (rename_category, {"every town"}),
        # None: seen only by the shop and the town's staff.
        (send_click_collect_request, set()),
    ],
    ids=["page", "record-of-a-page", "record-of-a-town", "shared-record", "bookkeeping"],
)
def test_a_change_makes_stale_what_its_model_declares(
    records, django_capture_on_commit_callbacks, change, stale
):
    before = page_cache.current_versions(tuple(TAGS))
    with django_capture_on_commit_callbacks(execute=True):
        change(records)
    after = page_cache.current_versions(tuple(TAGS))
    assert {TAGS[tag] for tag, old, new in zip(TAGS, before, after, strict=True) if old != new} == stale

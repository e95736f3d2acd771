"""Factories for the shop directory: categories, directories, shops with hours and products."""

import datetime
from decimal import Decimal

import factory
import wagtail_factories

from demo.builders.pages import add_page
from demo.builders.shops import shop_page
from shops.models import ShopCategory, ShopIndexPage

T = datetime.time
EVERY_DAY_ALL_DAY = [(day, T(0), T(23, 59)) for day in range(7)]
OFFICE_HOURS = [(day, T(9), T(12)) for day in range(6)] + [(day, T(14), T(19)) for day in range(6)]


class ShopCategoryFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Catégorie {n}")
    slug = factory.Sequence(lambda n: f"categorie-{n}")
    schema_type = "Store"

    class Meta:
        model = ShopCategory
        django_get_or_create = ["slug"]


class ShopIndexPageFactory(wagtail_factories.PageFactory):
    title = "Commerces"
    slug = "commerces"
    introduction = "Tous les commerces du centre-ville."

    class Meta:
        model = ShopIndexPage


def make_shop(
    parent, title, *, hours=OFFICE_HOURS, exceptions=(), products=(), photos=(), publish=True, **fields
):
    """A shop page under `parent`, with its hours, exceptional dates, products and photos, published.

    exceptions: the dates' fields as dicts; products: names, or the products' fields as dicts.
    """
    values = {
        "pitch": f"{title}, au cœur du centre-ville.",
        "street": "1 Grand'Place",
        "postcode": "62400",
        "town": "Béthune",
        "latitude": Decimal("50.530000"),
        "longitude": Decimal("2.640000"),
    }
    values.update(fields)
    page = shop_page(
        title,
        hours=hours,
        exceptional_openings=exceptions,
        products=[product if isinstance(product, dict) else {"name": product} for product in products],
        photos=[(image, f"Photo de {title}") for image in photos],
        **values,
    )
    return add_page(parent, page, live=publish)

"""Factories for the shop directory: categories, directories, shops with hours and products."""

import datetime
from decimal import Decimal

import factory
import wagtail_factories

from shops.models import (
    ExceptionalOpening,
    Product,
    ShopCategory,
    ShopIndexPage,
    ShopPage,
    ShopPhoto,
    WeeklyOpening,
)

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
    """A shop page under `parent`, with its hours, exceptional dates, products and photos, published."""
    values = {
        "pitch": f"{title}, au cœur du centre-ville.",
        "street": "1 Grand'Place",
        "postcode": "62400",
        "town": "Béthune",
        "latitude": Decimal("50.530000"),
        "longitude": Decimal("2.640000"),
    }
    values.update(fields)
    tags = values.pop("tags", [])
    page = ShopPage(title=title, **values)
    page.opening_hours = [
        WeeklyOpening(weekday=day, opens=opens, closes=closes, overnight=closes < opens)
        for day, opens, closes in hours
    ]
    page.exceptional_openings = [ExceptionalOpening(**exception) for exception in exceptions]
    page.products = [
        Product(**product) if isinstance(product, dict) else Product(name=product) for product in products
    ]
    page.gallery = [ShopPhoto(image=image, alt_text=f"Photo de {title}") for image in photos]
    parent.add_child(instance=page)
    if tags:
        page.tags.add(*tags)
        page.save()
    if publish:
        page.save_revision().publish()
    else:
        page.live = False
        page.save(update_fields=["live"])
    return page

"""A shop page describes the shop to search engines: schema.org JSON-LD, OpenGraph image."""

import datetime
import json
import re
from decimal import Decimal

import pytest
from django.utils import timezone

from tests.conftest import BETHUNE_HOST
from tests.factories import ImageFactory, ShopCategoryFactory, ShopIndexPageFactory, make_shop

T = datetime.time


@pytest.fixture
def shop(towns):
    directory = ShopIndexPageFactory(parent=towns["bethune"])
    soon = timezone.localdate() + datetime.timedelta(days=3)
    return make_shop(
        directory,
        "Boulangerie </script> du Beffroi",
        category=ShopCategoryFactory(name="Alimentation", slug="alimentation", schema_type="GroceryStore"),
        street="4 Grand'Place",
        postcode="62400",
        town="Béthune",
        latitude=Decimal("50.530300"),
        longitude=Decimal("2.640800"),
        phone="03 53 73 10 20",
        hours=[(0, T(9), T(12)), (1, T(9), T(12)), (1, T(14), T(19))],
        exceptions=[{"start_date": soon, "end_date": soon, "label": "inventaire"}],
        products=[{"name": "Baguette tradition", "price": Decimal("1.30")}, {"name": "Pain du jour"}],
        photos=[ImageFactory()],
    )


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    return json.loads(blocks[0])


def test_json_ld_describes_the_shop_with_its_category_type_address_and_geo(client, shop):
    html = client.get(shop.url, HTTP_HOST=BETHUNE_HOST).content.decode()
    data = json_ld(html)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "GroceryStore"
    assert data["name"] == "Boulangerie </script> du Beffroi"
    assert data["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "4 Grand'Place",
        "postalCode": "62400",
        "addressLocality": "Béthune",
        "addressCountry": "FR",
    }
    assert data["geo"] == {"@type": "GeoCoordinates", "latitude": 50.5303, "longitude": 2.6408}
    assert data["telephone"] == "03 53 73 10 20"
    assert data["image"].startswith("http://bethune.localhost/")


def test_json_ld_cannot_break_out_of_its_script_tag(client, shop):
    html = client.get(shop.url, HTTP_HOST=BETHUNE_HOST).content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "</script>" not in block
    assert "\\u003C/script\\u003E" in block


def test_json_ld_has_the_weekly_and_special_opening_hours(client, shop):
    data = json_ld(client.get(shop.url, HTTP_HOST=BETHUNE_HOST).content.decode())
    assert data["openingHoursSpecification"] == [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": ["https://schema.org/Monday", "https://schema.org/Tuesday"],
            "opens": "09:00",
            "closes": "12:00",
        },
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": ["https://schema.org/Tuesday"],
            "opens": "14:00",
            "closes": "19:00",
        },
    ]
    [special] = data["specialOpeningHoursSpecification"]
    soon = (timezone.localdate() + datetime.timedelta(days=3)).isoformat()
    assert special == {
        "@type": "OpeningHoursSpecification",
        "validFrom": soon,
        "validThrough": soon,
        "opens": "00:00",
        "closes": "00:00",
        "name": "inventaire",
    }


def test_products_are_offers_in_euros(client, shop):
    data = json_ld(client.get(shop.url, HTTP_HOST=BETHUNE_HOST).content.decode())
    baguette, pain = data["makesOffer"]
    assert baguette["@type"] == "Offer"
    assert baguette["itemOffered"] == {"@type": "Product", "name": "Baguette tradition"}
    assert baguette["price"] == "1.30"
    assert baguette["priceCurrency"] == "EUR"
    assert baguette["url"].endswith(f"#produit-{shop.products.get(name='Baguette tradition').pk}")
    assert "price" not in pain


def test_opengraph_image_is_the_first_gallery_photo(client, shop):
    html = client.get(shop.url, HTTP_HOST=BETHUNE_HOST).content.decode()
    assert re.search(r'<meta property="og:image" content="http://bethune.localhost/[^"]+\.jpg">', html)

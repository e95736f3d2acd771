"""What a visitor sees on a shop page: status, hours, products, contact, update date."""

from decimal import Decimal

import pytest
from django.utils import timezone

from tests.conftest import BETHUNE_HOST
from tests.factories import ImageFactory, ShopCategoryFactory, ShopIndexPageFactory, make_shop
from tests.factories.shops import EVERY_DAY_ALL_DAY


@pytest.fixture
def directory(towns):
    return ShopIndexPageFactory(parent=towns["bethune"])


def test_shop_page_shows_status_week_products_and_update_date(client, directory):
    category = ShopCategoryFactory(name="Alimentation", slug="alimentation", schema_type="GroceryStore")
    shop = make_shop(
        directory,
        "Épicerie de nuit",
        category=category,
        hours=EVERY_DAY_ALL_DAY,
        click_collect=True,
        delivery=True,
        phone="03 21 00 00 00",
        products=[{"name": "Piles AA", "price": Decimal("12.5"), "description": "Lot de 4"}, "Farine T65"],
        photos=[ImageFactory()],
    )
    response = client.get(shop.url, HTTP_HOST=BETHUNE_HOST)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Ouvert 24 h/24" in html
    assert "Click &amp; collect" in html
    assert "Livraison à domicile" in html
    assert "12,50\u00a0€" in html
    assert f'id="produit-{shop.products.get(name="Piles AA").pk}"' in html
    assert "<caption>Horaires de la semaine</caption>" in html
    assert 'aria-current="date"' in html
    assert f"Mis à jour le {timezone.localtime(shop.last_published_at):%-d}" in html
    assert 'property="og:image"' in html

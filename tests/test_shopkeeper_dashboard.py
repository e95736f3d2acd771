"""What a shopkeeper and town staff see when they arrive in the admin."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from shops.models import ClickCollectRequest, ShopPage
from tests.conftest import BETHUNE_HOST
from tests.factories import give_shop, shopkeeper_world


@pytest.fixture
def world(towns):
    return shopkeeper_world(towns, workflow=False)


def new_request(shop):
    return ClickCollectRequest.objects.create(
        shop=shop,
        contact_name="Paul Client",
        contact_email="paul@exemple.localhost",
        pickup_date=timezone.localdate() + datetime.timedelta(days=1),
        pickup_time=datetime.time(10),
        consent_at=timezone.now(),
    )


def test_a_shopkeeper_lands_on_a_simple_dashboard(client, world):
    new_request(world.shop_a)
    new_request(world.shop_b)
    client.force_login(world.keeper_a)
    html = client.get(reverse("wagtailadmin_home"), HTTP_HOST=BETHUNE_HOST).content.decode()
    assert "Boulangerie Alpha" in html
    assert "Modifier ma page" in html and "Voir ma page" in html
    assert reverse("wagtailadmin_pages:edit", args=[world.shop_a.pk]) in html
    assert "1 nouvelle demande de click & collect" in html
    assert "Votre page est à jour." in html
    assert "Fleuriste Bêta" not in html
    # Wagtail's other panels and menu entries are gone.
    assert "Vos dernières modifications" not in html
    assert "data-w-dropdown" not in html or "Paramètres" not in re.sub(
        r"<script.*?</script>", "", html, flags=re.S
    )


def test_a_shopkeeper_holding_two_shops_sees_both(client, world):
    give_shop(world.shop_b, world.keeper_a)
    client.force_login(world.keeper_a)
    html = client.get(reverse("wagtailadmin_home"), HTTP_HOST=BETHUNE_HOST).content.decode()
    assert "Boulangerie Alpha" in html and "Fleuriste Bêta" in html


def test_the_shopkeeper_menu_keeps_only_what_they_can_use(client, world):
    client.force_login(world.keeper_a)
    html = client.get(reverse("wagtailadmin_home"), HTTP_HOST=BETHUNE_HOST).content.decode()
    props = re.search(r'id="wagtail-sidebar-props"[^>]*>(.*?)</script>', html, re.S).group(1)
    assert '"name": "images"' in props
    assert '"url": "/admin/shops/clickcollectrequest/"' in props
    for hidden in ['"name": "reports"', '"name": "settings"', '"name": "documents"', '"name": "explorer"']:
        assert hidden not in props, hidden


def test_staff_see_the_freshness_panel_of_their_town(client, world):
    ShopPage.objects.filter(pk=world.shop_b.pk).update(
        last_published_at=timezone.now() - datetime.timedelta(days=200)
    )
    client.force_login(world.staff_bethune)
    html = client.get(reverse("wagtailadmin_home"), HTTP_HOST=BETHUNE_HOST).content.decode()
    assert "Fraîcheur des pages de commerce" in html
    assert "1 obsolète(s), 0 à vérifier, 1 à jour." in html
    assert html.index("Fleuriste Bêta") < html.index("Boulangerie Alpha")  # least fresh first
    assert "Librairie Gamma" not in html


def test_staff_find_the_shopkeepers_access_button_on_their_shops_only(client, world):
    client.force_login(world.staff_bethune)
    own = client.get(reverse("wagtailadmin_pages:edit", args=[world.shop_a.pk]), HTTP_HOST=BETHUNE_HOST)
    assert reverse("shopkeepers_manage", args=[world.shop_a.pk]) in own.content.decode()
    listing = client.get(
        reverse("wagtailadmin_explore", args=[world.bethune_index.pk]), HTTP_HOST=BETHUNE_HOST
    )
    assert reverse("shopkeepers_manage", args=[world.shop_b.pk]) in listing.content.decode()
    client.force_login(world.keeper_a)
    mine = client.get(reverse("wagtailadmin_pages:edit", args=[world.shop_a.pk]), HTTP_HOST=BETHUNE_HOST)
    assert reverse("shopkeepers_manage", args=[world.shop_a.pk]) not in mine.content.decode()

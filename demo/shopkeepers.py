"""Demo data of the shopkeepers' features, called at the end of shops/demo's `load()`.

Per town: the staff group may set staff-only shop fields and the shopkeepers' setting, the
“Relecture mairie” workflow is on the shop directory, one shopkeeper account (two shops in
Béthune), and a few shops whose page is “à vérifier” or “obsolète”. Idempotent.
"""

import datetime

from django.utils import timezone

from demo.builders.shops import hand_shop
from demo.context import ensure_user
from shops.models import ShopAccess, ShopFreshness, ShopkeeperSettings, ShopPage

# username, first name, last name, shop slugs it holds
SHOPKEEPERS = {
    "bethune": (
        "commercant-bethune",
        "Sophie",
        "Delattre",
        ["boulangerie-du-beffroi", "la-cave-a-maroilles"],
    ),
    "beauvais": ("commercant-beauvais", "Karim", "Caron", ["boulangerie-jeanne-hachette"]),
}
# Shops whose last publication is set back in time (days), to show the freshness states.
AGED = {
    "bethune": {"la-cave-a-maroilles": 110, "cafe-des-sports": 120, "pizzeria-da-lucia": 230},
    "beauvais": {"le-fournil-de-la-cathedrale": 100, "boucherie-caron": 200},
}


def load(context):
    now = timezone.now()
    for town in context.towns.values():
        ShopkeeperSettings.for_site(town.site)  # the defaults: after approval, 3 and 6 months
        shops = ShopPage.objects.descendant_of(town.home_page)

        username, first_name, last_name, slugs = SHOPKEEPERS[town.slug]
        email = f"{username}@commerces.{town.slug}.localhost"
        user = ensure_user(username, email, first_name, last_name)
        held = []
        for shop in shops.filter(slug__in=slugs).order_by("title"):
            if not ShopAccess.objects.held().filter(shop=shop, user=user).exists():
                hand_shop(shop, email, first_name, last_name)
            held.append(shop.title)
        context.add_account(username, f"commerçant ({', '.join(held)})", town)

        for slug, days in AGED[town.slug].items():
            long_ago = now - datetime.timedelta(days=days)
            # Only once: a second run finds the page already old and leaves it alone.
            shops.filter(slug=slug, last_published_at__gt=long_ago + datetime.timedelta(days=5)).update(
                last_published_at=long_ago
            )
            for shop in shops.filter(slug=slug):
                ShopFreshness.objects.get_or_create(shop=shop)

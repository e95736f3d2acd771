"""Demo shops for `manage.py load_demo`: categories, a “Commerces” directory per town, ~40 shops each."""

import datetime
import hashlib
from decimal import Decimal

from django.utils import timezone
from django.utils.text import slugify

from demo.context import add_call_to_action
from demo.images import demo_image
from shops.models import (
    ExceptionalOpening,
    PickupSlot,
    Product,
    ShopCategory,
    ShopPage,
    ShopPhoto,
    WeeklyOpening,
)
from shops.town_setup import shop_directory

from .catalogue import CATEGORIES, HOURS, KINDS, T
from .towns import CENTRES, SHOPS

ABOUT = [
    "Carte de fidélité offerte dès le premier passage.",
    "Commerce familial depuis trois générations.",
    "Nous travaillons avec des producteurs et des artisans de la région.",
    "Paiement en plusieurs fois possible, renseignez-vous en boutique.",
    "Nous acceptons les chèques cadeaux de la ville.",
]


def _number(seed, index, modulo):
    return hashlib.sha256(f"{seed}:{index}".encode()).digest()[0] % modulo


def ensure_categories():
    categories = {}
    for order, (name, slug, schema_type) in enumerate(CATEGORIES):
        category, _created = ShopCategory.objects.get_or_create(
            slug=slug, defaults={"name": name, "schema_type": schema_type, "sort_order": order * 10}
        )
        categories[slug] = category
    return categories


def position(centre, seed):
    """A believable spot within a few hundred metres of the town centre."""
    digest = hashlib.sha256(seed.encode()).digest()
    north = (digest[0] / 255 - 0.5) * 0.007
    east = (digest[1] / 255 - 0.5) * 0.011
    return (
        Decimal(str(centre["latitude"] + north)).quantize(Decimal("0.000001")),
        Decimal(str(centre["longitude"] + east)).quantize(Decimal("0.000001")),
    )


def exceptional_dates(options, today):
    dates = []
    if options.get("closure") == "inventaire":
        dates.append(
            ExceptionalOpening(label="inventaire", start_date=today, end_date=today + datetime.timedelta(1))
        )
    if options.get("closure") == "travaux":
        start = today + datetime.timedelta(days=7)
        dates.append(
            ExceptionalOpening(
                label="travaux", start_date=start, end_date=start + datetime.timedelta(days=14)
            )
        )
    if options.get("music_day"):
        # Open late on 21 June, until 1:00 the next morning.
        music_day = datetime.date(today.year, 6, 21)
        if music_day < today:
            music_day = music_day.replace(year=today.year + 1)
        dates.append(
            ExceptionalOpening(
                label="fête de la musique",
                start_date=music_day,
                kind=ExceptionalOpening.OPEN,
                opens=T(18),
                closes=T(1),
                overnight=True,
            )
        )
    if options.get("holidays"):
        year = today.year if today.month < 8 else today.year + 1
        dates.append(
            ExceptionalOpening(
                label="congés d'été",
                start_date=datetime.date(year, 8, 1),
                end_date=datetime.date(year, 8, 21),
            )
        )
    return dates


def build_shop(town, index, name, kind, street, options, categories, image, today):
    category_slug, pitch, hours_key, tags, products = KINDS[kind]
    slug = slugify(name)
    centre = CENTRES[town.slug]
    latitude, longitude = position(centre, f"{town.slug}-{slug}")
    click_collect = options.get("click_collect", False)
    number = f"03 53 73 {_number(slug, 1, 90) + 10:02d} {_number(slug, 2, 90) + 10:02d}"
    with_products = _number(slug, 3, 8) != 0  # about one shop in eight lists no product
    page = ShopPage(
        title=name,
        slug=slug,
        pitch=pitch,
        category=categories[category_slug],
        description=f"<p>{pitch}</p><p>{ABOUT[_number(slug, 4, len(ABOUT))]}</p>",
        street=street,
        postcode=centre["postcode"],
        town=centre["town"],
        latitude=latitude,
        longitude=longitude,
        phone=number,
        email=f"{slug}@commerces.{town.slug}.localhost",
        listing_summary=pitch,
        click_collect=click_collect,
        delivery=options.get("delivery", False),
        delivery_paid_by_town=options.get("delivery_paid_by_town", False),
        local_drive=options.get("local_drive", False),
        in_shop_pickup=click_collect,
        accessible_entrance=_number(slug, 5, 2) == 0,
        card_payment=True,
        contactless_payment=_number(slug, 6, 4) != 0,
    )
    page.opening_hours = [
        WeeklyOpening(weekday=day, opens=opens, closes=closes, overnight=closes < opens, sort_order=order)
        for order, (day, opens, closes) in enumerate(HOURS[hours_key])
    ]
    page.exceptional_openings = exceptional_dates(options, today)
    if click_collect:
        page.pickup_slots = [
            PickupSlot(weekday=day, starts=T(16), ends=T(19), sort_order=day) for day in range(1, 6)
        ]
    page.gallery = [ShopPhoto(image=image, alt_text=f"La devanture de {name}", sort_order=0)]
    if with_products:
        page.products = [
            Product(
                name=product_name,
                price=Decimal(price),
                description=description,
                click_collect=click_collect and order < 3,
                sort_order=order,
            )
            for order, (product_name, price, description) in enumerate(products)
        ]
    page.tags.add(*tags)
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def load(context):
    categories = ensure_categories()
    today = timezone.localdate()
    for town in context.towns.values():
        index = shop_directory(town)
        existing = set(index.get_children().values_list("slug", flat=True))
        images = {}
        for name, kind, street, options in SHOPS[town.slug]:
            if slugify(name) in existing:
                continue
            if kind not in images:
                images[kind] = demo_image(
                    f"Commerce ({kind}) — {town.name}", f"shop-{town.slug}-{kind}", town.collection, 800, 600
                )
            build_shop(town, index, name, kind, street, options, categories, images[kind], today)
        add_call_to_action(
            town.home_page,
            "Trouver un commerce",
            "Qui est ouvert maintenant, qui livre, où trouver un produit : les commerces du centre-ville.",
            index,
            "Voir les commerces",
        )
    from .click_collect import load as load_click_collect  # requests in every status, staff permissions

    load_click_collect(context)
    from demo.shopkeepers import load as load_shopkeepers  # accounts, workflow, freshness

    load_shopkeepers(context)

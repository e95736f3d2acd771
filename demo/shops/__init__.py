"""Demo shops for `manage.py load_demo`: categories, a “Commerces” directory per town, ~40 shops each."""

import datetime
import hashlib
from decimal import Decimal

from django.utils import timezone
from django.utils.text import slugify

from demo.builders.pages import add_page
from demo.builders.shops import shop_page
from demo.images import demo_image
from shops.models import ExceptionalOpening, ShopCategory
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
        dates.append({"label": "inventaire", "start_date": today, "end_date": today + datetime.timedelta(1)})
    if options.get("closure") == "travaux":
        start = today + datetime.timedelta(days=7)
        dates.append(
            {"label": "travaux", "start_date": start, "end_date": start + datetime.timedelta(days=14)}
        )
    if options.get("music_day"):
        # Open late on 21 June, until 1:00 the next morning.
        music_day = datetime.date(today.year, 6, 21)
        if music_day < today:
            music_day = music_day.replace(year=today.year + 1)
        dates.append(
            {
                "label": "fête de la musique",
                "start_date": music_day,
                "kind": ExceptionalOpening.OPEN,
                "opens": T(18),
                "closes": T(1),
                "overnight": True,
            }
        )
    if options.get("holidays"):
        dates.append(summer_holidays(today))
    return dates


def summer_holidays(today):
    """The shop's next summer closing, 1 to 21 August (demo and scale data)."""
    year = today.year if today.month < 8 else today.year + 1
    return {
        "label": "congés d'été",
        "start_date": datetime.date(year, 8, 1),
        "end_date": datetime.date(year, 8, 21),
    }


def weekday_pickup_slots(click_collect):
    """Pick-up from 16:00 to 19:00, Tuesday to Saturday, for a shop that takes click & collect."""
    return [(day, T(16), T(19)) for day in range(1, 6)] if click_collect else []


def build_shop(town, index, name, kind, street, options, categories, image, today):
    category_slug, pitch, hours_key, tags, products = KINDS[kind]
    slug = slugify(name)
    centre = CENTRES[town.slug]
    latitude, longitude = position(centre, f"{town.slug}-{slug}")
    click_collect = options.get("click_collect", False)
    number = f"03 53 73 {_number(slug, 1, 90) + 10:02d} {_number(slug, 2, 90) + 10:02d}"
    with_products = _number(slug, 3, 8) != 0  # about one shop in eight lists no product
    page = shop_page(
        name,
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
        hours=HOURS[hours_key],
        exceptional_openings=exceptional_dates(options, today),
        pickup_slots=weekday_pickup_slots(click_collect),
        photos=[(image, f"La devanture de {name}")],
        products=[
            {
                "name": product_name,
                "price": price,
                "description": description,
                "click_collect": click_collect and order < 3,
            }
            for order, (product_name, price, description) in enumerate(products if with_products else [])
        ],
        tags=tags,
    )
    return add_page(index, page)


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
    from .click_collect import load as load_click_collect  # requests in every status, staff permissions

    load_click_collect(context)
    from demo.shopkeepers import load as load_shopkeepers  # accounts, workflow, freshness

    load_shopkeepers(context)

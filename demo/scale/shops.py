"""Scale data of the shop directory: a “Commerces” directory per town, its shops and their products.

Shops are built from the demo catalogue (kinds, hours, keywords, products) and inserted in bulk
(see core/bulk_pages.py); the n-th shop of a town is always the same, so a second run skips it.
"""

import hashlib
from decimal import Decimal

from django.utils.text import slugify
from taggit.models import Tag

from core.bulk_pages import add_live_pages, index_in_bulk, publish_added_pages
from demo.builders.shops import shop_page
from demo.scale import share
from demo.shops import ensure_categories, position, summer_holidays, weekday_pickup_slots
from demo.shops.catalogue import HOURS, KINDS
from shops.models import Product, ShopPage, ShopTag
from shops.town_setup import shop_directory

# What is written on the sign of each kind of shop of the demo catalogue.
SIGNS = {
    "boulangerie": "Boulangerie",
    "boucherie": "Boucherie",
    "fromagerie": "Fromagerie",
    "primeur": "Primeur",
    "epicerie": "Épicerie",
    "epicerie-nuit": "Épicerie de nuit",
    "caviste": "Cave",
    "chocolatier": "Chocolaterie",
    "restaurant": "Restaurant",
    "creperie": "Crêperie",
    "cafe": "Café",
    "pizzeria": "Pizzeria",
    "vetements": "Boutique",
    "chaussures": "Chaussures",
    "bijouterie": "Bijouterie",
    "maroquinerie": "Maroquinerie",
    "coiffeur": "Salon de coiffure",
    "institut": "Institut de beauté",
    "parfumerie": "Parfumerie",
    "fleuriste": "Fleurs",
    "quincaillerie": "Quincaillerie",
    "deco": "Maison & Déco",
    "electromenager": "Électroménager",
    "librairie": "Librairie",
    "jouets": "Jouets",
    "sport": "Cycles & Sports",
    "disquaire": "Disques",
    "mercerie": "Mercerie",
    "pressing": "Pressing",
    "cordonnerie": "Cordonnerie",
    "opticien": "Optique",
    "reparation": "Réparation",
    "photographe": "Studio photo",
}
KIND_NAMES = list(SIGNS)

SURNAMES = [
    "Martin", "Lefebvre", "Dubois", "Leroy", "Lemaire", "Carpentier", "Delattre", "Caron",
    "Vasseur", "Dumont", "Lambert", "Duval", "Fontaine", "Leclercq", "Petit", "Roussel",
    "Hennebert", "Delporte", "Dufour", "Lecomte", "Bernard", "Mercier", "Morel", "Lemoine",
    "Poulain", "Delannoy", "Wattel", "Desmarets", "Cousin", "Boulanger", "Renard", "Devaux",
    "Masson", "Prévost", "Baillet", "Coquelle", "Descamps", "Flament", "Gosselin", "Hochart",
    "Joly", "Lagache", "Marchand", "Noël", "Obert", "Pruvost", "Queste", "Ramette",
    "Sauvage", "Taffin", "Vandamme", "Warin", "Bracq", "Crépin", "Debruyne", "Evrard",
    "Facon", "Grébert", "Hazard", "Lesage",
]  # fmt: skip
STREETS = [
    "Grand'Place", "place du Marché", "rue de la République", "rue Nationale", "rue Victor Hugo",
    "rue Jean Jaurès", "rue Gambetta", "rue Carnot", "rue de Paris", "rue du Général de Gaulle",
    "rue des Écoles", "rue de l'Église", "rue du Commerce", "place de l'Hôtel de Ville",
    "rue Pasteur", "boulevard Vauban", "rue des Jardins", "rue du Château",
]  # fmt: skip
# Variants of the catalogue's products, so that a shop lists more than the few its kind has.
VARIANTS = [
    "", "bio", "format familial", "petit format", "de saison", "coffret cadeau", "édition locale",
    "artisanal", "lot de 2", "recette maison", "grand format", "sélection du moment",
]  # fmt: skip
TAGS_FOR_ALL = ["commerce indépendant"]


def _number(seed, modulo):
    return int.from_bytes(hashlib.sha256(seed.encode()).digest()[:4], "big") % modulo


def shop_identity(rank):
    """Name and slug of a town's shop of this rank: unique in the town for the first 1,980 shops."""
    kind = KIND_NAMES[rank % len(KIND_NAMES)]
    surname = SURNAMES[(rank // len(KIND_NAMES)) % len(SURNAMES)]
    name = f"{SIGNS[kind]} {surname}"
    laps = rank // (len(KIND_NAMES) * len(SURNAMES))
    slug = slugify(name) + (f"-{laps + 1}" if laps else "")
    return kind, name, slug


def products_for(kind, count, click_collect, pictures, seed):
    """The fields of a shop's `count` products: its kind's catalogue, then variants of it."""
    _category, _pitch, _hours, _tags, catalogue = KINDS[kind]
    products = []
    for order in range(count):
        base_name, price, description = catalogue[order % len(catalogue)]
        lap = order // len(catalogue)
        name = f"{base_name} {VARIANTS[lap % len(VARIANTS)]}".strip()
        if lap >= len(VARIANTS):
            name += f" n° {lap // len(VARIANTS) + 1}"
        products.append(
            {
                "name": name,
                "description": description,
                "price": (Decimal(price) * (1 + Decimal(lap % 5) / 10)).quantize(Decimal("0.01")),
                "image": pictures[_number(f"{seed}:{order}", len(pictures))] if order % 4 == 0 else None,
                "click_collect": click_collect and order < 5,
            }
        )
    return products


def build_shop(town, centre, rank, product_count, categories, tags, pictures, today):
    kind, name, slug = shop_identity(rank)
    category_slug, pitch, hours_key, kind_tags, _products = KINDS[kind]
    postcode, latitude, longitude = centre
    seed = f"{town.slug}-{slug}"
    click_collect = _number(seed + ":cc", 3) == 0
    delivery = _number(seed + ":delivery", 5) == 0
    latitude, longitude = position({"latitude": latitude, "longitude": longitude}, seed)
    photo_count = 1 + _number(seed + ":photos", 3)
    page = shop_page(
        name,
        slug=slug,
        pitch=pitch,
        listing_summary=pitch,
        category=categories[category_slug],
        description=f"<p>{pitch}</p><p>Une adresse du centre-ville de {town.name}.</p>",
        street=f"{_number(seed + ':street', 80) + 1} {STREETS[_number(seed, len(STREETS))]}",
        postcode=postcode,
        town=town.name,
        latitude=latitude,
        longitude=longitude,
        phone=f"03 {_number(seed + ':p1', 90) + 10:02d} {_number(seed + ':p2', 90) + 10:02d} 00 00",
        email=f"{slug}@commerces.{town.slug}.localhost",
        click_collect=click_collect,
        delivery=delivery,
        delivery_paid_by_town=delivery and _number(seed + ":paid", 3) == 0,
        local_drive=_number(seed + ":drive", 10) == 0,
        in_shop_pickup=click_collect,
        accessible_entrance=_number(seed + ":access", 2) == 0,
        card_payment=True,
        contactless_payment=_number(seed + ":contactless", 4) != 0,
        hours=HOURS[hours_key],
        exceptional_openings=[summer_holidays(today)] if _number(seed + ":holidays", 6) == 0 else [],
        pickup_slots=weekday_pickup_slots(click_collect),
        photos=[
            (pictures[_number(f"{seed}:photo{order}", len(pictures))], f"La boutique {name}, vue {order + 1}")
            for order in range(photo_count)
        ],
        products=products_for(kind, product_count, click_collect, pictures, seed),
    )
    # Tags as rows of existing tags, so that a thousand shops look none up (the builder's `tags` would).
    page.tagged_items = [ShopTag(tag=tags[tag]) for tag in kind_tags + TAGS_FOR_ALL]
    return page


def ensure_tags():
    names = {tag for kind in KINDS.values() for tag in kind[3]} | set(TAGS_FOR_ALL)
    existing = {tag.name: tag for tag in Tag.objects.filter(name__in=names)}
    missing = [Tag(name=name, slug=slugify(name)) for name in sorted(names - set(existing))]
    for tag in missing:
        # taggit keeps slugs unique: a clash gets a number, as taggit's own `save()` does.
        while Tag.objects.filter(slug=tag.slug).exists():
            tag.slug += "-1"
        tag.save()
        existing[tag.name] = tag
    return existing


def load(context):
    categories = ensure_categories()
    tags = ensure_tags()
    today = context.now.date()
    total_shops = context.counts["shops"]
    first_rank = 0  # rank of the town's first shop among all the territory's shops
    for town_rank, town in enumerate(context.towns.values()):
        index = shop_directory(town)
        wanted = context.share("shops", town_rank)
        existing = set(index.get_children().values_list("slug", flat=True))
        shops = []
        for rank in range(wanted):
            if shop_identity(rank)[2] in existing:
                continue
            product_count = share(context.counts["products"], total_shops, first_rank + rank)
            shops.append(
                build_shop(
                    town,
                    context.centres[town.slug],
                    rank,
                    product_count,
                    categories,
                    tags,
                    context.pictures[town.slug],
                    today,
                )
            )
        first_rank += wanted
        add_live_pages(index, shops, context.now)
        publish_added_pages(shops, context.now)
        index_in_bulk(ShopPage, [shop.pk for shop in shops])
        products = [product.pk for shop in shops for product in shop.products.all()]
        index_in_bulk(Product, products)
        context.count_created("shops", len(shops))
        context.count_created("products", len(products))

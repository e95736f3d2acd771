"""Scale data for `manage.py seed_scale`: the towns of a territory, each a Wagtail Site like the demo towns.

This module makes the towns; `demo/scale/shops.py`, `learning.py` and `programme.py` fill them,
in that order. Everything is derived from a number (the town's rank, the shop's
rank…), so a second run finds what exists and creates only what is missing.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Site

from demo.context import build_town, remove_wagtail_welcome_page
from demo.images import demo_image
from demo.towns import _common_pages
from towns.models import PALETTES

# Real towns of the Hauts-de-France (name, postcode, latitude and longitude of the centre); none starts
# with a vowel, so the demo's texts (“la commune de …”) read right.
TOWNS = [
    ("Douai", "59500", 50.3703, 3.0799),
    ("Lens", "62300", 50.4322, 2.8333),
    ("Compiègne", "60200", 49.4179, 2.8261),
    ("Valenciennes", "59300", 50.3570, 3.5235),
    ("Cambrai", "59400", 50.1760, 3.2345),
    ("Saint-Omer", "62500", 50.7500, 2.2522),
    ("Calais", "62100", 50.9513, 1.8587),
    ("Boulogne-sur-Mer", "62200", 50.7264, 1.6147),
    ("Dunkerque", "59140", 51.0343, 2.3768),
    ("Laon", "02000", 49.5641, 3.6199),
    ("Soissons", "02200", 49.3817, 3.3236),
    ("Saint-Quentin", "02100", 49.8465, 3.2876),
    ("Maubeuge", "59600", 50.2775, 3.9734),
    ("Hazebrouck", "59190", 50.7247, 2.5386),
    ("Saint-Pol-sur-Ternoise", "62130", 50.3817, 2.3342),
    ("Montreuil-sur-Mer", "62170", 50.4640, 1.7636),
    ("Noyon", "60400", 49.5817, 3.0000),
    ("Senlis", "60300", 49.2069, 2.5867),
    ("Creil", "60100", 49.2600, 2.4750),
    ("Clermont", "60600", 49.3789, 2.4125),
    ("Péronne", "80200", 49.9322, 2.9364),
    ("Doullens", "80600", 50.1572, 2.3408),
    ("Château-Thierry", "02400", 49.0464, 3.4031),
    ("Chauny", "02300", 49.6158, 3.2186),
    ("Bailleul", "59270", 50.7392, 2.7353),
    ("Liévin", "62800", 50.4228, 2.7786),
    ("Denain", "59220", 50.3289, 3.3956),
    ("Caudry", "59540", 50.1250, 3.4122),
    ("Berck", "62600", 50.4086, 1.5928),
    ("Fourmies", "59610", 50.0153, 4.0536),
]

PHOTO_SIZE = (800, 600)


@dataclass
class ScaleContext:
    """What the apps' `scale.load` functions share: the requested sizes and the towns built."""

    port: int
    counts: dict
    now: datetime.datetime = field(default_factory=timezone.now)
    towns: dict = field(default_factory=dict)  # slug -> demo.context.Town, in rank order
    centres: dict = field(default_factory=dict)  # slug -> (postcode, latitude, longitude)
    pictures: dict = field(default_factory=dict)  # slug -> the town's pool of images
    created: dict = field(default_factory=dict)  # what this run added, for the summary

    def share(self, name, rank):
        """The part of `counts[name]` that falls to the town of this rank (the first ones get the rest)."""
        return share(self.counts[name], len(self.towns), rank)

    def count_created(self, name, number):
        self.created[name] = self.created.get(name, 0) + number


def share(total, parts, rank):
    return total // parts + (1 if rank < total % parts else 0)


def town_spec(rank, name, postcode):
    slug = slugify(name)
    email = f"commerce@{slug}.localhost"
    return {
        "slug": slug,
        "name": name,
        "hostname": f"{slug}.localhost",
        "palette": PALETTES[rank % len(PALETTES)][0],
        "tagline": "Les commerces du cœur de ville",
        "hero_title": f"Les commerces de {name}, ouverts aussi en ligne",
        "hero_text": (
            "Horaires, produits, retrait en boutique : trouvez en quelques secondes "
            "le commerce qu'il vous faut."
        ),
        "intro": (
            f"<p>Les commerces indépendants du centre de {name} présentent ici leurs horaires, "
            "leurs produits et leurs services, tenus à jour par les commerçants eux-mêmes.</p>"
        ),
        "contact": {
            "contact_name": f"Service commerce, mairie de {name}",
            "contact_address": f"Hôtel de ville\n{postcode} {name}",
            "contact_phone": f"03 {20 + rank % 70:02d} 00 00 00",
            "contact_email": email,
        },
        "footer_text": f"Un service de la ville de {name} pour ses commerces indépendants.",
        "pages": _common_pages(name, f"Mairie de {name}, hôtel de ville, {postcode} {name}", email, []),
        "featured": [
            {
                "title": "Le projet",
                "text": f"<p>Pourquoi {name} crée son « internet de proximité ».</p>",
                "page": "a-propos",
            }
        ],
    }


def picture_pool(town, size):
    return [
        demo_image(
            f"Photo {number} de {town.name}", f"scale-{town.slug}-{number}", town.collection, *PHOTO_SIZE
        )
        for number in range(1, size + 1)
    ]


def load(context):
    remove_wagtail_welcome_page()
    for rank, (name, postcode, latitude, longitude) in enumerate(TOWNS[: context.counts["towns"]]):
        spec = town_spec(rank, name, postcode)
        other_default = Site.objects.filter(is_default_site=True).exclude(hostname=spec["hostname"])
        spec["default"] = rank == 0 and not other_default.exists()
        town = build_town(spec, context.port)
        context.towns[town.slug] = town
        context.centres[town.slug] = (postcode, latitude, longitude)
        context.pictures[town.slug] = picture_pool(town, max(3, context.share("images", rank)))

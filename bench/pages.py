"""The pages `make bench` loads, found in the seeded database, and their SQL queries counted in-process.

Needs Django set up with the same settings and database as the server under test.
"""

import math
import re
from collections import Counter
from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib.staticfiles.storage import staticfiles_storage
from django.db import connection
from django.db.models import Count, Q
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from learning.models import GuidePage
from shops.directory import SHOPS_PER_PAGE
from shops.models import SERVICE_FIELDS, Product, ShopCategory, ShopIndexPage, ShopPage

# The official Wagtail demo (bakerydemo) on a machine like ours, same tool and
# connections (issue 7): req/s of the page of the same kind, lowest and highest.
BAKERYDEMO_RPS = {
    "home": (60, 60),
    "listing": (75, 90),
    "detail": (115, 150),
    "search": (60, 60),
    "static": (4900, 4900),
}


@dataclass
class Target:
    name: str
    kind: str
    path: str
    host: str


def busiest_site():
    """The town with the most live shops: the directory's worst case is the one worth measuring."""
    sites = list(Site.objects.select_related("root_page"))
    return max(sites, key=lambda site: ShopPage.objects.live().descendant_of(site.root_page).count())


def _path(page):
    return page.get_url_parts()[2]


def frequent_word(names, minimum_length=4):
    """The word that comes back most often in these names: a search with many results."""
    words = Counter(
        word for name in names for word in re.findall(r"\w+", name.casefold()) if len(word) >= minimum_length
    )
    return words.most_common(1)[0][0] if words else "piles"


def find_targets(site):
    root = site.root_page
    host = site.hostname
    directory = ShopIndexPage.objects.live().descendant_of(root).first()
    shops = ShopPage.objects.live().public().child_of(directory)
    category = (
        ShopCategory.objects.annotate(used=Count("shops", filter=Q(shops__in=shops)))
        .order_by("-used", "pk")
        .first()
    )
    service = next(
        (field for field in SERVICE_FIELDS if shops.filter(category=category, **{field: True}).exists()), ""
    )
    last_page = max(1, math.ceil(shops.count() / SHOPS_PER_PAGE))
    shop = shops.annotate(product_count=Count("products")).order_by("-product_count", "pk").first()
    guide = GuidePage.objects.live().public().descendant_of(root).order_by("path").first()
    product_names = Product.objects.filter(shop__in=shops).values_list("name", flat=True)[:5000]
    directory_path = _path(directory)
    targets = [
        Target("home", "home", _path(root), host),
        Target("directory", "listing", directory_path, host),
        Target(
            "directory-filtered",
            "listing",
            f"{directory_path}?{urlencode({'categorie': category.slug, 'service': service})}",
            host,
        ),
        Target("directory-far-page", "listing", f"{directory_path}?page={last_page}", host),
        Target("shop", "detail", _path(shop), host),
        Target("guide", "detail", _path(guide), host) if guide else None,
        Target("search", "search", f"/recherche/?{urlencode({'q': category.name.split()[0].lower()})}", host),
        Target(
            "product-search",
            "search",
            f"{directory_path}produits/?{urlencode({'q': frequent_word(product_names)})}",
            host,
        ),
        Target("static-css", "static", staticfiles_storage.url("css/main.css"), host),
    ]
    return [target for target in targets if target]


def count_queries(targets):
    """SQL queries of each page as a worker serves it again and again (its second request)."""
    client = Client()
    counts = {}
    for target in targets:
        client.get(target.path, HTTP_HOST=target.host, secure=True)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(target.path, HTTP_HOST=target.host, secure=True)
        if response.status_code != 200:
            raise RuntimeError(f"{target.path} answered {response.status_code} in-process")
        counts[target.name] = len(queries)
    return counts

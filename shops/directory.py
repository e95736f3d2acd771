"""The shop directory: filters that combine, sorted and paginated, in a bounded number of queries."""

import unicodedata

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import F, Func, Prefetch, Q, TextField, prefetch_related_objects
from django.utils import timezone

from core.renditions import prefetch_renditions
from core.routing import public
from core.template_context import deferred
from home.models import LINK_FIELDS
from home.search_words import word_stem, words

from .forms import DirectoryFilterForm
from .hours import ShopHours
from .models import ExceptionalOpening, Product, ShopPage, ShopPhoto, ShopTag, WeeklyOpening

SHOPS_PER_PAGE = 12
# What a shop's card reads (shops/includes/shop_card.html): not the description, hours or contact.
CARD_FIELDS = (*LINK_FIELDS, "pitch", "street", "category")


# Accented letters and what they become once folded, upper case included: PostgreSQL's
# lower() leaves accented capitals alone under the C locale.
ACCENTED = "àâäáãåçéèêëíìîïñóòôöõúùûüýÿÀÂÄÁÃÅÇÉÈÊËÍÌÎÏÑÓÒÔÖÕÚÙÛÜÝŸ"
UNACCENTED = "aaaaaaceeeeiiiinooooouuuuyyaaaaaaceeeeiiiinooooouuuuyy"
LIGATURES = {"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae"}


def fold(text):
    """Lower case, without accents or ligatures: “Épicerie” reads as “epicerie”, “Cœur” as “coeur”."""
    if text is None:
        return None
    for ligature, letters in LIGATURES.items():
        text = text.replace(ligature, letters)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


class Folded(Func):
    """fold() in SQL: the function shops.apps registers on each SQLite connection; replace() and
    translate() on PostgreSQL (the unaccent extension is not always installed)."""

    function = "proximite_fold"
    output_field = TextField()

    def as_postgresql(self, compiler, connection, **extra_context):
        template = "lower(%(expressions)s)"
        for ligature, letters in LIGATURES.items():
            template = f"replace({template}, '{ligature}', '{letters}')"
        template = f"translate({template}, '{ACCENTED}', '{UNACCENTED}')"
        return self.as_sql(compiler, connection, template=template, **extra_context)


def _containing(queryset, fields, folded_word):
    """The rows of `queryset` where one of `fields`, folded, contains the folded word."""
    folded = {f"folded_{number}": Folded(field) for number, field in enumerate(fields)}
    condition = Q()
    for name in folded:
        condition |= Q(**{f"{name}__contains": folded_word})
    return queryset.alias(**folded).filter(condition)


def text_filter(index_page, query):
    """Each word must appear in the name, pitch, description, a keyword or a product name, accents,
    case and plural aside (“boulangeries” finds “Boulangerie”, “bijou” finds “Bijoux”)."""
    shops = ShopPage.objects.child_of(index_page)
    condition = Q()
    for word in words(query)[:8]:
        folded_word = fold(word_stem(word))
        by_shop = _containing(shops, ["title", "pitch", "description"], folded_word).values("pk")
        by_tag = _containing(ShopTag.objects.filter(content_object__in=shops), ["tag__name"], folded_word)
        by_product = _containing(Product.objects.filter(shop__in=shops), ["name"], folded_word)
        condition &= (
            Q(pk__in=by_shop)
            | Q(pk__in=by_tag.values("content_object"))
            | Q(pk__in=by_product.values("shop"))
        )
    return condition


def live_shops(index_page):
    return public(ShopPage.objects.live().child_of(index_page)).select_related("category")


def filter_shops(index_page, data, now):
    """The bound filter form, the matching shops sorted, and the opening hours already read."""
    form = DirectoryFilterForm(data)
    form.is_valid()
    filters = form.cleaned_data if form.is_bound else {}
    shops = live_shops(index_page)
    if filters.get("categorie"):
        shops = shops.filter(category=filters["categorie"])
    if filters.get("service"):
        shops = shops.filter(**{filters["service"]: True})
    if filters.get("q"):
        shops = shops.filter(text_filter(index_page, filters["q"]))
    if filters.get("tri") == "mise-a-jour":
        shops = shops.order_by(F("last_published_at").desc(nulls_last=True), "pk")
    else:
        # Accents and case aside, as a French reader expects: “Épicerie” among the E.
        shops = shops.order_by(Folded("title"), "pk")
    hours = {}
    if filters.get("ouvert"):
        # Opening hours are only read in Python: find the open shops on light rows first,
        # and keep their hours for the shops listed.
        hours = hours_of(list(shops.values_list("pk", flat=True)))
        shops = shops.filter(pk__in=[pk for pk, week in hours.items() if week.is_open(now)])
    return form, shops, hours


def hours_of(shop_ids):
    """{shop id: its opening hours} read as plain rows (two queries, no record objects): the
    directory reads the hours of every shop it lists, or of every shop for "open now"."""
    weekly, exceptional = {pk: [] for pk in shop_ids}, {pk: [] for pk in shop_ids}
    if shop_ids:
        fields = ("shop_id", "weekday", "opens", "closes", "overnight")
        for row in WeeklyOpening.objects.filter(shop_id__in=shop_ids).values_list(*fields, named=True):
            weekly[row.shop_id].append(row)
        fields = ("shop_id", "kind", "opens", "closes", "overnight", "start_date", "end_date", "label")
        for row in ExceptionalOpening.objects.filter(shop_id__in=shop_ids).values_list(*fields, named=True):
            exceptional[row.shop_id].append(row)
    return {pk: ShopHours.from_rows(weekly[pk], exceptional[pk]) for pk in shop_ids}


def map_markers(shops):
    return [
        {
            "name": shop.title,
            "url": shop.url,
            "lat": float(shop.latitude),
            "lng": float(shop.longitude),
            "category": shop.category.name if shop.category else "",
        }
        for shop in shops
        if shop.latitude is not None and shop.longitude is not None
    ]


def _for_map(shops):
    return shops.only("title", "url_path", "latitude", "longitude", "category__name")


LISTING_NAMES = ("filter_form", "shops", "page_obj", "result_count", "map_markers")


def directory_context(index_page, request):
    """The directory's context. The listing is read only when shown: not when the town cache
    kept it, for this address, within this minute ("open now" changes by the minute)."""
    now = timezone.now()
    map_view = request.GET.get("vue") == "carte"
    listing = deferred(lambda: _listing(index_page, request, now, map_view))
    return {
        "now": now,
        "map_view": map_view,
        "map_tile_url": settings.SHOPS_MAP_TILE_URL,
        "map_attribution": settings.SHOPS_MAP_ATTRIBUTION,
        **{name: deferred(lambda name=name: listing()[name]) for name in LISTING_NAMES},
    }


def _listing(index_page, request, now, map_view):
    form, shops, hours = filter_shops(index_page, request.GET or None, now)
    paginator = Paginator(shops.only(*CARD_FIELDS), SHOPS_PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))  # the first page, or the last, when out of range
    photos = (
        ShopPhoto.objects.filter(image__isnull=False)
        .select_related("image")
        .prefetch_related(prefetch_renditions("image__renditions", "shop_card"))
        .order_by("sort_order")
    )
    listed = list(page_obj.object_list)
    hours.update(hours_of([shop.pk for shop in listed if shop.pk not in hours]))
    prefetch_related_objects(listed, Prefetch("gallery", queryset=photos))
    for shop in listed:
        shop.hours = hours[shop.pk]
        shop.status = shop.hours.status(now)
    return {
        "filter_form": form,
        "shops": listed,
        "page_obj": page_obj,
        "result_count": paginator.count,
        "map_markers": map_markers(_for_map(shops)) if map_view else [],
    }

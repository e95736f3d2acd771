"""Open data: the published shops of the current town as CSV, JSON and GeoJSON.

Only what a shop shows publicly on its page is exported: no shopkeeper name, no e-mail
address (it may be a person's own), no SIRET, no click & collect request. Same columns in
the three formats; the CSV uses commas, a header row and double quotes where needed
(RFC 4180), in UTF-8, and its text cells never start like a spreadsheet formula.
"""

import csv
import io
import json

from django.http import Http404, HttpResponse
from django.utils import timezone, translation
from django.views.decorators.http import require_GET
from wagtail.models import Site

from core.spreadsheets import safe_cell
from towns.models import TownIdentity

from .models import SERVICES, ShopPage

COLUMNS = [
    "nom",
    "categorie",
    "adresse",
    "code_postal",
    "ville",
    "latitude",
    "longitude",
    "telephone",
    "site_web",
    "services",
    "horaires_osm",
    "url",
    "mise_a_jour",
]


def published_shops(site):
    """The live, public shops of a town, with everything the export reads in a fixed number of queries."""
    return (
        ShopPage.objects.live()
        .public()
        .descendant_of(site.root_page)
        .select_related("category")
        .prefetch_related("opening_hours", "exceptional_openings")
        .order_by("title", "pk")
    )


def shop_record(shop, request):
    with translation.override("fr"):
        services = [str(label) for name, label in SERVICES if getattr(shop, name)]
    updated = shop.last_published_at or shop.latest_revision_created_at
    return {
        "nom": shop.title,
        "categorie": shop.category.name if shop.category else "",
        "adresse": shop.street,
        "code_postal": shop.postcode,
        "ville": shop.town,
        "latitude": float(shop.latitude) if shop.latitude is not None else None,
        "longitude": float(shop.longitude) if shop.longitude is not None else None,
        "telephone": shop.phone,
        "site_web": shop.website,
        "services": services,
        "horaires_osm": shop.osm_opening_hours(),
        "url": shop.get_full_url(request),
        "mise_a_jour": timezone.localtime(updated).isoformat(timespec="seconds") if updated else "",
    }


def town_records(request):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    return site, [shop_record(shop, request) for shop in published_shops(site)]


def _filename(site, extension):
    return f"commerces-{site.root_page.slug}.{extension}"


@require_GET
def shops_csv(request):
    site, records = town_records(request)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for record in records:
        row = {column: safe_cell(value) for column, value in record.items()}
        row["services"] = ", ".join(record["services"])
        row["latitude"] = "" if record["latitude"] is None else f"{record['latitude']:.6f}"
        row["longitude"] = "" if record["longitude"] is None else f"{record['longitude']:.6f}"
        writer.writerow(row)
    response = HttpResponse(buffer.getvalue().encode("utf-8"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{_filename(site, "csv")}"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def shops_json(request):
    site, records = town_records(request)
    identity = TownIdentity.for_site(site)
    document = {
        "ville": identity.town_name or site.site_name,
        "source": request.build_absolute_uri("/"),
        "genere_le": timezone.localtime().isoformat(timespec="seconds"),
        "nombre": len(records),
        "commerces": records,
    }
    return _json_response(document, "application/json", _filename(site, "json"))


@require_GET
def shops_geojson(request):
    site, records = town_records(request)
    features = []
    for record in records:
        if record["latitude"] is None or record["longitude"] is None:
            continue
        properties = {key: value for key, value in record.items() if key not in ("latitude", "longitude")}
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [record["longitude"], record["latitude"]]},
                "properties": properties,
            }
        )
    document = {"type": "FeatureCollection", "features": features}
    return _json_response(document, "application/geo+json", _filename(site, "geojson"))


def _json_response(document, content_type, filename):
    body = json.dumps(document, ensure_ascii=False, indent=1)
    response = HttpResponse(body.encode("utf-8"), content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Access-Control-Allow-Origin"] = "*"
    return response

"""What the load test asks the live portal's database, run there with `manage.py shell -c`.

Only imported inside the portal's own Django process, never by pytest: the load
test's clients know the portal only through HTTP, as visitors do.
"""

import datetime
import json
import re

from django.utils import timezone
from wagtail.models import Page, Site

from learning.models import GuideFeedback, GuidePage, Registration, WorkshopPage
from programme.models import HelpRequest, HelpRequestPage, Volunteer, VolunteerApplicationPage
from shops.click_collect import BOOKING_WINDOW_DAYS, local_now, offers_click_collect, pickup_ranges
from shops.models import ClickCollectRequest, ShopPage

# Far enough ahead that a run crossing midnight still asks for a day to come.
FIRST_PICKUP_OFFSET = 2


def town_key(site):
    return site.hostname.split(".")[0] if site.hostname != "localhost" else "bethune"


def _paths(site, queryset):
    return [page.relative_url(site) for page in queryset.live().public().descendant_of(site.root_page)]


def _click_collect_targets(site):
    today = local_now().date()
    targets = []
    shops = (
        ShopPage.objects.live()
        .public()
        .descendant_of(site.root_page)
        .prefetch_related("opening_hours", "exceptional_openings", "pickup_slots")
    )
    for shop in shops:
        if not offers_click_collect(shop):
            continue
        for offset in range(FIRST_PICKUP_OFFSET, BOOKING_WINDOW_DAYS + 1):
            day = today + datetime.timedelta(days=offset)
            ranges = pickup_ranges(shop, day)
            if ranges:
                targets.append(
                    {
                        "path": shop.relative_url(site) + shop.reverse_subpage("click_collect"),
                        "date": day.isoformat(),
                        "time": ranges[0][0].strftime("%H:%M"),
                    }
                )
                break
    return targets


def print_inventory():
    """Print, per town, the pages a visitor may view and the forms they may send."""
    towns = {}
    for site in Site.objects.all():
        towns[town_key(site)] = {
            "pages": _paths(site, Page.objects.filter(depth__gt=1)),
            "click_collect": _click_collect_targets(site),
            "help_request": _paths(site, HelpRequestPage.objects.all()),
            "volunteer": _paths(site, VolunteerApplicationPage.objects.all()),
            "guides": _paths(site, GuidePage.objects.all()),
            "workshops": _paths(site, WorkshopPage.objects.filter(starts_at__gt=timezone.now())),
        }
    print(json.dumps(towns))


def print_markers(run_marker):
    """Print every submission marker of this run found in the database, per kind of form."""
    pattern = re.compile(rf"{re.escape(run_marker)}-\d+-\d+")
    sources = {
        "click_collect": (ClickCollectRequest, "message"),
        "help_request": (HelpRequest, "message"),
        "volunteer": (Volunteer, "presentation"),
        "workshop": (Registration, "name"),
        "feedback": (GuideFeedback, "comment"),
    }
    found = {}
    for kind, (model, field) in sources.items():
        texts = model.objects.filter(**{f"{field}__contains": run_marker}).values_list(field, flat=True)
        found[kind] = sorted({marker for text in texts for marker in pattern.findall(text)})
    print(json.dumps(found))

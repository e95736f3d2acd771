"""Learning records: guides and workshops, with the defaults a town's editor would start from."""

import datetime

from django.utils import timezone

from learning.models import GuidePage, RelatedGuide, WorkshopMode, WorkshopPage

# The day the demo's guides were last checked against the services they describe.
GUIDES_REVIEWED = datetime.date(2026, 9, 1)


def guide_page(title, *, topics=(), related=(), **fields):
    """An unsaved guide with its topics and related guides in memory, for `add_page` or a bulk insert."""
    page = GuidePage(title=title, **{"last_reviewed": GUIDES_REVIEWED, **fields})
    page.topics = list(topics)
    page.related_guides = related_guides(related)
    return page


def related_guides(guides):
    """The “to go further” links of a guide, in this order."""
    return [RelatedGuide(guide=guide, sort_order=order) for order, guide in enumerate(guides)]


def workshop_page(title, *, topics=(), **fields):
    """An unsaved workshop, a week from now unless `starts_at` says otherwise.

    Its place (in person) or link (online) is a believable one unless given.
    """
    mode = fields.get("mode", WorkshopMode.IN_PERSON)
    values = {
        "starts_at": timezone.now() + datetime.timedelta(days=7),
        "place": "Salle des associations, hôtel de ville" if mode == WorkshopMode.IN_PERSON else "",
        "online_link": "https://visio.exemple.fr/atelier" if mode == WorkshopMode.ONLINE else "",
        "description": f"<p>{title} : un atelier gratuit, en petit groupe.</p>",
    }
    values.update(fields)
    page = WorkshopPage(title=title, **values)
    page.topics = list(topics)
    return page

"""The small, named door other apps use to send a shopkeeper to the help-request form.

`learning` (guides, self-check result) calls `help_request_url` so the form opens
with the right topics and level already ticked. Nothing else of this app is imported
from outside it.
"""

from urllib.parse import urlencode

TOPICS_PARAM = "sujets"
LEVEL_PARAM = "niveau"


def _topic_slug(topic):
    return getattr(topic, "slug", topic) or ""


def help_request_url(site, topics=(), level=""):
    """Relative URL of the town's live help-request page, topics and level pre-selected; None if none.

    `topics` are Topic slugs (or Topic objects); `level` a `learning.levels.DigitalLevel` value.
    Unknown values are left to the form, which ignores them.
    """
    from programme.models import HelpRequestPage

    if site is None:
        return None
    page = (
        HelpRequestPage.objects.live().descendant_of(site.root_page, inclusive=True).order_by("path").first()
    )
    if page is None:
        return None
    url = page.relative_url(site)
    if not url:
        return None
    params = {}
    slugs = [slug for slug in (_topic_slug(topic) for topic in topics) if slug]
    if slugs:
        params[TOPICS_PARAM] = ",".join(slugs)
    if level:
        params[LEVEL_PARAM] = str(level)
    if params:
        url = f"{url}?{urlencode(params, safe=',')}"
    return url

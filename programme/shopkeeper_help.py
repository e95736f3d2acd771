"""Where a shopkeeper asks for a coup de pouce: this app's answer to the `shopkeeper_help` hook.

`learning` (guides, self-check result) and the shopkeeper's dashboard in `shops` sit below
this app and cannot import it: they ask `core.project_apps.contribution("shopkeeper_help",
"help_request_url")`, and the form opens with the right topics and level already ticked.
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

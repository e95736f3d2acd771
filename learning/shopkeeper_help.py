"""Where a shopkeeper learns alone: this app's answer to the `shopkeeper_help` hook.

The shopkeeper's dashboard (`shops`, a sibling of this app) links to the town's guides
through `core.project_apps.contribution("shopkeeper_help", "guides_url")`.
"""

from learning.models import GuideIndexPage


def guides_url(site):
    """URL of the town's live guides section; None when the town has none."""
    index = GuideIndexPage.objects.live().descendant_of(site.root_page).first() if site else None
    return index.get_url() if index else None

"""The one door from the learning space to the coup de pouce programme, an app above this one."""

from core.project_apps import contribution


def help_link(site, topics=(), level=""):
    """Address of the town's help request form, pre-filled; None when the town has none."""
    help_request_url = contribution("shopkeeper_help", "help_request_url")
    if site is None or help_request_url is None:
        return None
    return help_request_url(site, topics=[topic.slug for topic in topics], level=level or "")

"""The one door from the learning space to the coup de pouce programme."""

from programme.links import help_request_url


def help_link(site, topics=(), level=""):
    """Address of the town's help request form, pre-filled; None when the town has none."""
    if site is None:
        return None
    return help_request_url(site, topics=[topic.slug for topic in topics], level=level or "")

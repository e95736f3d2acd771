from django import template
from wagtail.models import Site

from programme.models import ProgrammeSettings
from towns.models import TownIdentity

register = template.Library()


@register.simple_tag(takes_context=True)
def programme_privacy(context):
    """Who processes the data, where to write and how long it is kept, for the current town."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return {"controller": "", "contact": "", "months": 24, "notice": ""}
    settings = ProgrammeSettings.for_site(site)
    identity = TownIdentity.for_site(site)
    return {
        "controller": settings.data_controller
        or identity.contact_name
        or identity.town_name
        or site.site_name,
        "contact": settings.rights_contact or identity.contact_email or identity.contact_name,
        "months": settings.retention_months,
        "notice": settings.privacy_notice,
    }

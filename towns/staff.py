"""Whom to tell in a town when something needs its team: one rule for every app.

A click & collect request, a shop page gone stale, a volunteer's application or a call for a
coup de pouce all reach the same people of that town:

1. the town's contact address (TownIdentity.contact_email), the mailbox the town reads;
2. the address an app declares for that topic, when it has one: an app's `town_staff`
   module may define `addresses_to_notify(site, topic)` (the programme gives its own address
   for the "programme" topic, ProgrammeSettings.notification_email);
3. every active member of the town's staff group (`towns.towns.staff_group`) who has an
   e-mail address.

Never anyone of another town, and never someone only because they hold a right elsewhere:
to tell a person about the town's news, put them in its staff group. Each address appears
once, in that order.
"""

from django.contrib.auth import get_user_model

from core.project_apps import contributions
from towns.models import TownIdentity
from towns.towns import staff_group_name

# The topics the apps notify about, named here so that a declared address matches one.
CLICK_COLLECT = "click_collect"
SHOP_FRESHNESS = "shop_freshness"
PROGRAMME = "programme"


def staff_to_notify(site, topic):
    """The e-mail addresses to tell in `site`'s town about `topic` (see the module docstring)."""
    identity = TownIdentity.objects.filter(site=site).first()
    addresses = [identity.contact_email if identity else ""]
    for module in contributions("town_staff"):
        declared = getattr(module, "addresses_to_notify", None)
        if declared is not None:
            addresses.extend(declared(site, topic))
    addresses.extend(
        get_user_model()
        .objects.filter(is_active=True, groups__name=staff_group_name(site))
        .exclude(email="")
        .order_by("pk")
        .values_list("email", flat=True)
    )
    unique = {}
    for address in addresses:
        if address:
            unique.setdefault(address.strip().lower(), address.strip())
    return list(unique.values())

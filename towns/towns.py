"""A town of the portal: a Wagtail Site with its home page, identity, image collection and staff group.

`manage.py add_town` makes one for real, and the demo and scale loaders give their towns'
staff the same rights (`staff_group`), so a new town's team can do what the demo towns' teams
do. Each project app says what a town's staff may do with its records in its `town_staff`
module, `grant(group, site)`, always limited to that town.
"""

import re
from dataclasses import dataclass

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Collection, Page, Site

from core.project_apps import contribution, contributions
from towns.models import TownIdentity

# A host name as a browser sends it: letters, digits and hyphens between dots, lower case.
LABEL = r"[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?"
HOSTNAME = re.compile(rf"^(?=.{{1,253}}$){LABEL}(\.{LABEL})*$")


@dataclass
class Town:
    slug: str
    name: str
    site: Site
    home_page: Page
    collection: Collection
    staff_group: Group


def town_name(site):
    identity = TownIdentity.objects.filter(site=site).first()
    return (identity.town_name if identity else "") or site.site_name or site.hostname


def town_collection(site):
    """The town's image collection (named after the town), created if missing."""
    name = town_name(site)
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=name).first()
    return collection or root.add_child(name=name)


def staff_group(site):
    """The town's staff group, “Équipe de la mairie — <town>”, with every right it needs in that town."""
    group, _created = Group.objects.get_or_create(name=f"Équipe de la mairie — {town_name(site)}")
    for module in contributions("town_staff"):
        module.grant(group, site)
    return group


def check_hostname(hostname):
    if not HOSTNAME.match(hostname):
        raise ValidationError(
            _(
                "“%(hostname)s” is not a host name: lower-case letters without accents, digits and "
                "hyphens, separated by dots, e.g. commerces.arras.fr."
            )
            % {"hostname": hostname}
        )


@transaction.atomic
def create_town(name, hostname, *, port=80, default=False, contact_email=""):
    """The town at this host name and port: made once, completed (never overwritten) afterwards.

    Returns the town and whether its site was created now.
    """
    name, hostname = name.strip(), hostname.strip().lower()
    if not name:
        raise ValidationError(_("Give the town's name, e.g. “Arras”."))
    check_hostname(hostname)
    site = Site.objects.filter(hostname=hostname, port=port).select_related("root_page").first()
    created = site is None
    if created:
        root = Page.get_first_root_node()
        slug = base = slugify(name) or "ville"
        number = 1
        while root.get_children().filter(slug=slug).exists():
            number += 1
            slug = f"{base}-{number}"
        # The home page belongs to `home`, an app above this one: it says how a town's looks.
        home_page = contribution("town_pages", "home_page")(name, slug)
        root.add_child(instance=home_page)
        home_page.save_revision().publish()
        site = Site.objects.create(
            hostname=hostname, port=port, root_page=home_page, site_name=name, is_default_site=False
        )
    if default and not site.is_default_site:
        Site.objects.filter(is_default_site=True).update(is_default_site=False)
        site.is_default_site = True
        site.save(update_fields=["is_default_site"])
    identity = TownIdentity.for_site(site)
    if not identity.town_name:
        identity.town_name = name
        identity.tagline = "Les commerces du cœur de ville"
        identity.contact_email = identity.contact_email or contact_email
        identity.save()
    town = Town(
        slug=site.root_page.slug,
        name=town_name(site),
        site=site,
        home_page=site.root_page.specific,
        collection=town_collection(site),
        staff_group=staff_group(site),
    )
    return town, created

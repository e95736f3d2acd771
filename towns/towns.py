"""A town of the portal: a Wagtail Site with its home page, identity, image collection, staff
group, and the sections every app opens in it.

`manage.py add_town` makes one for real, and the demo and scale loaders make theirs with the same
`create_town`, then add their demo content. Two registries let each app take its part without
`towns` importing any of them (`core.project_apps.contributions`):
- `<app>.town_staff.grant(group, site)`: what a town's staff may do with the app's records,
  always limited to that town;
- `<app>.town_setup.open_town(town)`: the app's sections of the town (pages, settings), created
  when missing and never changed once there, so staff edits survive a second run. It returns
  what is left for the town's team to do, as sentences in French (an empty list when nothing).
"""

import re
import unicodedata
from dataclasses import dataclass, field

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
    to_do: list = field(default_factory=list)  # what the apps left for the town's team (French)


def town_name(site, identity=None):
    """The town's name as staff wrote it, else the site's; `identity` when the caller has it."""
    if identity is None:
        identity = TownIdentity.objects.filter(site=site).first()
    return (identity.town_name if identity else "") or site.site_name or site.hostname


def of_town(name):
    """“de Béthune”, “d'Arras”: the town's name after “de”, elided before a vowel as French writes it."""
    first = unicodedata.normalize("NFD", name)[:1].lower()
    return f"d'{name}" if first in "aeiouy" else f"de {name}"


def free_slug(parent, slug):
    """`slug`, or `slug-2`, `slug-3`… when a page under `parent` already has it."""
    taken = set(parent.get_children().values_list("slug", flat=True))
    candidate, number = slug, 1
    while candidate in taken:
        number += 1
        candidate = f"{slug}-{number}"
    return candidate


def town_collection(site):
    """The town's image collection (named after the town), created if missing."""
    name = town_name(site)
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=name).first()
    return collection or root.add_child(name=name)


def staff_group_name(site):
    return f"Équipe de la mairie — {town_name(site)}"


def staff_group(site):
    """The town's staff group, “Équipe de la mairie — <town>”, with every right it needs in that town."""
    group, _created = Group.objects.get_or_create(name=staff_group_name(site))
    for module in contributions("town_staff"):
        module.grant(group, site)
    return group


def child_page(parent, page_class, slug, **fields):
    """The child of `parent` at this slug, created (and published) only if missing.

    An existing page is returned as it is: what staff wrote stays.
    """
    existing = parent.get_children().filter(slug=slug).first()
    if existing:
        return existing.specific
    page = page_class(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def section(parent, page_class, slug, **fields):
    """The `page_class` section under `parent`, found by its type whatever its address (staff may
    have changed it, or made it by hand before), else created as `child_page` does."""
    existing = parent.get_children().type(page_class).first()
    if existing:
        return existing.specific
    return child_page(parent, page_class, slug, **fields)


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
    """The town at this host name and port, ready to open: made once, completed (never
    overwritten) afterwards.

    After the Site, its home page, identity, collection and staff group, each app opens its
    sections in INSTALLED_APPS order (`<app>.town_setup.open_town(town)`): home's legal pages,
    the shop directory, the learning space, the coup de pouce pages. Returns the town (with
    `to_do`, what the apps left for its team) and whether its site was created now.
    """
    name, hostname = name.strip(), hostname.strip().lower()
    if not name:
        raise ValidationError(_("Give the town's name, e.g. “Arras”."))
    check_hostname(hostname)
    site = Site.objects.filter(hostname=hostname, port=port).select_related("root_page").first()
    created = site is None
    if created:
        root = Page.get_first_root_node()
        slug = free_slug(root, slugify(name) or "ville")
        # A Site needs its root page before any app opens its sections, and the home page
        # belongs to `home`, an app above this one: its `town_setup` module makes it.
        home_page = contribution("town_setup", "home_page")(name, slug)
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
    for module in contributions("town_setup"):
        town.to_do.extend(module.open_town(town))
    return town, created

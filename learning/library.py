"""The shared guide library: guides written once (`GuideLibraryPage`) that every town may publish.

The distribution itself (copies, versions, taking a new version) is generic and lives in
towns/library.py; this module says where guides come from and go to: the library page, its
editors' group, a town's “Se former” section, and what the library screen shows per guide.
"""

from dataclasses import dataclass

from django.contrib.auth.models import Group, Permission
from django.utils.translation import gettext_lazy as _
from wagtail.models import Collection, Page

from learning.models import GuideIndexPage, GuideLibraryPage, GuidePage
from towns.library import copy_to_town, town_copies
from towns.models import SharedPageCopy
from towns.town_staff import grant_collection, grant_page_tree

LIBRARY_NAME = "Bibliothèque de guides"
LIBRARY_SLUG = "bibliotheque-de-guides"


def guide_library():
    """The library page, or None before anyone made it."""
    return GuideLibraryPage.objects.first()


def ensure_guide_library():
    """The library page (made under Wagtail's root when missing), its image collection and editors' group.

    The group “Bibliothèque de guides” may edit and publish the library's guides and use its
    images: an administrator puts in it whoever writes guides for every town.
    """
    library = guide_library()
    if library is None:
        library = GuideLibraryPage(
            title=LIBRARY_NAME,
            slug=LIBRARY_SLUG,
            introduction="Les guides écrits une fois pour toutes les villes du portail.",
        )
        Page.get_first_root_node().add_child(instance=library)
        library.save_revision().publish()
    editors, _created = Group.objects.get_or_create(name=LIBRARY_NAME)
    editors.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    grant_page_tree(editors, library)
    grant_collection(editors, library_collection())
    return library


def library_collection():
    """Where the library's images and documents go, beside the towns' collections."""
    root = Collection.get_first_root_node()
    return root.get_children().filter(name=LIBRARY_NAME).first() or root.add_child(name=LIBRARY_NAME)


def library_guides(library=None):
    """The library's published guides, in the library's order."""
    library = library or guide_library()
    if library is None:
        return GuidePage.objects.none()
    return GuidePage.objects.live().child_of(library).order_by("path")


def town_guide_index(site):
    """The town's “Se former” section, where its copies go, or None."""
    return GuideIndexPage.objects.descendant_of(site.root_page).order_by("path").first()


def publish_library_guides(guide_index, user=None):
    """Publish in this “Se former” section, as is, every library guide its town does not have yet.

    What a new town starts with; a town that already copied some guides keeps its copies.
    """
    site = guide_index.get_site()
    return copy_to_town(library_guides(), guide_index, site, publish=True, user=user)


class Status:
    MISSING = "missing"
    UP_TO_DATE = "up_to_date"
    ADAPTED = "adapted"
    NEW_VERSION = "new_version"


STATUS_LABELS = {
    Status.MISSING: _("Not in your site yet"),
    Status.UP_TO_DATE: _("Up to date"),
    Status.ADAPTED: _("Adapted by the town"),
    Status.NEW_VERSION: _("New version in the library"),
}


@dataclass
class LibraryGuide:
    """A library guide as one town sees it: its copy (if any) and where that copy stands."""

    guide: GuidePage
    record: SharedPageCopy | None

    @property
    def status(self):
        if self.record is None:
            return Status.MISSING
        if self.record.has_new_version:
            return Status.NEW_VERSION
        return Status.ADAPTED if self.record.is_adapted else Status.UP_TO_DATE

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]


def library_for_town(site):
    """Every published library guide with the town's copy of it."""
    copies = town_copies(site)
    return [LibraryGuide(guide, copies.get(guide.pk)) for guide in library_guides()]

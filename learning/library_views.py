"""“Bibliothèque de guides” in the admin: town staff see the library's guides and take them into their town.

Each screen acts for one town, named in the address, among those whose learning records the
person manages (learning/access.py); copying also needs the right to add and publish pages in
the town's “Se former” section. Anything else answers 403 (no town at all) or 404.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.panels import get_edit_handler
from wagtail.models import Site

from learning.access import staff_site_ids
from learning.library import LibraryGuide, library_for_town, library_guides, town_guide_index
from towns.library import copy_to_town, take_new_version
from towns.models import SharedPageCopy


def _towns(request):
    ids = staff_site_ids(request.user)
    if not ids:
        raise PermissionDenied
    return list(Site.objects.filter(pk__in=ids).select_related("root_page").order_by("site_name"))


def _town(request, site_id):
    for site in _towns(request):
        if site.pk == site_id:
            return site
    raise Http404


def _library_url(site):
    return f"{reverse('learning_guide_library')}?ville={site.pk}"


def guide_library(request):
    towns = _towns(request)
    chosen = request.GET.get("ville", "")
    here = Site.find_for_request(request)
    site = next((town for town in towns if str(town.pk) == chosen), None)
    site = site or next((town for town in towns if here and town.pk == here.pk), towns[0])
    return render(
        request,
        "learning/admin/guide_library.html",
        {
            "page_title": _("Guide library"),
            "towns": towns,
            "site": site,
            "guide_index": town_guide_index(site),
            "guides": library_for_town(site),
        },
    )


def _library_guide(site, guide_id):
    guide = get_object_or_404(library_guides(), pk=guide_id)
    return LibraryGuide(guide, SharedPageCopy.objects.filter(site=site, source=guide).first())


def _guide_index_for(request, site, *, publish=True):
    """The town's “Se former” section if this person may add (and publish) guides in it."""
    index = town_guide_index(site)
    if index is None:
        raise Http404
    rights = index.permissions_for_user(request.user)
    if not rights.can_add_subpage() or (publish and not rights.can_publish_subpage()):
        raise PermissionDenied
    return index


def _take_into_town(request, site_id, guide_id, *, publish):
    site = _town(request, site_id)
    item = _library_guide(site, guide_id)
    index = _guide_index_for(request, site, publish=publish)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if item.record is None:
        copy_to_town([item.guide], index, site, publish=publish, user=request.user)
        if publish:
            messages.success(
                request, _("“%(title)s” is published in your guides.") % {"title": item.guide.title}
            )
        else:
            messages.success(
                request,
                _("“%(title)s” is copied as a draft in your guides: adapt it, then publish it.")
                % {"title": item.guide.title},
            )
    return redirect(_library_url(site))


def publish_as_is(request, site_id, guide_id):
    return _take_into_town(request, site_id, guide_id, publish=True)


def copy_to_adapt(request, site_id, guide_id):
    return _take_into_town(request, site_id, guide_id, publish=False)


def _town_copy(request, site_id, guide_id):
    site = _town(request, site_id)
    item = _library_guide(site, guide_id)
    if item.record is None:
        raise Http404
    return site, item


def take_new_version_view(request, site_id, guide_id):
    """The library's new version into the copy; over an adapted copy, asked first (GET), then done (POST)."""
    site, item = _town_copy(request, site_id, guide_id)
    _guide_index_for(request, site)
    if request.method == "POST":
        take_new_version(item.record, user=request.user)
        messages.success(
            request,
            _("Your copy of “%(title)s” now has the library's version.") % {"title": item.guide.title},
        )
        return redirect(_library_url(site))
    return render(
        request,
        "learning/admin/guide_library_confirm.html",
        {
            "page_title": _("Take the new version"),
            "site": site,
            "item": item,
            "library_url": _library_url(site),
        },
    )


# When a version went live says nothing of what it says: a town reads what changed in the text.
PUBLICATION_FIELDS = {"go_live_at", "expire_at", "first_published_at", "last_published_at"}


def changes(request, site_id, guide_id):
    """What changed in the library's guide since the town copied it, field by field (Wagtail's comparison)."""
    site, item = _town_copy(request, site_id, guide_id)
    copied = item.record.source_revision
    comparison = []
    if copied is not None:
        panel = get_edit_handler(type(item.guide)).get_bound_panel(
            instance=item.guide, request=request, form=None
        )
        before = copied.as_object()
        diffs = [compare(before, item.guide) for compare in panel.get_comparison()]
        comparison = [
            diff for diff in diffs if diff.field.name not in PUBLICATION_FIELDS and diff.has_changed()
        ]
    return render(
        request,
        "learning/admin/guide_library_changes.html",
        {
            "page_title": _("Changes in the library"),
            "header_icon": "doc-full-inverse",
            "site": site,
            "item": item,
            "copied": copied,
            "comparison": comparison,
            "library_url": _library_url(site),
        },
    )


def preview(request, guide_id):
    """The library's guide as visitors would see it once published, for anyone who may open the library."""
    _towns(request)
    guide = get_object_or_404(library_guides(), pk=guide_id)
    return guide.make_preview_request(request, guide.default_preview_mode)

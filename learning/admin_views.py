"""Reports for town staff: what visitors think of the guides, where shops stand after the self-check."""

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import Site

from learning.access import staff_site_ids
from learning.levels import DigitalLevel
from learning.models import GuidePage, SelfCheckResult


def _staff_sites(request):
    ids = staff_site_ids(request.user)
    if not ids:
        raise PermissionDenied
    return list(Site.objects.filter(pk__in=ids).select_related("root_page").order_by("site_name"))


def guide_feedback_report(request):
    rows = []
    for site in _staff_sites(request):
        guides = (
            GuidePage.objects.descendant_of(site.root_page)
            .annotate(
                yes=Count("feedback", filter=Q(feedback__helpful=True)),
                no=Count("feedback", filter=Q(feedback__helpful=False)),
                comments=Count("feedback", filter=~Q(feedback__comment="")),
            )
            .order_by("title")
        )
        rows.append({"site": site, "guides": guides})
    return render(
        request,
        "learning/admin/guide_feedback_report.html",
        {"towns": rows, "page_title": _("Feedback per guide")},
    )


def self_check_report(request):
    towns = []
    for site in _staff_sites(request):
        counts = dict(
            SelfCheckResult.objects.filter(site=site).values_list("level").annotate(total=Count("pk"))
        )
        levels = [(label, counts.get(value, 0)) for value, label in DigitalLevel.choices]
        towns.append({"site": site, "levels": levels, "total": sum(counts.values())})
    return render(
        request,
        "learning/admin/self_check_report.html",
        {"towns": towns, "page_title": _("Self-check results")},
    )

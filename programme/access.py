"""Who sees what in the programme's admin: town staff see their town, volunteers their own requests."""

from django.contrib.auth.models import Permission
from wagtail.models import GroupSitePermission, Site

from core.permissions import site_ids_with_permission

# Whoever may change a town's programme settings manages its programme: Wagtail's group editor
# already offers this permission per town ("site"), so staff set it up with no new screen.
MANAGE_CODENAME = "change_programmesettings"


def manage_permission():
    return Permission.objects.get(content_type__app_label="programme", codename=MANAGE_CODENAME)


def grant_town_management(group, site):
    """Let a town's staff group manage the programme of that town (and only that one)."""
    GroupSitePermission.objects.get_or_create(group=group, site=site, permission=manage_permission())


def staff_site_ids(user):
    """Ids of the towns whose programme this user manages (all for a superuser)."""
    return site_ids_with_permission(user, "programme", MANAGE_CODENAME)


def is_programme_staff(user):
    return bool(staff_site_ids(user))


def staff_sites(user):
    return Site.objects.filter(id__in=staff_site_ids(user)).order_by("site_name", "hostname")


def volunteer_of(user):
    """The helper record linked to this account, if any (a volunteer or a town animator)."""
    if not user.is_authenticated:
        return None
    from programme.models import Volunteer

    return Volunteer.objects.filter(user=user).first()


def visible_volunteers(user):
    from programme.models import Volunteer

    return Volunteer.objects.filter(site_id__in=staff_site_ids(user))


def visible_requests(user):
    from django.db.models import Q

    from programme.models import HelpRequest

    condition = Q(site_id__in=staff_site_ids(user))
    if user.is_authenticated:
        condition |= Q(helper__user=user, helper__user__isnull=False)
    return HelpRequest.objects.filter(condition)


def visible_sessions(user):
    from django.db.models import Q

    from programme.models import CoachingSession

    condition = Q(request__site_id__in=staff_site_ids(user))
    if user.is_authenticated:
        condition |= Q(request__helper__user=user, request__helper__user__isnull=False)
    return CoachingSession.objects.filter(condition)

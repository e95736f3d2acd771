"""Who sees the learning records in the admin: town staff see their town's, an administrator all."""

from django.contrib.auth.models import Permission
from wagtail.models import GroupSitePermission

from core.permissions import site_ids_with_permission

MANAGE_CODENAME = "manage_learning"


def grant_town_learning(group, site):
    """Let a town's staff group see feedback, self-check figures and workshop registrations of that town."""
    permission = Permission.objects.get(content_type__app_label="learning", codename=MANAGE_CODENAME)
    GroupSitePermission.objects.get_or_create(group=group, site=site, permission=permission)
    # Topics are shared by every town: staff choose them in the self-check questions, only admins edit them.
    group.permissions.add(Permission.objects.get(content_type__app_label="learning", codename="view_topic"))


def staff_site_ids(user):
    """Ids of the towns whose learning records this user manages (all for a superuser)."""
    return site_ids_with_permission(user, "learning", MANAGE_CODENAME)

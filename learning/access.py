"""Who sees the learning records in the admin: town staff see their town's, an administrator all."""

from django.contrib.auth.models import Permission
from wagtail.models import GroupSitePermission, Site

MANAGE_CODENAME = "manage_learning"


def grant_town_learning(group, site):
    """Let a town's staff group see feedback, self-check figures and workshop registrations of that town."""
    permission = Permission.objects.get(content_type__app_label="learning", codename=MANAGE_CODENAME)
    GroupSitePermission.objects.get_or_create(group=group, site=site, permission=permission)
    # Topics are shared by every town: staff choose them in the self-check questions, only admins edit them.
    group.permissions.add(Permission.objects.get(content_type__app_label="learning", codename="view_topic"))


def staff_site_ids(user):
    if not user.is_authenticated or not user.is_active:
        return set()
    cache_attr = "_learning_staff_site_ids"
    if not hasattr(user, cache_attr):
        if user.is_superuser:
            ids = set(Site.objects.values_list("id", flat=True))
        else:
            ids = set(
                GroupSitePermission.objects.filter(
                    group__user=user,
                    permission__content_type__app_label="learning",
                    permission__codename=MANAGE_CODENAME,
                ).values_list("site_id", flat=True)
            )
        setattr(user, cache_attr, ids)
    return getattr(user, cache_attr)

"""Per-town permissions: a permission given to a group for one Wagtail Site (one town)."""

from wagtail.models import GroupSitePermission, Site


def site_ids_with_permission(user, app_label, codename):
    """Ids of the towns where `user` holds this per-site permission (every town for a superuser).

    Remembered on the user object, so a request asks the database once per permission.
    """
    if not user.is_authenticated or not user.is_active:
        return set()
    cache = getattr(user, "_site_permission_ids", None)
    if cache is None:
        cache = {}
        user._site_permission_ids = cache  # on the user object, even behind request.user's lazy wrapper
    key = (app_label, codename)
    if key not in cache:
        if user.is_superuser:
            cache[key] = set(Site.objects.values_list("id", flat=True))
        else:
            cache[key] = set(
                GroupSitePermission.objects.filter(
                    group__user=user,
                    permission__content_type__app_label=app_label,
                    permission__codename=codename,
                ).values_list("site_id", flat=True)
            )
    return cache[key]

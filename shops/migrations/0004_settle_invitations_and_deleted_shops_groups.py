"""Bring the records made before invitations had to be accepted, and before rights followed
the page, in line with the rules of shops/shopkeepers.py.

1. Accesses given before: the person was put in the shop's group at once, and `accepted_at`
   only recorded a chosen password. Those who hold the group hold the shop: their access is
   marked accepted (on the day of the invitation), so that the staff screen tells the truth and
   shows them as shopkeepers, which staff may revoke; nobody is silently cut off.
2. Groups of shops deleted before: deleting a page cascaded its ShopOwnership and left its
   “Boutique — …” group and members behind, for a later shop of the same name to inherit. Such
   a group (no ShopOwnership, no page permission left) is deleted with its image permissions,
   and the accounts it leaves with no group are switched off, as `switch_off_if_empty` does.
"""

from django.conf import settings
from django.db import migrations

SHOP_GROUP_PREFIX = "Boutique — "


def accept_accesses_already_held(apps, schema_editor):
    ShopAccess = apps.get_model("shops", "ShopAccess")
    ShopOwnership = apps.get_model("shops", "ShopOwnership")
    User = apps.get_model(*settings.AUTH_USER_MODEL.split("."))
    pending = ShopAccess.objects.filter(revoked_at__isnull=True, accepted_at__isnull=True)
    for access in pending.iterator():
        ownership = ShopOwnership.objects.filter(shop_id=access.shop_id).first()
        if ownership and User.objects.filter(pk=access.user_id, groups=ownership.group_id).exists():
            access.accepted_at = access.invited_at
            access.save(update_fields=["accepted_at"])


def remove_groups_of_deleted_shops(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    User = apps.get_model(*settings.AUTH_USER_MODEL.split("."))
    orphaned = Group.objects.filter(
        name__startswith=SHOP_GROUP_PREFIX,
        shop_ownership__isnull=True,
        page_permissions__isnull=True,
    )
    for group in orphaned:
        members = list(User.objects.filter(groups=group))
        group.delete()
        for user in members:
            if not user.is_superuser and user.is_active and not user.groups.exists():
                user.is_active = False
                user.save(update_fields=["is_active"])


class Migration(migrations.Migration):
    dependencies = [
        ("shops", "0003_shop_access_accepted_on"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(accept_accesses_already_held, migrations.RunPython.noop),
        migrations.RunPython(remove_groups_of_deleted_shops, migrations.RunPython.noop),
    ]

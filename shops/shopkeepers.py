"""Shopkeepers' access to their shop pages: groups, invitations, revocation, moderation.

Each shop has one Wagtail group, “Boutique — <shop> (<town>)”, holding:
- “change” (and “publish” when the town lets shopkeepers publish at once) on the shop page,
- access to the admin,
- add/choose/change image on the shop's own collection “<town> › <shop>”,
- view/change of click & collect requests (the admin list keeps only their shops' ones).
A shopkeeper is a user in one or several of these groups, once they accepted an invitation.
Who was invited, when, and whether they accepted is kept in ShopAccess, outside the page's
revisions. The rights belong to the page: they go when it is deleted or leaves its town.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.text import slugify
from wagtail.models import (
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from shops.models import ShopAccess, ShopIndexPage, ShopkeeperSettings, ShopOwnership, ShopPage
from shops.models.access import STAFF_FIELDS_PERMISSION
from towns.emails import send_town_email, town_url
from towns.towns import town_collection, town_name

INVITATION_SALT = "shops.shopkeepers.invitation"
INVITATION_MAX_AGE = 7 * 24 * 3600  # seconds: an invitation link works for 7 days
WORKFLOW_NAME = "Relecture mairie"
SHOPKEEPER_MODEL_PERMISSIONS = [
    ("shops", "view_clickcollectrequest"),
    ("shops", "change_clickcollectrequest"),
]


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def shop_site(shop):
    return Site.objects.filter(root_page__in=shop.get_ancestors(inclusive=True)).first()


def staff_groups(site):
    """The groups that edit and publish the whole town: publish permission on its home page."""
    return Group.objects.filter(
        page_permissions__page=site.root_page, page_permissions__permission__codename="publish_page"
    ).distinct()


def is_shopkeeper(user):
    """A person whose only groups are shop groups: the admin shows them their shops only."""
    if not user.is_authenticated or user.is_superuser:
        return False
    cache_attr = "_is_shopkeeper"
    if not hasattr(user, cache_attr):
        groups = list(user.groups.values_list("id", flat=True))
        shop_groups = ShopOwnership.objects.filter(group_id__in=groups).count()
        setattr(user, cache_attr, bool(groups) and shop_groups == len(groups))
    return getattr(user, cache_attr)


def shops_of(user):
    """The shop pages this person holds (through active shop groups)."""
    return ShopPage.objects.filter(ownership__group__user=user).order_by("title")


def image_collection_ids(user, shop, parent_page):
    """Ids of the collections whose images this person may put on this shop page (None: any).

    A shopkeeper: the shop's own collection. The town's team: the town's collection and the ones
    inside it (its shops'). Administrators: any.
    """
    if user is None or user.is_superuser:
        return None
    if is_shopkeeper(user):
        return set(
            ShopOwnership.objects.filter(shop_id=shop.pk, collection__isnull=False).values_list(
                "collection_id", flat=True
            )
        )
    site = shop_site(parent_page)
    if site is None:
        return set()
    return set(town_collection(site).get_descendants(inclusive=True).values_list("pk", flat=True))


def publish_at_once(site):
    return ShopkeeperSettings.for_site(site).publish_at_once


def _free_name(name, others_named, shop):
    """`name`, or, when other records (`others_named`) already bear it, `name` told apart by the
    page's id: a shop's group or collection is never one found by its name (a deleted shop's)."""
    if not others_named.exists():
        return name
    suffix = f" (page {shop.pk})"
    return name[: 150 - len(suffix)] + suffix


@transaction.atomic
def ensure_shop_group(shop):
    """The shop's owner group with its permissions, created or brought up to date.

    The group is the one ShopOwnership links to this page, or a new one: a group left with the
    same name (by a shop of the same title, deleted or elsewhere) is never reused.
    """
    shop = shop.specific if not isinstance(shop, ShopPage) else shop
    site = shop_site(shop)
    town = town_name(site) if site else ""
    ownership = ShopOwnership.objects.filter(shop=shop).select_related("group").first()
    name = f"Boutique — {shop.title} ({town})"[:150]
    if ownership is None:
        group = Group.objects.create(name=_free_name(name, Group.objects.filter(name=name), shop))
        ownership = ShopOwnership.objects.create(shop=shop, group=group)
    group = ownership.group
    if not group.name.startswith(name):
        group.name = _free_name(name, Group.objects.exclude(pk=group.pk).filter(name=name), shop)
        group.save(update_fields=["name"])
    if ownership.collection is None and site is not None:
        parent = town_collection(site)
        collection_name = f"{town} › {shop.title}"
        collection_name = _free_name(
            collection_name, parent.get_children().filter(name=collection_name), shop
        )
        ownership.collection = parent.add_child(name=collection_name)
        ownership.save(update_fields=["collection"])

    group.permissions.add(
        _permission("wagtailadmin", "access_admin"),
        *[_permission(app, codename) for app, codename in SHOPKEEPER_MODEL_PERMISSIONS],
    )
    GroupPagePermission.objects.get_or_create(
        group=group, page=shop, permission=_permission("wagtailcore", "change_page")
    )
    set_publish(group, shop, bool(site) and publish_at_once(site))
    if ownership.collection is not None:
        for action in ["add", "choose", "change"]:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=ownership.collection,
                permission=_permission("wagtailimages", f"{action}_image"),
            )
    return ownership


def set_publish(group, shop, allowed):
    publish = _permission("wagtailcore", "publish_page")
    if allowed:
        GroupPagePermission.objects.get_or_create(group=group, page=shop, permission=publish)
    else:
        GroupPagePermission.objects.filter(group=group, page=shop, permission=publish).delete()


def apply_moderation(site):
    """Give or take the publish permission of every shop group of the town, after its setting."""
    allowed = publish_at_once(site)
    ownerships = ShopOwnership.objects.filter(shop__path__startswith=site.root_page.path).select_related(
        "group", "shop"
    )
    for ownership in ownerships:
        set_publish(ownership.group, ownership.shop, allowed)


def grant_staff_permissions(group, site):
    """Let a town's staff group set the staff-only shop fields and the town's shopkeeper settings."""
    app_label, codename = STAFF_FIELDS_PERMISSION.split(".")
    group.permissions.add(_permission(app_label, codename))
    GroupSitePermission.objects.get_or_create(
        group=group,
        site=site,
        permission=Permission.objects.get(
            content_type=ContentType.objects.get_for_model(ShopkeeperSettings),
            codename="change_shopkeepersettings",
        ),
    )


@transaction.atomic
def ensure_town_workflow(site, staff_group=None):
    """The “Relecture mairie” workflow of the town, approved by its staff, on its shop directories."""
    town = town_name(site)
    groups = [staff_group] if staff_group else list(staff_groups(site))
    task = GroupApprovalTask.objects.filter(name=f"{WORKFLOW_NAME} — {town}").first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=f"{WORKFLOW_NAME} — {town}")
    task.groups.add(*groups)
    workflow = Workflow.objects.filter(name=f"{WORKFLOW_NAME} — {town}").first()
    if workflow is None:
        workflow = Workflow.objects.create(name=f"{WORKFLOW_NAME} — {town}")
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    for index_page in ShopIndexPage.objects.descendant_of(site.root_page):
        WorkflowPage.objects.update_or_create(page=index_page.page_ptr, defaults={"workflow": workflow})
    return workflow


# Invitations ------------------------------------------------------------------------------
#
# An invitation is a pending ShopAccess: no group membership, no right, until the person it
# was sent to accepts it with the link of the e-mail. A brand-new address gets an account with
# no password, and accepts by choosing one; an address that already belongs to an account
# accepts by opening the link signed in as that account. Each link accepts one invitation
# only, and no longer works once used, cancelled, sent again, expired, or once the account's
# address is no longer the one invited: so a shop's public address never hands the shop to
# whoever put it on their account.


class InvitationError(Exception):
    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason  # "expired" or "invalid"


def _invited_on(access):
    return int(access.invited_at.timestamp() * 1_000_000)


def invitation_token(access):
    return signing.TimestampSigner(salt=INVITATION_SALT).sign_object(
        {"a": access.pk, "s": access.shop_id, "e": access.user.email.lower(), "t": _invited_on(access)}
    )


def access_from_invitation(token):
    """The pending invitation of this link, or InvitationError("expired" | "invalid")."""
    signer = signing.TimestampSigner(salt=INVITATION_SALT)
    try:
        data = signer.unsign_object(token, max_age=INVITATION_MAX_AGE)
        access_id, shop_id, email, invited_on = data["a"], data["s"], data["e"], data["t"]
    except signing.SignatureExpired:
        raise InvitationError("expired") from None
    except (signing.BadSignature, ValueError, TypeError, KeyError):
        raise InvitationError("invalid") from None
    access = (
        ShopAccess.objects.pending()
        .filter(pk=access_id, shop_id=shop_id, user__is_active=True)
        .select_related("user", "shop")
        .first()
    )
    if (
        access is None
        or _invited_on(access) != invited_on
        or not constant_time_compare(access.user.email.lower(), str(email))
    ):
        raise InvitationError("invalid")
    return access


def _unique_username(email):
    User = get_user_model()
    base = slugify(email.split("@")[0])[:120] or "commercant"
    username, number = base, 1
    while User.objects.filter(username=username).exists():
        number += 1
        username = f"{base}-{number}"
    return username


def invite(shop, email, first_name, last_name, invited_by=None, send=True):
    """Invite this person to edit the shop (account created if the address has none) and e-mail
    them the link that accepts it. Nothing is granted until they accept."""
    with transaction.atomic():
        access = _invite(shop, email, first_name, last_name, invited_by)
    if send:
        send_invitation(access)
    return access


def account_for(email):
    """The account an invitation to this address is sent to, if there is one."""
    return get_user_model().objects.filter(email__iexact=email.strip()).order_by("pk").first()


def switched_off_by_an_administrator(user):
    """An account switched off while it still holds rights (another town's team, a shop): an
    invitation would switch those rights back on, so only an administrator may. Accounts the
    portal switched off itself, when their last shop was taken away, hold nothing."""
    return user is not None and not user.is_active and user.groups.exists()


def _invite(shop, email, first_name, last_name, invited_by):
    User = get_user_model()
    email = email.strip()
    user = account_for(email)
    if switched_off_by_an_administrator(user):
        raise PermissionDenied("An administrator switched this account off.")
    if user is None:
        user = User(username=_unique_username(email), email=email, first_name=first_name, last_name=last_name)
        user.set_unusable_password()
        user.save()
    elif not user.is_active:
        # Switched off by the portal, holding nothing: it must sign in to accept.
        user.is_active = True
        user.save(update_fields=["is_active"])
    ensure_shop_group(shop)
    access = ShopAccess.objects.active().filter(shop=shop, user=user).first()
    if access is None:
        access = ShopAccess.objects.create(
            shop=shop, user=user, invited_by=invited_by, invited_at=timezone.now()
        )
    elif access.accepted_at is None:
        _renew(access, invited_by)
    return access


def _renew(access, invited_by):
    """Date the invitation anew: links sent before stop working (they carry the old date)."""
    access.invited_at, access.invited_by = timezone.now(), invited_by or access.invited_by
    access.save(update_fields=["invited_at", "invited_by"])


def resend_invitation(access, invited_by=None):
    """A new link for a pending invitation; the previous link stops working."""
    _renew(access, invited_by)
    send_invitation(access)
    return access


@transaction.atomic
def accept_invitation(access):
    """The invited person accepted: they now hold the shop, this one only."""
    access.user.groups.add(ensure_shop_group(access.shop).group)
    access.accepted_at = timezone.now()
    access.save(update_fields=["accepted_at"])
    return access


def send_invitation(access):
    user, shop = access.user, access.shop
    site = shop_site(shop)
    if access.accepted_at:
        link = town_url(site, reverse("wagtailadmin_login"))
    else:
        link = town_url(site, reverse("shops:shopkeeper_invitation", args=[invitation_token(access)]))
    context = {
        "user": user,
        "shop": shop,
        "town": town_name(site),
        "link": link,
        "holds_it": access.accepted_at is not None,
        "has_password": user.has_usable_password(),
        "username": user.get_username(),
        "invited_by": access.invited_by,
        "days": INVITATION_MAX_AGE // 86400,
    }
    send_town_email(site, user.email, "shops/emails/shopkeeper_invitation", context)


@transaction.atomic
def revoke(access, revoked_by=None):
    """Take the shop away from this person; deactivate the account if it holds nothing else."""
    if access.revoked_at is None:
        access.revoked_at = timezone.now()
        access.revoked_by = revoked_by
        access.save(update_fields=["revoked_at", "revoked_by"])
    user = access.user
    still_holds = ShopAccess.objects.active().filter(shop=access.shop, user=user).exists()
    ownership = ShopOwnership.objects.filter(shop=access.shop).first()
    if ownership and not still_holds:
        user.groups.remove(ownership.group)
    switch_off_if_empty(user)
    return access


def switch_off_if_empty(user):
    """An account left without any group (its last shop gone) no longer enters the admin."""
    if not user.is_superuser and user.is_active and not user.groups.exists():
        user.is_active = False
        user.save(update_fields=["is_active"])


@transaction.atomic
def withdraw_shop_rights(shop):
    """Take away every right this shop page gave: its group, with the group's page and image
    permissions, its accesses (kept as revoked), and the admin of the people left with nothing.
    Called when the page is deleted or leaves its town; a later invitation starts afresh."""
    ShopAccess.objects.active().filter(shop=shop).update(revoked_at=timezone.now())
    ownership = ShopOwnership.objects.filter(shop=shop).select_related("group").first()
    if ownership is None:
        return
    members = list(ownership.group.user_set.all())
    ownership.group.delete()  # with its ShopOwnership, page and collection permissions
    for user in members:
        switch_off_if_empty(user)


def editors_of(shop):
    """Everyone who may edit this page, whatever grants it, and how: a list of (user, grants),
    each grant a GroupPagePermission (a group's right on this page or on a page above it).
    Wagtail lets “change” edit the page, and “add” edit the pages the person created.
    Administrators, who may edit everything, are left out: count them with `administrators`."""
    grants = (
        GroupPagePermission.objects.filter(
            page__in=shop.get_ancestors(inclusive=True),
            permission__codename__in=["change_page", "add_page"],
        )
        .select_related("group", "page", "permission")
        .order_by("-page__depth", "group__name")
    )
    users = {}
    through = {}
    for grant in grants:
        members = grant.group.user_set.filter(is_active=True, is_superuser=False)
        if grant.permission.codename == "add_page":
            members = members.filter(pk=shop.owner_id)
        for user in members:
            users[user.pk] = user
            ways = through.setdefault(user.pk, {})
            ways.setdefault((grant.group_id, grant.page_id), grant)
    people = [(user, list(through[user.pk].values())) for user in users.values()]
    return sorted(people, key=lambda row: (row[0].get_full_name() or row[0].get_username()).lower())


def administrators():
    return get_user_model().objects.filter(is_active=True, is_superuser=True)


def can_manage_shopkeepers(user, shop):
    """Town staff of the shop's town (staff fields permission and publish rights on the shop)."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return user.has_perm(STAFF_FIELDS_PERMISSION) and shop.permissions_for_user(user).can_publish()

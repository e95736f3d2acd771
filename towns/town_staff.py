"""What a town's staff may do with the town itself: edit and publish its pages, add images and
documents to its collection, change its identity (towns/towns.py gathers every app's part)."""

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import GroupCollectionPermission, GroupPagePermission, GroupSitePermission

from towns.models import TownIdentity
from towns.towns import town_collection

PAGE_ACTIONS = ["add", "change", "publish", "lock", "unlock"]


def grant(group, site):
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    grant_page_tree(group, site.root_page)
    grant_collection(group, town_collection(site))
    GroupSitePermission.objects.get_or_create(
        group=group,
        site=site,
        permission=Permission.objects.get(
            content_type=ContentType.objects.get_for_model(TownIdentity), codename="change_townidentity"
        ),
    )


def grant_page_tree(group, page):
    """Edit, publish and lock `page` and every page below it."""
    for action in PAGE_ACTIONS:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=page,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=f"{action}_page"
            ),
        )


def grant_collection(group, collection):
    """Add, change and choose the images and documents of `collection`."""
    for app_label, model in [("wagtailimages", "image"), ("wagtaildocs", "document")]:
        for action in ["add", "change", "choose"]:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=collection,
                permission=Permission.objects.get(
                    content_type__app_label=app_label, codename=f"{action}_{model}"
                ),
            )

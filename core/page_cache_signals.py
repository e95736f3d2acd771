"""What makes cached pages stale: every saved or deleted record a public page may show.

Rather than listing the models public pages display (and forgetting the next one), every
save and deletion invalidates, except for the bookkeeping records listed here that no
public page shows. A record invalidates its own town when it has one (a page, a record
with a `site`, a record attached to a page), else every town (images, categories, topics…).
"""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from core import page_cache

IGNORED_APPS = {
    "admin",
    "auth",
    "axes",
    "contenttypes",
    "django_tasks",
    "django_tasks_database",
    "otp_static",
    "otp_totp",
    "sessions",
    "wagtailadmin",
    "wagtailembeds",
    "wagtailsearch",
    "wagtailusers",
}
IGNORED_MODELS = {
    "wagtailcore.comment",
    "wagtailcore.commentreply",
    "wagtailcore.grouppagepermission",
    "wagtailcore.modellogentry",
    "wagtailcore.pagelogentry",
    "wagtailcore.pagesubscription",
    "wagtailcore.referenceindex",
    "wagtailcore.revision",
    "wagtailcore.taskstate",
    "wagtailcore.uploadedfile",
    "wagtailcore.workflowstate",
    "wagtailimages.rendition",
    "wagtailimages.uploadedimage",
    # Sent by visitors and seen only by staff or by the person who sent them.
    "shops.clickcollectrequest",
    "shops.clickcollectstatuschange",
    "learning.selfcheckresult",
}
# Saving only these fields changes no public page: a draft, a lock, a computed file size.
BOOKKEEPING_FIELDS = {
    "draft_title",
    "file_hash",
    "file_size",
    "has_unpublished_changes",
    "latest_revision",
    "latest_revision_created_at",
    "locked",
    "locked_at",
    "locked_by",
    "wagtail_admin_comments",
}


def town_of_path(url_path):
    """The id of the town whose page tree holds this page path, or None."""
    matching = [root for root in Site.get_site_root_paths() if (url_path or "").startswith(root.root_path)]
    return max(matching, key=lambda root: len(root.root_path)).site_id if matching else None


def town_of(instance):
    """The town a record belongs to, or None when it belongs to all of them."""
    if isinstance(instance, Site):
        return None
    if isinstance(instance, Page):
        return town_of_path(instance.url_path)
    site_id = getattr(instance, "site_id", None)
    if site_id:
        return site_id
    for field in instance._meta.concrete_fields:
        if field.is_relation and issubclass(field.related_model, Page):
            page_id = getattr(instance, field.attname)
            url_path = Page.objects.filter(pk=page_id).values_list("url_path", flat=True).first()
            if url_path:
                return town_of_path(url_path)
    return None


def is_ignored(model, update_fields=None):
    meta = model._meta
    if meta.app_label in IGNORED_APPS or meta.label_lower in IGNORED_MODELS:
        return True
    return bool(update_fields) and set(update_fields) <= BOOKKEEPING_FIELDS


def record_saved(sender, instance, update_fields=None, raw=False, **kwargs):
    if raw or is_ignored(sender, update_fields):
        return
    page_cache.invalidate_town(town_of(instance))


def record_deleted(sender, instance, **kwargs):
    if not is_ignored(sender):
        page_cache.invalidate_town(town_of(instance))
    if isinstance(instance, Page):
        purge_from_cdn(instance)


def relation_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and not is_ignored(sender) and not is_ignored(type(instance)):
        page_cache.invalidate_town(town_of(instance))


def purge_from_cdn(*pages):
    """Ask the CDN to forget these pages and the pages above them (the directory, the home page)."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    batch = PurgeBatch()
    for page in pages:
        batch.add_pages([page, *page.get_ancestors().filter(depth__gte=2).live().specific()])
    transaction.on_commit(batch.purge, robust=True)


def page_changed(sender, instance, **kwargs):
    page_cache.invalidate_town(town_of(instance))
    purge_from_cdn(instance)


def page_moved(sender, instance, url_path_before, url_path_after, parent_page_before, **kwargs):
    # A page may move from one town's tree to another's: both towns change.
    for url_path in {url_path_before, url_path_after}:
        page_cache.invalidate_town(town_of_path(url_path))
    purge_from_cdn(instance, parent_page_before)


def connect():
    post_save.connect(record_saved, dispatch_uid="page_cache_saved")
    post_delete.connect(record_deleted, dispatch_uid="page_cache_deleted")
    m2m_changed.connect(relation_changed, dispatch_uid="page_cache_m2m")
    page_published.connect(page_changed, dispatch_uid="page_cache_published")
    page_unpublished.connect(page_changed, dispatch_uid="page_cache_unpublished")
    post_page_move.connect(page_moved, dispatch_uid="page_cache_moved")

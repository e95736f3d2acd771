"""What makes cached pages stale: every saved or deleted record a public page may show.

Each model says what a change to one of its records makes stale, with a class attribute read
here (models never call the caches themselves):

    cache_invalidation = "own town"    # the pages of the record's town
    cache_invalidation = "every town"  # the pages of every town (a category, a topic)
    cache_invalidation = None          # no page at all: bookkeeping, messages only staff read

A model that declares nothing is "own town", so a record nobody thought about is never left
out. A record's town is the one whose tree holds it (a page), its `site`, or the town of a
page it is attached to; a record that has none of them makes every town stale. The models of
the libraries below cannot declare for themselves: theirs are declared here.
"""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from core import page_cache

OWN_TOWN = "own town"
EVERY_TOWN = "every town"
DECLARATIONS = (OWN_TOWN, EVERY_TOWN, None)

# Libraries whose records no public page shows.
APPS_SHOWN_NOWHERE = {
    "admin",
    "auth",
    "axes",
    "contenttypes",
    "django_tasks",
    "django_tasks_database",
    "otp_email",
    "otp_static",
    "otp_totp",
    "sessions",
    "wagtailadmin",
    "wagtailembeds",
    "wagtailsearch",
    "wagtailusers",
}
LIBRARY_MODELS = {
    # A host name or a default town changes which town every address belongs to.
    "wagtailcore.site": EVERY_TOWN,
    "wagtailcore.comment": None,
    "wagtailcore.commentreply": None,
    "wagtailcore.grouppagepermission": None,
    "wagtailcore.modellogentry": None,
    "wagtailcore.pagelogentry": None,
    "wagtailcore.pagesubscription": None,
    "wagtailcore.referenceindex": None,
    "wagtailcore.revision": None,
    "wagtailcore.taskstate": None,
    "wagtailcore.uploadedfile": None,
    "wagtailcore.workflowstate": None,
    "wagtailimages.rendition": None,
    "wagtailimages.uploadedimage": None,
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


def declared_invalidation(model):
    """What a change to a record of this model makes stale: OWN_TOWN, EVERY_TOWN or None."""
    meta = model._meta
    if meta.app_label in APPS_SHOWN_NOWHERE:
        return None
    if meta.label_lower in LIBRARY_MODELS:
        return LIBRARY_MODELS[meta.label_lower]
    return getattr(model, "cache_invalidation", OWN_TOWN)


def town_fields(model):
    """The fields naming the town of a record of this model: its site first, then its pages."""
    relations = [field for field in model._meta.concrete_fields if field.is_relation and field.related_model]
    return [field for field in relations if issubclass(field.related_model, Site)] + [
        field for field in relations if issubclass(field.related_model, Page)
    ]


def town_of_path(url_path):
    """The id of the town whose page tree holds this page path, or None."""
    matching = [root for root in Site.get_site_root_paths() if (url_path or "").startswith(root.root_path)]
    return max(matching, key=lambda root: len(root.root_path)).site_id if matching else None


def town_of(instance):
    """The town a record belongs to, or None when it belongs to all of them."""
    if isinstance(instance, Page):
        return town_of_path(instance.url_path)
    for field in town_fields(type(instance)):
        related_id = getattr(instance, field.attname)
        if not related_id:
            continue
        if issubclass(field.related_model, Site):
            return related_id
        url_path = Page.objects.filter(pk=related_id).values_list("url_path", flat=True).first()
        if url_path:
            return town_of_path(url_path)
    return None


def invalidate(instance):
    """Make stale what a change to this record makes stale, as its model declares."""
    declared = declared_invalidation(type(instance))
    if declared is None:
        return
    # A value this module does not know is treated as the safest one.
    page_cache.invalidate_town(town_of(instance) if declared == OWN_TOWN else None)


def record_saved(sender, instance, update_fields=None, raw=False, **kwargs):
    if raw or (update_fields and set(update_fields) <= BOOKKEEPING_FIELDS):
        return
    invalidate(instance)


def record_deleted(sender, instance, **kwargs):
    invalidate(instance)
    if isinstance(instance, Page):
        purge_from_cdn(instance)


def relation_changed(sender, instance, action, **kwargs):
    # `sender` is the table relating the two records: bookkeeping when it declares None.
    if action.startswith("post_") and declared_invalidation(sender) is not None:
        invalidate(instance)


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

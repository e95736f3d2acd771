"""A shared library's distribution: pages written once, in a page tree that no town's Site serves,
copied into any town that wants them, and kept track of (towns/models.py `SharedPageCopy`).

A town either publishes a library page as is or copies it as a draft to adapt it. Either way
its copy is an ordinary page of its own tree, which its staff edit like any other; the record
beside it remembers which library version was copied, so the town sees when the library
publishes a newer one and may take it (`take_new_version`), keeping the copy's address.

Generic over page types. A page class whose copies need more than their fields copied (links to
other library pages that should point to the town's own copies, say) defines
`adapt_for_town(town_copies)`, given the town's {library page id: copy id}; it is called on
every copy before the copy is saved.
"""

from django.db import transaction
from django.utils import timezone
from modelcluster.models import get_all_child_relations
from wagtail.models import Page

from towns.models import SharedPageCopy
from towns.towns import free_slug

# What a copy takes from the library page beyond its own class's fields: the rest of Wagtail's
# page fields (address, place in the tree, publication state, owner…) belong to the copy.
SHARED_PAGE_FIELDS = {"title", "seo_title", "search_description"}
OWN_PAGE_FIELDS = {"pk"} | {field.name for field in Page._meta.concrete_fields} - SHARED_PAGE_FIELDS


def town_copies(site):
    """The town's copies of library pages: {library page id: SharedPageCopy}, with what the status needs."""
    records = SharedPageCopy.objects.filter(site=site).select_related("copy", "source")
    return {record.source_id: record for record in records}


@transaction.atomic
def copy_to_town(sources, parent, site, *, publish, user=None):
    """Copy the live version of each library page under `parent` (in `site`), published or as drafts.

    Pages the town already copied are left alone. All pages are copied before any is saved
    again, so that links between them (see `adapt_for_town`) reach copies made in the same call.
    Returns the new records.
    """
    known = {record.source_id: record.copy_id for record in SharedPageCopy.objects.filter(site=site)}
    pairs = []
    for source in sources:
        if source.pk in known or not source.live:
            continue
        source = source.specific  # a plain Page would copy only Wagtail's own fields
        copy = source.copy(
            to=parent,
            update_attrs={"slug": free_slug(parent, source.slug)},
            keep_live=False,
            copy_revisions=False,
            user=user,
        )
        known[source.pk] = copy.pk
        pairs.append((source, copy))
    records = []
    for source, copy in pairs:
        record = SharedPageCopy(site=site, source=source, copy=copy)
        _save_copy(record, copy, known, publish=publish, user=user)
        records.append(record)
    return records


@transaction.atomic
def take_new_version(record, user=None):
    """Replace the town's copy's content with the library's live version, keeping its own address.

    A copy online is published again at once; a draft copy gets the new version as its draft.
    Whatever the town had changed in its copy is replaced (the copy's history keeps it).
    """
    source = record.source.specific
    copy = record.copy.specific
    content = source.serializable_data()
    own = copy.serializable_data()
    content.update({name: own.get(name) for name in OWN_PAGE_FIELDS})
    for relation in get_all_child_relations(type(source)):
        # The library page's children (related links, say) become new children of the copy.
        for child in content.get(relation.get_accessor_name(), []):
            child["pk"] = None
            child[relation.field.name] = copy.pk
    updated = copy.with_content_json(content)
    known = {item.source_id: item.copy_id for item in SharedPageCopy.objects.filter(site=record.site_id)}
    _save_copy(record, updated, known, publish=copy.live, user=user)


def _save_copy(record, page, known, *, publish, user):
    """Save `page` as the copy the record describes: its new revision is “the copy as made”."""
    adapt = getattr(page, "adapt_for_town", None)
    if adapt is not None:
        adapt(known)
    revision = page.save_revision(user=user, log_action=True)
    if publish:
        revision.publish(user=user)
    record.source_revision_id = record.source.live_revision_id
    record.copy_revision = revision
    record.copied_at = timezone.now()
    record.save()

"""Create thousands of published pages in a few queries, in the state Wagtail's own publishing leaves.

`Page.add_child()` then `save_revision().publish()` costs some twenty queries per page, and
indexes it for search one page at a time. For scale data (`manage.py seed_scale`) the same
result is built in bulk: tree paths computed here, one insert per batch for the common page
rows, the page types' own rows written as fixtures are (no signals that re-index), child
objects and many-to-many links inserted per model, then one live revision and the “created”
and “published” history entries per page, and the search index filled in chunks.
"""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from modelcluster.models import get_all_child_m2m_relations, get_all_child_relations
from wagtail.models import Page, PageLogEntry, Revision
from wagtail.search.backends import get_search_backends

BATCH_SIZE = 500


def add_live_pages(parent, pages, when):
    """Insert unsaved `pages` (all of one type) as the last children of `parent`, live.

    Child objects assigned in memory (`page.products = [...]`) and many-to-many values stay
    in memory: `publish_added_pages` saves them with the revisions, once the caller has
    attached anything that needs the new pages' ids.
    """
    if not pages:
        return
    model = type(pages[0])
    content_type = ContentType.objects.get_for_model(model)
    parent = Page.objects.get(pk=parent.pk)  # fresh numchild and path
    last_child = parent.get_last_child()
    position = last_child._get_lastpos_in_path() if last_child else 0
    depth = parent.depth + 1
    for page in pages:
        # Read the in-memory relations while the page has no id, so none of them queries.
        for relation in get_all_child_relations(model):
            name = relation.get_accessor_name()
            setattr(page, name, list(getattr(page, name).all()))
        position += 1
        page.path = Page._get_path(parent.path, depth, position)
        page.depth = depth
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.locale_id = parent.locale_id
        page.translation_key = uuid.uuid4()
        page.content_type = content_type
        page.draft_title = page.title
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.last_published_at = when
        page.latest_revision_created_at = when

    page_fields = [field.attname for field in Page._meta.concrete_fields]
    rows = [Page(**{name: getattr(page, name) for name in page_fields}) for page in pages]
    with transaction.atomic():
        Page.objects.bulk_create(rows, batch_size=BATCH_SIZE)
        for page, row in zip(pages, rows, strict=True):
            page.pk = page.page_ptr_id = row.pk
            page.page_ptr = row
            # The page type's own row, written as `loaddata` writes fixtures: the common row exists.
            page.save_base(raw=True, force_insert=True)
        Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(pages))


def publish_added_pages(pages, when):
    """Save the in-memory children and links of pages from `add_live_pages`, then publish each."""
    if not pages:
        return
    model = type(pages[0])
    with transaction.atomic():
        for relation in get_all_child_relations(model):
            name = relation.get_accessor_name()
            children = [child for page in pages for child in getattr(page, name).all()]
            if children:
                relation.related_model.objects.bulk_create(children, batch_size=BATCH_SIZE)
        for field in get_all_child_m2m_relations(model):
            through = field.remote_field.through
            source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
            links = [
                through(**{f"{source}_id": page.pk, f"{target}_id": item.pk})
                for page in pages
                for item in getattr(page, field.name).all()
            ]
            through.objects.bulk_create(links, batch_size=BATCH_SIZE)

        content_type = ContentType.objects.get_for_model(model)
        base_content_type = ContentType.objects.get_for_model(Page)
        revisions = [
            Revision(
                content_type=content_type,
                base_content_type=base_content_type,
                object_id=str(page.pk),
                content=page.serializable_data(),
                object_str=str(page),
                created_at=when,
            )
            for page in pages
        ]
        Revision.objects.bulk_create(revisions, batch_size=BATCH_SIZE)
        rows = []
        for page, revision in zip(pages, revisions, strict=True):
            page.latest_revision = page.live_revision = revision
            rows.append(Page(pk=page.pk, latest_revision=revision, live_revision=revision))
        Page.objects.bulk_update(rows, ["latest_revision", "live_revision"], batch_size=BATCH_SIZE)
        PageLogEntry.objects.bulk_create(
            [
                PageLogEntry(
                    content_type=content_type,
                    page_id=page.pk,
                    label=page.title,
                    action=action,
                    revision=revision if action == "wagtail.publish" else None,
                    content_changed=True,
                    timestamp=when,
                )
                for page, revision in zip(pages, revisions, strict=True)
                for action in ("wagtail.create", "wagtail.publish")
            ],
            batch_size=BATCH_SIZE,
        )


def index_in_bulk(model, pks, chunk_size=BATCH_SIZE):
    """Add these objects to every search backend, as `rebuild_modelsearch_index` does, chunk by chunk."""
    pks = sorted(pks)
    for start in range(0, len(pks), chunk_size):
        chunk = list(model.get_indexed_objects().filter(pk__in=pks[start : start + chunk_size]))
        for backend in get_search_backends():
            backend.add_bulk(model, chunk)

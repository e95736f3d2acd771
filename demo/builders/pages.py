"""Placing a built page in the tree, the way an editor's “Publish” leaves it."""


def add_page(parent, page, *, live=True):
    """`page` (unsaved) saved under `parent` with a revision, published, or a draft never published."""
    parent.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
    else:
        page.live = False
        page.save(update_fields=["live"])
    return page

from wagtail import hooks

from core.permissions import site_ids_with_permission


@hooks.register("may_upload_office_documents")
def town_staff_upload_office_documents(user):
    """A town's staff (and administrators) add office files, not only PDFs (core/uploads.py)."""
    return bool(site_ids_with_permission(user, "towns", "change_townidentity"))

"""Uploaded files as Django serves them on one machine (SERVE_MEDIA), documents excepted.

Documents go out only through Wagtail's document view (`/documents/<id>/<name>`, with
WAGTAILDOCS_SERVE_METHOD = "serve_view"), which checks the collection's view restrictions
(logged-in users, password): their folder is never served here, whatever the spelling of the
address (`/media/images/../documents/…`, another letter case on a case-insensitive disk). Nor is
the folder where Wagtail's “add several” keeps an upload whose title was refused, as it was sent,
until the uploader fixes the title: a document of a restricted collection, a photo not cleaned yet.
Nor are the photos' originals: pages show only their sizes (renditions), made once a page uses the
photo, so a shopkeeper's new photo is not public before the change that shows it is published.
"""

import posixpath

from django.conf import settings
from django.http import Http404
from django.views.static import serve
from wagtail.documents import get_document_model
from wagtail.models import UploadedFile

# Wagtail's AbstractImage.get_upload_to() stores originals there (a method, not a field setting).
IMAGE_ORIGINALS_FOLDER = "original_images"


def private_folders():
    """The MEDIA_ROOT folders that only a view checking rights may hand out."""
    return {
        model._meta.get_field("file").upload_to.strip("/").casefold()
        for model in (get_document_model(), UploadedFile)
    } | {IMAGE_ORIGINALS_FOLDER}


def serve_public_media(request, path):
    folder = posixpath.normpath(path).lstrip("/").split("/", 1)[0]
    if folder.casefold() in private_folders():
        raise Http404
    return serve(request, path, document_root=settings.MEDIA_ROOT)

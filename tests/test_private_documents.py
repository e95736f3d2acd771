"""Documents are handed out only by Wagtail's document view, which checks the collection's restrictions.

A town may keep documents for its shopkeepers only (a collection restricted to logged-in users or
behind a password). The file itself is never reachable at a public address: not under
`/media/documents/` on one machine, not at the bucket's address with S3-compatible storage.
"""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import Storage, default_storage
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction

from tests.conftest import BETHUNE_HOST
from tests.factories import GuideIndexPageFactory, GuidePageFactory
from tests.factories.learning import guide_body

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def serve_url(document):
    return reverse("wagtaildocs_serve", args=[document.pk, document.filename])


def add_document(collection, name="compte-rendu.pdf", title="Compte rendu du comité"):
    return Document.objects.create(title=title, file=ContentFile(PDF, name=name), collection=collection)


def restricted_collection(restriction_type, **fields):
    collection = Collection.get_first_root_node().add_child(name="Réservé aux commerçants")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=restriction_type, **fields
    )
    return collection


class BucketLikeStorage(Storage):
    """As S3 through django-storages: every file has a public URL, none has a path on this machine."""

    files = {}

    def _save(self, name, content):
        self.files[name] = content.read()
        return name

    def _open(self, name, mode="rb"):
        return ContentFile(self.files[name], name=name)

    def exists(self, name):
        return name in self.files

    def delete(self, name):
        self.files.pop(name, None)

    def size(self, name):
        return len(self.files[name])

    def url(self, name):
        return f"https://proximite-medias.s3.fr-par.scw.cloud/{name}"


@pytest.fixture
def media_in_a_bucket(settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "tests.test_private_documents.BucketLikeStorage"},
    }
    yield
    BucketLikeStorage.files.clear()


@pytest.fixture
def media_on_disk(settings):
    """Uploaded files in MEDIA_ROOT, as on one machine (the other tests keep them in memory)."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    yield
    for document in Document.objects.all():
        default_storage.delete(document.file.name)


def test_documents_are_served_by_wagtails_view_in_every_environment(settings):
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"


def test_a_document_for_logged_in_users_sends_a_visitor_to_the_login_page(client, towns):
    document = add_document(restricted_collection(CollectionViewRestriction.LOGIN))

    response = client.get(serve_url(document), HTTP_HOST=BETHUNE_HOST)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailcore_login"))
    assert not response.has_header("Content-Disposition")


def test_a_document_behind_a_password_asks_for_it(client, towns):
    document = add_document(restricted_collection(CollectionViewRestriction.PASSWORD, password="comite-2026"))

    response = client.get(serve_url(document), HTTP_HOST=BETHUNE_HOST)

    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()
    assert not response.has_header("Content-Disposition")
    assert b"%PDF" not in response.content


@pytest.mark.parametrize(
    "path",
    ["/media/documents/{name}", "/media/images/../documents/{name}", "/media/Documents/{name}"],
    ids=["direct", "dot-dot", "other-case"],
)
def test_the_media_folder_does_not_serve_documents(client, towns, media_on_disk, path):
    document = add_document(restricted_collection(CollectionViewRestriction.LOGIN))
    name = document.file.name.split("/", 1)[1]
    assert default_storage.exists(document.file.name)

    response = client.get(path.format(name=name), HTTP_HOST=BETHUNE_HOST)

    assert response.status_code == 404
    assert b"%PDF" not in b"".join(getattr(response, "streaming_content", [response.content]))


def test_the_media_folder_does_not_serve_uploads_kept_aside_by_add_several(client, towns, media_on_disk):
    """Wagtail keeps an upload whose title was refused in wagtail_uploads/, as it was sent."""
    name = default_storage.save("wagtail_uploads/compte-rendu.pdf", ContentFile(PDF))
    try:
        response = client.get(f"/media/{name}", HTTP_HOST=BETHUNE_HOST)
        assert response.status_code == 404
    finally:
        default_storage.delete(name)


def test_the_media_folder_still_serves_photos_on_one_machine(client, towns, media_on_disk):
    name = default_storage.save("images/vitrine.txt", ContentFile(b"une photo"))
    try:
        response = client.get(f"/media/{name}", HTTP_HOST=BETHUNE_HOST)
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == b"une photo"
    finally:
        default_storage.delete(name)


def test_a_public_document_downloads_through_the_view_not_from_the_bucket(client, towns, media_in_a_bucket):
    document = add_document(Collection.get_first_root_node(), name="tarifs.pdf", title="Tarifs")

    response = client.get(serve_url(document), HTTP_HOST=BETHUNE_HOST)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    # PDF opens in the browser (Wagtail's WAGTAILDOCS_INLINE_CONTENT_TYPES), under its own name.
    assert response["Content-Disposition"] == document.content_disposition
    assert b"".join(response.streaming_content) == PDF


def test_a_public_document_downloads_through_the_view_on_one_machine(client, towns, media_on_disk):
    document = add_document(Collection.get_first_root_node(), name="tarifs.pdf", title="Tarifs")

    response = client.get(serve_url(document), HTTP_HOST=BETHUNE_HOST)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="tarifs.pdf"' in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == PDF


def test_a_guides_download_links_to_the_documents_view(client, towns):
    document = add_document(restricted_collection(CollectionViewRestriction.LOGIN), name="fiche.pdf")
    body = guide_body({"type": "download", "value": {"document": document.pk, "label": "La fiche mémo"}})
    GuidePageFactory(parent=GuideIndexPageFactory(parent=towns["bethune"]), slug="photos", body=body)

    html = client.get("/se-former/photos/", HTTP_HOST=BETHUNE_HOST).content.decode()

    assert f'href="{serve_url(document)}"' in html
    assert document.file.url not in html

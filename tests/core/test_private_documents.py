"""A document in a private collection is never fetchable by the public: not from the media
folder, not from Wagtail's document address (issue 9, item 11)."""

import importlib

import pytest

from django.core.files.base import ContentFile
from django.urls import clear_url_caches

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from reports.factories import ReportPageFactory

pytestmark = pytest.mark.django_db
SECRET_BYTES = b"%PDF-1.4 embargoed findings"


@pytest.fixture
def files_on_disk(settings, tmp_path):
    """Real files under MEDIA_ROOT, as `make run` keeps them."""
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    return tmp_path


@pytest.fixture
def make_run_urls(settings, files_on_disk):
    """The URLs of the local `make run` mode, which serves MEDIA_ROOT under /media/."""
    import advocacy.urls

    settings.SERVE_MEDIA = True
    importlib.reload(advocacy.urls)
    clear_url_caches()
    yield
    settings.SERVE_MEDIA = False
    importlib.reload(advocacy.urls)
    clear_url_caches()


@pytest.fixture
def private_document(home, files_on_disk):
    root = Collection.get_first_root_node()
    private = root.add_child(name="Partners only")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type="password", password="s3cret"
    )
    document = get_document_model()(title="Embargoed findings", collection=private)
    document.file.save("findings.pdf", ContentFile(SECRET_BYTES))
    document.save()
    ReportPageFactory(parent=home, slug="report", pdf=document)  # used by a public page
    return document


def test_documents_are_served_through_the_view(private_document, settings):
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"
    assert private_document.url == f"/documents/{private_document.pk}/findings.pdf"


@pytest.mark.parametrize(
    "path",
    [
        "documents/findings.pdf",
        "./documents/findings.pdf",
        "/documents/findings.pdf",
        "original_images/../documents/findings.pdf",
        "Documents/findings.pdf",
    ],
)
def test_media_folder_does_not_serve_documents(client, make_run_urls, private_document, path):
    assert (private_document.file.path).endswith("documents/findings.pdf")
    response = client.get(f"/media/{path}")
    assert response.status_code == 404
    content = b"".join(response.streaming_content) if response.streaming else response.content
    assert SECRET_BYTES not in content


def test_media_folder_still_serves_other_uploads(client, make_run_urls, files_on_disk):
    (files_on_disk / "original_images").mkdir()
    (files_on_disk / "original_images" / "photo.txt").write_bytes(b"public photo")
    response = client.get("/media/original_images/photo.txt")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"public photo"


def test_document_address_applies_the_collection_privacy(client, private_document):
    response = client.get(private_document.url)
    content = b"".join(response.streaming_content) if response.streaming else response.content
    assert SECRET_BYTES not in content
    assert response.get("Content-Type", "").startswith("text/html")  # the password form


def test_public_document_is_served_through_the_view(client, home, files_on_disk):
    document = get_document_model()(title="Report")
    document.file.save("report.pdf", ContentFile(b"%PDF-1.4 the report"))
    document.save()
    ReportPageFactory(parent=home, slug="report", pdf=document)
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 the report"

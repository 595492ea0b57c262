"""No uploaded image, original or rendition, tells where, when or by whom it was taken.

Each test builds a photo that carries GPS and Artist EXIF (and more) with Pillow, brings it in
the way an editor or a script would, and reads back the bytes the site would serve."""

import hashlib
import io
import re

import pytest
from PIL import Image as PILImage

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from wagtail.images.models import Image
from wagtail.models import UploadedFile

from countries.factories import CountryIndexPageFactory, CountryPageFactory
from tests.core.dirty_images import dirty_jpeg, dirty_png
from tests.html import meta
from tests.signin import sign_in

# Words that must not survive in any served byte.
SECRETS = (b"Jane Source", b"PhoneCo", b"Minsk", b"adobe:ns:meta", b"Exif\0\0")


def photo_upload(data, name="IMG_20250501_142311.jpg"):
    return SimpleUploadedFile(name, data, "image/jpeg")


def assert_no_metadata(data):
    """What a reader's tools would find in served bytes: nothing but the picture."""
    with PILImage.open(io.BytesIO(data)) as picture:
        assert not picture.getexif(), "EXIF left in the file"
        assert not picture.getexif().get_ifd(0x8825), "GPS left in the file"
        for key in ("exif", "icc_profile", "xmp", "photoshop", "comment", "Author"):
            assert key not in picture.info, f"{key} left in the file"
        assert not getattr(picture, "text", {}), "PNG text chunks left in the file"
    for secret in SECRETS:
        assert secret not in data, f"{secret!r} left in the file"


def stored_bytes(name):
    with default_storage.open(name, "rb") as f:
        return f.read()


def bytes_at(url):
    """The bytes the web server would send for a /media/ URL."""
    path = re.sub(r"^(https?://[^/]+)?" + re.escape(settings.MEDIA_URL), "", url)
    return stored_bytes(path)


def assert_consistent(image):
    """The row's size, hash and dimensions describe the stored file."""
    assert "20250501" not in image.file.name  # the upload's name, the second it was taken
    data = stored_bytes(image.file.name)
    assert image.file_size == len(data)
    assert image.file_hash == hashlib.sha1(data).hexdigest()  # noqa: S324  Wagtail's hash
    with PILImage.open(io.BytesIO(data)) as picture:
        assert (image.width, image.height) == picture.size


def assert_turned_upright(data):
    """The 20x10 photo with Orientation=6 is stored 10x20, its blue half now on top."""
    with PILImage.open(io.BytesIO(data)) as picture:
        picture = picture.convert("RGB")
        assert picture.size == (10, 20)
        red, green, blue = picture.getpixel((5, 3))
        assert blue > 200 and red < 60
        red, green, blue = picture.getpixel((5, 16))
        assert red > 200 and blue < 60


@pytest.fixture
def editor_client(client, admin_user):
    sign_in(client, admin_user)
    return client


def test_admin_upload_stores_the_original_without_metadata(editor_client):
    response = editor_client.post(
        reverse("wagtailimages:add"),
        {"title": "Vigil", "file": photo_upload(dirty_jpeg())},
    )

    assert response.status_code == 302
    image = Image.objects.get(title="Vigil")
    data = stored_bytes(image.file.name)
    assert_no_metadata(data)
    assert_turned_upright(data)
    assert_consistent(image)
    # Named at random, not after the upload (phones name photos after the second they took them).
    assert re.fullmatch(r"original_images/[0-9a-f]{16}\.jpg", image.file.name)


def test_admin_multiple_upload_stores_the_original_without_metadata(editor_client):
    response = editor_client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": photo_upload(dirty_jpeg())},
    )

    assert response.json()["success"] is True
    image = Image.objects.get(pk=response.json()["image_id"])
    assert_no_metadata(stored_bytes(image.file.name))
    assert_turned_upright(stored_bytes(image.file.name))
    assert_consistent(image)


def test_multiple_upload_held_back_for_its_form_is_kept_and_saved_clean(editor_client):
    # A title the model refuses (over 255 characters) makes the uploader keep the file as an
    # UploadedFile, in media storage, until the editor completes the form.
    response = editor_client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": photo_upload(dirty_jpeg()), "title": "x" * 300},
    )
    upload = UploadedFile.objects.get(pk=response.json()["uploaded_file_id"])
    assert_no_metadata(stored_bytes(upload.file.name))

    response = editor_client.post(
        reverse("wagtailimages:create_multiple_from_uploaded_image", args=[upload.pk]),
        {f"uploaded-image-{upload.pk}-title": "Vigil"},
    )

    assert response.json()["success"] is True
    image = Image.objects.get(pk=response.json()["image_id"])
    assert_no_metadata(stored_bytes(image.file.name))
    assert_turned_upright(stored_bytes(image.file.name))
    assert_consistent(image)


def test_an_image_made_in_code_is_stored_without_metadata(db):
    image = Image.objects.create(
        title="Vigil", file=ContentFile(dirty_jpeg(), name="IMG_20250501_142311.jpg")
    )

    image.refresh_from_db()
    assert_no_metadata(stored_bytes(image.file.name))
    assert_turned_upright(stored_bytes(image.file.name))
    assert_consistent(image)


def test_replacing_the_file_of_an_image_in_code_strips_the_new_file(db):
    image = Image.objects.create(title="Vigil", file=ContentFile(dirty_png(), name="vigil.png"))
    image.file = ContentFile(dirty_jpeg(), name="other.jpg")
    image.save()

    image.refresh_from_db()
    assert_no_metadata(stored_bytes(image.file.name))
    assert_consistent(image)


def test_png_text_chunks_are_dropped_and_transparency_kept(db):
    image = Image.objects.create(title="Logo", file=ContentFile(dirty_png(), name="logo.png"))

    data = stored_bytes(image.file.name)
    assert_no_metadata(data)
    for chunk in (b"tEXt", b"zTXt", b"iTXt", b"eXIf"):
        assert chunk not in data
    with PILImage.open(io.BytesIO(data)) as picture:
        assert picture.format == "PNG"
        assert picture.convert("RGBA").getpixel((0, 0)) == (255, 0, 0, 128)
    assert_consistent(image)


def test_social_image_and_renditions_carry_no_metadata(client, home, editor_client):
    response = editor_client.post(
        reverse("wagtailimages:add"),
        {"title": "Vigil", "file": photo_upload(dirty_jpeg((2400, 1200)))},
    )
    assert response.status_code == 302
    image = Image.objects.get(title="Vigil")
    index = CountryIndexPageFactory(parent=home)
    country = CountryPageFactory(parent=index, hero_image=image)

    html = client.get(country.url).content.decode()

    og_image = meta(html, "property", "og:image")
    social = bytes_at(og_image)
    assert_no_metadata(social)
    assert "20250501" not in og_image
    assert meta(html, "property", "og:image:type") == "image/webp"
    with PILImage.open(io.BytesIO(social)) as picture:
        assert (picture.format, picture.size) == ("WEBP", (1200, 630))
    jpeg = image.get_rendition("fill-1200x630|format-jpeg")
    assert_no_metadata(bytes_at(jpeg.url))
    assert_no_metadata(bytes_at(image.get_rendition("width-400").url))


def test_images_api_download_url_serves_no_metadata(client, home):
    image = Image.objects.create(
        title="Vigil", file=ContentFile(dirty_jpeg(), name="IMG_20250501_142311.jpg")
    )
    # The API lists only images a public page uses (advocacy.core.visibility).
    CountryPageFactory(parent=CountryIndexPageFactory(parent=home), hero_image=image)

    response = client.get(f"/api/v2/images/{image.pk}/")

    assert response.status_code == 200
    data = bytes_at(response.json()["meta"]["download_url"])
    assert_no_metadata(data)
    assert_turned_upright(data)


def test_a_damaged_image_is_a_form_error_not_a_server_error(editor_client):
    truncated = dirty_jpeg((400, 300))[:700]

    response = editor_client.post(
        reverse("wagtailimages:add"),
        {"title": "Broken", "file": SimpleUploadedFile("broken.jpg", truncated)},
    )
    multiple = editor_client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("broken.jpg", truncated)},
    )

    assert response.status_code == 200
    assert "could not be read" in response.content.decode()
    assert multiple.status_code == 200
    assert multiple.json()["success"] is False
    assert "could not be read" in multiple.json()["error_message"]
    assert not Image.objects.exists()
    assert not UploadedFile.objects.exists()


def pre_existing_dirty_image():
    """An image stored before stripping existed: its file and a rendition carry the GPS."""
    image = Image.objects.create(title="Old", file=ContentFile(dirty_png(), name="old.png"))
    dirty_name = default_storage.save("original_images/old.jpg", ContentFile(dirty_jpeg()))
    Image.objects.filter(pk=image.pk).update(file=dirty_name, width=20, height=10)
    image.refresh_from_db()
    rendition = image.get_rendition("fill-10x10|format-jpeg")
    assert PILImage.open(io.BytesIO(bytes_at(rendition.url))).getexif().get_ifd(0x8825)
    return image, rendition


def test_command_re_encodes_pre_existing_images_and_drops_their_renditions(
    db, django_capture_on_commit_callbacks
):
    image, rendition = pre_existing_dirty_image()
    dirty_name = image.file.name
    out = io.StringIO()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("strip_image_metadata", stdout=out)

    assert "1 image(s) re-encoded" in out.getvalue()
    image.refresh_from_db()
    assert re.fullmatch(r"original_images/[0-9a-f]{16}\.jpg", image.file.name)
    assert_no_metadata(stored_bytes(image.file.name))
    assert_turned_upright(stored_bytes(image.file.name))
    assert_consistent(image)
    assert not default_storage.exists(dirty_name)
    # Its renditions are gone (Wagtail deletes their files in a task).
    assert not image.renditions.filter(pk=rendition.pk).exists()
    assert_no_metadata(bytes_at(image.get_rendition("fill-10x10|format-jpeg").url))

    # A second run changes nothing.
    name, out = image.file.name, io.StringIO()
    call_command("strip_image_metadata", stdout=out)
    assert "0 image(s) re-encoded or renamed, 1 already clean" in out.getvalue()
    image.refresh_from_db()
    assert image.file.name == name


def test_command_dry_run_lists_without_changing(db):
    image, _rendition = pre_existing_dirty_image()
    out = io.StringIO()

    call_command("strip_image_metadata", "--dry-run", stdout=out)

    assert f"image {image.pk}" in out.getvalue() and "GPS" in out.getvalue()
    image.refresh_from_db()
    assert PILImage.open(io.BytesIO(stored_bytes(image.file.name))).getexif()


def test_command_renames_a_clean_image_named_after_its_upload_without_re_encoding(db):
    image = Image.objects.create(title="Old", file=ContentFile(dirty_png(), name="old.png"))
    clean_bytes = stored_bytes(image.file.name)
    named = default_storage.save(
        "original_images/IMG_20250501_142311.png", ContentFile(clean_bytes)
    )
    Image.objects.filter(pk=image.pk).update(file=named)

    call_command("strip_image_metadata", stdout=io.StringIO())

    image.refresh_from_db()
    assert re.fullmatch(r"original_images/[0-9a-f]{16}\.png", image.file.name)
    assert stored_bytes(image.file.name) == clean_bytes


def test_replacing_the_file_in_the_admin_stores_the_new_file_without_metadata(editor_client):
    image = Image.objects.create(title="Vigil", file=ContentFile(dirty_png(), name="vigil.png"))

    response = editor_client.post(
        reverse("wagtailimages:edit", args=[image.pk]),
        {"title": "Vigil", "file": photo_upload(dirty_jpeg())},
    )

    assert response.status_code == 302
    image.refresh_from_db()
    assert image.file.name.endswith(".jpg")
    assert_no_metadata(stored_bytes(image.file.name))
    assert_turned_upright(stored_bytes(image.file.name))
    assert_consistent(image)

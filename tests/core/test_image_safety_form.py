"""An image's safety record (caption, credit, face-free, consent, press kit) is edited on the
image's own admin form."""

import pytest
from PIL import Image as PILImage
from wagtail_factories import ImageFactory

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.images.models import Image
from wagtail.test.utils.form_data import querydict_from_html

from advocacy.core.images import ImageForm
from advocacy.core.models import ImageSafety
from tests.html import soup
from tests.signin import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, admin_user):
    sign_in(client, admin_user)
    return client


def png():
    import io

    out = io.BytesIO()
    PILImage.new("RGB", (8, 8), "red").save(out, "PNG")
    return SimpleUploadedFile("banner.png", out.getvalue(), content_type="image/png")


def edit_form_data(client, image):
    html = client.get(reverse("wagtailimages:edit", args=[image.pk])).content.decode()
    form = soup(html).select_one("form[enctype='multipart/form-data']")
    return querydict_from_html(str(form))


def test_the_edit_form_shows_and_saves_the_safety_record(editor_client):
    image = ImageFactory(title="Rally")
    ImageSafety.objects.create(image=image, caption="A rally in Minsk.", face_free=False)

    data = edit_form_data(editor_client, image)
    assert data["safety_caption"].strip() == "A rally in Minsk."
    assert "safety_face_free" not in data  # unticked

    data["safety_credit"] = "© Jane Doe"
    data["safety_face_free"] = "on"
    data["safety_consent_noted"] = "on"
    data["safety_consent_note"] = "Written consent, 3 May."
    response = editor_client.post(reverse("wagtailimages:edit", args=[image.pk]), data)

    assert response.status_code == 302
    record = ImageSafety.objects.get(image=image)
    assert (record.caption, record.credit) == ("A rally in Minsk.", "© Jane Doe")
    assert record.face_free and record.consent_noted
    assert record.consent_note == "Written consent, 3 May."
    assert not record.in_press_kit


def test_the_labels_say_what_to_check(editor_client):
    image = ImageFactory(title="Rally")
    html = soup(editor_client.get(reverse("wagtailimages:edit", args=[image.pk])).content)

    labels = {label.get_text(strip=True) for label in html.select("label")}
    assert {"Caption", "Credit", "Face-free: nobody can be recognised", "Consent noted"} <= labels


def test_an_image_uploaded_in_the_admin_gets_its_record(editor_client):
    response = editor_client.post(
        reverse("wagtailimages:add"),
        {"title": "Banner", "file": png(), "safety_caption": "A rainbow banner."},
    )

    assert response.status_code == 302
    record = ImageSafety.objects.get(image__title="Banner")
    assert record.caption == "A rainbow banner."
    assert not record.face_free  # never ticked on anyone's behalf


def test_an_over_long_caption_is_a_form_error(editor_client):
    image = ImageFactory(title="Rally")
    data = edit_form_data(editor_client, image)
    data["safety_caption"] = "x" * 5000

    response = editor_client.post(reverse("wagtailimages:edit", args=[image.pk]), data)

    assert response.status_code == 200
    assert not ImageSafety.objects.filter(image=image).exists()


def test_a_partial_form_leaves_the_record_alone():
    """Wagtail builds partial image forms (one field at a time): they carry no safety
    fields, so the record's other values are not reset."""
    from wagtail.images.forms import get_image_form

    image = ImageFactory(title="Rally")
    ImageSafety.objects.create(image=image, caption="Kept.", face_free=True)
    form_class = get_image_form(Image, fields=["title"])
    assert issubclass(form_class, ImageForm)
    form = form_class({"title": "Renamed", "collection": image.collection_id}, instance=image)

    assert "safety_caption" not in form.fields
    assert form.is_valid(), form.errors
    form.save()
    record = ImageSafety.objects.get(image=image)
    assert (record.caption, record.face_free) == ("Kept.", True)

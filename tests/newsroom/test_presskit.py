"""The press kit zip on /press/: what is in it, that it is rebuilt when its contents change
(and only then), that nothing unpublished ever enters it, and how its file is served."""

import csv
import datetime
import hashlib
import io
import time
import uuid
import zipfile

import pytest
import wagtail_factories
from wagtail_footnotes.models import Footnote

from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone, translation

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction
from wagtail.rich_text import RichText

from advocacy.core.dates import date_label
from advocacy.core.models import ImageSafety, SiteSettings
from advocacy.newsroom.models import PressKit
from advocacy.newsroom.presskit import builder
from advocacy.people.factories import PressKitImageFactory, PressPageFactory
from advocacy.statements.factories import AnonymousStatementFactory, StatementFactory
from reports.factories import (
    PressReleaseIndexPageFactory,
    PressReleasePageFactory,
    ReportPageFactory,
)
from tests.html import one, select, text

pytestmark = pytest.mark.django_db

FOLDER = "less-equal-press-kit"


@pytest.fixture
def press_page(home, quote_desk):
    return PressPageFactory(parent=home)


@pytest.fixture
def press_index(home):
    return PressReleaseIndexPageFactory(parent=home)


def footnoted_release(parent, **fields):
    """A release whose paragraph cites two footnotes (stored out of reading order)."""
    first, second = uuid.uuid4(), uuid.uuid4()
    body = [
        ("heading", {"text": "Crackdown on LGBTI rights", "level": "h2", "anchor": ""}),
        (
            "paragraph",
            RichText(
                f'<p>Groups face raids.<footnote id="{first}">[1]</footnote> Read'
                f' <a href="https://example.org/law">the law</a>.'
                f'<footnote id="{second}">[2]</footnote></p>'
                "<ul><li>Armenia</li><li>Belarus</li></ul>"
            ),
        ),
        ("fact", {"figure": "2016", "label": "Belarus adopts a “propaganda” law"}),
        (
            "testimony",
            {
                "words": "The personal risks were too great.",
                "source_description": "a prominent LGBTI activist in Belarus",
                "country": "",
            },
        ),
    ]
    release = PressReleasePageFactory(parent=parent, body=body, **fields)
    Footnote.objects.create(page=release, uuid=second, text="<p>Second source.</p>")
    Footnote.objects.create(page=release, uuid=first, text="<p>First source.</p>")
    return release


def current_zip():
    kit = PressKit.objects.get()
    with builder.storage().open(kit.file_name, "rb") as handle:
        data = handle.read()
    return kit, zipfile.ZipFile(io.BytesIO(data)), data


def read(archive, name):
    return archive.read(f"{FOLDER}/{name}").decode("utf-8")


def names(archive):
    return [name.removeprefix(f"{FOLDER}/") for name in archive.namelist()]


def csv_rows(archive):
    return list(csv.DictReader(io.StringIO(read(archive, "statements.csv").lstrip("\ufeff"))))


def report_pdf(collection=None):
    document = get_document_model()(
        title="Less equal (PDF)", collection=collection or Collection.get_first_root_node()
    )
    document.file.save("less-equal.pdf", ContentFile(b"%PDF-1.4 the report"))
    document.save()
    return document


# -- what is in it --------------------------------------------------------------------------
def test_zip_holds_the_readme_releases_pdf_images_credits_and_csv(home, press_page, press_index):
    report = ReportPageFactory(parent=home, slug="less-equal", pdf=report_pdf())
    release = footnoted_release(
        press_index,
        title="Former Soviet states entrenching homophobia",
        slug="former-soviet-states",
        dateline="London",
        standfirst="Rising hostility towards LGBTI groups.",
        notes_to_editors="<p>The report is published today.</p>",
        report=report,
    )
    image = PressKitImageFactory(page=press_page, image__title="Vigil").image
    said = StatementFactory(text="We will not be silenced.")
    AnonymousStatementFactory()

    builder.build_all()

    kit, archive, data = current_zip()
    assert kit.file_name == f"less-equal-press-kit-{hashlib.sha256(data).hexdigest()[:12]}.zip"
    assert kit.size == len(data)
    extension = image.file.name.rsplit(".", 1)[-1]
    assert names(archive) == [
        "README.txt",
        "CREDITS.txt",
        "press-releases/undated-former-soviet-states-entrenching-homophobia.txt",
        "documents/less-equal-pdf.pdf",
        f"images/01-activists-at-a-vigil-in-yerevan.{extension}",
        "statements.csv",
    ]
    release_text = read(archive, names(archive)[2])
    assert release_text.startswith(
        "Former Soviet states entrenching homophobia\n==========================================="
    )
    assert "Press release · Date: date not given in the source" in release_text
    assert "London — Rising hostility towards LGBTI groups." in release_text
    assert "Crackdown on LGBTI rights\n-------------------------" in release_text
    assert "Groups face raids.[1] Read the law (https://example.org/law).[2]" in release_text
    assert "- Armenia\n\n- Belarus" in release_text
    assert "2016: Belarus adopts a “propaganda” law" in release_text
    assert "“The personal risks were too great.”\n— a prominent LGBTI activist" in release_text
    assert "Notes\n-----\n[1] First source.\n[2] Second source." in release_text
    assert "Notes to editors\n----------------\nThe report is published today." in release_text
    assert f"The report: {report.full_title}\nhttp://localhost/less-equal/" in release_text
    assert release_text.rstrip().endswith(f"Online: {release.get_full_url()}")

    assert archive.read(f"{FOLDER}/documents/less-equal-pdf.pdf") == b"%PDF-1.4 the report"
    with image.file.open("rb") as original:
        assert archive.read(f"{FOLDER}/{names(archive)[4]}") == original.read()
    credits = read(archive, "CREDITS.txt")
    assert "Activists at a vigil in Yerevan" in credits
    assert "Credit: © Photographer / Amnesty International" in credits
    assert "Licence: Editorial use with credit only" in credits

    readme = read(archive, "README.txt")
    assert "From: Press, http://localhost/press/" in readme
    assert "1 press release as plain text" in readme
    assert "    Former Soviet states entrenching homophobia" in readme
    assert f"    {report.full_title} (PDF)" in readme
    assert "1 image approved for press use" in readme
    assert "2 public statements from the quote desk" in readme
    assert "Credit: © Photographer / Amnesty International" in readme  # credits in README too
    with translation.override("en"):  # the kit is in its press page's language
        assert f"Content as of: {date_label(timezone.now().date())}" in readme

    rows = {row["text"]: row for row in csv_rows(archive)}
    assert set(rows) == {"We will not be silenced.", "the personal risks were too great."}
    assert rows["We will not be silenced."]["speaker"] == "Denis Krivosheev"
    assert rows["We will not be silenced."]["permalink"] == (
        f"http://localhost{said.get_absolute_url()}"
    )
    anonymous = rows["the personal risks were too great."]
    assert anonymous["anonymous_source"] == "a prominent LGBTI activist in Belarus"


def test_csv_is_the_quote_desk_csv(client, press_page):
    StatementFactory(text="We will not be silenced.")
    builder.build_all()
    _kit, archive, _data = current_zip()

    served = client.get("/statements/statements.csv").content.decode("utf-8")

    # The same bytes: both name the public address, whoever asked.
    assert read(archive, "statements.csv") == served


def test_every_entry_is_dated_the_content_date(press_page, press_index):
    PressReleasePageFactory(parent=press_index)
    builder.build_all()
    kit, archive, _data = current_zip()

    day = kit.content_date.date()
    assert {info.date_time for info in archive.infolist()} == {
        (day.year, day.month, day.day, 0, 0, 0)
    }


def test_the_same_content_gives_the_same_bytes(press_page, press_index):
    PressReleasePageFactory(parent=press_index)
    StatementFactory()
    PressKitImageFactory(page=press_page)

    assert builder.build_all() == {press_page.pk: "built"}
    first, _archive, first_bytes = current_zip()
    contents = builder.kit_contents(press_page)
    assert builder.zip_bytes(contents, FOLDER) == builder.zip_bytes(
        builder.kit_contents(press_page), FOLDER
    )

    assert builder.build_all() == {press_page.pk: "unchanged"}
    again, _archive, again_bytes = current_zip()
    assert (again.file_name, again.sha256, again.built_at) == (
        first.file_name,
        first.sha256,
        first.built_at,
    )
    assert again_bytes == first_bytes


# -- built when its contents change -------------------------------------------------------
def test_publishing_a_release_rebuilds_the_kit_and_unpublishing_removes_it(
    press_page, press_index, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        builder.build_all()
    before = PressKit.objects.get()

    release = PressReleasePageFactory(parent=press_index, title="Hostility rises", live=False)
    release.title = "Hostility rises"
    with django_capture_on_commit_callbacks(execute=True):
        release.save_revision()  # a draft: nothing happens
    assert PressKit.objects.get().file_name == before.file_name

    with django_capture_on_commit_callbacks(execute=True):
        release.save_revision().publish()
    published, archive, _data = current_zip()
    assert published.file_name != before.file_name
    assert "press-releases/undated-hostility-rises.txt" in names(archive)
    assert published.summary["releases"] == ["Hostility rises"]
    assert not builder.storage().exists(before.file_name)  # the previous zip is deleted

    release.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        release.unpublish()
    withdrawn, archive, _data = current_zip()
    assert not [name for name in names(archive) if name.startswith("press-releases/")]
    assert "Hostility rises" not in read(archive, "README.txt")
    assert not builder.storage().exists(published.file_name)
    assert withdrawn.summary["releases"] == []


def test_publishing_and_unpublishing_a_statement_rebuilds_the_csv(
    press_page, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        statement = StatementFactory(text="We will not be silenced.")
    _kit, archive, _data = current_zip()
    assert [row["text"] for row in csv_rows(archive)] == ["We will not be silenced."]

    with django_capture_on_commit_callbacks(execute=True):
        statement.unpublish()
    _kit, archive, _data = current_zip()
    assert csv_rows(archive) == []


def test_an_image_safety_caption_fills_a_kit_image_without_one(
    press_page, django_capture_on_commit_callbacks
):
    item = PressKitImageFactory(page=press_page, caption="")
    with django_capture_on_commit_callbacks(execute=True):
        ImageSafety.objects.create(image=item.image, caption="A rainbow flag at the vigil")
    _kit, archive, _data = current_zip()
    assert "A rainbow flag at the vigil" in read(archive, "CREDITS.txt")
    assert [n for n in names(archive) if n.startswith("images/01-a-rainbow-flag-at-the-vigil.")]


def test_unpublishing_the_press_page_withdraws_its_kit(
    client, press_page, django_capture_on_commit_callbacks
):
    builder.build_all()
    kit = PressKit.objects.get()

    with django_capture_on_commit_callbacks(execute=True):
        press_page.unpublish()

    assert not PressKit.objects.exists()
    assert not builder.storage().exists(kit.file_name)
    assert client.get(f"/press-kit/{kit.file_name}").status_code == 404


# -- nothing unpublished enters -----------------------------------------------------------
def test_drafts_scheduled_private_and_unapproved_content_stay_out(home, press_page, press_index):
    PressReleasePageFactory(parent=press_index, title="Public release")
    draft = PressReleasePageFactory(parent=press_index, title="Draft release")
    draft.unpublish()
    scheduled = PressReleasePageFactory(parent=press_index, title="Embargoed release", live=False)
    scheduled.go_live_at = timezone.now() + datetime.timedelta(days=1)
    scheduled.save_revision().publish()
    private = PressReleasePageFactory(parent=press_index, title="Private release")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    expired = PressReleasePageFactory(parent=press_index, title="Expired release")
    type(expired).objects.filter(pk=expired.pk).update(
        expire_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    StatementFactory(text="A public statement.")
    StatementFactory(text="A draft statement.", live=False)
    restricted = Collection.get_first_root_node().add_child(name="Embargoed")
    CollectionViewRestriction.objects.create(
        collection=restricted, restriction_type="password", password="s3cret"
    )
    PressKitImageFactory(page=press_page, caption="Restricted image", image__collection=restricted)
    unapproved = wagtail_factories.ImageFactory(title="Not for the press")
    ImageSafety.objects.create(image=unapproved, in_press_kit=True, caption="Flagged only")
    withheld = report_pdf(restricted)
    ReportPageFactory(parent=home, slug="less-equal", pdf=withheld)

    builder.build_all()

    _kit, archive, _data = current_zip()
    everything = "\n".join(read(archive, name) for name in names(archive) if "." in name)
    assert names(archive) == [
        "README.txt",
        "press-releases/undated-public-release.txt",
        "statements.csv",
    ]
    for absent in (
        "Draft release",
        "Embargoed release",
        "Private release",
        "Expired release",
        "A draft statement.",
        "Restricted image",
        "Flagged only",
    ):
        assert absent not in everything
    assert [row["text"] for row in csv_rows(archive)] == ["A public statement."]


def test_a_kit_past_an_included_expiry_is_not_offered(client, press_page, press_index):
    release = PressReleasePageFactory(parent=press_index)
    soon = timezone.now() + datetime.timedelta(hours=1)
    type(release).objects.filter(pk=release.pk).update(expire_at=soon)
    builder.build_all()
    kit = PressKit.objects.get()
    assert kit.stale_after == soon

    PressKit.objects.update(stale_after=timezone.now() - datetime.timedelta(seconds=1))

    assert client.get(f"/press-kit/{kit.file_name}").status_code == 404
    assert "Download the press kit" not in text(client.get(press_page.url))


# -- the press page and the file ------------------------------------------------------------
def test_press_page_links_the_zip_with_its_size_and_contents(client, press_page, press_index):
    PressReleasePageFactory(parent=press_index)
    StatementFactory()
    builder.build_all()
    kit = PressKit.objects.get()

    kit_section = one(client.get(press_page.url), 'section[aria-labelledby="kit-title"]')

    link = one(kit_section, f'a[href="/press-kit/{kit.file_name}"]')
    assert link.has_attr("download")
    size = f"{kit.size / 1024:.1f}".replace(".0", "")
    assert text(link) == f"Download the press kit (ZIP, {size} KB)"
    inside = [text(item) for item in select(kit_section, ".press-kit-download li")]
    assert "1 press release as plain text" in inside
    assert "statements.csv: 1 public statement from the quote desk" in inside

    response = client.get(f"/press-kit/{kit.file_name}")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"] == f'attachment; filename="{kit.file_name}"'
    body = b"".join(response.streaming_content)
    assert hashlib.sha256(body).hexdigest() == kit.sha256
    assert (
        client.get(
            f"/press-kit/{kit.file_name}", headers={"if-none-match": f'"{kit.sha256}"'}
        ).status_code
        == 304
    )


def test_press_page_without_a_kit_shows_no_link_and_asks_for_a_build(
    client, press_page, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as requested:
        page = client.get(press_page.url)
        assert not PressKit.objects.exists()
    assert page.status_code == 200
    assert "Download the press kit" not in text(page)
    assert not [a for a in select(page, "a") if "/press-kit/" in (a.get("href") or "")]
    assert requested  # built in the background (here: after the response), not in the view

    assert "Download the press kit" in text(client.get(press_page.url))


def test_a_scheduled_release_enters_the_kit_when_it_goes_live(
    press_page, press_index, django_capture_on_commit_callbacks
):
    release = PressReleasePageFactory(parent=press_index, title="Embargoed release", live=False)
    release.go_live_at = timezone.now() + datetime.timedelta(seconds=1)
    with django_capture_on_commit_callbacks(execute=True):
        release.save_revision().publish()
        builder.build_all()
    assert PressKit.objects.get().summary["releases"] == []

    time.sleep(1.2)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("publish_scheduled", verbosity=0)  # what cron runs every minute

    assert PressKit.objects.get().summary["releases"] == ["Embargoed release"]


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete", "options"])
def test_other_methods_on_the_file_are_refused(client, press_page, method):
    builder.build_all()
    kit = PressKit.objects.get()
    response = getattr(client, method)(f"/press-kit/{kit.file_name}")
    assert response.status_code == 405
    assert client.head(f"/press-kit/{kit.file_name}").status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/press-kit/less-equal-press-kit-000000000000.zip",
        "/press-kit/less-equal-press-kit-%00.zip",
        "/press-kit/%C0%AF.zip",
        "/press-kit/" + "a" * 5000 + ".zip",
        "/press-kit/../settings.py",
        "/press-kit/<script>.zip",
        "/press-kit/",
    ],
)
def test_hostile_file_addresses_get_a_404(client, press_page, path):
    builder.build_all()
    assert client.get(path).status_code == 404


def test_an_old_kit_address_is_gone_after_a_rebuild(client, press_page, press_index):
    builder.build_all()
    old = PressKit.objects.get().file_name
    PressReleasePageFactory(parent=press_index)
    builder.build_all()
    assert client.get(f"/press-kit/{old}").status_code == 404


def test_build_press_kit_command(press_page, capsys):
    call_command("build_press_kit")
    kit = PressKit.objects.get()
    assert f"Press page {press_page.pk}: built {kit.file_name}" in capsys.readouterr().out
    call_command("build_press_kit")
    assert f"Press page {press_page.pk}: unchanged" in capsys.readouterr().out


def test_readme_gives_the_press_contact(site, press_page):
    settings = SiteSettings.for_site(site)
    settings.press_contact_name = "Press office"
    settings.press_email = "press@example.org"
    settings.save()

    builder.build_all()

    _kit, archive, _data = current_zip()
    assert "Press contact\n-------------\n\nPress office\npress@example.org" in read(
        archive, "README.txt"
    )


def test_a_private_press_page_has_no_kit(client, press_page, django_capture_on_commit_callbacks):
    builder.build_all()
    kit = PressKit.objects.get()

    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(
            page=press_page, restriction_type="password", password="s3cret"
        )

    assert not PressKit.objects.exists()
    assert client.get(f"/press-kit/{kit.file_name}").status_code == 404

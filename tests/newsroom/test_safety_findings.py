"""The source-safety review's automatic findings: names in testimonies, images nobody
checked, captions that name someone without consent."""

import pytest
from wagtail_factories import ImageFactory

from advocacy.core.models import ImageSafety
from advocacy.newsroom.safety import capitalised_names, review_object
from advocacy.people.factories import PersonFactory
from advocacy.statements.factories import StatementFactory
from countries.factories import CountryIndexPageFactory, CountryPageFactory
from reports.factories import ReportChapterPageFactory, ReportPageFactory

pytestmark = pytest.mark.django_db


def said(words, description="an activist"):
    return ("testimony", {"words": words, "source_description": description, "country": ""})


def image_block(image, caption=""):
    return ("image", {"image": image, "caption": caption, "credit": ""})


@pytest.fixture
def report(home):
    return ReportPageFactory(parent=home, slug="less-equal")


def chapter(report, *blocks):
    return ReportChapterPageFactory(parent=report, body=list(blocks))


def messages(review):
    return [finding.message for finding in review.findings]


def test_a_testimony_naming_a_person_in_the_database_is_found(report):
    PersonFactory(name="Anna Petrova")
    page = chapter(report, said("I told anna petrova everything, and she told the police."))

    review = review_object(page)

    assert messages(review) == ["The testimony names Anna Petrova, a person in the database."]
    assert review.findings[0].kind == "person"
    assert "testimony" in review.findings[0].where.lower()


def test_a_person_named_in_the_source_description_is_found(report):
    PersonFactory(name="Marat Kozhakhmetov")
    page = chapter(report, said("The risks were too great.", "a colleague of Marat Kozhakhmetov"))

    assert [f.kind for f in review_object(page).findings] == ["person"]


def test_an_invisible_character_does_not_hide_a_name(report):
    PersonFactory(name="Anna Petrova")
    page = chapter(report, said("Anna\u200b Petrova was there."))

    assert [f.kind for f in review_object(page).findings] == ["person"]


def test_a_capitalised_full_name_is_found(report):
    page = chapter(report, said("When Olga Ivanova came home, the police were waiting."))

    assert messages(review_object(page)) == [
        "The testimony contains “Olga Ivanova”, which looks like a full name."
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The personal risks were too great.",
        "The Interior Ministry refused. Amnesty International said so.",
        "In Belarus and the Russian Federation, Pride is banned.",
        "I met Ivan in Minsk. He said LGBTI groups in Central Asia are afraid.",
        "Human Rights Watch and the United Nations were told.",
        "On Monday We went home.",
    ],
)
def test_words_that_are_not_names_are_not_flagged(text):
    assert capitalised_names(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Belarusian activist Olga Sergeevna Ivanova spoke.", "Olga Sergeevna Ivanova"),
        ("Last Tuesday Anna Petrova left.", "Anna Petrova"),
        ("O'Brien Smith-Jones said so.", "O'Brien Smith-Jones"),
        ("Мы встретили Анну Петрову в Минске.", "Анну Петрову"),
    ],
)
def test_names_are_found_after_sentence_starts_and_in_other_scripts(text, name):
    assert capitalised_names(text) == [name]


def test_a_testimony_without_names_has_no_finding_but_is_still_reviewed(report):
    page = chapter(report, said("No one wants to be associated with us."))

    review = review_object(page)

    assert review.findings == []
    assert review.has_anything_to_review
    assert [t.words for t in review.testimonies] == ["No one wants to be associated with us."]


def test_a_page_without_testimony_or_image_has_nothing_to_review(report):
    page = chapter(report, ("paragraph", "<p>Prose about Anna Petrova, a spokesperson.</p>"))

    review = review_object(page)

    assert not review.has_anything_to_review
    assert review.findings == []


def test_an_image_without_a_safety_record_is_found(report):
    image = ImageFactory(title="Rally in Minsk")
    page = chapter(report, image_block(image))

    assert messages(review_object(page)) == [
        "Image “Rally in Minsk” has no safety record: nobody has noted whether anyone can be"
        " recognised in it."
    ]


def test_an_image_not_marked_face_free_is_found(report):
    image = ImageFactory(title="Rally in Minsk")
    ImageSafety.objects.create(image=image, face_free=False)
    page = chapter(report, image_block(image))

    assert messages(review_object(page)) == ["Image “Rally in Minsk” is not marked face-free."]


def test_a_face_free_image_without_names_has_no_finding(report):
    image = ImageFactory(title="Banner")
    ImageSafety.objects.create(image=image, face_free=True, caption="A rainbow banner.")

    assert review_object(chapter(report, image_block(image))).findings == []


def test_a_caption_naming_a_person_without_consent_is_found(report):
    PersonFactory(name="Anna Petrova")
    image = ImageFactory(title="Portrait")
    ImageSafety.objects.create(image=image, face_free=True, caption="Anna Petrova at home.")

    review = review_object(chapter(report, image_block(image)))

    assert messages(review) == [
        "The caption of image “Portrait” names Anna Petrova, and no consent is noted."
    ]


def test_the_caption_written_on_the_page_counts_too(report):
    image = ImageFactory(title="Portrait")
    ImageSafety.objects.create(image=image, face_free=True)

    review = review_object(chapter(report, image_block(image, caption="Olga Ivanova at home.")))

    assert [f.kind for f in review.findings] == ["caption"]
    assert "Olga Ivanova" in review.findings[0].message


def test_consent_noted_clears_the_caption_finding(report):
    image = ImageFactory(title="Portrait")
    ImageSafety.objects.create(
        image=image, face_free=True, consent_noted=True, caption="Olga Ivanova at home."
    )

    assert review_object(chapter(report, image_block(image))).findings == []


def test_image_foreign_keys_and_the_share_image_are_reviewed(home):
    hero = ImageFactory(title="Hero")
    cover = ImageFactory(title="Cover")
    index = CountryIndexPageFactory(parent=home)
    country = CountryPageFactory(parent=index, hero_image=hero, iso_code="BY", slug="belarus")
    report = ReportPageFactory(parent=home, cover_image=cover)
    page = chapter(report, said("Words."))

    assert [use.image.title for use in review_object(country).images] == ["Hero"]
    # A chapter is shared with its report's cover: that image is checked with it too.
    assert [use.image.title for use in review_object(page).images] == ["Cover"]


def test_a_deleted_image_in_an_old_revision_is_skipped(report):
    image = ImageFactory(title="Gone")
    page = chapter(report, image_block(image))
    revision = page.save_revision()
    image.delete()

    review = review_object(revision.as_object())

    assert review.images == []


def test_an_anonymous_statement_is_a_testimony():
    PersonFactory(name="Anna Petrova")
    statement = StatementFactory(
        speaker=None, anonymous_source="an activist in Belarus", text="Anna Petrova saw it."
    )

    review = review_object(statement)

    assert [t.words for t in review.testimonies] == ["Anna Petrova saw it."]
    assert [f.kind for f in review.findings] == ["person"]


def test_a_named_speaker_s_statement_has_nothing_to_review():
    statement = StatementFactory(text="We call on the authorities to act.")

    assert not review_object(statement).has_anything_to_review

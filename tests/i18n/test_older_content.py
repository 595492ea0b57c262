"""Content saved before a block gained a field can still be translated: a testimony stored
without its (later) "anonymity reason" reads an empty reason, and wagtail-localize extracts
its segments (it failed on None, so loading the demo on an older site stopped)."""

import pytest
from wagtail_localize.models import TranslationSource

from reports.factories import ReportChapterPageFactory, ReportPageFactory
from reports.models import ReportChapterPage
from tests.site_home import build_home

pytestmark = pytest.mark.django_db


def test_a_testimony_saved_without_a_reason_is_translatable():
    report = ReportPageFactory(parent=build_home(), slug="less-equal")
    chapter = ReportChapterPageFactory(parent=report, slug="voices")
    # As an older site stored it: the testimony's value has no "anonymity_reason" key.
    chapter.body = [
        {
            "type": "testimony",
            "value": {
                "words": "We are afraid to meet openly.",
                "source_description": "an activist in Belarus",
                "country": "BY",
            },
        }
    ]
    chapter.save()
    chapter = ReportChapterPage.objects.get(pk=chapter.pk)

    assert chapter.body[0].value["anonymity_reason"] == ""
    source, _created = TranslationSource.get_or_create_from_instance(chapter)
    strings = {segment.string.data for segment in source.stringsegment_set.all()}
    assert "We are afraid to meet openly." in strings

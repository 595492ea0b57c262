from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from advocacy.actions.factories import CallToActionFactory
from advocacy.core.models import HomePage
from advocacy.statements.factories import StatementFactory
from reports.factories import (
    PressReleaseIndexPageFactory,
    PressReleasePageFactory,
    ReportChapterPageFactory,
    ReportPageFactory,
)
from reports.models import PressReleaseIndexPage, PressReleasePage, ReportChapterPage, ReportPage
from tests.signin import SignedInClient
from tests.site_home import build_home


def story(*blocks):
    return streamfield(list(blocks))


class ReportPageRulesTests(WagtailPageTestCase):
    """Where each report page type may go, and that editors can create and edit each."""

    client_class = SignedInClient  # logins include the two-factor step

    @classmethod
    def setUpTestData(cls):
        cls.home = build_home()
        cls.report = ReportPageFactory(parent=cls.home, slug="less-equal")
        cls.chapter = ReportChapterPageFactory(parent=cls.report, slug="chapter")
        cls.index = PressReleaseIndexPageFactory(parent=cls.home)
        cls.release = PressReleasePageFactory(parent=cls.index, slug="release", report=cls.report)
        cls.statement = StatementFactory()
        cls.call_to_action = CallToActionFactory()

    def setUp(self):
        self.login()

    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(ReportPage, {HomePage})
        self.assertAllowedSubpageTypes(ReportPage, {ReportChapterPage})
        self.assertAllowedParentPageTypes(ReportChapterPage, {ReportPage})
        self.assertAllowedSubpageTypes(ReportChapterPage, set())
        self.assertAllowedSubpageTypes(PressReleaseIndexPage, {PressReleasePage})
        self.assertAllowedParentPageTypes(PressReleasePage, {PressReleaseIndexPage})
        self.assertCanNotCreateAt(PressReleaseIndexPage, PressReleaseIndexPage)

    def test_pages_without_a_body_render_preview_and_edit(self):
        for page in (self.report, self.index):
            with self.subTest(page=page):
                self.assertPageIsRenderable(page)
                self.assertPageIsPreviewable(page)
                self.assertPageIsEditable(page)

    def test_chapter_and_release_render_preview_and_edit(self):
        chapter_form = nested_form_data(
            {
                "title": "Crackdown",
                "slug": "chapter",
                "standfirst": "The crackdown.",
                "body": story(("paragraph", rich_text("<p>Text.</p>"))),
                "footnotes": inline_formset([]),
            }
        )
        release_form = nested_form_data(
            {
                "title": "Release",
                "slug": "release",
                "body": story(("paragraph", rich_text("<p>Text.</p>"))),
                "footnotes": inline_formset([]),
            }
        )
        for page, form in ((self.chapter, chapter_form), (self.release, release_form)):
            with self.subTest(page=page):
                self.assertPageIsRenderable(page)
                self.assertPageIsPreviewable(page, post_data=form)
                self.assertPageIsEditable(page, post_data=form)

    def test_editor_creates_a_report(self):
        self.assertCanCreate(
            self.home,
            ReportPage,
            nested_form_data(
                {
                    "title": "Another report",
                    "slug": "another-report",
                    "subtitle": "Its subtitle",
                    "summary": rich_text("<p>What it found.</p>"),
                    "recommendations": inline_formset([{"text": "What must change."}]),
                    "key_findings": inline_formset(
                        [{"text": "First finding."}, {"text": "Second finding."}]
                    ),
                    "countries": inline_formset([]),
                }
            ),
        )
        report = ReportPage.objects.get(slug="another-report")
        assert [f.text for f in report.key_findings.all()] == ["First finding.", "Second finding."]

    def test_editor_creates_a_chapter_with_every_block_type(self):
        self.assertCanCreate(
            self.report,
            ReportChapterPage,
            nested_form_data(
                {
                    "title": "New chapter",
                    "slug": "new-chapter",
                    "standfirst": "What it covers.",
                    "body": story(
                        ("heading", {"text": "A section", "level": "h2", "anchor": ""}),
                        ("paragraph", rich_text("<p>Some text.</p>")),
                        ("pull_quote", self.statement.pk),
                        ("testimony", {"words": "Words.", "source_description": "an activist"}),
                        ("fact", {"figure": "2016", "label": "A year"}),
                        ("call_to_action", str(self.call_to_action.pk)),
                    ),
                    "footnotes": inline_formset([]),
                }
            ),
        )
        chapter = ReportChapterPage.objects.get(slug="new-chapter")
        assert chapter.body[0].value["anchor"] == "a-section"
        assert chapter.body[-1].value == self.call_to_action

    def test_editor_creates_a_press_release(self):
        self.assertCanCreate(
            self.index,
            PressReleasePage,
            nested_form_data(
                {
                    "title": "New release",
                    "slug": "new-release",
                    "dateline": "London",
                    "body": story(("paragraph", rich_text("<p>Release text.</p>"))),
                    "notes_to_editors": rich_text("<p>Notes.</p>"),
                    "footnotes": inline_formset([]),
                }
            ),
        )

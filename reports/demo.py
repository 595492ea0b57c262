"""Demo content for the report: the press release, verbatim, and a report built from it.

Nothing here adds a fact, figure, name or date that the seed press release does not give.
The chapters say plainly that they are drawn from the press release, and that their words
are the release's own: true of every paragraph, quotation, testimony and standfirst, which
tests/reports/test_faithful.py compares with the seed (the headings and the figures' labels
are the site's, and the note says so). Every key finding and recommendation carries the
release's words it rests on (its source excerpt, cut from the seed). The report has no
publication date, reference number or PDF because the seed gives none.

The release and the recommendations chapter end with the two calls to action the release
ends with (the petition and the pledge of advocacy.actions.demo), placed when those pages
are created, so a block an editor removed later is not put back.
"""

import uuid

from wagtail_footnotes.models import Footnote

from django.db import transaction
from django.utils.html import escape

from advocacy.actions import demo as actions_demo
from advocacy.core.demo import REPORT_TITLE, add_child_once, publish
from advocacy.core.seed import excerpt, paragraph, press_release
from advocacy.statements import demo as statements_demo

from .models import (
    KeyFinding,
    PressReleaseIndexPage,
    PressReleasePage,
    Recommendation,
    ReportChapterPage,
    ReportPage,
)

DRAWN_FROM_RELEASE = (
    "<p><i>This chapter is drawn from the press release that launched the report; its words"
    " are the release’s own (the headings and the figures’ labels are ours).</i></p>"
)
RELEASE_NAME = "the press release"
SOURCE_NOTE = (
    f"<p>Amnesty International, press release launching the report “{escape(REPORT_TITLE)}”.</p>"
)


# The countries each chapter discusses (its country tags): the four throughout, and in the
# chapter on the human rights community the two it names, Armenia and Kyrgyzstan.
ALL_FOUR = ["AM", "BY", "KZ", "KG"]
CHAPTER_COUNTRIES = {
    "introduction": ALL_FOUR,
    "crackdown-on-lgbti-rights": ALL_FOUR,
    "marginalised-by-the-human-rights-community": ["AM", "KG"],
    "recommendations": ALL_FOUR,
}
# The two testimonies are also on the quote desk as statements about Belarus and Kyrgyzstan
# (advocacy.statements.demo): the statements carry the country, so the testimonies are not
# tagged and the country pages show each once.
STATED_ELSEWHERE = ""


def p(text):
    return ("paragraph", f"<p>{escape(text)}</p>")


def heading(text, anchor=""):
    return ("heading", {"text": text, "level": "h2", "anchor": anchor})


def quote(statement):
    return ("pull_quote", statement)


def placed(actions):
    return [("call_to_action", action) for action in actions]


def build_press_releases(home, actions=()):
    index, _ = add_child_once(
        home,
        PressReleaseIndexPage,
        "press-releases",
        title="Press releases",
        show_in_menus=True,
        intro="<p>Press releases about the report, newest first.</p>",
    )
    headline, blocks = press_release()
    body = [p(text) if kind == "paragraph" else heading(text) for kind, text in blocks]
    release, _ = add_child_once(
        index,
        PressReleasePage,
        "former-soviet-states-entrenching-homophobia",
        title=headline,
        standfirst=paragraph("Discrimination, homophobia"),
        search_description=paragraph("Discrimination, homophobia")[:300],
        body=body[1:] + placed(actions),  # the first paragraph is the standfirst
        notes_to_editors=(
            "<p>The report “" + escape(REPORT_TITLE) + "” explores the increasingly"
            " discriminatory environment that LGBTI rights groups in four former Soviet states"
            " have faced in recent years, including within the human rights community itself."
            "</p>"
        ),
    )
    return index, release


def chapter_bodies(quotes):
    """(slug, title, standfirst, body) for each chapter, from the release.

    ``quotes`` maps keys to the quote desk's statements (advocacy.statements.demo).
    """
    belarus_activist = paragraph("A prominent LGBTI activist in Belarus")
    kyrgyz_activists = paragraph("Kyrgyzstan activists told")
    return [
        (
            "introduction",
            "A worrying rise in hostility",
            "Discrimination, homophobia and Russia’s crusade against non-traditional sexual"
            " relationships have helped fuel a worrying rise in hostility towards LGBTI human"
            " rights groups in parts of the former Soviet Union.",
            [
                ("paragraph", DRAWN_FROM_RELEASE),
                p(paragraph("‘Less equal")),
                quote(quotes["long-faced"]),
                quote(quotes["western-values"]),
            ],
        ),
        (
            "crackdown-on-lgbti-rights",
            "Crackdown on LGBTI rights",
            "The governments of Armenia, Belarus, Kazakhstan and Kyrgyzstan, Russia’s closest"
            " partners in the region, have all embarked on a crackdown on LGBTI rights in"
            " recent years.",
            [
                ("paragraph", DRAWN_FROM_RELEASE),
                heading("“Propaganda” laws", "propaganda-laws"),
                (
                    "paragraph",
                    '<p>{} <footnote id="{{fn}}">[1]</footnote></p>'.format(
                        escape(paragraph("All four countries have attempted"))
                    ),
                ),
                (
                    "fact",
                    {
                        "figure": "2016",
                        "label": "Belarus adopts a variation of Russia’s “propaganda” law",
                    },
                ),
                (
                    "testimony",
                    {
                        "words": "the personal risks were too great.",
                        "source_description": "a prominent LGBTI activist in Belarus",
                        "country": STATED_ELSEWHERE,
                    },
                ),
                p(belarus_activist),
                p(paragraph("Notably, the majority")),
                heading("Constitutional bans on same-sex marriage", "constitutional-bans"),
                p(paragraph("Elsewhere, Armenia and Kyrgyzstan")),
                (
                    "fact",
                    {
                        "figure": "2015 and 2016",
                        "label": (
                            "Armenia, then Kyrgyzstan, amend their Constitutions to preclude"
                            " same-sex marriages"
                        ),
                    },
                ),
                heading("Silenced: pride marches and freedom of association", "silenced"),
                p(paragraph("LGBTI groups in each of the former Soviet Republics")),
                p(paragraph("Freedom of association is limited")),
            ],
        ),
        (
            "marginalised-by-the-human-rights-community",
            "Marginalised by the human rights community",
            "LGBTI human rights defenders and activists have even come to feel “less equal”"
            " within their local human rights communities.",
            [
                ("paragraph", DRAWN_FROM_RELEASE),
                p(paragraph("As a result of this discrimination")),
                quote(quotes["second-class"]),
                heading("“No one wants to be associated with us”", "no-one-wants-to-be-associated"),
                (
                    "testimony",
                    {
                        "words": "no one wants to be associated with us",
                        "source_description": "LGBTI activists in Kyrgyzstan",
                        "country": STATED_ELSEWHERE,
                    },
                ),
                p(kyrgyz_activists),
                p(paragraph("For LGBTI groups in each country")),
                heading("Mikayel Danielyan", "mikayel-danielyan"),
                p(paragraph("Mikayel Danielyan")),
            ],
        ),
        (
            "recommendations",
            "What must change",
            # The release's own words (it "calls on" human rights groups; it does not say they
            # "must"), as the note at the top of the chapter says.
            "Amnesty International calls on human rights groups across the region to work"
            " alongside LGBTI rights organizations, united by the principle of the"
            " universality of human rights.",
            [
                ("paragraph", DRAWN_FROM_RELEASE),
                quote(quotes["must-ensure"]),
                quote(quotes["work-alongside"]),
            ],
        ),
    ]


def key_findings():
    """(the finding as the report page words it, the release's words it rests on)."""
    return [
        (
            "All four countries have attempted to introduce homophobic “propaganda” laws,"
            " similar to the law in Russia; only Belarus has done so, adopting a variation"
            " of the Russian law in 2016.",
            excerpt("All four countries have attempted", "the Russian law in 2016."),
        ),
        (
            "Armenia and Kyrgyzstan amended their Constitutions to explicitly preclude"
            " same-sex marriages in 2015 and 2016 respectively.",
            excerpt("Elsewhere, Armenia and Kyrgyzstan amended"),
        ),
        (
            "With few exceptions, gay pride marches are consistently forbidden or become"
            " targets of attacks by homophobic groups, with the police often failing to"
            " prevent and investigate effectively hate crimes.",
            excerpt("With few exceptions"),
        ),
        (
            "A small number of NGOs that work on LGBTI rights are registered in Armenia and"
            " Kyrgyzstan; only activists and informal groups are active in Belarus and"
            " Kazakhstan.",
            excerpt("Freedom of association is limited"),
        ),
        (
            "LGBTI human rights defenders feel “less equal” within their local human rights"
            " communities, dominated by “mainstream” groups that do not primarily work on"
            " LGBTI rights.",
            excerpt("As a result of this discrimination", "primarily work on LGBTI rights."),
        ),
        (
            "The majority of the interviewees in all four countries wished to remain"
            " anonymous due to the security concerns or other possible ramifications.",
            excerpt("Notably, the majority"),
        ),
    ]


def recommendations():
    """The release's two demands, word for word (each its own excerpt)."""
    return [
        excerpt("State authorities in Armenia", "without any discrimination"),
        excerpt("Amnesty International calls on", "universality of human rights."),
    ]


def build_report(home, quotes, actions=(), release=None):
    report, created = add_child_once(
        home,
        ReportPage,
        "less-equal",
        title="Less equal",
        subtitle="LGBTI human rights defenders in Armenia, Belarus, Kazakhstan and Kyrgyzstan",
        seo_title=REPORT_TITLE,
        show_in_menus=True,
        search_description=(
            "The increasingly discriminatory environment that LGBTI rights groups in four"
            " former Soviet states have faced in recent years, including within the human"
            " rights community itself."
        ),
        summary=f"<p>{escape(paragraph('Discrimination, homophobia'))}</p>"
        f"<p>{escape(paragraph('‘Less equal'))}</p>",
        recommendations=[
            Recommendation(
                text=words.rstrip(".") + ".",
                source_excerpt=words,
                source_name=RELEASE_NAME,
                source=release,
            )
            for words in recommendations()
        ],
        key_findings=[
            KeyFinding(text=text, source_excerpt=words, source_name=RELEASE_NAME, source=release)
            for text, words in key_findings()
        ],
    )
    for slug, title, standfirst, body in chapter_bodies(quotes):
        existing = report.get_children().filter(slug=slug).first()
        if existing is not None:
            continue
        footnote_id = uuid.uuid4()
        body = [
            (kind, value.replace("{fn}", str(footnote_id)) if kind == "paragraph" else value)
            for kind, value in body
        ]
        if slug == "recommendations":
            body += placed(actions)
        chapter = ReportChapterPage(
            slug=slug,
            title=title,
            standfirst=standfirst,
            body=body,
            countries=CHAPTER_COUNTRIES[slug],
        )
        if any("<footnote" in v for k, v in body if k == "paragraph"):
            chapter.footnotes = [Footnote(uuid=footnote_id, text=SOURCE_NOTE)]
        report.add_child(instance=chapter)
        publish(chapter)
    return report


@transaction.atomic
def build(home, make_quotes):
    """The press release, then (through ``make_quotes(release)``) the statements it gives,
    then the report whose chapters quote them; both end with the calls to action."""
    actions = actions_demo.build()
    index, release = build_press_releases(home, actions)
    report = build_report(home, make_quotes(release), actions, release)
    if release.report_id is None:
        release.report = report
        publish(release)
    return report, release


# Home page and main menu positions (see advocacy.core.demo.DemoSite).
REPORT_POSITION = 100
PRESS_RELEASES_POSITION = 300


def build_step(demo):
    """The ``build_demo_content`` step: the press release, the quote desk's statements from
    it, the report quoting them; offers the report as the home page's hero."""
    report, release = build(demo.home, statements_demo.build)
    demo.offer_hero(report, "Read the report")
    demo.offer_featured(
        REPORT_POSITION, report, "The report, chapter by chapter, or whole on one page."
    )
    demo.offer_featured(
        PRESS_RELEASES_POSITION, release, "The press release that launched the report."
    )
    demo.place_in_menu(REPORT_POSITION, report)
    demo.place_in_menu(PRESS_RELEASES_POSITION, release.get_parent())
    return report, release

"""A database built by the earlier demo loader gets the demo's report as it now stands.

The loader leaves existing pages alone, so without this a site loaded before issue 17 would
keep chapter 4's standfirst ("human rights groups must work alongside them", under a note
that the chapter's words are the release's own, while the release says Amnesty "calls on"
them), the recommendation that they "should", the note without its caveat, and findings and
recommendations without excerpts. Only text still exactly as the old loader wrote it is
changed, in the rows and in the latest and live revisions; editors' words are left alone.
Backwards there is nothing to undo.
"""

import json

from django.db import migrations

from advocacy.core.seed import excerpt

SOURCE_NAME = "the press release"
OLD_NOTE = (
    "<p><i>This chapter is drawn from the press release that launched the report; its words"
    " are the release’s own.</i></p>"
)
NEW_NOTE = (
    "<p><i>This chapter is drawn from the press release that launched the report; its words"
    " are the release’s own (the headings and the figures’ labels are ours).</i></p>"
)
OLD_STANDFIRST = (
    "The authorities must let LGBTI groups work in safety, and human rights groups must work"
    " alongside them."
)
CALLS_ON = excerpt("Amnesty International calls on", "universality of human rights.")
MUST_ENSURE = excerpt("State authorities in Armenia", "without any discrimination")
# Old text -> (new text, excerpt)
RECOMMENDATIONS = {
    MUST_ENSURE + ".": (MUST_ENSURE + ".", MUST_ENSURE),
    "Human rights groups across the region should work alongside LGBTI rights organizations,"
    " united by the principle of the universality of human rights.": (CALLS_ON, CALLS_ON),
}
FINDINGS = {
    "All four countries have attempted to introduce homophobic “propaganda” laws, similar to"
    " the law in Russia; only Belarus has done so, adopting a variation of the Russian law in"
    " 2016.": ("All four countries have attempted", "the Russian law in 2016."),
    "Armenia and Kyrgyzstan amended their Constitutions to explicitly preclude same-sex"
    " marriages in 2015 and 2016 respectively.": ("Elsewhere, Armenia and Kyrgyzstan", None),
    "With few exceptions, gay pride marches are consistently forbidden or become targets of"
    " attacks by homophobic groups, with the police often failing to prevent and investigate"
    " effectively hate crimes.": ("With few exceptions", None),
    "A small number of NGOs that work on LGBTI rights are registered in Armenia and"
    " Kyrgyzstan; only activists and informal groups are active in Belarus and Kazakhstan.": (
        "Freedom of association is limited",
        None,
    ),
    "LGBTI human rights defenders feel “less equal” within their local human rights"
    " communities, dominated by “mainstream” groups that do not primarily work on LGBTI"
    " rights.": ("As a result of this discrimination", "primarily work on LGBTI rights."),
    "The majority of the interviewees in all four countries wished to remain anonymous due to"
    " security concerns or other possible ramifications.": ("Notably, the majority", None),
}


def upgraded_recommendation(row):
    if row.get("source_excerpt"):
        return None
    found = RECOMMENDATIONS.get(row.get("text"))
    if not found:
        return None
    text, words = found
    return {"text": text, "source_excerpt": words, "source_name": SOURCE_NAME}


def upgraded_finding(row):
    if row.get("source_excerpt"):
        return None
    found = FINDINGS.get(row.get("text"))
    if not found:
        return None
    return {"source_excerpt": excerpt(*found), "source_name": SOURCE_NAME}


def upgraded_body(raw):
    """The body with the old note replaced; None when it has no old note."""
    changed = False
    for block in raw:
        if block.get("type") == "paragraph" and block.get("value") == OLD_NOTE:
            block["value"] = NEW_NOTE
            changed = True
    return raw if changed else None


def forwards(apps, schema_editor):
    Chapter = apps.get_model("reports", "ReportChapterPage")
    ReportPage = apps.get_model("reports", "ReportPage")
    Revision = apps.get_model("wagtailcore", "Revision")

    def revisions(page):
        ids = {page.latest_revision_id, page.live_revision_id} - {None}
        return Revision.objects.filter(pk__in=ids)

    for chapter in Chapter.objects.all():
        updates = {}
        if chapter.standfirst == OLD_STANDFIRST:
            updates["standfirst"] = CALLS_ON
        body = upgraded_body(list(chapter.body.raw_data))
        if body is not None:
            updates["body"] = json.dumps(body)
        if updates:
            Chapter.objects.filter(pk=chapter.pk).update(**updates)
        for revision in revisions(chapter):
            content = revision.content
            changed = False
            if content.get("standfirst") == OLD_STANDFIRST:
                content["standfirst"] = CALLS_ON
                changed = True
            raw = content.get("body")
            raw = json.loads(raw) if isinstance(raw, str) else raw
            if isinstance(raw, list) and (body := upgraded_body(raw)) is not None:
                content["body"] = json.dumps(body)
                changed = True
            if changed:
                revision.save(update_fields=["content"])

    rows = (
        ("recommendations", apps.get_model("reports", "Recommendation"), upgraded_recommendation),
        ("key_findings", apps.get_model("reports", "KeyFinding"), upgraded_finding),
    )
    fields = ["text", "source_excerpt"]
    for _key, model, upgrade in rows:
        for row in model.objects.all():
            new = upgrade({f: getattr(row, f) for f in fields})
            if new:
                model.objects.filter(pk=row.pk).update(**new)
    for report in ReportPage.objects.all():
        for revision in revisions(report):
            changed = False
            for key, _model, upgrade in rows:
                for row in revision.content.get(key) or []:
                    new = upgrade(row) if isinstance(row, dict) else None
                    if new:
                        row.update(new)
                        changed = True
            if changed:
                revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0014_testimony_reason_for_anonymity"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

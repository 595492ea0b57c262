"""Fill the new country tags once, from what the country pages used to find by text.

Until now a country page listed a chapter of a report covering it when the chapter's text
(title, standfirst, body) contained the page's title, and showed a testimony from such a
chapter when its source's description contained the title; a testimony whose words were
also a published statement about the country was left out. This migration turns exactly
those matches into tags: the chapter's "countries", and each testimony's "country" (the
country named first in its description; a testimony also on the quote desk stays
untagged, as the statement already carries the country). Pages and their latest and live
revisions are tagged, each from its own text. From now on editors set the tags.
"""

import json

from django.db import migrations
from django.utils.html import strip_tags

STEPLEN = 4  # treebeard's path step: a chapter's report is its path minus one step


def normalised(text):
    return " ".join(str(text or "").split()).casefold()


def codes_of(value):
    """A CountryField(multiple=True) value as codes, whatever form it arrives in."""
    if isinstance(value, str):
        return [code for code in value.split(",") if code]
    return [str(getattr(code, "code", code)) for code in value or []]


def body_text(raw, quoted):
    """The chapter body's words, as the country pages used to read them."""
    parts = []
    for block in raw:
        value = block.get("value")
        kind = block.get("type")
        if kind == "paragraph" and isinstance(value, str):
            parts.append(strip_tags(value))
        elif kind == "heading" and isinstance(value, dict):
            parts.append(value.get("text", ""))
        elif kind == "pull_quote":
            parts.append(quoted.get(value, ""))
        elif kind == "testimony" and isinstance(value, dict):
            parts.append(f"{value.get('words', '')} {value.get('source_description', '')}")
        elif kind == "fact" and isinstance(value, dict):
            parts.append(f"{value.get('figure', '')} {value.get('label', '')}")
    return " ".join(parts)


def tag(title, standfirst, raw, covered, quoted, stated):
    """(chapter codes, whether a testimony was tagged) for one version of a chapter."""
    text = normalised(f"{title} {standfirst} {body_text(raw, quoted)}")
    matched = [(code, name) for code, name in covered if name and name.casefold() in text]
    codes = sorted({code for code, _ in matched})
    changed = False
    for block in raw:
        value = block.get("value")
        if block.get("type") != "testimony" or not isinstance(value, dict):
            continue
        description = normalised(value.get("source_description"))
        found = sorted(
            (description.find(name.casefold()), code)
            for code, name in matched
            if name.casefold() in description
        )
        found = [(at, code) for at, code in found if (normalised(value.get("words")), code) not in stated]
        if found:
            value["country"] = found[0][1]
            changed = True
    return codes, changed


def forwards(apps, schema_editor):
    Chapter = apps.get_model("reports", "ReportChapterPage")
    ReportPage = apps.get_model("reports", "ReportPage")
    ReportCountry = apps.get_model("reports", "ReportCountry")
    Statement = apps.get_model("statements", "Statement")
    Revision = apps.get_model("wagtailcore", "Revision")

    report_at = dict(ReportPage.objects.values_list("path", "pk"))
    covered = {}
    for report_id, code, name in ReportCountry.objects.order_by("sort_order", "pk").values_list(
        "report_id", "country__iso_code", "country__title"
    ):
        covered.setdefault(report_id, []).append((str(code), name))
    live = Statement.objects.filter(live=True).select_related("speaker")
    quoted = {
        s.pk: " ".join(
            [s.text, s.anonymous_source, s.speaker.name if s.speaker_id else ""]
            + [s.speaker_role, s.speaker_organisation]
        )
        for s in live
    }
    stated = {(normalised(s.text), code) for s in live for code in codes_of(s.countries)}

    for chapter in Chapter.objects.all():
        report_id = report_at.get(chapter.path[:-STEPLEN])
        countries = covered.get(report_id, [])
        if not countries:
            continue
        raw = list(chapter.body.raw_data)
        codes, _ = tag(chapter.title, chapter.standfirst, raw, countries, quoted, stated)
        Chapter.objects.filter(pk=chapter.pk).update(countries=codes, body=json.dumps(raw))
        revision_ids = {chapter.latest_revision_id, chapter.live_revision_id} - {None}
        for revision in Revision.objects.filter(pk__in=revision_ids):
            content = revision.content
            body = content.get("body")
            raw = json.loads(body) if isinstance(body, str) else body
            if not isinstance(raw, list):
                continue
            codes, _ = tag(
                content.get("title", ""), content.get("standfirst", ""), raw, countries, quoted, stated
            )
            content["countries"] = ",".join(codes)
            content["body"] = json.dumps(raw)
            revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0007_country_tags_on_chapters_and_testimonies"),
        ("statements", "0005_statement_countries_by_iso_code"),
        ("wagtailcore", "0098_apitoken"),
    ]

    # Backwards there is nothing to undo: the tags go with their fields.
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

"""Key findings and recommendations carry the source's exact words; recommendations become
one row each (they were one rich text field), so each can carry its own excerpt.

Forwards, each list item (or else each paragraph) of a report's recommendations becomes a
row, in order, with no excerpt yet (editors add it; the demo loader builds its own); the
report's latest and live revisions get the same rows, so publishing an old draft does not
lose them. Backwards, the rows become a bulleted list again.
"""

import json
import re
from html import unescape

import django.db.models.deletion
import modelcluster.fields
from django.conf import settings
from django.db import migrations, models
from django.utils.html import escape, strip_tags

ITEM = re.compile(r"<li\b[^>]*>(.*?)</li>", re.S | re.I)
PARAGRAPH = re.compile(r"<p\b[^>]*>(.*?)</p>", re.S | re.I)


def items_of(html):
    """The recommendations' items as plain sentences (list items, else paragraphs)."""
    html = html or ""
    parts = ITEM.findall(html) or PARAGRAPH.findall(html) or [html]
    texts = [" ".join(unescape(strip_tags(part)).split()) for part in parts]
    return [text[:600] for text in texts if text]


def rows_for_revision(texts, report_id, pks):
    return [
        {
            "pk": pk,
            "report": report_id,
            "sort_order": order,
            "text": text,
            "source_excerpt": "",
            "source_name": "",
            "source": None,
        }
        for order, (text, pk) in enumerate(zip(texts, pks, strict=True))
    ]


def revisions_of(apps, report):
    Revision = apps.get_model("wagtailcore", "Revision")
    ids = {report.latest_revision_id, report.live_revision_id} - {None}
    return Revision.objects.filter(pk__in=ids)


def split_recommendations(apps, schema_editor):
    ReportPage = apps.get_model("reports", "ReportPage")
    Recommendation = apps.get_model("reports", "Recommendation")
    for report in ReportPage.objects.all():
        texts = items_of(report.recommendations)
        rows = [
            Recommendation.objects.create(report=report, sort_order=order, text=text)
            for order, text in enumerate(texts)
        ]
        for revision in revisions_of(apps, report):
            content = revision.content
            own = items_of(content.pop("recommendations", "") or "")
            # A revision's own list; rows already saved for the same words keep their pk.
            by_text = {row.text: row.pk for row in rows}
            content["recommendations"] = rows_for_revision(
                own, report.pk, [by_text.get(text) for text in own]
            )
            revision.save(update_fields=["content"])


def join_recommendations(apps, schema_editor):
    ReportPage = apps.get_model("reports", "ReportPage")
    Recommendation = apps.get_model("reports", "Recommendation")

    def as_list(texts):
        if not texts:
            return ""
        return "<ul>" + "".join(f"<li>{escape(text)}</li>" for text in texts) + "</ul>"

    for report in ReportPage.objects.all():
        texts = list(
            Recommendation.objects.filter(report=report)
            .order_by("sort_order", "pk")
            .values_list("text", flat=True)
        )
        ReportPage.objects.filter(pk=report.pk).update(recommendations=as_list(texts))
        for revision in revisions_of(apps, report):
            content = revision.content
            rows = content.get("recommendations")
            if isinstance(rows, list):
                content["recommendations"] = as_list(
                    [row.get("text", "") for row in rows if isinstance(row, dict)]
                )
                revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0012_help_text_names_the_schedule_dialog"),
        ("wagtailcore", "0098_apitoken"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="keyfinding",
            name="source",
            field=models.ForeignKey(
                blank=True,
                help_text="The page on this site the words come from (the press release, a chapter).",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.WAGTAIL_PAGE_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="keyfinding",
            name="source_excerpt",
            field=models.TextField(
                blank=True,
                help_text="The source's exact words this rests on, copied word for word (no quotation marks around them). Readers can open them beside the claim.",
                max_length=2000,
                verbose_name="source excerpt",
            ),
        ),
        migrations.AddField(
            model_name="keyfinding",
            name="source_name",
            field=models.CharField(
                blank=True,
                help_text="The source as readers should see it named, e.g. “the press release launching the report”. Leave empty to name the page chosen as its source.",
                max_length=200,
                verbose_name="source name",
            ),
        ),
        migrations.AlterField(
            model_name="keyfinding",
            name="text",
            field=models.TextField(
                help_text="A sentence or two, saying no more than the source's words below.",
                max_length=600,
            ),
        ),
        migrations.CreateModel(
            name="Recommendation",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                (
                    "source_excerpt",
                    models.TextField(
                        blank=True,
                        help_text="The source's exact words this rests on, copied word for word (no quotation marks around them). Readers can open them beside the claim.",
                        max_length=2000,
                        verbose_name="source excerpt",
                    ),
                ),
                (
                    "source_name",
                    models.CharField(
                        blank=True,
                        help_text="The source as readers should see it named, e.g. “the press release launching the report”. Leave empty to name the page chosen as its source.",
                        max_length=200,
                        verbose_name="source name",
                    ),
                ),
                (
                    "text",
                    models.TextField(
                        help_text="A sentence or two, saying no more than the source's words below.",
                        max_length=600,
                    ),
                ),
                (
                    "report",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="recommendation_rows",
                        to="reports.reportpage",
                    ),
                ),
                (
                    "source",
                    models.ForeignKey(
                        blank=True,
                        help_text="The page on this site the words come from (the press release, a chapter).",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.WAGTAIL_PAGE_MODEL,
                    ),
                ),
            ],
            options={
                "ordering": ["sort_order"],
                "abstract": False,
            },
        ),
        migrations.RunPython(split_recommendations, join_recommendations),
        migrations.RemoveField(
            model_name="reportpage",
            name="recommendations",
        ),
        migrations.AlterField(
            model_name="recommendation",
            name="report",
            field=modelcluster.fields.ParentalKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="recommendations",
                to="reports.reportpage",
            ),
        ),
    ]

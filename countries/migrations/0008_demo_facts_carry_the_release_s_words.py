"""A database built by the earlier demo loader gets the demo's facts as they now stand.

The loader leaves existing pages alone, so without this a site loaded before issue 17 would
keep the old demo facts: pride "not stated" where the release speaks of the whole region,
no source excerpts. Only a fact that is still exactly as the old loader wrote it (topic,
status and note) and has no excerpt is changed, in the row and in the page's latest and live
revisions; anything an editor wrote is left alone. Timeline entries still worded as the
loader wrote them get their excerpt. The excerpts are cut from the seed press release.
Backwards there is nothing to undo (the fields go with 0006).
"""

from django.db import migrations

from advocacy.core.seed import excerpt

WORDS = {
    "attempted": ("All four countries have attempted", "the Russian law in 2016."),
    "adopted": ("So far, only Belarus has done so", None),
    "amended": ("Elsewhere, Armenia and Kyrgyzstan amended", None),
    "association": ("Freedom of association is limited", None),
    "region": ("LGBTI groups in each of the former Soviet Republics", "hate crimes."),
    "attack": ("Following a homophobic attack on an LGBTI event", None),
    "danielyan": ("Mikayel Danielyan, former Head", None),
}
SOURCE_NAME = "the press release"
ATTEMPTED = "Attempted to introduce a law similar to Russia’s; not adopted so far."
OLD_PRIDE = (
    "The report says that, with few exceptions, pride marches in the region are forbidden or"
    " attacked; it gives no detail for this country."
)
OLD_POLICE = (
    "The report finds the police often fail to prevent and investigate hate crimes effectively."
)
# (topic, old status, old note) -> (status, note, words)
FACTS = {
    ("propaganda_law", "proposed", ATTEMPTED): ("proposed", ATTEMPTED, "attempted"),
    ("propaganda_law", "adopted", "A variation of the Russian law."): (
        "adopted",
        "A variation of the Russian law.",
        "adopted",
    ),
    ("marriage_ban", "yes", "Constitution amended."): ("yes", "Constitution amended.", "amended"),
    ("marriage_ban", "not_stated", ""): ("not_stated", "", None),
    ("organisations", "registered", "A small number of NGOs."): (
        "registered",
        "A small number of NGOs; freedom of association is limited for all LGBTI activists.",
        "association",
    ),
    ("organisations", "informal", "Only activists and informal groups."): (
        "informal",
        "Only activists and informal groups; freedom of association is limited.",
        "association",
    ),
    ("pride", "not_stated", OLD_PRIDE): (
        "regional",
        "With few exceptions, pride marches in the region are forbidden or attacked; the"
        " release gives no detail for this country.",
        "region",
    ),
    ("pride", "attacked", "A homophobic attack on an LGBTI event in May 2015."): (
        "attacked",
        "A homophobic attack on an LGBTI event in May 2015.",
        "attack",
    ),
    ("police", "inadequate", OLD_POLICE): (
        "regional",
        "Across the region, the police often fail to prevent and investigate hate crimes"
        " effectively.",
        "region",
    ),
}
EVENTS = {
    "Armenia amends its Constitution to explicitly preclude same-sex marriages.": "amended",
    "Mikayel Danielyan, former Head of the Helsinki Association and one of the earliest"
    " advocates for LGBTI rights in Armenia, dies.": "danielyan",
    "Belarus adopts a variation of Russia’s “propaganda” law.": "adopted",
    "A homophobic attack on an LGBTI event; just one prominent Kyrgyzstani human rights"
    " organization condemns it.": "attack",
    "Kyrgyzstan amends its Constitution to explicitly preclude same-sex marriages.": "amended",
}


def words(key):
    return excerpt(*WORDS[key]) if key else ""


def upgraded_fact(row):
    """The new values for a fact (a dict of its fields) still as the old loader wrote it."""
    if row.get("source_excerpt") or row.get("source_name"):
        return None
    found = FACTS.get((row.get("topic"), row.get("status"), row.get("note") or ""))
    if found is None:
        return None
    status, note, key = found
    return {
        "status": status,
        "note": note,
        "source_excerpt": words(key),
        "source_name": SOURCE_NAME,
    }


def upgraded_event(row):
    if row.get("source_excerpt") or row.get("source_name"):
        return None
    key = EVENTS.get(row.get("description"))
    return {"source_excerpt": words(key), "source_name": SOURCE_NAME} if key else None


def forwards(apps, schema_editor):
    CountryPage = apps.get_model("countries", "CountryPage")
    CountryFact = apps.get_model("countries", "CountryFact")
    TimelineEvent = apps.get_model("countries", "TimelineEvent")
    Revision = apps.get_model("wagtailcore", "Revision")
    fields = ["topic", "status", "note", "source_excerpt", "source_name", "description"]
    for fact in CountryFact.objects.all():
        new = upgraded_fact({f: getattr(fact, f, "") for f in fields})
        if new:
            CountryFact.objects.filter(pk=fact.pk).update(**new)
    for event in TimelineEvent.objects.all():
        new = upgraded_event({f: getattr(event, f, "") for f in fields})
        if new:
            TimelineEvent.objects.filter(pk=event.pk).update(**new)
    for page in CountryPage.objects.all():
        ids = {page.latest_revision_id, page.live_revision_id} - {None}
        for revision in Revision.objects.filter(pk__in=ids):
            changed = False
            for key, upgrade in (("facts", upgraded_fact), ("events", upgraded_event)):
                for row in revision.content.get(key) or []:
                    new = upgrade(row) if isinstance(row, dict) else None
                    if new:
                        row.update(new)
                        changed = True
            if changed:
                revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("countries", "0007_testimony_reason_for_anonymity"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

from types import SimpleNamespace

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from advocacy.core.countries import covered_codes, named_countries
from advocacy.core.public_url import public_url
from advocacy.people.models import LANGUAGE_CHOICES

from . import cards
from .export import public_statements, write_statements_csv
from .filters import StatementFilterForm
from .models import Statement, Topic
from .tasks import enqueue_cards

PER_PAGE = 20


def filter_choices():
    """The filters' speakers (by name), languages (by code) and topics (by name) among the
    published statements, from one query of the (language, speaker, topic) combinations
    they have."""
    rows = set(
        Statement.objects.published()
        .order_by()
        .values_list(
            "language", "speaker_id", "speaker__name", "topics__id", "topics__name", "topics__slug"
        )
        .distinct()
    )
    names = {row[1]: row[2] for row in rows if row[1] is not None}
    speakers = [
        SimpleNamespace(pk=pk, name=name)
        for pk, name in sorted(names.items(), key=lambda item: (item[1], item[0]))
    ]
    # "Not stated" is no language to filter by.
    languages = sorted({row[0] for row in rows if row[0]})
    found = {row[3]: (row[4], row[5]) for row in rows if row[3] is not None}
    topics = [
        Topic(pk=pk, name=name, slug=slug)
        for pk, (name, slug) in sorted(found.items(), key=lambda item: (item[1][0], item[0]))
    ]
    return speakers, languages, topics


@require_safe
def quote_desk(request, desk):
    """The desk page: every published statement, newest first, filtered by plain links and
    forms, under the page's title and introduction."""
    form = StatementFilterForm(request.GET)
    statements = form.filter(public_statements())
    page = Paginator(statements, PER_PAGE).get_page(request.GET.get("page"))
    Statement.load_public_countries(page)
    names = dict(LANGUAGE_CHOICES)
    query = request.GET.copy()
    query.pop("page", None)
    speakers, languages, topics = filter_choices()
    context = desk.get_context(request)
    context.update(
        {
            "form": form,
            "statements": page,
            "items": [(s, public_url(s.get_absolute_url()), cards.has_card(s)) for s in page],
            "filter_query": query.urlencode(),
            "speakers": speakers,
            "countries": named_countries(covered_codes()),
            "topics": topics,
            "languages": [(code, names.get(code, code)) for code in languages],
        }
    )
    return TemplateResponse(request, desk.get_template(request), context)


@require_safe
def statement_detail(request, pk, slug=None):
    """A statement's permalink; an old or missing slug redirects to the current one."""
    statement = get_object_or_404(Statement.objects.published().with_relations(), pk=pk)
    own = statement.get_absolute_url()
    if slug != statement.slug or request.path != own:
        # An old slug, or a version asked for under another language's prefix: its own address.
        return redirect(own, permanent=True)
    permalink = public_url(own)
    # Its countries, and for a translation its original and source page (one query each).
    Statement.load_public_countries([statement])
    versions = {
        version.locale.language_code: version.get_absolute_url()
        for version in Statement.objects.published()
        .filter(translation_key=statement.translation_key)
        .select_related("locale")
    }
    return TemplateResponse(
        request,
        "pages/statements/statement_detail.html",
        {
            "statement": statement,
            "permalink": permalink,
            "card_ready": cards.has_card(statement),
            # The switcher links each language to this statement's version in it (None: none).
            "language_links": {code: versions.get(code) for code, _name in settings.LANGUAGES},
        },
    )


# Shared caches (a CDN, a proxy) and browsers keep a card for at most CARD_MAX_AGE seconds
# and can then revalidate it cheaply with its ETag. A statement that stops being public is
# therefore gone from every cache within that time, or at once where the operator purges by
# the Surrogate-Key / Cache-Tag header (see docs/security.md).
CARD_MAX_AGE = 300
# A card not drawn yet: 503 with Retry-After, never drawn inside the request.
CARD_RETRY_AFTER = 10
# At most one background draw is requested per missing card in this many seconds.
CARD_REQUEUE_SECONDS = 300


@require_safe
def statement_card(request, pk, size):
    """A statement's quote card, read from private storage while the statement is public."""
    if size not in cards.SIZES:
        raise Http404
    statement = get_object_or_404(Statement.objects.published(), pk=pk)
    png = cards.stored_card(statement, size)
    if png is None:
        return card_not_drawn_yet(statement)
    response = HttpResponse(png, content_type="image/png")
    response["Content-Disposition"] = f'inline; filename="statement-{statement.pk}-{size}.png"'
    response["ETag"] = cards.card_etag(png)
    # Purge keys: Fastly-style (space-separated) and Cloudflare-style (comma-separated).
    response["Surrogate-Key"] = f"statement-{statement.pk} quote-cards"
    response["Cache-Tag"] = f"statement-{statement.pk},quote-cards"
    patch_cache_control(response, public=True, max_age=CARD_MAX_AGE, s_maxage=CARD_MAX_AGE)
    return get_conditional_response(request, etag=response["ETag"], response=response)


def card_not_drawn_yet(statement):
    """503 with Retry-After while the background task draws the card (asked for again here
    at most once per CARD_REQUEUE_SECONDS, in case the publish-time task was lost)."""
    if cache.add(
        f"quote-card-queued:{statement.pk}:{statement.live_revision_id}", 1, CARD_REQUEUE_SECONDS
    ):
        enqueue_cards(statement.pk, statement.live_revision_id)
    response = HttpResponse(
        _("This quote card is being drawn. Please try again in a few seconds.") + "\n",
        status=503,
        content_type="text/plain; charset=utf-8",
    )
    response["Retry-After"] = str(CARD_RETRY_AFTER)
    patch_cache_control(response, no_store=True)
    return response


@require_safe
def statements_csv(request):
    """The filtered statements as a spreadsheet: UTF-8 with a byte-order mark, so that Excel
    reads Cyrillic and Armenian words correctly; every cell formula-safe."""
    form = StatementFilterForm(request.GET)
    if not form.is_valid():
        return HttpResponseBadRequest(
            "; ".join(f"{field}: {' '.join(errors)}" for field, errors in form.errors.items()),
            content_type="text/plain; charset=utf-8",
        )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="statements.csv"'
    write_statements_csv(response, form.filter(public_statements()), request=request)
    return response

import csv

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from advocacy.core.textsafety import spreadsheet_safe
from advocacy.core.visibility import public_pages
from advocacy.people.models import LANGUAGE_CHOICES, Person

from .cards import SIZES, get_card
from .filters import StatementFilterForm
from .models import Statement, Topic, country_pages

PER_PAGE = 20
CSV_LIMIT = 5000


def published_with_relations():
    return Statement.objects.published().with_relations()


@require_safe
def quote_desk(request):
    """Every published statement, newest first, filtered by plain links and forms."""
    form = StatementFilterForm(request.GET)
    statements = form.filter(published_with_relations())
    page = Paginator(statements, PER_PAGE).get_page(request.GET.get("page"))
    names = dict(LANGUAGE_CHOICES)
    query = request.GET.copy()
    query.pop("page", None)
    return TemplateResponse(
        request,
        "pages/statements/quote_desk.html",
        {
            "form": form,
            "statements": page,
            "items": [(s, request.build_absolute_uri(s.get_absolute_url())) for s in page],
            "filter_query": query.urlencode(),
            "speakers": Person.objects.filter(
                statements__in=Statement.objects.published()
            ).distinct(),
            "countries": public_pages(country_pages())
            .filter(locale__language_code="en")
            .order_by("title"),
            "topics": Topic.objects.filter(statements__in=Statement.objects.published()).distinct(),
            "languages": [
                (code, names.get(code, code))
                for code in Statement.objects.published()
                .order_by("language")
                .values_list("language", flat=True)
                .distinct()
            ],
            "desk_page": True,
        },
    )


@require_safe
def statement_detail(request, pk, slug=None):
    """A statement's permalink; an old or missing slug redirects to the current one."""
    statement = get_object_or_404(published_with_relations(), pk=pk)
    if slug != statement.slug:
        return redirect(statement, permanent=True)
    permalink = request.build_absolute_uri(statement.get_absolute_url())
    return TemplateResponse(
        request,
        "pages/statements/statement_detail.html",
        {"statement": statement, "permalink": permalink},
    )


@require_safe
def statement_card(request, pk, size):
    if size not in SIZES:
        raise Http404
    statement = get_object_or_404(Statement.objects.published().select_related("speaker"), pk=pk)
    response = HttpResponse(get_card(statement, size), content_type="image/png")
    response["Content-Disposition"] = f'inline; filename="statement-{pk}-{size}.png"'
    patch_cache_control(response, public=True, max_age=3600)
    return response


@require_safe
def statements_csv(request):
    form = StatementFilterForm(request.GET)
    if not form.is_valid():
        return HttpResponseBadRequest(
            "; ".join(f"{field}: {' '.join(errors)}" for field, errors in form.errors.items()),
            content_type="text/plain; charset=utf-8",
        )
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="statements.csv"'
    writer = csv.writer(response)
    writer.writerow(
        [
            "text",
            "speaker",
            "role",
            "organisation",
            "anonymous_source",
            "date",
            "language",
            "countries",
            "topics",
            "permalink",
        ]
    )
    for statement in form.filter(published_with_relations())[:CSV_LIMIT]:
        writer.writerow(
            spreadsheet_safe(cell)
            for cell in (
                statement.text,
                statement.speaker_name,
                statement.speaker_role,
                statement.speaker_organisation,
                statement.anonymous_source,
                statement.date_said.isoformat(),
                statement.language,
                " ".join(statement.country_codes),
                " ".join(statement.topic_slugs),
                request.build_absolute_uri(statement.get_absolute_url()),
            )
        )
    return response

from django.core.paginator import Paginator
from django.db.models import Case, IntegerField, Q, Value, When
from django.http import Http404, HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.views.decorators.http import require_GET
from wagtail.models import Page, Site

from core.template_context import deferred
from home.search_words import search_query, word_stem, words

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def search(request):
    """Search every live page of the town the visitor is on, and only that town."""
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    site = Site.find_for_request(request)
    # Read only when shown: not when the town cache kept the results for this address.
    found = deferred(lambda: _results_page(request, site, query))
    return render(
        request,
        "home/search_results.html",
        {"query": query, "results": found, "paginator": deferred(lambda: found().paginator)},
    )


def _results_page(request, site, query):
    results = search_pages(site, query) if query and site is not None else Page.objects.none()
    # Not a number: the first page; beyond the last: the last one.
    return Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))


def search_pages(site, query):
    """The town's live pages that contain every word (in any of its forms, home/search_words.py):
    those with a word in their title first, then A to Z.

    The search index finds the pages; they are ranked here rather than by the backend's
    relevance score, which SQLite computes in a subquery per matching page (seconds when
    a common word matches hundreds of shops).
    """
    typed = words(query)
    if not typed:
        return Page.objects.none()
    pages = Page.objects.live().public().descendant_of(site.root_page, inclusive=True)
    terms = search_query(query, operator="and")
    found = [page.pk for page in pages.only("pk").search(terms, order_by_relevance=False)]
    in_title = Q()
    for word in typed:
        in_title |= Q(title__icontains=word_stem(word))
    return (
        Page.objects.filter(pk__in=found)
        .annotate(rank=Case(When(in_title, then=Value(0)), default=Value(1), output_field=IntegerField()))
        .order_by("rank", "title", "pk")
        .specific()
    )


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /recherche/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def not_found(request, **kwargs):
    """An admin address Wagtail answers with a 500 (see portal/urls.py): nothing to see here."""
    raise Http404


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # No context processors here: the error may come from the database itself.
    return HttpResponseServerError(loader.get_template("500.html").render())

"""“Où trouver des piles ?”: the products of the live shops of one directory, searched together."""

from django.core.paginator import Paginator
from wagtail.search.backends import get_search_backend

from core.template_context import deferred
from home.search_words import search_query

from .forms import ProductSearchForm
from .models import Product, ShopPage

RESULTS_PER_PAGE = 20


def search_products(index_page, query):
    """Products of this directory's live, public shops matching the query (Wagtail search index).

    Products whose name starts words with the query come first; only when none does are
    the descriptions searched too. Results are in alphabetical order rather than by
    relevance: the SQLite backend scores each matching row in a subquery of its own,
    which takes seconds over thousands of products, and between product names a
    reader finds alphabetical order more useful than a score.
    """
    shops = ShopPage.objects.live().public().child_of(index_page).values("pk")
    products = Product.objects.filter(shop__in=shops).select_related("shop", "image").order_by("name", "id")
    backend = get_search_backend()
    terms = search_query(query)
    results = backend.autocomplete(terms, products, order_by_relevance=False)
    if not results.count():
        results = backend.search(terms, products, order_by_relevance=False)
    return results


def product_search_context(index_page, request):
    """The results are read only when shown: not when the town cache kept them for this address."""
    form = ProductSearchForm(request.GET or None)
    query = form.cleaned_data["q"].strip() if form.is_valid() else ""
    found = deferred(lambda: _results_page(index_page, request, query))
    return {
        "form": form,
        "query": query,
        "results": deferred(lambda: found().object_list),
        "page_obj": found,
    }


def _results_page(index_page, request, query):
    results = search_products(index_page, query) if query else Product.objects.none()
    # Not a number: the first page; beyond the last: the last one.
    return Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))

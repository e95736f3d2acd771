"""“Où trouver des piles ?”: the products of the live shops of one directory, searched together."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from wagtail.search.backends import get_search_backend

from .forms import ProductSearchForm
from .models import Product, ShopPage

RESULTS_PER_PAGE = 20


def search_products(index_page, query):
    """Products of this directory's live, public shops matching the query (Wagtail search index)."""
    shop_ids = list(ShopPage.objects.live().public().child_of(index_page).values_list("pk", flat=True))
    products = Product.objects.filter(shop__in=shop_ids).select_related("shop", "image")
    backend = get_search_backend()
    results = backend.search(query, products)
    if not results.count():
        # “pile” should still find “Piles AA”: fall back to the beginning of words.
        results = backend.autocomplete(query, products)
    return results


def product_search_context(index_page, request):
    form = ProductSearchForm(request.GET or None)
    query = form.cleaned_data["q"].strip() if form.is_valid() else ""
    results = search_products(index_page, query) if query else Product.objects.none()
    paginator = Paginator(results, RESULTS_PER_PAGE)
    try:
        page_obj = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        page_obj = paginator.page(1)
    except EmptyPage:
        page_obj = paginator.page(paginator.num_pages)
    return {"form": form, "query": query, "results": page_obj.object_list, "page_obj": page_obj}

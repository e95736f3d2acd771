"""Find a town's page from its address in one query, whatever its depth in the page tree.

Wagtail's own routing costs two queries per level (the child, then its specific row), then
two more for the view restrictions of the ancestors, and the menu and breadcrumbs query
the tree again. A town's home page routes instead with one query that returns the pages
along the address, the town's menu sections and whether any of them is restricted; the
page found keeps its ancestors for the breadcrumbs. Pages whose class routes on its own
(a RoutablePageMixin view such as the directory's product search) still decide their part
of the address, exactly as with Wagtail's routing.
"""

from django.db.models import CharField, Exists, ExpressionWrapper, F, OuterRef, Q, Subquery
from django.http import Http404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageViewRestriction
from wagtail.url_routing import RouteResult

from core import town_cache

MENU_ATTRIBUTE = "_town_menu"


def menu_pages(request, site_root):
    """The live pages directly under the town's home page that editors put in the menu."""
    known = getattr(request, MENU_ATTRIBUTE, None) if request is not None else None
    if known is not None and known[0] == site_root.pk:
        return known[1]
    items = town_cache.get_or_make(
        request, "menu", (site_root.pk,), lambda: list(site_root.get_children().live().in_menu())
    )
    if request is not None:
        setattr(request, MENU_ATTRIBUTE, (site_root.pk, items))
    return items


def _own_route(page, request, remaining):
    """The result of the page's own `route()` if its class claims this rest of the address, else None."""
    page_class = page.specific_class
    if page_class is None or page_class.route is Page.route:
        return None
    if page_class.route is RoutablePageMixin.route:
        if not page.live:
            return None
        try:
            page_class.get_resolver().resolve("/" + "".join(f"{part}/" for part in remaining))
        except Http404:
            return None
    return _specific(page, request).route(request, remaining)


def _specific(page, request):
    """The page in its own class, kept until its town changes with what its class asks for: the
    relations to load along (`serve_select_related`) and the properties to compute ahead
    (`serve_prepared`, cached properties such as a shop's opening hours)."""
    page_class = page.specific_class
    if page_class is None:
        return page.specific
    specific = town_cache.get_or_make(
        request, "page", (page.pk,), lambda: _load_for_serving(page_class, page.pk)
    )
    specific._cached_parent_obj = page._cached_parent_obj
    return specific


def _load_for_serving(page_class, pk):
    related = getattr(page_class, "serve_select_related", ())
    pages = page_class._default_manager.select_related(*related) if related else page_class._default_manager
    specific = pages.get(pk=pk)
    for name in getattr(page_class, "serve_prepared", ()):
        getattr(specific, name)
    return specific


def route_in_town(site_root, request, path_components):
    """What Wagtail's `site_root.route(request, path_components)` returns, found in one query."""
    url_paths, url_path = [], site_root.url_path
    for part in path_components:
        url_path += f"{part}/"
        url_paths.append(url_path)
    rows = town_cache.get_or_make(
        request, "route", (site_root.pk, *path_components), lambda: _pages_along(site_root, url_paths)
    )
    above = [row for row in rows if row.depth <= site_root.depth]
    inside = [row for row in rows if row.depth > site_root.depth]
    if request is not None:
        menu = [row for row in inside if row.depth == site_root.depth + 1 and row.live and row.show_in_menus]
        setattr(request, MENU_ATTRIBUTE, (site_root.pk, menu))
    by_url_path = {row.url_path: row for row in inside}

    parent, chain = site_root, []
    for position in range(len(path_components) + 1):
        remaining = path_components[position:]
        if parent is not site_root:
            result = _own_route(parent, request, remaining)
            if result is not None:
                if result.page.pk == parent.pk:
                    _remember_route(result.page, site_root, above, chain)
                return result
        if not remaining:
            break
        child = by_url_path.get(url_paths[position])
        if child is None:
            raise Http404
        child._cached_parent_obj = parent
        chain.append(child)
        parent = child
    if not parent.live:
        raise Http404
    page = parent if parent is site_root else _specific(parent, request)
    _remember_route(page, site_root, above, chain)
    return RouteResult(page)


def _pages_along(site_root, url_paths):
    """The pages at these addresses, the town's menu sections, the town and the tree root."""
    in_town = Q(path__startswith=site_root.path, depth__gt=site_root.depth)
    return list(
        Page.objects.filter(
            (in_town & Q(url_path__in=url_paths))
            | (in_town & Q(depth=site_root.depth + 1, live=True, show_in_menus=True))
            | Q(path__in=[site_root.path[: Page.steplen], site_root.path])
        )
        .annotate(restricted=Exists(PageViewRestriction.objects.filter(page=OuterRef("pk"))))
        .order_by("path")
    )


def _remember_route(page, site_root, above, chain):
    """Keep what routing learnt on the page: its ancestors, and whether any view restriction applies."""
    pages = above + chain
    page.route_ancestors = [site_root, *chain][:-1]
    page.route_unrestricted = not any(row.restricted or row.alias_of_id for row in pages)


def public(pages):
    """`pages.public()` without its query: pages in a section with a view restriction are left out in SQL."""
    # The restricted page's path comes from a subquery rather than a join: with a join, SQLite
    # walks every page of the tree for each listed page (0.5 s for a directory of 250 shops).
    restricted_path = Subquery(Page.objects.filter(pk=OuterRef("page_id")).values("path")[:1])
    listed_path = ExpressionWrapper(OuterRef("path"), output_field=CharField())
    restricted_above = PageViewRestriction.objects.annotate(
        restricted_path=restricted_path, listed_path=listed_path
    ).filter(listed_path__startswith=F("restricted_path"))
    return pages.exclude(Exists(restricted_above))

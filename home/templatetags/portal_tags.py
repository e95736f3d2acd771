from django import template
from wagtail.models import Page, Site

from home.routing import menu_pages

register = template.Library()


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """The town's top-level pages that editors ticked “show in menus”."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return {"items": [], "site_root": None}
    site_root = site.root_page
    items = menu_pages(request, site_root)
    page = context.get("page")
    current_section = None
    if isinstance(page, Page) and page.path.startswith(site_root.path):
        # The top-level section the current page belongs to, to mark it in the menu.
        depth = site_root.depth + 1
        current_section = site_root.pk
        for item in items:
            if page.path.startswith(item.path) and page.depth >= depth:
                current_section = item.pk
    return {
        "request": request,
        "items": items,
        "site_root": site_root,
        "current_section": current_section,
        "current_page_id": page.pk if isinstance(page, Page) else None,
    }


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page):
    """The pages above the current one, from the town's home page down."""
    ancestors = getattr(page, "route_ancestors", None)
    if ancestors is None:
        ancestors = page.get_ancestors().filter(depth__gt=1)
    return {"ancestors": ancestors, "page": page, "request": context.get("request")}

from django import template
from django.utils.safestring import mark_safe
from wagtail.models import Page, Site

from core import town_cache
from core.routing import menu_pages

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


@register.tag
def town_fragment(parser, token):
    """`{% town_fragment "name" value … %}…{% endtown_fragment %}`: the enclosed HTML is rendered
    once per name and values (ids, dates) and kept until the town changes (core/town_cache.py).
    Only what is the same for every visitor goes inside: never a form with its token."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"{bits[0]} needs a name.")
    nodelist = parser.parse(("endtown_fragment",))
    parser.delete_first_token()
    return TownFragmentNode(nodelist, [parser.compile_filter(bit) for bit in bits[1:]])


class TownFragmentNode(template.Node):
    def __init__(self, nodelist, expressions):
        self.nodelist = nodelist
        self.expressions = expressions

    def render(self, context):
        name, *parts = (_identity(expression.resolve(context)) for expression in self.expressions)
        html = town_cache.rendered(
            context.get("request"), name, tuple(parts), lambda: self.nodelist.render(context)
        )
        return mark_safe(html)


def _identity(value):
    """What tells a value apart in a fragment's key: a record's id, else the value itself."""
    return getattr(value, "pk", value)

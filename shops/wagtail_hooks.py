"""Admin registration of the shops app."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import ShopCategory


class ShopCategoryViewSet(SnippetViewSet):
    model = ShopCategory
    icon = "tag"
    menu_label = _("Shop categories")
    menu_name = "shop_categories"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "slug", "schema_type", "sort_order"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]


register_snippet(ShopCategoryViewSet)


# Click & collect requests (shops/admin_click_collect.py): one list per town, status changes e-mailed.
from wagtail_modeladmin.options import modeladmin_register  # noqa: E402

from .admin_click_collect import ClickCollectRequestAdmin  # noqa: E402

modeladmin_register(ClickCollectRequestAdmin)


# Shopkeepers: invitations, dashboard, menu, freshness panel (shops/admin_shopkeepers.py).
from . import admin_shopkeepers  # noqa: E402, F401

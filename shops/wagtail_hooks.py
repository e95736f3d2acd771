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


# Town staff tools (shops/admin_shops.py, shops/admin_import.py): flat shop list with CSV export, CSV import.
from django.urls import path, reverse  # noqa: E402
from wagtail import hooks  # noqa: E402
from wagtail.admin.menu import MenuItem  # noqa: E402

from .admin_import import import_confirm, import_form, user_can_import  # noqa: E402
from .admin_shops import ShopListingViewSet  # noqa: E402


@hooks.register("register_admin_viewset")
def register_shop_listing():
    return ShopListingViewSet()


@hooks.register("register_admin_urls")
def register_shop_import_urls():
    return [
        path("shops/import/", import_form, name="shops_import"),
        path("shops/import/confirm/", import_confirm, name="shops_import_confirm"),
    ]


class ShopImportMenuItem(MenuItem):
    def is_shown(self, request):
        return user_can_import(request.user)


@hooks.register("register_admin_menu_item")
def register_shop_import_menu_item():
    return ShopImportMenuItem(_("Import shops"), reverse("shops_import"), icon_name="upload", order=207)


# Shopkeepers: invitations, dashboard, menu, freshness panel (shops/admin_shopkeepers.py).
from . import admin_shopkeepers  # noqa: E402, F401

"""A flat list of the town's shops for its staff: filters by category, service and last update; CSV export.

Built on Wagtail's PageListingViewSet: the list only holds pages the person may explore,
so the staff of one town see their town's shops and no other.
"""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.pages.listing import IndexView, PageFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet

from core.spreadsheets import SafeCsvExportMixin

from .models import SERVICES, ShopCategory, ShopPage


class ShopFilterSet(PageFilterSet):
    category = django_filters.ModelChoiceFilter(
        label=_("Category"), queryset=ShopCategory.objects.all(), field_name="category"
    )
    service = django_filters.ChoiceFilter(label=_("Service"), choices=SERVICES, method="filter_service")

    class Meta:
        model = ShopPage
        fields = []

    def filter_service(self, queryset, name, value):
        if value not in dict(SERVICES):
            return queryset
        return queryset.filter(Q(**{value: True}))


def _services_text(services):
    return ", ".join(str(label) for _name, label in services)


class ShopListingIndexView(SafeCsvExportMixin, IndexView):
    custom_field_preprocess = {
        "services": {"csv": _services_text, "xlsx": _services_text},
    }

    def get_base_queryset(self):
        # The category column, read with the shops rather than once a row.
        return super().get_base_queryset().prefetch_related("category")


class ShopListingViewSet(PageListingViewSet):
    model = ShopPage
    index_view_class = ShopListingIndexView
    icon = "site"
    name = "shop_listing"
    menu_label = _("Shops (list)")
    menu_order = 205
    add_to_admin_menu = True
    filterset_class = ShopFilterSet
    columns = [
        *IndexView.base_columns[:2],
        Column("category", label=_("Category"), accessor="category"),
        Column("town", label=_("Town"), accessor="town"),
        *IndexView.base_columns[2:],
    ]
    list_export = [
        "title",
        "category",
        "street",
        "postcode",
        "town",
        "latitude",
        "longitude",
        "phone",
        "email",
        "website",
        "siret",
        "services",
        "osm_opening_hours",
        "live",
        "latest_revision_created_at",
        "full_url",
    ]
    export_headings = {
        "title": _("Name"),
        "category": _("Category"),
        "street": _("Address"),
        "postcode": _("Postcode"),
        "town": _("Town"),
        "latitude": _("Latitude"),
        "longitude": _("Longitude"),
        "phone": _("Phone"),
        "email": _("E-mail"),
        "website": _("Website"),
        "siret": _("SIRET"),
        "services": _("Services"),
        "osm_opening_hours": _("Opening hours (OpenStreetMap)"),
        "live": _("Published"),
        "latest_revision_created_at": _("Last update"),
        "full_url": _("Address of the page"),
    }
    export_filename = "commerces"

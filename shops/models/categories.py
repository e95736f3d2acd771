from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

SCHEMA_TYPES = [
    ("LocalBusiness", "LocalBusiness"),
    ("Store", "Store"),
    ("GroceryStore", "GroceryStore"),
    ("FoodEstablishment", "FoodEstablishment"),
    ("Bakery", "Bakery"),
    ("Restaurant", "Restaurant"),
    ("CafeOrCoffeeShop", "CafeOrCoffeeShop"),
    ("ClothingStore", "ClothingStore"),
    ("ShoeStore", "ShoeStore"),
    ("JewelryStore", "JewelryStore"),
    ("HealthAndBeautyBusiness", "HealthAndBeautyBusiness"),
    ("HairSalon", "HairSalon"),
    ("HomeGoodsStore", "HomeGoodsStore"),
    ("FurnitureStore", "FurnitureStore"),
    ("HardwareStore", "HardwareStore"),
    ("BookStore", "BookStore"),
    ("Florist", "Florist"),
    ("SportingGoodsStore", "SportingGoodsStore"),
    ("ToyStore", "ToyStore"),
    ("ElectronicsStore", "ElectronicsStore"),
    ("Pharmacy", "Pharmacy"),
    ("ProfessionalService", "ProfessionalService"),
]


class ShopCategory(index.Indexed, models.Model):
    """A family of shops visitors filter by (Alimentation, Mode…), shared by every town of the install."""

    name = models.CharField(
        _("name"), max_length=80, unique=True, help_text=_("The name visitors see, e.g. “Alimentation”.")
    )
    slug = models.SlugField(
        _("short name in addresses"),
        max_length=80,
        unique=True,
        help_text=_("Used in the directory's web addresses, e.g. “alimentation”."),
    )
    schema_type = models.CharField(
        _("type for search engines"),
        max_length=40,
        choices=SCHEMA_TYPES,
        default="LocalBusiness",
        help_text=_("The schema.org type that tells search engines what kind of business this is."),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Categories are listed from the smallest number up.")
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("schema_type"), FieldPanel("sort_order")]

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    # Shared by every town's directory (core/page_cache_signals.py).
    cache_invalidation = "every town"

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("shop category")
        verbose_name_plural = _("shop categories")

    def __str__(self):
        return self.name

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable
from wagtail.search import index


class Product(index.Indexed, Orderable):
    """Something a shop sells, edited with the shop page so it is part of its revisions."""

    shop = ParentalKey("shops.ShopPage", on_delete=models.CASCADE, related_name="products")
    name = models.CharField(_("name"), max_length=120, help_text=_("e.g. “Piles AA (lot de 4)”."))
    description = models.CharField(
        _("short description"),
        max_length=300,
        blank=True,
        help_text=_("One sentence: size, origin, what makes it special."),
    )
    price = models.DecimalField(
        _("price (€)"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
        help_text=_("In euros, e.g. 12.50. Leave empty if the price varies."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A photo of the product (optional)."),
    )
    click_collect = models.BooleanField(
        _("can be set aside"),
        default=False,
        help_text=_("Tick if visitors may ask you to set this product aside (click & collect)."),
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("price")]),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("image"), FieldPanel("click_collect")]),
    ]

    search_fields = [
        index.SearchField("name", boost=3),
        index.SearchField("description"),
        index.AutocompleteField("name"),
        index.FilterField("shop"),
        # Product search sorts its results by name (shops/product_search.py).
        index.FilterField("name"),
        index.FilterField("id"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("product")
        verbose_name_plural = _("products")

    def __str__(self):
        return self.name

    @property
    def anchor(self):
        return f"produit-{self.pk}"

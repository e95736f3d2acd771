from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable


class ShopPhoto(Orderable):
    """A photo of the shop's gallery; it says what it shows, or that it is decorative."""

    shop = ParentalKey("shops.ShopPage", on_delete=models.CASCADE, related_name="gallery")
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The first photo is also used when the page is shared."),
    )
    alt_text = models.CharField(
        _("description of the photo"),
        max_length=250,
        blank=True,
        help_text=_("What the photo shows, for people who cannot see it, e.g. “La vitrine et ses bouquets”."),
    )
    decorative = models.BooleanField(
        _("decorative photo"),
        default=False,
        help_text=_("Tick only if the photo brings no information (then no description is needed)."),
    )

    panels = [FieldPanel("image"), FieldPanel("alt_text"), FieldPanel("decorative")]

    class Meta(Orderable.Meta):
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def clean(self):
        if self.image_id is None:
            raise ValidationError({"image": _("Choose a photo.")})
        if not self.decorative and not self.alt_text.strip():
            raise ValidationError(
                {"alt_text": _("Describe the photo, or tick “decorative photo” if it brings no information.")}
            )

    @property
    def alt(self):
        return "" if self.decorative else self.alt_text

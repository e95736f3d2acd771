from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from core.renditions import page_stream_images

# What a link to a page reads (its title, its address in the tree): listings that only link
# to pages load these columns, not the whole page (`.only(*LINK_FIELDS, ...)`).
LINK_FIELDS = ("title", "url_path", "path", "depth", "locale_id")


class BasePage(Page):
    """What every public page shares: how it appears in listings, search engines and shares."""

    listing_summary = models.TextField(
        _("summary"),
        blank=True,
        max_length=300,
        help_text=_("Two or three sentences shown in lists, search results and when the page is shared."),
    )
    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("sharing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when the page is shared on social networks (1200 × 630 pixels is best)."),
    )

    promote_panels = [
        MultiFieldPanel(Page.promote_panels, heading=_("Address and search engines")),
        MultiFieldPanel(
            [FieldPanel("listing_summary"), FieldPanel("social_image")],
            heading=_("Listings and sharing"),
        ),
    ]

    search_fields = Page.search_fields + [index.SearchField("listing_summary")]

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        # Routing already checked, in the same query, that no page above has a restriction.
        if getattr(self, "route_unrestricted", False):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def get_meta_description(self):
        return self.search_description or self.listing_summary

    def get_social_image(self):
        return self.social_image

    def public_images(self):
        """(image, role) for every image visitors see of this page, here or on pages that list it:
        their renditions are made when it is published (core/renditions.py)."""
        social_image = self.get_social_image()
        if social_image is not None:
            yield social_image, "social"
        yield from page_stream_images(self)

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from home.blocks import RICH_TEXT_FEATURES, BodyBlock, HomeCallsToActionBlock, HomeFeaturedBlock

from .base import BasePage


class HomePage(BasePage):
    """The front door of one town's portal: the root page of its Wagtail Site."""

    hero_title = models.CharField(
        _("main title"),
        max_length=120,
        help_text=_("The big sentence at the top, e.g. “Vos commerces de proximité, en un clic”."),
    )
    hero_text = models.TextField(
        _("introduction"),
        max_length=400,
        blank=True,
        help_text=_("One or two sentences under the main title."),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("main image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A wide photo of the town centre. It is decorative: put no information in it."),
    )
    intro = RichTextField(
        _("welcome text"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("A few paragraphs that present the portal."),
    )
    calls_to_action = StreamField(
        HomeCallsToActionBlock(),
        verbose_name=_("calls to action"),
        blank=True,
        help_text=_("The main doors: find a shop, learn, get help, volunteer."),
    )
    featured = StreamField(
        HomeFeaturedBlock(),
        verbose_name=_("featured content"),
        blank=True,
        help_text=_("News and highlights, shown below the calls to action."),
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [FieldPanel("hero_title"), FieldPanel("hero_text"), FieldPanel("hero_image")],
            heading=_("Top of the page"),
        ),
        FieldPanel("intro"),
        FieldPanel("calls_to_action"),
        FieldPanel("featured"),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("hero_title"),
        index.SearchField("hero_text"),
        index.SearchField("intro"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def public_images(self):
        if self.hero_image is not None:
            yield self.hero_image, "hero"
        yield from super().public_images()

    def route(self, request, path_components):
        from core.routing import route_in_town

        return route_in_town(self, request, path_components)


class StandardPage(BasePage):
    """A page of text: “À propos”, legal notice, personal data, accessibility statement."""

    introduction = models.TextField(
        _("introduction"),
        max_length=500,
        blank=True,
        help_text=_("A short paragraph shown in larger text at the top."),
    )
    body = StreamField(
        BodyBlock(),
        verbose_name=_("content"),
        blank=True,
        help_text=_("Add headings, paragraphs, images, call-outs, videos and documents."),
    )

    content_panels = BasePage.content_panels + [FieldPanel("introduction"), FieldPanel("body")]

    search_fields = BasePage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")

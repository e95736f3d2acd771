from django import forms
from django.db import models
from django.db.models import OuterRef, Subquery
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, Site
from wagtail.search import index

from core.renditions import prefetch_renditions
from core.routing import public
from home.models import LINK_FIELDS, BasePage
from learning.blocks import GuideBodyBlock
from learning.levels import DigitalLevel

GUIDES_PER_PAGE = 12
# What a guide's card reads (learning/includes/guide_card.html): not the body, the heaviest.
CARD_FIELDS = (*LINK_FIELDS, "summary", "level", "time_needed", "cover_image")


class Licence(models.TextChoices):
    ETALAB = "etalab-2.0", _("Licence Ouverte 2.0 (Etalab)")
    CC_BY_SA = "cc-by-sa-4.0", _("CC BY-SA 4.0")
    CC_BY = "cc-by-4.0", _("CC BY 4.0")
    ALL_RIGHTS = "all-rights-reserved", _("All rights reserved")


LICENCE_URLS = {
    Licence.ETALAB: "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
    Licence.CC_BY_SA: "https://creativecommons.org/licenses/by-sa/4.0/deed.fr",
    Licence.CC_BY: "https://creativecommons.org/licenses/by/4.0/deed.fr",
}


class GuideIndexPage(BasePage):
    """“Se former”: the town's guides, to filter by level and topic and to search."""

    introduction = models.TextField(
        _("introduction"),
        max_length=600,
        blank=True,
        help_text=_("A few sentences that invite shopkeepers to learn at their own pace."),
    )

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]

    search_fields = BasePage.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["learning.GuidePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("guide index")
        verbose_name_plural = _("guide indexes")

    def get_context(self, request, *args, **kwargs):
        from learning.views import guide_listing_context

        context = super().get_context(request, *args, **kwargs)
        context.update(guide_listing_context(self, request))
        return context


class GuidePage(RoutablePageMixin, BasePage):
    """A step-by-step guide that a shopkeeper can follow alone, on screen or on paper."""

    summary = models.TextField(
        _("summary"),
        max_length=400,
        help_text=_("What the shopkeeper will know how to do at the end, in one or two sentences."),
    )
    level = models.CharField(
        _("level"),
        max_length=20,
        choices=DigitalLevel.choices,
        default=DigitalLevel.DISCOVER,
        help_text=_(
            "Découvrir: first steps. Progresser: already started. Maîtriser: at ease, going further."
        ),
    )
    topics = ParentalManyToManyField(
        "learning.Topic",
        verbose_name=_("topics"),
        related_name="guides",
        help_text=_("What the guide is about; the first one decides the previous and next guides."),
    )
    time_needed = models.PositiveSmallIntegerField(
        _("time needed (minutes)"), default=15, help_text=_("About how long it takes to follow the guide.")
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown at the top and in lists. It is decorative: put no information in it."),
    )
    last_reviewed = models.DateField(
        _("last reviewed on"),
        null=True,
        blank=True,
        help_text=_("The day someone last checked that the guide is still right."),
    )
    licence = models.CharField(
        _("licence"),
        max_length=30,
        choices=Licence.choices,
        default=Licence.ETALAB,
        help_text=_("What others may do with this guide. Licence Ouverte lets anyone reuse it."),
    )
    body = StreamField(
        GuideBodyBlock(),
        verbose_name=_("content"),
        help_text=_("Numbered steps, tips, warnings, checklists, videos, files to download."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("level"), FieldPanel("time_needed")]),
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Who it is for"),
        ),
        FieldPanel("cover_image"),
        FieldPanel("body"),
        InlinePanel("related_guides", label=_("Related guides"), max_num=6),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("last_reviewed"), FieldPanel("licence")])],
            heading=_("Review and reuse"),
        ),
        HelpPanel(template="learning/admin/guide_feedback_panel.html", heading=_("Visitors' feedback")),
        HelpPanel(template="learning/admin/library_copy_panel.html", heading=_("Guide library")),
    ]

    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("level"),
    ]

    parent_page_types = ["learning.GuideIndexPage", "learning.GuideLibraryPage"]
    subpage_types = []
    # Loaded with the page when a visitor opens it (core/routing.py).
    serve_select_related = ["cover_image"]

    class Meta:
        verbose_name = _("guide")
        verbose_name_plural = _("guides")

    def get_meta_description(self):
        return self.search_description or self.listing_summary or self.summary

    def get_social_image(self):
        return self.social_image or self.cover_image

    def public_images(self):
        if self.cover_image is not None:
            yield self.cover_image, "guide_cover"
            yield self.cover_image, "guide_card"
        yield from super().public_images()

    @property
    def licence_url(self):
        return LICENCE_URLS.get(self.licence, "")

    def outline(self):
        """The body with step numbers and anchors: what the template and the table of contents need."""
        steps_total = sum(1 for block in self.body if block.block_type == "step")
        items, toc, step_number, used = [], [], 0, set()
        for block in self.body:
            item = {"block": block, "anchor": "", "step_number": None, "step_total": steps_total}
            if block.block_type == "step":
                step_number += 1
                item["anchor"] = f"etape-{step_number}"
                item["step_number"] = step_number
                toc.append(
                    {"anchor": item["anchor"], "title": block.value["title"], "step_number": step_number}
                )
            elif block.block_type == "heading" and block.value["level"] == "h2":
                anchor = slugify(block.value["text"]) or f"section-{len(toc) + 1}"
                while anchor in used:
                    anchor += "-1"
                item["anchor"] = anchor
                toc.append({"anchor": anchor, "title": block.value["text"], "step_number": None})
            used.add(item["anchor"])
            items.append(item)
        return {"items": items, "toc": toc, "steps_total": steps_total}

    def adapt_for_town(self, town_copies):
        """On a town's copy of a library guide (towns/library.py): related guides become the town's
        copies of them, {library guide id: copy id}; those the town has not copied are left out."""
        self.related_guides = [
            RelatedGuide(guide_id=town_copies[link.guide_id], sort_order=link.sort_order)
            for link in self.related_guides.all()
            if link.guide_id in town_copies
        ]

    def primary_topic(self):
        topics = list(self.topics.all())
        return topics[0] if topics else None

    def neighbours(self):
        """The previous and next guide of the same main topic, in the order of the guide index."""
        topic = self.primary_topic()
        if topic is None or not self.live:
            return None, None
        # One plain query for the few guides of the topic in this section, only what a link
        # needs: building subqueries for "just before" and "just after" cost the ORM ten
        # times more than the rows. The siblings share this guide's ancestors: a visitor
        # routed here passed their restrictions, so only a sibling's own restriction counts.
        siblings = GuidePage.objects.filter(
            path__startswith=self.path[: -self.steplen],
            depth=self.depth,
            live=True,
            topics=topic,
            view_restrictions=None,
        )
        siblings = siblings.only(*LINK_FIELDS).order_by("path")
        if not hasattr(self, "route_ancestors"):
            # Not reached by a visitor (core/routing.py): only what the public may read.
            siblings = public(siblings)
        siblings = list(siblings)
        before = [guide for guide in siblings if guide.path < self.path]
        after = [guide for guide in siblings if guide.path > self.path]
        return (before[-1] if before else None), (after[0] if after else None)

    def visible_related_guides(self, site_root=None):
        if site_root is None:
            site = self.get_site()
            site_root = site.root_page if site else self.get_parent()
        visible = (
            public(GuidePage.objects.live().descendant_of(site_root))
            .only(*CARD_FIELDS)
            .select_related("cover_image")
            .prefetch_related(prefetch_renditions("cover_image__renditions", "guide_card"))
        )
        links = self.related_guides.all()
        if isinstance(links, models.QuerySet):
            # The saved links (not a preview's): read with the guides, in the editor's order.
            position = links.filter(guide=OuterRef("pk")).values("sort_order")[:1]
            return list(
                visible.filter(pk__in=links.values("guide_id"))
                .annotate(link_position=Subquery(position))
                .order_by("link_position")
            )
        pks = [link.guide_id for link in links if link.guide_id]
        guides = visible.filter(pk__in=pks).in_bulk()
        return [guides[pk] for pk in pks if pk in guides]

    def feedback_counts(self):
        counts = {
            row["helpful"]: row["total"]
            for row in self.feedback.values("helpful").annotate(total=models.Count("pk"))
        }
        return {"yes": counts.get(True, 0), "no": counts.get(False, 0)}

    def get_context(self, request, *args, **kwargs):
        from learning.views import guide_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(guide_page_context(self, request, kwargs.get("feedback_form")))
        return context

    @path("")
    def guide(self, request):
        from learning.views import guide_page

        return guide_page(self, request)


class RelatedGuide(Orderable):
    page = ParentalKey(GuidePage, on_delete=models.CASCADE, related_name="related_guides")
    guide = models.ForeignKey(
        GuidePage,
        verbose_name=_("guide"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("A guide of the same town that goes well with this one."),
    )

    panels = [FieldPanel("guide")]


class GuideFeedback(models.Model):
    """An anonymous “was this guide useful?” vote: no name, no address, just the answer."""

    guide = models.ForeignKey(
        GuidePage, verbose_name=_("guide"), on_delete=models.CASCADE, related_name="feedback"
    )
    site = models.ForeignKey(Site, verbose_name=_("town"), on_delete=models.CASCADE, related_name="+")
    helpful = models.BooleanField(_("helpful"))
    comment = models.TextField(_("comment"), blank=True, max_length=1000)
    created_at = models.DateTimeField(_("date"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("guide feedback")
        verbose_name_plural = _("guide feedback")

    def __str__(self):
        return f"{self.guide.title} — {'oui' if self.helpful else 'non'}"


class GuideLibraryPage(Page):
    """The shared guide library: guides written once, offered to every town (learning/library.py).

    It sits directly under Wagtail's root and no Site serves it, so visitors never reach its
    guides and town search never finds them; towns publish copies in their own “Se former”.
    Administrators and the “Bibliothèque de guides” group edit it; town staff, whose page
    rights start at their town's home page, read it only through the library screen.
    """

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        max_length=600,
        help_text=_("For the towns' teams: what the library holds and how its guides are written."),
    )

    content_panels = Page.content_panels + [FieldPanel("introduction")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["learning.GuidePage"]
    max_count = 1
    # Never shown to visitors: nothing to preview.
    preview_modes = []

    class Meta:
        verbose_name = _("guide library")
        verbose_name_plural = _("guide libraries")

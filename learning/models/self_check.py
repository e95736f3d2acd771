from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Site
from wagtail.search import index

from home.blocks import RICH_TEXT_FEATURES
from home.models import BasePage
from learning.blocks import SelfCheckQuestionsBlock
from learning.levels import DigitalLevel


class SelfCheckPage(RoutablePageMixin, BasePage):
    """“Où en êtes-vous avec le numérique ?”: a questionnaire staff edit, that places a shop on a level."""

    introduction = models.TextField(
        _("introduction"),
        max_length=600,
        blank=True,
        help_text=_("Says why it is worth answering: a few minutes, anonymous, guides chosen for you."),
    )
    questions = StreamField(
        SelfCheckQuestionsBlock(),
        verbose_name=_("questions"),
        help_text=_("Each question has its answers, the points of each answer and the topic it relates to."),
    )
    progress_from = models.PositiveSmallIntegerField(
        _("“Progresser” from (points)"),
        default=6,
        help_text=_("A total of points at or above this places the shop on “Progresser”."),
    )
    master_from = models.PositiveSmallIntegerField(
        _("“Maîtriser” from (points)"),
        default=12,
        help_text=_("A total of points at or above this places the shop on “Maîtriser”."),
    )
    discover_text = RichTextField(
        _("text for “Découvrir”"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Shown to shops placed on “Découvrir”. Be encouraging: everybody starts somewhere."),
    )
    progress_text = RichTextField(
        _("text for “Progresser”"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Shown to shops placed on “Progresser”."),
    )
    master_text = RichTextField(
        _("text for “Maîtriser”"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Shown to shops placed on “Maîtriser”."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("questions"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("progress_from"), FieldPanel("master_from")]),
                FieldPanel("discover_text"),
                FieldPanel("progress_text"),
                FieldPanel("master_text"),
            ],
            heading=_("Levels: thresholds and texts"),
        ),
    ]

    search_fields = BasePage.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("self-check")
        verbose_name_plural = _("self-checks")

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        if self.master_from <= self.progress_from:
            raise ValidationError(
                {"master_from": _("“Maîtriser” must start above the threshold of “Progresser”.")}
            )

    def max_score(self):
        return sum(max((a["points"] for a in q.value["answers"]), default=0) for q in self.questions)

    def level_for(self, score):
        if score >= self.master_from:
            return DigitalLevel.MASTER
        if score >= self.progress_from:
            return DigitalLevel.PROGRESS
        return DigitalLevel.DISCOVER

    def level_text(self, level):
        return {
            DigitalLevel.DISCOVER: self.discover_text,
            DigitalLevel.PROGRESS: self.progress_text,
            DigitalLevel.MASTER: self.master_text,
        }[level]

    @path("")
    def questionnaire(self, request):
        from learning.views import self_check_form

        return self_check_form(self, request)

    @path("resultat/")
    def result(self, request):
        from learning.views import self_check_result

        return self_check_result(self, request)


class SelfCheckResult(models.Model):
    """One anonymous answer to the self-check, kept for statistics: no name, no address, no IP."""

    site = models.ForeignKey(Site, verbose_name=_("town"), on_delete=models.CASCADE, related_name="+")
    level = models.CharField(_("level"), max_length=20, choices=DigitalLevel.choices)
    score = models.PositiveSmallIntegerField(_("score"))
    max_score = models.PositiveSmallIntegerField(_("maximum score"))
    topic_scores = models.JSONField(
        _("scores per topic"), default=dict, help_text=_("Topic slug: share of the points obtained, 0 to 1.")
    )
    created_on = models.DateField(_("date"), auto_now_add=True)

    # Counted in the staff's statistics, shown on no public page (core/page_cache_signals.py).
    cache_invalidation = None

    class Meta:
        ordering = ["-created_on", "-pk"]
        verbose_name = _("self-check result")
        verbose_name_plural = _("self-check results")
        permissions = [("manage_learning", _("Can see the learning records of a town"))]

    def __str__(self):
        return f"{self.get_level_display()} ({self.score}/{self.max_score})"

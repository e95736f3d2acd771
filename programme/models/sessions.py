from django import forms
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from learning.levels import DigitalLevel

from .choices import Mode


class CoachingSession(models.Model):
    """One coup de pouce given: when, how long, what was covered, and when to check back."""

    request = models.ForeignKey(
        "programme.HelpRequest",
        verbose_name=_("help request"),
        on_delete=models.CASCADE,
        related_name="sessions",
    )
    helper = models.ForeignKey(
        "programme.Volunteer",
        verbose_name=_("helper"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="sessions",
    )
    date = models.DateField(_("date"))
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration (minutes)"), default=120, help_text=_("A coup de pouce usually lasts about two hours.")
    )
    mode = models.CharField(_("mode"), max_length=10, choices=Mode.choices, default=Mode.IN_SHOP)
    topics_covered = models.ManyToManyField(
        "learning.Topic", verbose_name=_("topics covered"), blank=True, related_name="+"
    )
    guides = models.ManyToManyField(
        "learning.GuidePage",
        verbose_name=_("guides used"),
        blank=True,
        related_name="+",
        help_text=_("The portal's guides you used or left with the shopkeeper."),
    )
    guides_used = models.TextField(
        _("other resources"),
        blank=True,
        max_length=1000,
        help_text=_("Titles or addresses of other guides or videos you used, one per line."),
    )
    level_before = models.CharField(
        _("level before"), max_length=12, choices=DigitalLevel.choices, blank=True
    )
    level_after = models.CharField(_("level after"), max_length=12, choices=DigitalLevel.choices, blank=True)
    outcome = models.TextField(
        _("what was done"), blank=True, max_length=2000, help_text=_("What the shopkeeper can now do alone.")
    )
    follow_up_date = models.DateField(
        _("follow-up on"),
        null=True,
        blank=True,
        help_text=_("When to check that the shop keeps its page up to date. You get a reminder."),
    )
    follow_up_done = models.BooleanField(_("follow-up done"), default=False)
    last_reminded_on = models.DateField(_("last reminder sent on"), null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("request"),
                FieldPanel("helper"),
                FieldRowPanel([FieldPanel("date"), FieldPanel("duration_minutes"), FieldPanel("mode")]),
            ],
            heading=_("The session"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("topics_covered", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel([FieldPanel("level_before"), FieldPanel("level_after")]),
                FieldPanel("guides", widget=forms.CheckboxSelectMultiple),
                FieldPanel("guides_used"),
                FieldPanel("outcome"),
            ],
            heading=_("What was covered"),
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("follow_up_date"), FieldPanel("follow_up_done")])],
            heading=_("Follow-up"),
        ),
    ]

    # Counted in the programme's public figures. Its town is its request's, one step further than
    # core/page_cache_signals.py looks: every town's pages go stale.
    cache_invalidation = "every town"

    class Meta:
        ordering = ["-date"]
        verbose_name = _("coaching session")
        verbose_name_plural = _("coaching sessions")

    def __str__(self):
        return _("Session of %(date)s — %(request)s") % {
            "date": self.date.strftime("%d/%m/%Y"),
            "request": self.request,
        }

    def get_follow_up_status(self):
        from django.utils import timezone

        if self.follow_up_done:
            return _("Done")
        if self.follow_up_date is None:
            return _("None planned")
        if self.follow_up_date < timezone.localdate():
            return _("Overdue")
        return _("To do")

    get_follow_up_status.short_description = _("follow-up")

from django import forms
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from .choices import Mode, slot_label


class VolunteerQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=Volunteer.Status.ACTIVE)

    def publicly_listed(self, site):
        return self.active().filter(site=site, consent_public_listing=True, is_staff_animator=False)


class Volunteer(models.Model):
    """A person who gives coups de pouce: a volunteer, or a town animator (flagged) — both are “helpers”."""

    class Status(models.TextChoices):
        APPLIED = "applied", _("Applied")
        ACTIVE = "active", pgettext_lazy("volunteer status", "Active")
        PAUSED = "paused", _("Paused")
        LEFT = "left", _("Left")

    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("town"), on_delete=models.CASCADE, related_name="volunteers"
    )
    first_name = models.CharField(_("first name"), max_length=80)
    last_name = models.CharField(_("last name"), max_length=80, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    skills = models.ManyToManyField(
        "learning.Topic",
        verbose_name=_("skills"),
        blank=True,
        related_name="volunteers",
        help_text=_("What this person can help with."),
    )
    availability = models.JSONField(
        _("availability"), default=list, blank=True, help_text=_("Half-days, e.g. “lun-matin”.")
    )
    mode_in_shop = models.BooleanField(_("in the shop"), default=False)
    mode_phone = models.BooleanField(_("by phone"), default=False)
    mode_video = models.BooleanField(_("by video call"), default=False)
    presentation = models.TextField(_("presentation"), blank=True, max_length=1000)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.APPLIED)
    is_staff_animator = models.BooleanField(
        _("town animator"),
        default=False,
        help_text=_("Tick for a member of the town staff who gives coups de pouce (animateur·rice)."),
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="volunteer",
        help_text=_("The admin account this person uses to see their coups de pouce."),
    )
    consent_processing_at = models.DateTimeField(_("consent to processing given on"), null=True, blank=True)
    consent_public_listing = models.BooleanField(
        _("appears in the public list"),
        default=False,
        help_text=_("Only if the person agreed: first name, skills and modes are shown."),
    )
    consent_public_listing_at = models.DateTimeField(_("consent to listing given on"), null=True, blank=True)
    notes = models.TextField(_("staff notes"), blank=True, help_text=_("Seen only by the town staff."))
    created_at = models.DateTimeField(_("applied on"), default=timezone.now)
    left_at = models.DateTimeField(_("left on"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised on"), null=True, blank=True)

    objects = VolunteerQuerySet.as_manager()

    panels = [
        FieldPanel("site"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("first_name"), FieldPanel("last_name")]),
                FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
            ],
            heading=_("Identity and contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldPanel("is_staff_animator"),
                FieldPanel("consent_public_listing"),
                FieldPanel("notes"),
            ],
            heading=_("Follow-up by the town"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("skills", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel(
                    [FieldPanel("mode_in_shop"), FieldPanel("mode_phone"), FieldPanel("mode_video")]
                ),
                FieldPanel("availability"),
                FieldPanel("presentation"),
            ],
            heading=_("Skills and modes"),
        ),
    ]

    class Meta:
        ordering = ["first_name", "last_name"]
        verbose_name = _("volunteer")
        verbose_name_plural = _("volunteers")

    def __str__(self):
        name = f"{self.first_name} {self.last_name}".strip()
        if self.is_staff_animator:
            return f"{name} ({_('town animator')})"
        return name

    def save(self, *args, **kwargs):
        if self.status == self.Status.LEFT and self.left_at is None:
            self.left_at = timezone.now()
        elif self.status != self.Status.LEFT:
            self.left_at = None
        super().save(*args, **kwargs)

    @property
    def modes(self):
        chosen = [
            (Mode.IN_SHOP, self.mode_in_shop),
            (Mode.PHONE, self.mode_phone),
            (Mode.VIDEO, self.mode_video),
        ]
        return [mode for mode, on in chosen if on]

    def get_modes_display(self):
        return ", ".join(str(Mode(mode).label) for mode in self.modes)

    get_modes_display.short_description = _("modes")

    def get_availability_display(self):
        return ", ".join(slot_label(slot) for slot in self.availability or [])

    def get_skills_display(self):
        return ", ".join(topic.name for topic in self.skills.all())

    get_skills_display.short_description = _("skills")

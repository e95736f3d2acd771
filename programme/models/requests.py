import hashlib

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from learning.levels import DigitalLevel

from .choices import Mode, slot_label


class HelpRequest(models.Model):
    """A shopkeeper's request for a coup de pouce, from the public form to the last session."""

    class Status(models.TextChoices):
        NEW = "new", pgettext_lazy("help request status", "New")
        ASSIGNED = "assigned", _("Assigned")
        SCHEDULED = "scheduled", _("Scheduled")
        DONE = "done", _("Done")
        CLOSED = "closed", pgettext_lazy("help request status", "Closed")

    site = models.ForeignKey(
        "wagtailcore.Site", verbose_name=_("town"), on_delete=models.CASCADE, related_name="help_requests"
    )
    shop = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("shop page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The shop's page on the portal, when it has one."),
    )
    shop_name = models.CharField(_("shop"), max_length=150, blank=True)
    shop_key = models.CharField(
        max_length=64,
        blank=True,
        editable=False,
        help_text="Counts distinct shops, kept after anonymisation.",
    )
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    topics = models.ManyToManyField("learning.Topic", verbose_name=_("topics"), blank=True, related_name="+")
    level = models.CharField(_("level"), max_length=12, choices=DigitalLevel.choices, blank=True)
    preferred_mode = models.CharField(_("preferred mode"), max_length=10, choices=Mode.choices, blank=True)
    preferred_times = models.JSONField(_("preferred times"), default=list, blank=True)
    message = models.TextField(_("message"), blank=True, max_length=2000)
    consent_at = models.DateTimeField(_("consent given on"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.NEW)
    helper = models.ForeignKey(
        "programme.Volunteer",
        verbose_name=_("helper"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_requests",
        help_text=_("The volunteer or town animator who gives this coup de pouce."),
    )
    assigned_at = models.DateTimeField(_("assigned on"), null=True, blank=True)
    notes = models.TextField(_("staff notes"), blank=True, help_text=_("Seen by the staff and the helper."))
    created_at = models.DateTimeField(_("received on"), default=timezone.now)
    closed_at = models.DateTimeField(_("closed on"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised on"), null=True, blank=True)

    panels = [
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("status"), FieldPanel("helper")]), FieldPanel("notes")],
            heading=_("Follow-up by the town"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("shop_name"), FieldPanel("contact_name")]),
                FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
            ],
            heading=_("Who asks"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel([FieldPanel("level"), FieldPanel("preferred_mode")]),
                FieldPanel("message"),
            ],
            heading=_("The request"),
        ),
    ]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("help request")
        verbose_name_plural = _("help requests")

    def __str__(self):
        if self.anonymised_at:
            return _("Anonymised request no. %(pk)s") % {"pk": self.pk}
        return f"{self.shop_name or self.contact_name} — {self.created_at:%d/%m/%Y}"

    def save(self, *args, **kwargs):
        if self.helper_id and self.assigned_at is None:
            self.assigned_at = timezone.now()
        if self.status == self.Status.CLOSED and self.closed_at is None:
            self.closed_at = timezone.now()
        elif self.status != self.Status.CLOSED:
            self.closed_at = None
        if not self.anonymised_at:
            self.shop_key = self.compute_shop_key()
        super().save(*args, **kwargs)
        if not self.shop_key:
            self.shop_key = f"request-{self.pk}"
            HelpRequest.objects.filter(pk=self.pk).update(shop_key=self.shop_key)

    def compute_shop_key(self):
        if self.shop_id:
            return f"page-{self.shop_id}"
        name = slugify(self.shop_name or "")
        if name:
            return "name-" + hashlib.sha256(f"{self.site_id}:{name}".encode()).hexdigest()[:40]
        return f"request-{self.pk}" if self.pk else ""

    def get_preferred_times_display(self):
        return ", ".join(slot_label(slot) for slot in self.preferred_times or [])

    def get_topics_display(self):
        return ", ".join(topic.name for topic in self.topics.all())

    get_topics_display.short_description = _("topics")

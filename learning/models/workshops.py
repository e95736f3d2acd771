import datetime

from django import forms
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Site
from wagtail.search import index

from home import page_cache
from home.blocks import RICH_TEXT_FEATURES
from home.models import BasePage
from learning.levels import DigitalLevel


class WorkshopIndexPage(BasePage):
    """“Ateliers”: the town's group workshops, upcoming first, past ones kept as a record."""

    introduction = models.TextField(
        _("introduction"),
        max_length=600,
        blank=True,
        help_text=_("Says what a workshop is like: free, in a small group, with a trainer."),
    )

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["learning.WorkshopPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("workshop index")
        verbose_name_plural = _("workshop indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        workshops = WorkshopPage.objects.live().public().child_of(self)
        now = timezone.now()
        context["upcoming"] = workshops.filter(starts_at__gt=now).order_by("starts_at")
        context["past"] = workshops.filter(starts_at__lte=now).order_by("-starts_at")[:20]
        return context


class WorkshopMode(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")


class WorkshopPage(RoutablePageMixin, BasePage):
    """A group workshop on a date, with a limited number of seats and a waiting list."""

    starts_at = models.DateTimeField(_("date and time"), help_text=_("Paris time."))
    duration = models.PositiveSmallIntegerField(
        _("duration (minutes)"), default=90, help_text=_("How long the workshop lasts.")
    )
    mode = models.CharField(
        _("where"), max_length=20, choices=WorkshopMode.choices, default=WorkshopMode.IN_PERSON
    )
    place = models.TextField(
        _("address"),
        max_length=300,
        blank=True,
        help_text=_("The room and its address, for a workshop in person."),
    )
    online_link = models.URLField(
        _("link to join"),
        blank=True,
        help_text=_("For an online workshop: sent only to registered people, in their confirmation."),
    )
    capacity = models.PositiveSmallIntegerField(
        _("seats"), default=12, help_text=_("Beyond this number, people go on the waiting list.")
    )
    level = models.CharField(
        _("level"), max_length=20, choices=DigitalLevel.choices, default=DigitalLevel.DISCOVER
    )
    topics = ParentalManyToManyField(
        "learning.Topic", verbose_name=_("topics"), related_name="workshops", blank=True
    )
    description = RichTextField(
        _("description"),
        features=RICH_TEXT_FEATURES,
        help_text=_("What participants will learn and what to bring (a phone, a laptop…)."),
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("starts_at"), FieldPanel("duration")]),
                FieldPanel("mode"),
                FieldPanel("place"),
                FieldPanel("online_link"),
                FieldPanel("capacity"),
            ],
            heading=_("When and where"),
        ),
        MultiFieldPanel(
            [FieldPanel("level"), FieldPanel("topics", widget=forms.CheckboxSelectMultiple)],
            heading=_("Who it is for"),
        ),
        FieldPanel("description"),
    ]

    search_fields = BasePage.search_fields + [index.SearchField("description")]

    parent_page_types = ["learning.WorkshopIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("workshop")
        verbose_name_plural = _("workshops")

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        if self.mode == WorkshopMode.IN_PERSON and not self.place:
            raise ValidationError({"place": _("Give the address of the workshop.")})
        if self.mode == WorkshopMode.ONLINE and not self.online_link:
            raise ValidationError({"online_link": _("Give the link to join the workshop.")})

    @property
    def ends_at(self):
        return self.starts_at + datetime.timedelta(minutes=self.duration)

    @property
    def is_past(self):
        return self.starts_at <= timezone.now()

    def seats_taken(self):
        return self.registrations.filter(status=Registration.Status.CONFIRMED).count()

    def seats_left(self):
        return max(self.capacity - self.seats_taken(), 0)

    def register(self, **fields):
        """Record a registration: a seat while there is one, else the waiting list. Never overbooks.

        The workshop row is locked while seats are counted, so two people who register
        at the same time cannot both get the last seat.
        """
        with transaction.atomic():
            # PostgreSQL locks the workshop row; SQLite has no row locks, but its
            # transactions take the database's write lock up front (settings: IMMEDIATE).
            WorkshopPage.objects.select_for_update().filter(pk=self.pk).values_list("pk").first()
            taken = Registration.objects.filter(workshop=self, status=Registration.Status.CONFIRMED).count()
            status = Registration.Status.CONFIRMED if taken < self.capacity else Registration.Status.WAITING
            return Registration.objects.create(workshop=self, site=self.get_site(), status=status, **fields)

    def serve_preview(self, request, mode_name):
        from learning.views import workshop_page

        return workshop_page(self, request)

    @path("")
    def workshop(self, request):
        from learning.views import workshop_page

        return workshop_page(self, request)

    @path("annulation/")
    def cancellation(self, request):
        from learning.views import workshop_cancellation

        return workshop_cancellation(self, request)


class Registration(models.Model):
    """A person's seat (or place on the waiting list) at a workshop; staff see and export them."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Registered")
        WAITING = "waiting", _("Waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    workshop = models.ForeignKey(
        WorkshopPage, verbose_name=_("workshop"), on_delete=models.CASCADE, related_name="registrations"
    )
    site = models.ForeignKey(Site, verbose_name=_("town"), on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    shop_name = models.CharField(_("shop"), max_length=150, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.CONFIRMED)
    consent_at = models.DateTimeField(_("consent given on"))
    created_at = models.DateTimeField(_("registered on"), auto_now_add=True)
    cancelled_at = models.DateTimeField(_("cancelled on"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("workshop registration")
        verbose_name_plural = _("workshop registrations")

    def __str__(self):
        return f"{self.name} — {self.workshop.title}"

    def cancel(self):
        """Free the seat; the first person of the waiting list takes it. Returns that person, if any."""
        with transaction.atomic():
            WorkshopPage.objects.select_for_update().filter(pk=self.workshop_id).values_list("pk").first()
            current = Registration.objects.get(pk=self.pk)
            if current.status == Registration.Status.CANCELLED:
                return None
            was_confirmed = current.status == Registration.Status.CONFIRMED
            Registration.objects.filter(pk=self.pk).update(
                status=Registration.Status.CANCELLED, cancelled_at=timezone.now()
            )
            # update() sends no signal: the seats left shown on the cached workshop page change.
            page_cache.invalidate_town(current.site_id)
            self.refresh_from_db()
            if not was_confirmed:
                return None
            workshop = self.workshop
            taken = Registration.objects.filter(
                workshop=workshop, status=Registration.Status.CONFIRMED
            ).count()
            if taken >= workshop.capacity:
                return None
            promoted = (
                Registration.objects.filter(workshop=workshop, status=Registration.Status.WAITING)
                .order_by("created_at", "pk")
                .first()
            )
            if promoted:
                promoted.status = Registration.Status.CONFIRMED
                promoted.save(update_fields=["status"])
            return promoted

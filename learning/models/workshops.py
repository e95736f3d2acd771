import datetime

from django import forms
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Site
from wagtail.search import index

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
        return self.registrations.holding_seats().count()

    def seats_left(self):
        return max(self.capacity - self.seats_taken(), 0)

    def lock(self):
        """Lock the workshop while its seats are counted and given: two people never get the last one.

        PostgreSQL locks the workshop row; SQLite has no row locks, but its transactions take
        the database's write lock up front (settings: IMMEDIATE). Call inside transaction.atomic().
        """
        WorkshopPage.objects.select_for_update().filter(pk=self.pk).values_list("pk").first()

    def register(self, **fields):
        """Hold a seat (or a place on the waiting list) for 30 minutes, until the e-mailed link confirms it.

        Never overbooks: confirmed seats and holds younger than 30 minutes are counted under
        the workshop's lock. One e-mail address holds at most SEATS_PER_ADDRESS places. Seats
        freed by expired holds go first to the confirmed waiting list: the registration's
        `promoted` lists those people, to be told.
        """
        now = timezone.now()
        with transaction.atomic():
            self.lock()
            email = fields.get("email", "")
            if email and self.registrations.counting(now).filter(email__iexact=email).count() >= (
                SEATS_PER_ADDRESS
            ):
                raise TooManyRegistrations
            promoted = self.fill_free_seats(now)
            has_seat = self.registrations.holding_seats(now).count() < self.capacity
            registration = Registration.objects.create(
                workshop=self,
                site=self.get_site(),
                status=Registration.Status.PENDING if has_seat else Registration.Status.WAITING,
                held_until=now + HOLD,
                **fields,
            )
        registration.promoted = promoted
        return registration

    def fill_free_seats(self, now=None):
        """Give the seats nobody holds to the confirmed waiting list, first come first served.

        A seat frees when someone cancels or when a hold passes its 30 minutes (no background
        job: this runs whenever someone registers, confirms or cancels). Call under lock();
        returns the people promoted, to be told.
        """
        free = self.capacity - self.registrations.holding_seats(now).count()
        if free <= 0:
            return []
        promoted = list(
            self.registrations.filter(
                status=Registration.Status.WAITING, confirmed_at__isnull=False
            ).order_by("created_at", "pk")[:free]
        )
        for registration in promoted:
            registration.status = Registration.Status.CONFIRMED
            registration.save(update_fields=["status"])
        return promoted

    @path("")
    def workshop(self, request):
        from learning.views import workshop_page

        return workshop_page(self, request)

    @path("confirmation/")
    def confirmation(self, request):
        from learning.views import workshop_confirmation

        return workshop_confirmation(self, request)

    @path("annulation/")
    def cancellation(self, request):
        from learning.views import workshop_cancellation

        return workshop_cancellation(self, request)


# How long an unconfirmed registration holds its seat, and how many places one e-mail address
# may hold at a workshop: one address once took 10 of 20 seats in a few seconds.
HOLD = datetime.timedelta(minutes=30)
SEATS_PER_ADDRESS = 2


class TooManyRegistrations(Exception):
    """The e-mail address already holds SEATS_PER_ADDRESS places at this workshop."""


class RegistrationQuerySet(models.QuerySet):
    def counting(self, now=None):
        """Registrations that stand: confirmed by their link, or still within their 30 minutes."""
        now = now or timezone.now()
        return self.exclude(status=Registration.Status.CANCELLED).filter(
            Q(status=Registration.Status.CONFIRMED)
            | Q(confirmed_at__isnull=False)
            | Q(held_until__isnull=True)  # recorded by the town's team, or before links existed
            | Q(held_until__gt=now)
        )

    def holding_seats(self, now=None):
        """Confirmed seats, and seats held by registrations waiting for their link (30 minutes)."""
        return self.counting(now).filter(
            status__in=[Registration.Status.CONFIRMED, Registration.Status.PENDING]
        )


class Registration(models.Model):
    """A person's seat (or place on the waiting list) at a workshop; staff see and export them.

    A registration made on the site holds its seat for 30 minutes, until the person opens the
    link e-mailed to them (status “pending”, then “confirmed”); unconfirmed, it counts no more.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting confirmation")
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
    held_until = models.DateTimeField(
        _("to be confirmed before"),
        null=True,
        blank=True,
        help_text=_("Without a confirmation by then, the registration no longer counts."),
    )
    confirmed_at = models.DateTimeField(_("confirmed by e-mail on"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled on"), null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("workshop registration")
        verbose_name_plural = _("workshop registrations")

    def __str__(self):
        return f"{self.name} — {self.workshop.title}"

    @property
    def expired(self):
        """Not confirmed within its 30 minutes: it holds nothing any more (as counting() says)."""
        return (
            self.status in (Registration.Status.PENDING, Registration.Status.WAITING)
            and self.confirmed_at is None
            and self.held_until is not None
            and self.held_until <= timezone.now()
        )

    def state_label(self):
        """The status as staff read it, an expired hold included."""
        return _("Not confirmed in time") if self.expired else self.get_status_display()

    state_label.short_description = _("status")
    state_label.admin_order_field = "status"

    def confirm(self):
        """The person opened their link in time: the held seat (or waiting-list place) is theirs.

        Returns the people the waiting list promoted meanwhile (seats freed by expired holds).
        """
        with transaction.atomic():
            self.workshop.lock()
            self.refresh_from_db()
            if self.confirmed_at is not None or self.expired or self.status == Registration.Status.CANCELLED:
                return []
            self.confirmed_at = timezone.now()
            if self.status == Registration.Status.PENDING:
                self.status = Registration.Status.CONFIRMED
            self.save(update_fields=["status", "confirmed_at"])
            return self.workshop.fill_free_seats()

    def cancel(self):
        """Free the seat; the first people of the confirmed waiting list take the free seats.

        Returns those people, to be told.
        """
        with transaction.atomic():
            self.workshop.lock()
            current = Registration.objects.get(pk=self.pk)
            if current.status == Registration.Status.CANCELLED:
                return []
            current.status = Registration.Status.CANCELLED
            current.cancelled_at = timezone.now()
            current.save(update_fields=["status", "cancelled_at"])
            self.refresh_from_db()
            return self.workshop.fill_free_seats()

"""When a shop is open: weekly ranges, exceptional dates, click & collect pick-up slots."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable


class Weekday(models.IntegerChoices):
    MONDAY = 0, pgettext_lazy("day of the week", "Monday")
    TUESDAY = 1, pgettext_lazy("day of the week", "Tuesday")
    WEDNESDAY = 2, pgettext_lazy("day of the week", "Wednesday")
    THURSDAY = 3, pgettext_lazy("day of the week", "Thursday")
    FRIDAY = 4, pgettext_lazy("day of the week", "Friday")
    SATURDAY = 5, pgettext_lazy("day of the week", "Saturday")
    SUNDAY = 6, pgettext_lazy("day of the week", "Sunday")


def check_range(opens, closes, overnight=False):
    """Errors by field name for one time range typed in the editor."""
    if opens is None or closes is None:
        return {}
    if overnight:
        if closes >= opens:
            return {
                "overnight": _(
                    "Tick “closes after midnight” only when the closing time is before the opening time."
                )
            }
        return {}
    if closes == opens:
        return {"closes": _("The closing time must differ from the opening time.")}
    if closes < opens:
        return {
            "closes": _(
                "The closing time is before the opening time. If the shop closes after midnight, "
                "tick “closes after midnight”."
            )
        }
    return {}


class WeeklyOpening(Orderable):
    """One time range of a usual week, e.g. “Monday 9:00–12:00”; a day may have two."""

    shop = ParentalKey("shops.ShopPage", on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(
        _("day"), choices=Weekday.choices, help_text=_("The day of the week.")
    )
    opens = models.TimeField(_("opens at"), help_text=_("e.g. 09:00"))
    closes = models.TimeField(_("closes at"), help_text=_("e.g. 12:30"))
    overnight = models.BooleanField(
        _("closes after midnight"),
        default=False,
        help_text=_("Tick if the shop closes the next morning, e.g. a bar open until 2:00."),
    )

    panels = [
        FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")]),
        FieldPanel("overnight"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")

    def clean(self):
        errors = check_range(self.opens, self.closes, self.overnight)
        if errors:
            raise ValidationError(errors)


class ExceptionalOpening(models.Model):
    """A closure (holidays, inventory) or special opening (Sunday before Christmas) on given dates."""

    CLOSED = "closed"
    OPEN = "open"
    KIND_CHOICES = [(CLOSED, _("Closed")), (OPEN, _("Open with special hours"))]

    shop = ParentalKey("shops.ShopPage", on_delete=models.CASCADE, related_name="exceptional_openings")
    label = models.CharField(
        _("reason"),
        max_length=80,
        blank=True,
        help_text=_("Shown to visitors, e.g. “congés d'été”, “inventaire”, “ouverture de Noël”."),
    )
    start_date = models.DateField(_("from"), help_text=_("First day concerned."))
    end_date = models.DateField(
        _("until"), null=True, blank=True, help_text=_("Last day concerned. Leave empty for a single day.")
    )
    kind = models.CharField(
        _("shop is"), max_length=10, choices=KIND_CHOICES, default=CLOSED, help_text=_("Closed or open?")
    )
    opens = models.TimeField(_("opens at"), null=True, blank=True, help_text=_("Only if open, e.g. 10:00"))
    closes = models.TimeField(_("closes at"), null=True, blank=True, help_text=_("Only if open, e.g. 18:00"))
    overnight = models.BooleanField(
        _("closes after midnight"),
        default=False,
        help_text=_("Tick if this special opening ends the next morning, e.g. until 1:00 on music day."),
    )

    panels = [
        FieldPanel("label"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("opens"), FieldPanel("closes")]),
        FieldPanel("overnight"),
    ]

    class Meta:
        ordering = ["start_date"]
        verbose_name = _("exceptional date")
        verbose_name_plural = _("exceptional dates")

    def __str__(self):
        return self.label or str(self.start_date)

    @property
    def last_date(self):
        return self.end_date or self.start_date

    def clean(self):
        errors = {}
        if self.end_date and self.start_date and self.end_date < self.start_date:
            errors["end_date"] = _("The last day is before the first day.")
        if self.kind == self.OPEN:
            if self.opens is None:
                errors["opens"] = _("Give the opening time of this special opening.")
            if self.closes is None:
                errors["closes"] = _("Give the closing time of this special opening.")
            errors.update(check_range(self.opens, self.closes, self.overnight))
        if errors:
            raise ValidationError(errors)


class PickupSlot(Orderable):
    """A time when click & collect orders can be picked up; it may differ from the shop's hours."""

    shop = ParentalKey("shops.ShopPage", on_delete=models.CASCADE, related_name="pickup_slots")
    weekday = models.PositiveSmallIntegerField(
        _("day"), choices=Weekday.choices, help_text=_("The day of the week.")
    )
    starts = models.TimeField(_("from"), help_text=_("e.g. 16:00"))
    ends = models.TimeField(_("until"), help_text=_("e.g. 19:00"))

    panels = [FieldRowPanel([FieldPanel("weekday"), FieldPanel("starts"), FieldPanel("ends")])]

    class Meta(Orderable.Meta):
        verbose_name = _("pick-up slot")
        verbose_name_plural = _("pick-up slots")

    def __str__(self):
        return f"{self.get_weekday_display()} {self.starts:%H:%M}–{self.ends:%H:%M}"

    def clean(self):
        if self.starts is not None and self.ends is not None and self.ends <= self.starts:
            raise ValidationError({"ends": _("The end of the slot must be after its start.")})

"""Choices shared by volunteers, help requests and sessions."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Mode(models.TextChoices):
    IN_SHOP = "boutique", _("In the shop")
    PHONE = "telephone", _("By phone")
    VIDEO = "visio", _("By video call")


# A context of their own: without it these labels would replace Django's weekday
# names, which are lower case inside French dates.
DAYS = [
    ("lun", pgettext_lazy("availability", "Monday")),
    ("mar", pgettext_lazy("availability", "Tuesday")),
    ("mer", pgettext_lazy("availability", "Wednesday")),
    ("jeu", pgettext_lazy("availability", "Thursday")),
    ("ven", pgettext_lazy("availability", "Friday")),
    ("sam", pgettext_lazy("availability", "Saturday")),
]
HALF_DAYS = [("matin", _("Morning")), ("apres-midi", _("Afternoon"))]
SLOTS = [f"{day}-{half}" for day, _label in DAYS for half, _hl in HALF_DAYS]


def slot_label(slot):
    day, _sep, half = slot.partition("-")
    days = dict(DAYS)
    halves = dict(HALF_DAYS)
    if day not in days or half not in halves:
        return slot
    return f"{days[day]} {str(halves[half]).lower()}"

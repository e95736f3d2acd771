from django.db import models
from django.utils.translation import gettext_lazy as _


class DigitalLevel(models.TextChoices):
    """The three thirds of shopkeepers by digital maturity, used by guides, the self-check and help."""

    DISCOVER = "decouvrir", _("Discover")
    PROGRESS = "progresser", _("Progress")
    MASTER = "maitriser", _("Master")

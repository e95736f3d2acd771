from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """A town's home page, its standard pages, the shared blocks and the site-wide search."""

    name = "home"
    verbose_name = _("Town portal")

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Town portal")

    def ready(self):
        from home import image_metadata, page_cache_signals, renditions

        page_cache_signals.connect()
        renditions.connect_signals()
        image_metadata.connect_signals()

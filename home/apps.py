from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Town portal")

    def ready(self):
        from home import page_cache_signals, renditions, stream_forms

        page_cache_signals.connect()
        renditions.connect_signals()
        stream_forms.register()

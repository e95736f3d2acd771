from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Machinery every app uses: caches, routing, images, uploads, security headers, backup."""

    name = "core"
    verbose_name = _("Portal machinery")

    def ready(self):
        from core import image_files, image_metadata, page_cache_signals, renditions, stream_forms

        page_cache_signals.connect()
        renditions.connect_signals()
        # A new image file is renamed at random, then cleaned of its metadata under that name.
        image_files.connect_signals()
        image_metadata.connect_signals()
        stream_forms.register()

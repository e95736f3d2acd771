from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TownsConfig(AppConfig):
    """Tenancy: each town is a Wagtail Site with its identity, staff, e-mail and pages."""

    name = "towns"
    verbose_name = _("Towns")

    def ready(self):
        from django.db.models.signals import post_save

        from core import renditions
        from towns.models import TownIdentity

        def logo_renditions(sender, instance, **kwargs):
            renditions.enqueue(instance.public_images())

        post_save.connect(
            logo_renditions, sender=TownIdentity, weak=False, dispatch_uid="towns.identity_logo_renditions"
        )

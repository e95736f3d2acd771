from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="help")
class ProgrammeSettings(BaseSiteSetting):
    """What a town tells people about their personal data in the programme, and how long it keeps it."""

    data_controller = models.CharField(
        _("who processes the data"),
        max_length=200,
        blank=True,
        help_text=_("For example: “Mairie de Béthune, service commerce”. Empty: the town's name."),
    )
    rights_contact = models.CharField(
        _("where to exercise one's rights"),
        max_length=200,
        blank=True,
        help_text=_("An e-mail or postal address. Empty: the town's contact e-mail."),
    )
    privacy_notice = models.TextField(
        _("additional information"),
        blank=True,
        max_length=1000,
        help_text=_("Shown under every form of the programme, after the standard text."),
    )
    retention_months = models.PositiveSmallIntegerField(
        _("retention (months)"),
        default=24,
        help_text=_(
            "Closed help requests and volunteers who left are anonymised after this many months. "
            "Figures are kept."
        ),
    )
    notification_email = models.EmailField(
        _("e-mail for new requests"),
        blank=True,
        help_text=_(
            "An address told of new applications and requests, besides the town's contact e-mail "
            "and its team."
        ),
    )

    panels = [
        FieldPanel("data_controller"),
        FieldPanel("rights_contact"),
        FieldPanel("privacy_notice"),
        FieldPanel("retention_months"),
        FieldPanel("notification_email"),
    ]

    class Meta:
        verbose_name = _("coup de pouce programme")
        verbose_name_plural = _("coup de pouce programme")

"""Wagtail's password reset, limited so it can neither flood a mailbox nor probe many addresses."""

from django.conf import settings
from wagtail.admin.forms.auth import PasswordResetForm as WagtailPasswordResetForm

from core.antispam import rate_limited

HOUR = 3600


class PasswordResetForm(WagtailPasswordResetForm):
    """Sends no e-mail past PROXIMITE_PASSWORD_RESET_PER_ADDRESS or _PER_VISITOR an hour.

    The view then answers as it always does, so the page never tells whether the address has
    an account, nor that a limit was reached.
    """

    def save(self, *args, request=None, **kwargs):
        email = self.cleaned_data["email"].strip().casefold()
        if rate_limited(
            request, "password-reset-visitor", settings.PROXIMITE_PASSWORD_RESET_PER_VISITOR, HOUR
        ) or rate_limited(
            request, "password-reset-address", settings.PROXIMITE_PASSWORD_RESET_PER_ADDRESS, HOUR, who=email
        ):
            return
        super().save(*args, request=request, **kwargs)

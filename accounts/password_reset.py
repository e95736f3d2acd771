"""Wagtail's password reset, limited so it can neither flood a mailbox nor probe many addresses,
and sent as the town's e-mail (towns/emails.py) with its link on the town's own host."""

from django.conf import settings
from django.urls import reverse
from wagtail.admin.forms.auth import PasswordResetForm as WagtailPasswordResetForm
from wagtail.models import Site

from core.antispam import rate_limited
from towns.emails import send_town_email, town_url

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
        self.site = Site.find_for_request(request)
        super().save(*args, request=request, **kwargs)

    def send_mail(self, subject_template_name, email_template_name, context, from_email, to_email, **kwargs):
        """The town's e-mail rather than Django's: Wagtail's link would use WAGTAILADMIN_BASE_URL,
        one address for every town."""
        link = {"uidb64": context["uid"], "token": context["token"]}
        path = reverse("wagtailadmin_password_reset_confirm", kwargs=link)
        send_town_email(
            self.site,
            to_email,
            "accounts/emails/password_reset",
            {"user": context["user"], "link": town_url(self.site, path)},
        )

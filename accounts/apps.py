from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """People who sign in: two-factor sign-in, lockout, password reset, changing one's e-mail."""

    name = "accounts"
    verbose_name = _("Accounts")

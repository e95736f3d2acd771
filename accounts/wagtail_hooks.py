from django.urls import path, reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from accounts import account_email, two_factor, two_factor_views


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [
        path("deux-facteurs/activer/", two_factor_views.enrol, name="two_factor_enrol"),
        path("deux-facteurs/code/", two_factor_views.verify, name="two_factor_verify"),
        path(
            "deux-facteurs/codes-de-secours/",
            two_factor_views.renew_recovery_codes,
            name="two_factor_recovery_codes",
        ),
    ]


@hooks.register("register_account_menu_item")
def renew_recovery_codes_item(request):
    """On “My account”, for people who sign in with an authenticator app."""
    if not two_factor.confirmed_device(request.user):
        return None
    return {
        "url": reverse("two_factor_recovery_codes"),
        "label": _("New recovery codes"),
        "help_text": _(
            "Replace your recovery codes when you have used or lost them: the old ones stop working."
        ),
    }


# Changing one's e-mail address (accounts/account_email.py) -------------------------------------


@hooks.register("register_admin_urls")
def account_email_urls():
    return [
        path("compte/adresse-e-mail/", account_email.change_email, name="account_email_change"),
        path(
            "compte/adresse-e-mail/confirmer/<str:token>/",
            account_email.confirm_email,
            name="account_email_confirm",
        ),
    ]


@hooks.register("register_account_menu_item")
def change_email_item(request):
    return {
        "url": reverse("account_email_change"),
        "label": _("Change my e-mail address"),
        "help_text": _("Your address is %(email)s. The new one is confirmed by a link sent to it.")
        % {"email": request.user.email or "—"},
    }

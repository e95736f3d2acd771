"""Changing one's e-mail address, from “Mon compte” in the admin.

An account's address is where invitations to a shop and password resets go: whoever puts a
shop's public address on their account would receive what is meant for that shop. So Wagtail's
own e-mail field is switched off (WAGTAIL_EMAIL_MANAGEMENT_ENABLED), and here the person gives
their current password, then opens, signed in as themselves, the link sent to the new address:
only then does the address change, and the old address is told. The link is signed, expires
after two days, and stops working once the address (or the password) has changed.
"""

from django import forms
from django.contrib.auth import authenticate, get_user_model, logout
from django.core import signing
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from wagtail.admin import messages
from wagtail.models import Site

from towns.emails import send_town_email, town_url

EMAIL_CHANGE_SALT = "accounts.account_email.change"
EMAIL_CHANGE_MAX_AGE = 2 * 24 * 3600  # seconds: the link works for two days


class EmailChangeError(Exception):
    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason  # "expired", "invalid", "done" or "other_account"


def _account_state(user):
    """Changes with the address and the password: a link works once, and no longer after a
    password change (someone who suspects an intrusion changes their password)."""
    return salted_hmac(EMAIL_CHANGE_SALT, f"{user.pk}:{user.email.lower()}:{user.password}").hexdigest()[:24]


def change_token(user, new_email):
    return signing.TimestampSigner(salt=EMAIL_CHANGE_SALT).sign_object(
        {"u": user.pk, "e": new_email, "s": _account_state(user)}
    )


def new_email_from(token, user):
    """The address this link confirms for `user`, or EmailChangeError."""
    try:
        data = signing.TimestampSigner(salt=EMAIL_CHANGE_SALT).unsign_object(
            token, max_age=EMAIL_CHANGE_MAX_AGE
        )
        user_id, new_email, state = data["u"], data["e"], data["s"]
    except signing.SignatureExpired:
        raise EmailChangeError("expired") from None
    except (signing.BadSignature, ValueError, TypeError, KeyError):
        raise EmailChangeError("invalid") from None
    if user_id != user.pk:
        raise EmailChangeError("other_account")
    if not constant_time_compare(_account_state(user), str(state)):
        # Opened again once it has done its work: say so, rather than “nothing has changed”.
        raise EmailChangeError("done" if user.email.lower() == str(new_email).lower() else "invalid")
    return new_email


def used_by_another_account(user, email):
    return get_user_model().objects.filter(email__iexact=email).exclude(pk=user.pk).exists()


class EmailChangeForm(forms.Form):
    new_email = forms.EmailField(
        label=gettext_lazy("New e-mail address"),
        help_text=gettext_lazy("We send a link to this address: your address changes when you open it."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    current_password = forms.CharField(
        label=gettext_lazy("Your current password"),
        help_text=gettext_lazy("To make sure it is you."),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, request, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        self.user = request.user

    def clean_new_email(self):
        email = self.cleaned_data["new_email"].strip()
        if email.lower() == self.user.email.lower():
            raise forms.ValidationError(_("This is already your address."))
        if used_by_another_account(self.user, email):
            raise forms.ValidationError(
                _("Someone else already uses this address on the portal. Choose another one.")
            )
        return email

    def clean_current_password(self):
        password = self.cleaned_data["current_password"]
        # Through authenticate(), so that wrong passwords count towards the sign-in lockout.
        if authenticate(self.request, username=self.user.get_username(), password=password) is None:
            raise forms.ValidationError(_("This password is not the right one."))
        return password


@never_cache
@sensitive_post_parameters("current_password")
def change_email(request):
    """Ask for the new address and the password; send the confirmation link, change nothing."""
    form = EmailChangeForm(request, request.POST or None)
    if request.method == "POST":
        valid = form.is_valid()
        if getattr(request, "axes_locked_out", False):
            logout(request)
            return redirect(reverse("wagtailadmin_login"))
        if valid:
            new_email = form.cleaned_data["new_email"]
            site = Site.find_for_request(request)
            token = change_token(request.user, new_email)
            link = town_url(site, reverse("account_email_confirm", args=[token]))
            context = {
                "user": request.user,
                "new_email": new_email,
                "link": link,
                "days": EMAIL_CHANGE_MAX_AGE // 86400,
            }
            send_town_email(site, new_email, "accounts/emails/email_change_confirm", context)
            messages.success(
                request,
                _(
                    "A link has been sent to %(email)s: your address changes when you open it, "
                    "within %(days)s days."
                )
                % {"email": new_email, "days": context["days"]},
            )
            return redirect("wagtailadmin_account")
    title = _("Change my e-mail address")
    return TemplateResponse(
        request,
        "accounts/account_email/change.html",
        {"form": form, "page_title": title, "header_title": title, "header_icon": "mail"},
    )


@never_cache
def confirm_email(request, token):
    """The link of the confirmation e-mail: a button (POST) that changes the address."""
    user = request.user
    title = _("Confirm my new e-mail address")
    context = {"page_title": title, "header_title": title, "header_icon": "mail"}
    try:
        new_email = new_email_from(token, user)
    except EmailChangeError as error:
        context["reason"] = error.reason
        status = {"other_account": 403, "done": 200}.get(error.reason, 400)
        return TemplateResponse(request, "accounts/account_email/invalid.html", context, status=status)
    if request.method == "POST":
        if used_by_another_account(user, new_email):
            context["reason"] = "taken"
            return TemplateResponse(request, "accounts/account_email/invalid.html", context, status=400)
        old_email = user.email
        user.email = new_email
        user.save(update_fields=["email"])
        if old_email:
            send_town_email(
                Site.find_for_request(request),
                old_email,
                "accounts/emails/email_changed_notice",
                {"user": user, "new_email": new_email},
            )
        messages.success(request, _("Your e-mail address is now %(email)s.") % {"email": new_email})
        return redirect("wagtailadmin_account")
    context["new_email"] = new_email
    return TemplateResponse(request, "accounts/account_email/confirm.html", context)

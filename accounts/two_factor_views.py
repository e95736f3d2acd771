"""The admin's two-factor pages: enrol an authenticator app, then give a code at each sign-in."""

import base64
from urllib.parse import urlencode

import segno
from django import forms
from django.contrib.auth import logout
from django.contrib.auth.signals import user_login_failed
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import Site

from accounts import two_factor


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=32,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autofocus": True, "spellcheck": "false"}
        ),
    )

    def clean_code(self):
        return "".join(self.cleaned_data["code"].split()).lower()


class EnrolmentForm(CodeForm):
    """The e-mailed code, then the app's first code."""

    email_code = forms.CharField(
        label=_("Code received by e-mail"),
        max_length=16,
        error_messages={"required": _("Type the code received by e-mail.")},
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "inputmode": "numeric", "spellcheck": "false", "autofocus": True}
        ),
    )
    field_order = ["email_code", "code"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].label = _("Code shown by the app")
        del self.fields["code"].widget.attrs["autofocus"]

    def clean_email_code(self):
        return "".join(self.cleaned_data["email_code"].split())


def _next_url(request):
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return reverse("wagtailadmin_home")


def _may_try(device, form, field="code"):
    """django-otp makes the wait grow after each wrong code; say so instead of refusing a right one."""
    allowed, _details = device.verify_is_allowed()
    if not allowed:
        form.add_error(
            field, _("Several wrong codes were typed: wait a few seconds, then type the new code.")
        )
    return allowed


WRONG_APP_CODE = _("This code is not the right one. Check the time on your phone and type the new code.")
WRONG_EMAILED_CODE = _(
    "This code is not the one received by e-mail, or it is more than %(minutes)s minutes old (open "
    "this page again for a new one). Type it again, with the app's new code."
)


def _wrong_code(request, form, field="code", message=WRONG_APP_CODE):
    """Count a wrong code as a failed sign-in (django-axes): too many lock the account out."""
    form.add_error(field, message)
    user = request.user
    user_login_failed.send(sender=__name__, credentials={"username": user.get_username()}, request=request)
    if getattr(request, "axes_locked_out", False):
        logout(request)


def _secret_text(device):
    secret = base64.b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@never_cache
@sensitive_post_parameters("code", "email_code")
def enrol(request):
    """Show the QR code and the secret of a new authenticator; confirm it with a first code.

    The person also types a code e-mailed to their account's address
    (accounts.two_factor.send_enrolment_code).
    """
    user = request.user
    if two_factor.confirmed_device(user):
        return redirect(f"{reverse('two_factor_verify')}?{urlencode({'next': _next_url(request)})}")
    if not user.email:
        return TemplateResponse(request, "accounts/two_factor/enrol.html", {"no_email": True})
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=str(_("Authenticator app")), confirmed=False)
    mailed = two_factor.enrolment_code_device(user)
    if request.method != "POST":
        two_factor.send_enrolment_code(mailed, Site.find_for_request(request))
    form = EnrolmentForm(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and _may_try(device, form)
        and _may_try(mailed, form, "email_code")
    ):
        # The app's code first: a wrong one then leaves the e-mailed code unused.
        if not device.verify_token(form.cleaned_data["code"]):
            _wrong_code(request, form)
        elif not mailed.verify_token(form.cleaned_data["email_code"]):
            message = WRONG_EMAILED_CODE % {"minutes": two_factor.ENROLMENT_CODE_MINUTES}
            _wrong_code(request, form, "email_code", message)
        else:
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            codes = two_factor.new_recovery_codes(user)
            otp_login(request, device)
            return TemplateResponse(
                request,
                "accounts/two_factor/recovery_codes.html",
                {"codes": codes, "next": _next_url(request)},
            )
    qr_code = segno.make(device.config_url, error="m").svg_inline(
        scale=5, border=2, omitsize=True, title=_("QR code to scan")
    )
    return TemplateResponse(
        request,
        "accounts/two_factor/enrol.html",
        {
            "form": form,
            "qr_code": qr_code,
            "secret": _secret_text(device),
            "next": _next_url(request),
            "code_minutes": two_factor.ENROLMENT_CODE_MINUTES,
        },
    )


@never_cache
@sensitive_post_parameters("code")
def renew_recovery_codes(request):
    """New recovery codes for a signed-in person, once they give a code from their phone again."""
    totp = two_factor.confirmed_device(request.user)
    if totp is None:
        raise Http404
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and _may_try(totp, form):
        if totp.verify_token(form.cleaned_data["code"]):
            codes = two_factor.new_recovery_codes(request.user)
            return TemplateResponse(
                request,
                "accounts/two_factor/recovery_codes.html",
                {"codes": codes, "next": reverse("wagtailadmin_account"), "renewed": True},
            )
        _wrong_code(request, form)
    title = _("New recovery codes")
    return TemplateResponse(
        request,
        "accounts/two_factor/renew_recovery_codes.html",
        {"form": form, "page_title": title, "header_title": title, "header_icon": "key"},
    )


@never_cache
@sensitive_post_parameters("code")
def verify(request):
    """Ask for the code of the authenticator app, or one of the recovery codes."""
    user = request.user
    totp = two_factor.confirmed_device(user)
    if totp is None:
        return redirect(f"{reverse('two_factor_enrol')}?{urlencode({'next': _next_url(request)})}")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and _may_try(totp, form):
        code = form.cleaned_data["code"]
        for device in [totp, *StaticDevice.objects.filter(user=user)]:
            if device.verify_token(code):
                otp_login(request, device)
                return redirect(_next_url(request))
        _wrong_code(request, form)
    return TemplateResponse(
        request, "accounts/two_factor/verify.html", {"form": form, "next": _next_url(request)}
    )

"""Two-factor sign-in (TOTP, django-otp) for the people who manage a town or the whole install.

Who must use it, when the install turns it on (setting PROXIMITE_STAFF_2FA): superusers,
Django staff, and members of a group that holds a permission over a whole town (a town
setting, such as its identity or its programme settings), a permission on a town's home
page or above, or a permission over accounts. Shopkeepers (rights on their own shop) and
volunteers (admin access only) sign in with their password alone.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.models import Permission
from django.shortcuts import redirect
from django.urls import resolve, reverse
from django.urls.exceptions import Resolver404
from django.utils import timezone
from django_otp.plugins.otp_email.models import EmailDevice
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import GroupPagePermission, GroupSitePermission, Site

from towns.emails import send_town_email

RECOVERY_CODE_COUNT = 10
# The code e-mailed to someone who enrols an authenticator (see send_enrolment_code).
ENROLMENT_CODE_DEVICE = "enrolment"
ENROLMENT_CODE_MINUTES = 15
# Admin pages an unverified staff member may still open: signing in and out, the
# two-factor pages themselves, and what those pages load.
OPEN_URL_NAMES = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "two_factor_enrol",
    "two_factor_verify",
}


def is_enabled():
    return getattr(settings, "PROXIMITE_STAFF_2FA", False)


def requires_two_factor(user):
    """Whether this account manages more than one shop or volunteer work (see the module docstring)."""
    if not user.is_authenticated:
        return False
    if user.is_superuser or user.is_staff:
        return True
    groups = user.groups.all()
    if GroupSitePermission.objects.filter(group__in=groups).exists():
        return True
    town_roots = Site.objects.values_list("root_page__path", flat=True)
    page_paths = GroupPagePermission.objects.filter(group__in=groups).values_list("page__path", flat=True)
    if any(root.startswith(path) for path in page_paths for root in town_roots):
        return True
    return Permission.objects.filter(group__in=groups, content_type__app_label="auth").exists()


def confirmed_device(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def new_recovery_codes(user):
    """Replace the person's recovery codes with fresh ones; each works once."""
    device, _created = StaticDevice.objects.get_or_create(user=user, name="recovery")
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def enrolment_code_device(user):
    """Where django-otp keeps the person's enrolment code: never a way to sign in (unconfirmed)."""
    device, _created = EmailDevice.objects.get_or_create(
        user=user, name=ENROLMENT_CODE_DEVICE, defaults={"confirmed": False}
    )
    return device


def send_enrolment_code(device, site):
    """E-mail a one-time code to the account's address, unless the last one is still valid.

    Enrolling an authenticator asks for it: someone who only stole a password cannot bind
    their own phone to the account without also reading its mailbox. The code works once
    (django-otp clears it when accepted) and for ENROLMENT_CODE_MINUTES.
    """
    if device.token and device.valid_until > timezone.now():
        return
    device.generate_token(valid_secs=ENROLMENT_CODE_MINUTES * 60)
    user = device.user
    context = {"user": user, "code": device.token, "minutes": ENROLMENT_CODE_MINUTES}
    send_town_email(site, user.email, "accounts/emails/two_factor_enrolment_code", context)


def reset(user):
    """Forget the person's authenticator, recovery codes and enrolment code: they enrol again."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    EmailDevice.objects.filter(user=user).delete()


class StaffTwoFactorMiddleware:
    """Sends staff who have not given a code in this session to enrolment or verification.

    Place after django_otp.middleware.OTPMiddleware. Only the admin is guarded: the public
    site shows nothing more to a signed-in person.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if is_enabled() and self._must_verify(request):
            url_name = "two_factor_verify" if confirmed_device(request.user) else "two_factor_enrol"
            return redirect(f"{reverse(url_name)}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)

    def _must_verify(self, request):
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return False
        if not request.path_info.startswith(reverse("wagtailadmin_home")):
            return False
        try:
            url_name = resolve(request.path_info).url_name
        except Resolver404:
            return False
        return url_name not in OPEN_URL_NAMES and requires_two_factor(user)

"""Public pages of the shopkeepers' features: accepting an invitation, and the
one-click “my information is still right” confirmation from a reminder e-mail.

Both links carry a signed token. The confirmation page asks for a click on a button (a POST)
rather than confirming on opening: e-mail programs and antivirus scanners open links by
themselves, and that must not confirm a page nobody looked at. Confirming twice is harmless.
"""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.forms import SetPasswordForm
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from shops import freshness
from shops.shopkeepers import InvitationError, accept_invitation, access_from_invitation

# The token in the address never leaves the site: "same-origin", not "no-referrer",
# which makes browsers send "Origin: null" with the form, and Django's CSRF check
# then refuses the password or the confirmation.
PRIVATE_LINK_HEADERS = {"Referrer-Policy": "same-origin", "X-Robots-Tag": "noindex"}


def _with_headers(response):
    for key, value in PRIVATE_LINK_HEADERS.items():
        response[key] = value
    return response


@never_cache
@sensitive_post_parameters("new_password1", "new_password2")
def invitation(request, token):
    """The link of an invitation e-mail: it accepts that invitation, and that one only.

    A brand-new account accepts by choosing its password (the link reached the invited
    mailbox). An existing account accepts with a click on a button, signed in as itself: the
    link alone, or another account, grants nothing.
    """
    try:
        access = access_from_invitation(token)
    except InvitationError as error:
        response = render(
            request, "shops/shopkeepers/invitation_invalid.html", {"reason": error.reason}, status=400
        )
        return _with_headers(response)
    invited = access.user
    if not invited.has_usable_password():
        return _choose_password(request, access)
    if not request.user.is_authenticated:
        # Said on the sign-in page, which otherwise tells nothing of the invitation.
        messages.info(
            request,
            _("To accept the invitation to edit “%(shop)s”, sign in with your account.")
            % {"shop": access.shop.title},
        )
        return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
    if request.user.pk != invited.pk:
        response = render(request, "shops/shopkeepers/invitation_other_account.html", status=403)
        return _with_headers(response)
    if request.method == "POST":
        accept_invitation(access)
        _say_accepted(request, access)
        return redirect(reverse("wagtailadmin_home"))
    return _with_headers(render(request, "shops/shopkeepers/accept.html", {"access": access}))


def _say_accepted(request, access):
    messages.success(request, _("Welcome! You may now edit “%(shop)s”.") % {"shop": access.shop.title})


def _choose_password(request, access):
    invited = access.user
    form = SetPasswordForm(invited, request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.save()
        accept_invitation(access)
        login(request, invited, backend="django.contrib.auth.backends.ModelBackend")
        _say_accepted(request, access)
        return redirect(reverse("wagtailadmin_home"))
    context = {"form": form, "invited_user": invited, "shops": [access.shop]}
    return _with_headers(render(request, "shops/shopkeepers/set_password.html", context))


@never_cache
def confirm_freshness(request, token):
    """A shop's owner confirms, without logging in, that the shop page is still right."""
    try:
        shop, owner = freshness.shop_from_token(token)
    except freshness.ConfirmationError as error:
        response = render(
            request, "shops/shopkeepers/confirm_invalid.html", {"reason": error.reason}, status=400
        )
        return _with_headers(response)
    confirmed = False
    if request.method == "POST":
        freshness.confirm(shop, owner)
        confirmed = True
    context = {"shop": shop, "confirmed": confirmed}
    return _with_headers(render(request, "shops/shopkeepers/confirm.html", context))

"""Public pages of the shopkeepers' features: choosing a password from an invitation, and the
one-click “my information is still right” confirmation from a reminder e-mail.

Both links carry a signed token. The confirmation page asks for a click on a button (a POST)
rather than confirming on opening: e-mail programs and antivirus scanners open links by
themselves, and that must not confirm a page nobody looked at. Confirming twice is harmless.
"""

from django.contrib.auth import login
from django.contrib.auth.forms import SetPasswordForm
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from shops import freshness
from shops.shopkeepers import InvitationError, accept_invitation, shops_of, user_from_invitation

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
def set_password(request, token):
    """The invited shopkeeper chooses a password; the link then stops working."""
    try:
        user = user_from_invitation(token)
    except InvitationError as error:
        response = render(
            request, "shops/shopkeepers/invitation_invalid.html", {"reason": error.reason}, status=400
        )
        return _with_headers(response)
    form = SetPasswordForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.save()
        accept_invitation(user)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect(reverse("wagtailadmin_home"))
    context = {"form": form, "invited_user": user, "shops": list(shops_of(user))}
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

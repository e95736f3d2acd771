"""Private pages' passwords (Wagtail's page view restrictions), limited against guessing."""

from django import forms
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import views as wagtail_views
from wagtail.forms import PasswordViewRestrictionForm
from wagtail.models import Page, PageViewRestriction

from core.antispam import rate_limited

PASSWORD_TRIES = 10
PASSWORD_PERIOD = 15 * 60


class TooManyTriesForm(PasswordViewRestrictionForm):
    """The password form of a page whose visitor has used up their tries: refused, even when right."""

    def clean_password(self):
        raise forms.ValidationError(
            _("Too many passwords were tried for this page from your connection. Try again in 15 minutes.")
        )


def authenticate_with_password(request, page_view_restriction_id, page_id):
    """Wagtail's view, after PASSWORD_TRIES tries in PASSWORD_PERIOD for one visitor and one restriction.

    Counted per restriction, the password being guessed: the page in the address only chooses
    how the form looks, so changing it does not start a new count.
    """
    scope = f"page-password-{page_view_restriction_id}"
    if request.method != "POST" or not rate_limited(request, scope, PASSWORD_TRIES, PASSWORD_PERIOD):
        return wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    restriction = get_object_or_404(PageViewRestriction, id=page_view_restriction_id)
    page = get_object_or_404(Page, id=page_id).specific
    form = TooManyTriesForm(request.POST, instance=restriction)
    form.is_valid()  # fills in the refusal, shown with the form
    action_url = reverse("wagtailcore_authenticate_with_password", args=[restriction.id, page.id])
    response = page.serve_password_required_response(request, form, action_url)
    response.status_code = 429
    return response

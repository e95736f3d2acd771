"""Spam protection for every public form, with no third-party captcha.

A honeypot field that people never see (bots fill it), and a per-IP limit on
submissions counted in the shared cache, so every gunicorn worker sees it.
"""

import hashlib

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

HONEYPOT_FIELD = "site_web"


class HoneypotFormMixin(forms.Form):
    """Adds a field hidden from people; a form that comes back with it filled is refused."""

    site_web = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1", "class": "honeypot"}),
    )

    def clean_site_web(self):
        if self.cleaned_data.get(HONEYPOT_FIELD):
            raise forms.ValidationError(_("Your message could not be sent. Please try again."))
        return ""


def client_ip(request):
    """The visitor's address; behind a trusted proxy, the one it forwarded."""
    if getattr(settings, "TRUST_X_FORWARDED_FOR", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            # The last address is the one our load balancer added; earlier ones come
            # from the visitor and could be made up to escape the limits.
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def rate_limited(request, scope, limit, period, who=None):
    """Count one attempt for this visitor in `scope`; True once more than `limit` in `period` seconds.

    `who` counts something else than the visitor's address: the e-mail address a password
    reset is asked for, whoever asks. Only a hash is stored, and only for `period` seconds.
    """
    digest = hashlib.sha256(f"{scope}:{client_ip(request) if who is None else who}".encode()).hexdigest()[:32]
    key = f"ratelimit:{scope}:{digest}"
    if cache.add(key, 1, timeout=period):
        return False
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, timeout=period)
        return False
    return count > limit

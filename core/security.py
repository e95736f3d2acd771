"""Security headers the portal sends with every response: Content-Security-Policy and Permissions-Policy.

Public pages get a strict policy (settings.CONTENT_SECURITY_POLICY): our own scripts and
styles only, no inline code, so that a shop description or a guide can never carry a
script. Wagtail's admin writes inline scripts and style attributes of its own, so the
admin gets settings.PROXIMITE_ADMIN_CONTENT_SECURITY_POLICY, which allows them there only.
No nonces: whole public pages are cached and served to everyone.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.urls import reverse


class SecurityHeadersMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if (
            not report_only
            and parts.config is None
            and request.path_info.startswith(reverse("wagtailadmin_home"))
        ):
            return PolicyParts(
                settings.PROXIMITE_ADMIN_CONTENT_SECURITY_POLICY, parts.update, parts.replace, parts.nonce
            )
        return parts

    def process_response(self, request, response):
        response = super().process_response(request, response)
        response.setdefault("Permissions-Policy", settings.PROXIMITE_PERMISSIONS_POLICY)
        return response

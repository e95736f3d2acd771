"""Requests that no person could have meant get a plain 400 page, never a server error.

Two kinds of input break the databases rather than the views that read them:
- a NUL character (`%00`) in the address: PostgreSQL refuses it in any text, whatever the
  search box, filter or API parameter it reaches;
- an integer past 64 bits (an id or a filter such as `?site=99999999999999999999`): SQLite's
  driver cannot bind it (OverflowError), in the project's views as in Wagtail's own lists.
Refusing them here covers every address at once, the admin and the public site alike.
"""

from django.shortcuts import render
from django.utils.translation import gettext as _


class BadInputMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any("\x00" in key + value for key, value in _parameters(request)):
            return refused(request, _("The address contains a character that cannot be read."))
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, OverflowError):
            return refused(request, _("The address contains a number that is far too large."))
        return None


def _parameters(request):
    for key, values in request.GET.lists():
        for value in values:
            yield key, value


def refused(request, reason):
    return render(request, "400.html", {"reason": reason}, status=400)

"""Admin record lists (wagtail-modeladmin) that never fail on what the address asks for.

A list's address carries its search, filters, ordering and page: a stale bookmark, a filter
value edited by hand or a parameter the list does not know (`?foo=1`, `?created_at__gte=demain`)
makes wagtail-modeladmin raise instead of listing (Django's own admin answers such addresses
with the unfiltered list). RecordAdmin lists build on this one: it shows the whole
list again with a French message.
"""

from django.contrib import messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import FieldError, ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail_modeladmin.views import IndexView as ModelAdminIndexView


class IndexView(ModelAdminIndexView):
    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except IncorrectLookupParameters:
            messages.warning(
                request, _("This list cannot be filtered or searched that way: here is the whole list.")
            )
            return redirect(request.path)

    def get_queryset(self, request=None):
        # The project's own list filters read their value as an id or a choice: a value typed
        # in the address that is neither is a lookup the list cannot make.
        try:
            return super().get_queryset(request)
        except (FieldError, ValidationError, ValueError) as error:
            raise IncorrectLookupParameters(error) from error

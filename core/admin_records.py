"""Admin screens of records that are not pages: every screen sees only the records the list shows.

A registration says once, in `get_queryset(request)`, which records a person may see (their
town's, or their own). `RecordAdmin` puts that queryset in front of every URL of the
registration that names one record (inspect, edit, delete, history, and any screen a
registration adds), so a record outside it answers 404, whatever the view's permission helper
checks or forgets; the list and its exports already read the same queryset.
"""

import functools

from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.http import Http404
from django.urls import URLPattern
from wagtail_modeladmin.options import ModelAdmin
from wagtail_modeladmin.views import HistoryView

from core.spreadsheets import SafeExportIndexView


class RecordHistoryView(HistoryView):
    """Wagtail-modeladmin's history view asks no permission: whoever may read or edit the record."""

    def check_action_permitted(self, user):
        helper = self.permission_helper
        return helper.user_can_inspect_obj(user, self.instance) or helper.user_can_edit_obj(
            user, self.instance
        )


# Each model's registration, as the apps register them: the site history report reads them too.
_registrations = {}


def records_in_reach(model, request):
    """The records of `model` this person may open in the admin; None if no RecordAdmin shows it."""
    registration = _registrations.get(model)
    return None if registration is None else registration.get_queryset(request)


class RecordAdmin(ModelAdmin):
    """A modeladmin whose every screen of one record looks the record up in `get_queryset(request)`."""

    # The list survives odd parameters (core/admin_lists.py); its CSV never hands out a formula.
    index_view_class = SafeExportIndexView
    history_view_class = RecordHistoryView

    def __init__(self, parent=None):
        super().__init__(parent)
        _registrations[self.model] = self

    def get_admin_urls_for_registration(self):
        return tuple(self.keep_to_queryset(url) for url in super().get_admin_urls_for_registration())

    def keep_to_queryset(self, url):
        if "instance_pk" not in url.pattern.regex.groupindex:
            return url  # the list, its exports and the create form read get_queryset() themselves
        view = url.callback

        @functools.wraps(view)
        def scoped_view(request, *args, instance_pk, **kwargs):
            if not self.is_visible(request, unquote(instance_pk)):
                raise Http404
            return view(request, *args, instance_pk=instance_pk, **kwargs)

        return URLPattern(url.pattern, scoped_view, url.default_args, url.name)

    def is_visible(self, request, pk):
        try:
            return self.get_queryset(request).filter(pk=pk).exists()
        except (ValueError, ValidationError):
            return False  # not even a valid key for this model

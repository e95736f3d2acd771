"""StreamField editors that answer a form error, never a server error, to data they cannot read.

The StreamField editor's JavaScript posts each block as numbered fields (`body-count`,
`body-0-type`, `body-0-order`…). Wagtail reads them trusting the script: a missing or
non-numeric one (a broken browser, a crafted request) raises while the form is read. Every
StreamField of every admin form uses this field instead (`register`, from core/apps.py): the editor
comes back with a French message and the content as it was saved.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.models import register_form_field_override
from wagtail.blocks.base import BlockField, BlockWidget
from wagtail.fields import StreamField

UNREADABLE = object()


class ReadableBlockWidget(BlockWidget):
    def value_from_datadict(self, data, files, name):
        try:
            return super().value_from_datadict(data, files, name)
        except (KeyError, ValueError, TypeError):
            return UNREADABLE


class ReadableBlockField(BlockField):
    def __init__(self, block=None, **kwargs):
        kwargs.setdefault("widget", ReadableBlockWidget(block))
        super().__init__(block=block, **kwargs)

    def clean(self, value):
        if value is UNREADABLE:
            raise ValidationError(
                _("This content could not be read. Reload the page and make your changes again."),
                code="unreadable",
            )
        return super().clean(value)

    def bound_data(self, data, initial):
        # Shown again as it was saved: what was sent cannot be drawn.
        return initial if data is UNREADABLE else super().bound_data(data, initial)

    def has_changed(self, initial_value, data_value):
        return data_value is UNREADABLE or super().has_changed(initial_value, data_value)


def register():
    register_form_field_override(StreamField, override={"form_class": ReadableBlockField})

"""The shop page's editing form: checks that need several rows of an inline at once."""

from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm


def _live_forms(formset):
    """The inline rows that will be kept, with their cleaned data."""
    for form in formset.forms:
        if not form.is_valid() and not hasattr(form, "cleaned_data"):
            continue
        data = getattr(form, "cleaned_data", {})
        if not data or data.get("DELETE"):
            continue
        yield form, data


class ShopPageForm(WagtailAdminPageForm):
    """Refuses overlapping time ranges on one day, with the message on the row concerned."""

    def clean(self):
        cleaned_data = super().clean()
        self.check_overlaps("opening_hours", "opens", "closes")
        self.check_overlaps("pickup_slots", "starts", "ends")
        return cleaned_data

    def check_overlaps(self, relation, start_field, end_field):
        formset = self.formsets.get(relation)
        if formset is None:
            return
        by_day = {}
        for form, data in _live_forms(formset):
            weekday, start, end = data.get("weekday"), data.get(start_field), data.get(end_field)
            if weekday is None or start is None or end is None:
                continue
            end_minutes = end.hour * 60 + end.minute
            if data.get("overnight"):
                end_minutes += 24 * 60
            by_day.setdefault(int(weekday), []).append((start.hour * 60 + start.minute, end_minutes, form))
        for ranges in by_day.values():
            ranges.sort(key=lambda item: item[0])
            for (_start, previous_end, _form), (start, _end, form) in zip(ranges, ranges[1:], strict=False):
                if start < previous_end:
                    form.add_error(
                        start_field,
                        _("This time range overlaps another one on the same day: change or merge them."),
                    )

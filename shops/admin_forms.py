"""The shop page's editing form: checks that need several rows of an inline at once, and the
images a person may put on the page."""

from django import forms
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.images import get_image_model
from wagtail.models import Page


def _live_forms(formset):
    """The inline rows that will be kept, with their cleaned data."""
    for form in formset.forms:
        if not form.is_valid() and not hasattr(form, "cleaned_data"):
            continue
        data = getattr(form, "cleaned_data", {})
        if not data or data.get("DELETE"):
            continue
        yield form, data


def _image_fields(form):
    """Names of the fields of `form` that choose an image."""
    image_model = get_image_model()
    return [
        name
        for name, field in form.fields.items()
        if isinstance(field, forms.ModelChoiceField) and field.queryset.model is image_model
    ]


def _images_on_page(page_id):
    """Ids of the images a page shows, live or in its latest draft."""
    if page_id is None:
        return set()
    page = Page.objects.get(pk=page_id).specific
    versions = [page, page.get_latest_revision_as_object()]
    return {image.pk for version in versions for image, _role in version.public_images()}


class ShopPageForm(WagtailAdminPageForm):
    """Refuses overlapping time ranges on one day, with the message on the row concerned, and images
    from outside the shop (for its shopkeepers) or the town (for the town's team)."""

    def clean(self):
        cleaned_data = super().clean()
        self.check_overlaps("opening_hours", "opens", "closes")
        self.check_overlaps("pickup_slots", "starts", "ends")
        self.check_images()
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

    def check_images(self):
        """The image chooser offers only the images a person may use, but the form takes any id:
        a chosen image must come from the shop's own collection (shopkeepers) or the town's
        collections (town staff). An image the page already shows, live or in its latest draft,
        stays, whoever chose it."""
        from shops.shopkeepers import image_collection_ids, is_shopkeeper

        checked = [(self, self.cleaned_data)]
        checked += [item for formset in self.formsets.values() for item in _live_forms(formset)]
        chosen = [
            (form, name, data[name])
            for form, data in checked
            for name in _image_fields(form)
            if data.get(name) is not None
        ]
        if not chosen:
            return
        allowed = image_collection_ids(self.for_user, self.instance, self.parent_page)
        if allowed is None:
            return
        outside = [item for item in chosen if item[2].collection_id not in allowed]
        if not outside:
            return
        kept = _images_on_page(self.instance.pk)
        message = self.others_image_message(is_shopkeeper(self.for_user))
        for form, name, image in outside:
            if image.pk not in kept:
                form.add_error(name, message)

    @staticmethod
    def others_image_message(for_shopkeeper):
        if for_shopkeeper:
            return _(
                "This photo is not among your shop's photos: choose one of them, or add a new photo "
                "with “Choose an image” then “Upload”."
            )
        return _("This image belongs to another town: choose one from your town's collection.")

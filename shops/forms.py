"""Public forms of the shops app: the directory's filters, the product search, click & collect."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.antispam import HoneypotFormMixin

from .click_collect import (
    BOOKING_WINDOW_DAYS,
    MAX_QUANTITY,
    bookable_products,
    day_label,
    format_ranges,
    local_now,
    pickup_ranges,
)
from .models import SERVICES, ShopCategory

SORTS = [("nom", _("Name")), ("mise-a-jour", _("Last update"))]


class DirectoryFilterForm(forms.Form):
    """The directory's filters: a plain GET form whose state lives in the address."""

    q = forms.CharField(
        label=_("Name, product or keyword"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    categorie = forms.ModelChoiceField(
        label=_("Category"),
        queryset=ShopCategory.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All categories"),
    )
    service = forms.ChoiceField(
        label=_("Service"), choices=[("", _("All services")), *SERVICES], required=False
    )
    ouvert = forms.BooleanField(label=_("Open now"), required=False)
    tri = forms.ChoiceField(label=_("Sort by"), choices=SORTS, required=False)


class ProductSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Which product are you looking for?"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("e.g. piles, farine, parapluie")}),
    )


# Click & collect: products and quantities, a pick-up time, a contact, consent.

QUANTITY_PREFIX = "quantite_"


class ClickCollectForm(HoneypotFormMixin, forms.Form):
    """One request to one shop. Quantity fields are added for each product that can be set aside."""

    message = forms.CharField(
        label=_("Your request in your own words"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Optional if you chose products above, e.g. “une baguette bien cuite”."),
    )
    pickup_date = forms.DateField(
        label=_("Pick-up day"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        error_messages={
            "required": _("Choose the day you would like to come."),
            "invalid": _("Enter a date such as 24/11/2026."),
        },
    )
    pickup_time = forms.TimeField(
        label=_("Pick-up time"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        input_formats=["%H:%M", "%Hh%M", "%Hh"],
        error_messages={
            "required": _("Choose the time you would like to come."),
            "invalid": _("Enter a time such as 17:30."),
        },
    )
    contact_name = forms.CharField(
        label=_("Your name"),
        max_length=120,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("Give your name so the shop knows whose order it is.")},
    )
    contact_phone = forms.CharField(
        label=_("Phone"),
        required=False,
        max_length=30,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
        help_text=_("Phone or e-mail: at least one, so the shop can answer you."),
    )
    contact_email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("You will receive a receipt and the shop's answer at this address."),
        error_messages={"invalid": _("Enter an e-mail address such as nom@exemple.fr.")},
    )
    consent = forms.BooleanField(
        label=_("I agree that the shop and the town process these details to handle my request."),
        error_messages={"required": _("Tick the box to agree, or we cannot send your request.")},
    )

    def __init__(self, *args, shop, **kwargs):
        self.shop = shop
        super().__init__(*args, **kwargs)
        self.products = bookable_products(shop)
        today = local_now().date()
        self.fields["pickup_date"].widget.attrs.update(
            {
                "min": today.isoformat(),
                "max": (today + datetime.timedelta(days=BOOKING_WINDOW_DAYS)).isoformat(),
            }
        )
        self.quantity_fields = []
        for product in self.products:
            name = f"{QUANTITY_PREFIX}{product.pk}"
            self.fields[name] = forms.IntegerField(
                label=product.name,
                required=False,
                min_value=0,
                max_value=MAX_QUANTITY,
                widget=forms.NumberInput(attrs={"min": 0, "max": MAX_QUANTITY, "inputmode": "numeric"}),
                error_messages={
                    "invalid": _("Enter a whole number of items."),
                    "min_value": _("The quantity cannot be negative."),
                    "max_value": _("At most %(limit_value)s items of one product; call the shop for more."),
                },
            )
            self.quantity_fields.append((product, name))

    def product_rows(self):
        """(product, bound quantity field) pairs for the template."""
        return [(product, self[name]) for product, name in self.quantity_fields]

    def clean(self):
        cleaned = super().clean()
        known = {name for _product, name in self.quantity_fields}
        for key in self.data:
            if key.startswith(QUANTITY_PREFIX) and key not in known and self.data.get(key) not in ("", "0"):
                raise forms.ValidationError(
                    _("One of the products you chose cannot be set aside any more. Check your choice."),
                    code="unknown_product",
                )

        items = []
        for product, name in self.quantity_fields:
            quantity = cleaned.get(name)
            if quantity:
                items.append(
                    {
                        "product_id": product.pk,
                        "name": product.name,
                        "price": str(product.price) if product.price is not None else None,
                        "quantity": quantity,
                    }
                )
        cleaned["items"] = items
        if not items and not cleaned.get("message") and not self.has_error("message"):
            self.add_error(
                "message",
                _("Choose at least one product, or write what you would like the shop to set aside."),
            )

        if (
            not cleaned.get("contact_phone")
            and not cleaned.get("contact_email")
            and not self.has_error("contact_email")
        ):
            self.add_error(
                "contact_phone", _("Give a phone number or an e-mail address so the shop can answer you.")
            )

        self._clean_pickup(cleaned)
        return cleaned

    def _clean_pickup(self, cleaned):
        day = cleaned.get("pickup_date")
        at = cleaned.get("pickup_time")
        if day is None:
            return
        now = local_now()
        if day < now.date():
            self.add_error("pickup_date", _("This day is already past: choose today or a later day."))
            return
        if day > now.date() + datetime.timedelta(days=BOOKING_WINDOW_DAYS):
            self.add_error(
                "pickup_date",
                _("Requests can be made for the next %(days)s days only.") % {"days": BOOKING_WINDOW_DAYS},
            )
            return
        ranges = pickup_ranges(self.shop, day)
        if not ranges:
            self.add_error(
                "pickup_date",
                _("The shop does not hand over orders on %(day)s: choose another day.")
                % {"day": day_label(day)},
            )
            return
        if at is None:
            return
        if not any(start <= at <= end for start, end in ranges):
            self.add_error(
                "pickup_time",
                _("On %(day)s, orders can be collected at these times: %(ranges)s.")
                % {"day": day_label(day), "ranges": format_ranges(ranges)},
            )
            return
        wished = timezone.make_aware(datetime.datetime.combine(day, at))
        if wished < now:
            self.add_error("pickup_time", _("This time is already past: choose a later time."))

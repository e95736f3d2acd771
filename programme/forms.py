"""Public forms of the programme: become a volunteer, ask for a coup de pouce."""

import re

from django import forms
from django.apps import apps
from django.utils.translation import gettext_lazy as _

from core.antispam import HoneypotFormMixin
from learning.levels import DigitalLevel
from learning.models import Topic

from .models import DAYS, HALF_DAYS, SLOTS, Mode
from .shopkeeper_help import LEVEL_PARAM, TOPICS_PARAM

PHONE_RE = re.compile(r"^\+?[\d .()-]{6,25}$")


def clean_phone_number(value):
    value = (value or "").strip()
    if not value:
        return ""
    digits = re.sub(r"\D", "", value)
    if not PHONE_RE.match(value) or not 10 <= len(digits) <= 15:
        raise forms.ValidationError(_("Enter a phone number with 10 digits, e.g. 03 21 00 00 00."))
    return value


def town_shops(site):
    """The live shop pages of the town as (id, title), or [] while the shops app has no ShopPage."""
    if site is None:
        return []
    try:
        shop_model = apps.get_model("shops", "ShopPage")
    except LookupError:
        return []
    return list(
        shop_model.objects.live().descendant_of(site.root_page).order_by("title").values_list("id", "title")
    )


class AccessibleFormMixin:
    """Ties each field to its help text and error message for screen readers."""

    def describe_fields(self):
        for name, field in self.fields.items():
            bound = self[name]
            described = []
            if field.help_text:
                described.append(f"{bound.auto_id}_help")
            if bound.errors:
                described.append(f"{bound.auto_id}_error")
                field.widget.attrs["aria-invalid"] = "true"
            if described and not isinstance(field.widget, forms.CheckboxSelectMultiple | forms.RadioSelect):
                field.widget.attrs["aria-describedby"] = " ".join(described)
        return self


class SlotGridWidget(forms.CheckboxSelectMultiple):
    """Days × half-days as a compact table of checkboxes."""

    template_name = "programme/widgets/slot_grid.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        value = set(value or [])
        base_id = context["widget"]["attrs"].get("id", f"id_{name}")
        context["rows"] = [
            {
                "label": day_label,
                "cells": [
                    {
                        "value": f"{day}-{half}",
                        "id": f"{base_id}_{day}_{half}",
                        "checked": f"{day}-{half}" in value,
                        "label": half_label,
                    }
                    for half, half_label in HALF_DAYS
                ],
            }
            for day, day_label in DAYS
        ]
        context["halves"] = HALF_DAYS
        return context


def slot_field(label, help_text):
    return forms.MultipleChoiceField(
        label=label,
        required=False,
        choices=[(slot, slot) for slot in SLOTS],
        widget=SlotGridWidget,
        help_text=help_text,
    )


class TopicsField(forms.ModelMultipleChoiceField):
    """A made-up topic number too big for the database is refused as unknown, not sent to it."""

    def clean(self, value):
        for pk in value or ():
            try:
                too_big = abs(int(str(pk))) > 2**63 - 1
            except ValueError:
                continue
            if too_big:
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": pk}
                )
        return super().clean(value)


def topic_field(label, help_text, required=False):
    return TopicsField(
        label=label,
        queryset=Topic.objects.all(),
        required=required,
        widget=forms.CheckboxSelectMultiple,
        help_text=help_text,
        error_messages={"required": _("Tick at least one topic.")},
    )


class ConsentMixin(forms.Form):
    consent = forms.BooleanField(
        label=_("I agree that the town processes these data to organise the coups de pouce."),
        required=True,
        error_messages={"required": _("Tick this box so that we may process your request.")},
    )


class VolunteerForm(AccessibleFormMixin, HoneypotFormMixin, forms.Form):
    first_name = forms.CharField(
        label=_("First name"), max_length=80, error_messages={"required": _("Enter your first name.")}
    )
    last_name = forms.CharField(
        label=_("Last name"), max_length=80, error_messages={"required": _("Enter your last name.")}
    )
    email = forms.EmailField(
        label=_("E-mail"),
        help_text=_("We write to you at this address. Format: nom@exemple.fr"),
        error_messages={
            "required": _("Enter your e-mail address."),
            "invalid": _("Enter an e-mail address in the format nom@exemple.fr."),
        },
    )
    phone = forms.CharField(
        label=_("Phone"), max_length=30, required=False, help_text=_("Optional. For example 06 12 34 56 78.")
    )
    skills = topic_field(
        _("What can you help with?"), _("Tick everything you are at ease with."), required=True
    )
    availability = slot_field(_("When are you available?"), _("Tick the half-days that usually suit you."))
    modes = forms.MultipleChoiceField(
        label=_("How can you help?"),
        choices=Mode.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Tick at least one way of helping.")},
    )
    presentation = forms.CharField(
        label=_("A few words about you"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Optional. Your experience, what you like to pass on (1000 characters at most)."),
    )
    consent = ConsentMixin.base_fields["consent"]
    consent_public_listing = forms.BooleanField(
        label=_(
            "I agree that my first name, skills and ways of helping appear on the “Our volunteers” page."
        ),
        required=False,
        help_text=_("Optional. You can withdraw this agreement at any time."),
    )

    def clean_phone(self):
        return clean_phone_number(self.cleaned_data.get("phone"))


class HelpRequestForm(AccessibleFormMixin, HoneypotFormMixin, forms.Form):
    shop = forms.TypedChoiceField(
        label=_("Your shop"),
        required=False,
        coerce=int,
        empty_value=None,
        help_text=_("Pick it in the list, or type its name below if it is not there."),
    )
    shop_name = forms.CharField(
        label=_("Name of the shop (if it is not in the list)"),
        max_length=150,
        required=False,
    )
    contact_name = forms.CharField(
        label=_("Your name"), max_length=120, error_messages={"required": _("Enter your name.")}
    )
    phone = forms.CharField(
        label=_("Phone"), max_length=30, required=False, help_text=_("For example 03 21 00 00 00.")
    )
    email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        help_text=_("Format: nom@exemple.fr"),
        error_messages={"invalid": _("Enter an e-mail address in the format nom@exemple.fr.")},
    )
    topics = topic_field(_("What would you like help with?"), _("Tick one or more topics."), required=True)
    level = forms.ChoiceField(
        label=_("Where are you with digital tools?"),
        required=False,
        choices=[("", _("I don't know"))] + list(DigitalLevel.choices),
        widget=forms.RadioSelect,
        help_text=_("Discover: I am starting. Progress: I use some tools. Master: I want to go further."),
    )
    preferred_mode = forms.ChoiceField(
        label=_("How would you like to be helped?"),
        required=False,
        choices=[("", _("No preference"))] + list(Mode.choices),
        widget=forms.RadioSelect,
    )
    preferred_times = slot_field(
        _("When suits you?"), _("Tick the half-days when you are available. Optional.")
    )
    message = forms.CharField(
        label=_("Your message"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Optional. Tell us in a few words what you would like to do (2000 characters at most)."),
    )
    consent = ConsentMixin.base_fields["consent"]

    field_order = [
        "shop",
        "shop_name",
        "contact_name",
        "phone",
        "email",
        "topics",
        "level",
        "preferred_mode",
        "preferred_times",
        "message",
        "consent",
    ]

    def __init__(self, *args, site=None, query=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.site = site
        shops = town_shops(site)
        self.shop_titles = dict(shops)
        if shops:
            self.fields["shop"].choices = [("", _("My shop is not in the list"))] + shops
        else:
            del self.fields["shop"]
            self.fields["shop_name"].label = _("Name of the shop")
        if query is not None and not self.is_bound:
            self.initial.update(self.initial_from_query(query))

    @staticmethod
    def initial_from_query(query):
        """Topics and level from the address (guides, self-check); unknown values are ignored."""
        initial = {}
        raw = query.get(TOPICS_PARAM, "")
        slugs = [slug.strip() for slug in str(raw).split(",") if slug.strip()][:20]
        if slugs:
            topics = list(Topic.objects.filter(slug__in=slugs))
            if topics:
                initial["topics"] = topics
        level = query.get(LEVEL_PARAM, "")
        if level in DigitalLevel.values:
            initial["level"] = level
        return initial

    def clean_phone(self):
        return clean_phone_number(self.cleaned_data.get("phone"))

    def clean(self):
        cleaned = super().clean()
        if (
            not cleaned.get("phone")
            and not cleaned.get("email")
            and not (self.errors.get("phone") or self.errors.get("email"))
        ):
            self.add_error("phone", _("Give a phone number or an e-mail address, so that we can reach you."))
        if not cleaned.get("shop") and not (cleaned.get("shop_name") or "").strip():
            target = "shop_name"
            self.add_error(target, _("Pick your shop in the list or type its name."))
        return cleaned

    def picked_shop_title(self):
        shop_id = self.cleaned_data.get("shop")
        return self.shop_titles.get(shop_id, "") if shop_id else ""

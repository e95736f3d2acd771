"""Public forms of the shops app."""

from django import forms
from django.utils.translation import gettext_lazy as _

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

"""Checks on what a shopkeeper types: SIRET number and acceslibre link."""

from urllib.parse import urlparse

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

ACCESLIBRE_HOST = "acceslibre.beta.gouv.fr"


def luhn_is_valid(digits):
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def validate_siret(value):
    """A SIRET is 14 digits whose Luhn checksum is right (La Poste's own SIRETs excepted)."""
    digits = value.replace(" ", "")
    if len(digits) != 14 or not digits.isdigit():
        raise ValidationError(_("A SIRET number has exactly 14 digits."), code="siret_length")
    # La Poste's establishments share the SIREN 356000000 and use another checksum.
    if digits.startswith("356000000"):
        if sum(int(char) for char in digits) % 5 != 0:
            raise ValidationError(_("This SIRET number is not valid: check each digit."), code="siret_luhn")
        return
    if not luhn_is_valid(digits):
        raise ValidationError(_("This SIRET number is not valid: check each digit."), code="siret_luhn")


def validate_acceslibre_url(value):
    host = (urlparse(value).hostname or "").lower()
    if host != ACCESLIBRE_HOST:
        raise ValidationError(
            _("The link must point to a page of acceslibre.beta.gouv.fr."), code="acceslibre_host"
        )

import json
from decimal import Decimal, InvalidOperation

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from shops.json_ld import shop_json_ld

register = template.Library()

# What may not appear raw inside a <script> element (the same escapes as json_script).
SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def euros(value):
    """12.5 -> "12,50 €" (French format, non-breaking spaces).

    Also takes the text a click & collect request stores for each price ("1.30")."""
    if value is None or value == "":
        return ""
    try:
        value = Decimal(str(value))
    except InvalidOperation:
        return value
    whole, cents = f"{value:,.2f}".split(".")
    whole = whole.replace(",", "\u202f")
    return f"{whole},{cents}\u00a0€"


@register.simple_tag(takes_context=True)
def json_ld(context, shop):
    """The shop's schema.org data in a script tag that browsers never execute, safely escaped."""
    data = shop_json_ld(shop, context["request"], context["now"])
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))

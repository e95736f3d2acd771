"""Images in public templates, by role (core/renditions.py says what each role is).

    {% load portal_images %}
    {% responsive_image photo.image "gallery_main" alt=photo.alt class="gallery__image" %}
    {% responsive_image product.image "product" alt="" loading="lazy" %}
    {% role_rendition page.get_social_image "social" as og_image %}

`responsive_image` draws a <picture> (WebP, then JPEG or PNG) with `srcset`, the role's
`sizes`, width and height, and `decoding="async"`; the template adds `alt` (required) and
`loading="lazy"` for images below the fold.
"""

from django import template
from django.utils.safestring import mark_safe
from wagtail.images.models import Picture
from wagtail.images.shortcuts import get_renditions_or_not_found

from core.renditions import ROLES

register = template.Library()


@register.simple_tag
def responsive_image(image, role, **attrs):
    if not image:
        return ""
    if "alt" not in attrs:
        raise template.TemplateSyntaxError(
            'responsive_image needs an alt text (alt="" for a decorative image).'
        )
    image_role = ROLES[role]
    renditions = _distinct_widths(get_renditions_or_not_found(image, image_role.filters))
    attrs.setdefault("decoding", "async")
    # `sizes` only goes with a choice of widths: one rendition per format has no srcset widths.
    if image_role.sizes and len(renditions) > len(image_role.formats):
        attrs.setdefault("sizes", image_role.sizes)
    return mark_safe(Picture(renditions, attrs).__html__())


def _distinct_widths(renditions):
    """Drop a rendition as wide as an earlier one of its format.

    Wagtail never enlarges: a photo narrower than a role's largest size gets several
    renditions of its own width, and a srcset listing one width twice is invalid HTML.
    """
    kept, seen = {}, set()
    for spec, rendition in renditions.items():
        key = (spec.rsplit("format-", 1)[-1], rendition.width)
        if key not in seen:
            seen.add(key)
            kept[spec] = rendition
    return kept


@register.simple_tag
def role_rendition(image, role):
    """The one rendition of a single-size role (e.g. "social"), or None without an image."""
    if not image:
        return None
    (image_filter,) = ROLES[role].filters
    return get_renditions_or_not_found(image, [image_filter])[image_filter.spec]

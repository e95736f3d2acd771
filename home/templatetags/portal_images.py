"""Images in public templates, by role (home/renditions.py says what each role is).

    {% load portal_images %}
    {% responsive_image photo.image "gallery_main" alt=photo.alt class="gallery__image" %}
    {% responsive_image product.image "product" alt="" loading="lazy" %}
    {% role_rendition page.get_social_image "social" as og_image %}

`responsive_image` draws a <picture> (AVIF, WebP, then JPEG or PNG) with `srcset`, the role's
`sizes`, width and height, and `decoding="async"`; the template adds `alt` (required) and
`loading="lazy"` for images below the fold.
"""

from django import template
from django.utils.safestring import mark_safe
from wagtail.images.models import Picture
from wagtail.images.shortcuts import get_renditions_or_not_found

from home.renditions import ROLES

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
    renditions = get_renditions_or_not_found(image, image_role.filter_specs)
    attrs.setdefault("decoding", "async")
    if image_role.sizes:
        attrs.setdefault("sizes", image_role.sizes)
    return mark_safe(Picture(renditions, attrs).__html__())


@register.simple_tag
def role_rendition(image, role):
    """The one rendition of a single-size role (e.g. "social"), or None without an image."""
    if not image:
        return None
    (spec,) = ROLES[role].filter_specs
    return get_renditions_or_not_found(image, [spec])[spec]

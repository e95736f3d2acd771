"""Every image size the public pages show, in one place, and their generation ahead of visitors.

A public template never names a size: it names a role (`{% responsive_image photo.image "shop_card"
%}`, see core/templatetags/portal_images.py) and the role says which renditions exist (sizes ×
formats, WebP with a JPEG fallback) and which `sizes` attribute lets the browser pick.

Pages say which of their images appear in which roles (`BasePage.public_images()`), including on
other pages (a shop's first photo is its card in the directory). When a page is published, when
an image is saved in the admin and when a town's identity (logo) is saved, a background task
(django-tasks, `manage.py db_worker --backend renditions`) makes the missing renditions, so a
visitor's request only reads them. `manage.py prepare_renditions` does it for every live page.
"""

import logging
from dataclasses import dataclass
from functools import cached_property

from django.db.models import Prefetch
from django_tasks import task
from wagtail.blocks import ListBlock, StreamBlock, StructBlock
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.images.models import Filter, SourceImageIOError
from wagtail.models import Page, ReferenceIndex

logger = logging.getLogger(__name__)

# WebP, with JPEG for the few browsers without it. AVIF ("avif" first here) weighs about a
# fifth less for photos but takes Pillow about ten times longer to encode at the speed Willow
# uses: a page whose renditions are not ready yet (no worker, or just imported) would keep its
# first visitor waiting for tens of seconds on a small server.
PHOTO_FORMATS = ("webp", "jpeg")
# Logos may be transparent: PNG, not JPEG, for browsers without WebP.
LOGO_FORMATS = ("webp", "png")


@dataclass(frozen=True)
class ImageRole:
    """How one kind of image is shown: its resize rules (smallest first), formats and `sizes`."""

    resize: tuple[str, ...]
    sizes: str = ""
    formats: tuple[str, ...] = PHOTO_FORMATS

    @property
    def filter_specs(self):
        return [f"{resize}|format-{image_format}" for image_format in self.formats for resize in self.resize]

    @cached_property
    def filters(self):
        """The role's Wagtail filters, parsed once: Wagtail parses a spec given as text at every use."""
        return tuple(Filter(spec=spec) for spec in self.filter_specs)


ROLES = {
    # Home page banner: the whole width of the screen, cropped to 12:5.
    "hero": ImageRole(
        ("fill-480x200", "fill-800x333", "fill-1200x500", "fill-1600x667"),
        sizes="100vw",
    ),
    # A shop in the directory's list (3:2), one column on a phone, cards of 17–23rem on a screen.
    "shop_card": ImageRole(
        ("fill-360x240", "fill-720x480"),
        sizes="(min-width: 40rem) 23rem, calc(100vw - 2rem)",
    ),
    # The first photo of a shop page: the whole main column.
    "gallery_main": ImageRole(
        ("width-360", "width-720", "width-1080"),
        sizes="(min-width: 60rem) 45rem, calc(100vw - 2rem)",
    ),
    # The other photos: two per row.
    "gallery_thumb": ImageRole(
        ("width-180", "width-360", "width-540"),
        sizes="(min-width: 60rem) 22rem, calc(50vw - 1.5rem)",
    ),
    # A product's thumbnail: 5rem square.
    "product": ImageRole(("fill-80x80", "fill-160x160"), sizes="5rem"),
    # Images in page bodies (standard pages, guide steps, before/after).
    "content": ImageRole(
        ("width-400", "width-800", "width-1200"),
        sizes="(min-width: 50em) 45em, calc(100vw - 2rem)",
    ),
    # Featured content cards on the home page.
    "featured_card": ImageRole(
        ("fill-400x250", "fill-800x500"),
        sizes="(min-width: 50em) 22rem, calc(100vw - 2rem)",
    ),
    # A guide in the guide lists and its cover on the guide page.
    "guide_card": ImageRole(
        ("fill-400x240", "fill-800x480"),
        sizes="(min-width: 50em) 22rem, calc(100vw - 2rem)",
    ),
    "guide_cover": ImageRole(
        ("width-400", "width-800", "width-1200"),
        sizes="(min-width: 50em) 45em, calc(100vw - 2rem)",
    ),
    # The town's logo in every page header (3.5rem high): drawn at twice its size for sharp screens.
    "logo": ImageRole(("height-112",), formats=LOGO_FORMATS),
    # Shared on social networks (og:image) and given to search engines (JSON-LD): one JPEG.
    "social": ImageRole(("fill-1200x630",), formats=("jpeg",)),
}


def filter_specs(*role_names):
    """The filter specs of these roles, each once."""
    specs = []
    for name in role_names:
        specs.extend(spec for spec in ROLES[name].filter_specs if spec not in specs)
    return specs


def prefetch_renditions(lookup, *role_names):
    """A Prefetch of the renditions these roles use, for `image` relations listed on a page:
    `prefetch_related(prefetch_renditions("image__renditions", "shop_card"))`."""
    Rendition = get_image_model().get_rendition_model()
    return Prefetch(lookup, queryset=Rendition.objects.filter(filter_spec__in=filter_specs(*role_names)))


# What each page shows -------------------------------------------------------------------------


def stream_images(stream_value):
    """(image, role) for every image block of a StreamField value whose block names a role
    (`image_role` in the block's Meta)."""
    for child in stream_value:
        yield from _block_images(child.block, child.value)


def _block_images(block, value):
    if value is None:
        return
    if isinstance(block, StructBlock):
        role = getattr(block.meta, "image_role", None)
        image = value.get("image") if role else None
        if image is not None:
            yield image, role
        for name, child_block in block.child_blocks.items():
            yield from _block_images(child_block, value.get(name))
    elif isinstance(block, StreamBlock):
        for child in value:
            yield from _block_images(child.block, child.value)
    elif isinstance(block, ListBlock):
        for item in value:
            yield from _block_images(block.child_block, item)


def page_stream_images(page):
    for field in page._meta.get_fields():
        if isinstance(field, StreamField):
            yield from stream_images(getattr(page, field.name))


# Generation --------------------------------------------------------------------------------


@task(backend="renditions")
def generate_renditions(image_id, role_names):
    """Make the renditions of these roles for one image (only those still missing)."""
    image = get_image_model().objects.filter(pk=image_id).first()
    if image is None:
        return 0
    specs = filter_specs(*[name for name in role_names if name in ROLES])
    try:
        image.get_renditions(*[Filter(spec=spec) for spec in specs])
    except SourceImageIOError:
        logger.warning("Image %s has no file: no renditions made.", image_id)
        return 0
    return len(specs)


def roles_by_image(pairs):
    """{image id: [role, …]} for (image or image id, role) pairs."""
    grouped = {}
    for image, role in pairs:
        image_id = getattr(image, "pk", image)
        if image_id is not None:
            roles = grouped.setdefault(image_id, [])
            if role not in roles:
                roles.append(role)
    return grouped


def enqueue(pairs):
    """One background task per image for these (image, role) pairs."""
    grouped = roles_by_image(pairs)
    for image_id, roles in grouped.items():
        generate_renditions.enqueue(image_id, roles)
    return grouped


def images_of_page(page):
    """(image, role) pairs a live page shows, on itself and on the pages that list it."""
    page = page.specific
    method = getattr(page, "public_images", None)
    return list(method()) if method else []


def prepare_page(page):
    return enqueue(images_of_page(page))


def prepare_image(image):
    """After an image is saved: the renditions of every role it plays on live pages and town logos.

    Any record that shows images declares them with `public_images()`, which gives (image, role)
    pairs; a page counts only while it is live.
    """
    pairs = []
    for source, _references in ReferenceIndex.get_references_to(image).group_by_source_object():
        if isinstance(source, Page) and not source.live:
            continue
        method = getattr(source.specific if isinstance(source, Page) else source, "public_images", None)
        if method:
            pairs.extend(pair for pair in method() if getattr(pair[0], "pk", None) == image.pk)
    return enqueue(pairs)


def _page_published(sender, instance, **kwargs):
    prepare_page(instance)


def connect_signals():
    from wagtail.signals import page_published

    page_published.connect(_page_published, dispatch_uid="core.renditions.page_published")

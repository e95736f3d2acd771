"""What a stored photo keeps of what the camera wrote: the picture, upright, and its colours.

Phones and cameras write into a photo where it was taken (GPS), the camera's serial numbers, the
owner's name, maker notes: EXIF, XMP and IPTC. Wagtail (Willow) copies a JPEG's or PNG's EXIF into
every rendition, the sharing image included, so the one place to drop them is the original:
every image file is cleaned before it is stored (`clean_image_file`, connected to the image
model's pre_save, so the admin's forms, “add several”, the choosers and the demo loaders all
meet it), and `manage.py clean_image_metadata` cleans the images stored before. Cleaning applies
the EXIF orientation first, so the picture stays upright once the tag is gone; it keeps the ICC
colour profile, which display needs.
"""

import logging
import os
from io import BytesIO

from django.core.files.base import ContentFile
from PIL import Image as PILImage
from PIL import ImageOps, JpegImagePlugin, UnidentifiedImageError
from wagtail.utils.file import hash_filelike

logger = logging.getLogger(__name__)

# What Pillow (and pillow_heif) read from a file that only says how to show it; anything else
# (exif, xmp, photoshop (IPTC), comment, PNG text…) is dropped by writing the picture again.
DISPLAY_INFO = {
    "adobe",
    "adobe_transform",
    "aspect",
    "background",
    "bbox",
    "bit_depth",
    "blend",
    "chroma",
    "chromaticity",
    "disposal",
    "dpi",
    "duration",
    "gamma",
    "icc_profile",
    "interlace",
    "jfif",
    "jfif_density",
    "jfif_unit",
    "jfif_version",
    "loop",
    "nclx_profile",
    "original_orientation",
    "primary",
    "progression",
    "progressive",
    "srgb",
    "transparency",
}
# JPEG application segments that only say how to show the picture: JFIF (APP0), the colour
# profile (APP2 “ICC_PROFILE”) and Adobe's colour transform (APP14).
DISPLAY_SEGMENTS = {("APP0", b"JFIF"), ("APP2", b"ICC_PROFILE"), ("APP14", b"Adobe")}
# Quality when the picture has to be encoded anew in a lossy format other than JPEG (JPEG keeps
# its own quantization tables) or converted (HEIC → JPEG).
QUALITY = 90
# Pillow's name of a format → the format written: a multi-picture JPEG (phones' depth maps) is a JPEG.
WRITTEN_FORMAT = {"MPO": "JPEG"}


def carries_personal_data(image):
    """Whether the opened image holds anything beyond what display needs."""
    if image.format == "MPO" or image.getexif():
        return True
    if any(value and key not in DISPLAY_INFO for key, value in image.info.items()):
        return True
    return any(
        not any(marker == kept and data.startswith(prefix) for kept, prefix in DISPLAY_SEGMENTS)
        for marker, data in getattr(image, "applist", [])
    )


def cleaned_image(f, image_format=None):
    """The bytes of this image upright and without personal metadata, in `image_format` (Pillow's
    name; the image's own format by default), or None when it already is exactly that."""
    f.seek(0)
    with PILImage.open(f) as source:
        source_format = WRITTEN_FORMAT.get(source.format, source.format)
        output_format = image_format or source_format
        if output_format == source_format and not carries_personal_data(source):
            return None
        options = {}
        if source.info.get("icc_profile"):
            options["icc_profile"] = source.info["icc_profile"]
        if "transparency" in source.info:
            options["transparency"] = source.info["transparency"]
        if getattr(source, "is_animated", False) and output_format != "JPEG":
            # Every frame, as it is (phones do not turn animations).
            picture = source
            options.update(save_all=True)
        else:
            picture = ImageOps.exif_transpose(source)
        if output_format == "JPEG":
            picture = picture if picture.mode in ("RGB", "L", "CMYK") else picture.convert("RGB")
            options.pop("transparency", None)
            if source_format == "JPEG":
                # The original's own compression: writing it again costs as little as possible.
                options.update(qtables=source.quantization, subsampling=_subsampling(source), optimize=True)
            else:
                options.update(quality=QUALITY)
        elif output_format in ("WEBP", "AVIF"):
            options.update(quality=QUALITY)
        elif output_format == "HEIF":
            # pillow_heif writes the source's EXIF and XMP again unless told not to.
            options.update(quality=QUALITY, exif=None, xmp=None)
        output = BytesIO()
        picture.save(output, output_format, **options)
    f.seek(0)
    return output.getvalue()


def _subsampling(jpeg):
    sampling = JpegImagePlugin.get_sampling(jpeg)
    return sampling if sampling != -1 else 0


def clean_image_file(image):
    """Clean the image's file, new (not stored yet) or already stored; True when it changed.

    A new file is replaced before it reaches the storage, so its personal data is never stored.
    A stored file is written again under the same name (its address stays the same), through the
    storage API (local disk or S3). Width, height, size and hash follow the cleaned file; a focal
    point set on a picture that has just turned is forgotten (it pointed elsewhere).
    """
    field_file = image.file
    stored = field_file._committed
    if stored:
        with field_file.storage.open(field_file.name, "rb") as f:
            original = f.read()
    else:
        field_file.file.seek(0)
        original = field_file.file.read()
        field_file.file.seek(0)
    try:
        cleaned = cleaned_image(BytesIO(original))
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, PILImage.DecompressionBombError):
        # Not a picture Pillow reads: Wagtail cannot show it either; nothing to clean.
        logger.warning(
            "Image %s (%s) could not be read: its metadata was not cleaned.", image.pk, field_file.name
        )
        return False
    if cleaned is None:
        return False
    turned_from = (image.width, image.height)
    if stored:
        name = field_file.name
        storage = field_file.storage
        storage.delete(name)
        try:
            saved_name = storage.save(name, ContentFile(cleaned))
        except Exception:
            storage.save(name, ContentFile(original))
            raise
        image.file = saved_name
    else:
        image.file = ContentFile(cleaned, name=os.path.basename(field_file.name))
    with PILImage.open(BytesIO(cleaned)) as picture:
        image.width, image.height = picture.size
    if turned_from != (image.width, image.height) and image.has_focal_point():
        image.set_focal_point(None)
    image.file_size = len(cleaned)
    image.file_hash = hash_filelike(BytesIO(cleaned))
    return True


def _clean_before_storing(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or not instance.file or (update_fields is not None and "file" not in update_fields):
        return
    # A file assigned but not stored yet, or stored by hand before the record is created
    # (Wagtail's “add several” stores some uploads first): a file this record has not had before.
    if not instance.file._committed or instance._state.adding:
        clean_image_file(instance)


def connect_signals():
    from django.db.models.signals import pre_save
    from wagtail.images import get_image_model

    pre_save.connect(
        _clean_before_storing, sender=get_image_model(), dispatch_uid="core.image_metadata.clean"
    )

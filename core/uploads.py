"""What the admin accepts as images and documents, and why it refuses the rest.

Wagtail's settings set the limits (WAGTAILIMAGES_MAX_UPLOAD_SIZE, WAGTAILIMAGES_MAX_IMAGE_PIXELS,
WAGTAILIMAGES_EXTENSIONS, WAGTAILDOCS_EXTENSIONS, WAGTAILDOCS_MAX_UPLOAD_SIZE); the forms here,
plugged in with WAGTAILIMAGES_IMAGE_FORM_BASE and WAGTAILDOCS_DOCUMENT_FORM_BASE, add what
Wagtail does not do: a plain-language reason for every refusal, a file that is really what its
name says, an image that decodes to the end, phone photos (HEIC) turned into JPEG, and PDF
only for everyone but town staff. They serve every upload screen: the image and document
forms, the “add several” screens and the upload tab of the choosers. Whatever the screen, a
photo is stored without its personal metadata (GPS position, serials: core/image_metadata.py).
"""

import os
import warnings
import zipfile
from io import BytesIO

import willow
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import InMemoryUploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.text import get_text_list
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from pillow_heif import register_heif_opener
from wagtail import hooks
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from core.image_metadata import cleaned_image
from core.renditions import prepare_image

register_heif_opener()

FORMAT_NAMES = {"jpg": "JPEG", "jpeg": "JPEG", "png": "PNG", "webp": "WebP", "avif": "AVIF", "heic": "HEIC"}
# Formats a visitor's browser shows as they are; anything else (HEIC) is converted on upload.
WEB_FORMATS = {"jpeg", "png", "webp", "avif"}


def _accepted_image_formats():
    """“JPEG, PNG, WebP, AVIF or HEIC”, from WAGTAILIMAGES_EXTENSIONS."""
    extensions = [ext for ext in FORMAT_NAMES if ext in settings.WAGTAILIMAGES_EXTENSIONS]
    extensions += [ext for ext in settings.WAGTAILIMAGES_EXTENSIONS if ext not in FORMAT_NAMES]
    names = []
    for extension in extensions:
        name = FORMAT_NAMES.get(extension, extension.upper())
        if name not in names:
            names.append(name)
    return get_text_list(names)


def _extension(name):
    return os.path.splitext(name or "")[1].lower().lstrip(".")


class UploadedImageField(WagtailImageField):
    """Wagtail's image field with our messages, a full decoding test and HEIC converted to JPEG."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        formats = _accepted_image_formats()
        max_size = filesizeformat(self.max_upload_size)
        megapixels = self.max_image_pixels // 1_000_000
        self.help_text = _(
            "A photo in %(formats)s (iPhone photos are turned into JPEG), up to %(size)s and "
            "%(megapixels)s megapixels."
        ) % {"formats": formats, "size": max_size, "megapixels": megapixels}
        self.error_messages.update(
            {
                "invalid_image": _(
                    "This file cannot be read as an image: it may be damaged, or it is not a photo. "
                    "Send a photo in %(formats)s."
                )
                % {"formats": formats},
                "invalid_image_extension": _(
                    "This type of file is not accepted. Send a photo in %(formats)s."
                )
                % {"formats": formats},
                "svg": _(
                    "SVG images are not accepted: they can contain code. Save the image as PNG "
                    "and send it again."
                ),
                "invalid_image_known_format": _(
                    "This file is named .%(extension)s but it is really a %(image_format)s file. "
                    "Save it again as a photo in %(formats)s, or give it the right extension."
                ),
                "file_too_large": _(
                    "This photo weighs %(file_size)s; the maximum is %(max_filesize)s. Send a smaller "
                    "version (phones offer “medium size” when sharing a photo)."
                ),
                "file_too_large_unknown_size": _("This photo is too heavy; the maximum is %(max_filesize)s.")
                % {"max_filesize": max_size},
                "file_too_many_pixels": _(
                    "This image is %(width)s × %(height)s pixels (%(megapixels)s megapixels); the "
                    "maximum is %(max_megapixels)s megapixels. Make it smaller and send it again."
                ),
                "huge_image": _(
                    "This image declares gigantic dimensions; the maximum is %(max_megapixels)s "
                    "megapixels. Make it smaller and send it again."
                )
                % {"max_megapixels": megapixels},
            }
        )

    def to_python(self, data):
        name = getattr(data, "name", "")
        if name and _extension(name) == "svg":
            raise ValidationError(self.error_messages["svg"], code="svg")
        if name and _extension(name) not in self.allowed_image_extensions:
            raise ValidationError(
                self.error_messages["invalid_image_extension"], code="invalid_image_extension"
            )
        if data is not None and getattr(data, "size", None) is not None:
            # Refuse a heavy file before anything tries to decode it.
            self.check_image_file_size(data)
        f = super().to_python(data)
        if f is None:
            return None
        self.check_image_decodes(f)
        if f.image.format_name not in WEB_FORMATS:
            f = self.convert_to_jpeg(f)
        return f

    def check_image_file_format(self, f):
        extension = _extension(f.name)
        extension = "jpeg" if extension == "jpg" else extension
        if extension != f.image.format_name:
            raise ValidationError(
                self.error_messages["invalid_image_known_format"]
                % {
                    "extension": _extension(f.name),
                    "image_format": FORMAT_NAMES.get(f.image.format_name, f.image.format_name.upper()),
                    "formats": _accepted_image_formats(),
                },
                code="invalid_image_known_format",
            )

    def check_image_pixel_size(self, f):
        # Pillow refuses (or warns about) images far larger than ours before Wagtail can count
        # them: a few bytes may declare billions of pixels. Both mean “too many pixels”.
        # The header alone tells the size: nothing is decoded before the count is checked.
        f.seek(0)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", PILImage.DecompressionBombWarning)
                with PILImage.open(f) as image:
                    width, height = image.size
                    frames = getattr(image, "n_frames", 1)
        except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning):
            raise ValidationError(self.error_messages["huge_image"], code="file_too_many_pixels") from None
        except Exception as exc:  # noqa: BLE001 - any decoder failure is an unreadable file
            raise ValidationError(self.error_messages["invalid_image"], code="invalid_image") from exc
        finally:
            f.seek(0)
        if width * height * frames > self.max_image_pixels:
            raise ValidationError(
                self.error_messages["file_too_many_pixels"]
                % {
                    "width": width,
                    "height": height,
                    "megapixels": number_format(width * height * frames / 1_000_000, 1),
                    "max_megapixels": self.max_image_pixels // 1_000_000,
                },
                code="file_too_many_pixels",
            )

    def check_image_decodes(self, f):
        """Decode the whole file once: a truncated or corrupt image is refused here, not when a
        visitor's page needs a thumbnail of it."""
        f.seek(0)
        try:
            with PILImage.open(f) as image:
                # JPEG decodes at 1/8 scale, which still reads every byte of the file.
                image.draft("RGB", (max(1, image.width // 8), max(1, image.height // 8)))
                image.load()
        except Exception as exc:  # noqa: BLE001 - any decoder failure is an unreadable file
            raise ValidationError(self.error_messages["invalid_image"], code="invalid_image") from exc
        finally:
            f.seek(0)

    def convert_to_jpeg(self, f):
        """A JPEG copy of a phone photo (HEIC), upright, without its metadata (core/image_metadata.py)."""
        content = cleaned_image(f, "JPEG")
        output = BytesIO(content)
        name = os.path.splitext(os.path.basename(f.name))[0] + ".jpg"
        converted = InMemoryUploadedFile(
            output, getattr(f, "field_name", None), name, "image/jpeg", len(content), None
        )
        converted.image = willow.Image.open(output)
        output.seek(0)
        return converted


class ImageForm(BaseImageForm):
    """Every admin image upload (form, “add several”, chooser) goes through UploadedImageField;
    once saved, the image's renditions on live pages are made again in the background (a new
    file or focal point makes the old ones obsolete)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None:
            self.fields["file"] = UploadedImageField(
                label=field.label, required=field.required, widget=field.widget
            )

    def save(self, commit=True):
        image = super().save(commit=commit)
        if commit:
            prepare_image(image)
        return image


# Documents ----------------------------------------------------------------------------------

EVERYONE_DOCUMENT_EXTENSIONS = ["pdf"]
OPENDOCUMENT_TYPES = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
}
OFFICE_OPEN_XML_FOLDERS = {"docx": "word/", "xlsx": "xl/"}
TEXT_EXTENSIONS = {"csv", "txt"}


def allowed_document_extensions(user):
    """PDF for everyone; the office formats of WAGTAILDOCS_EXTENSIONS too for whom an app trusts
    with them: each `may_upload_office_documents` hook answers for a user (towns: the town staff)."""
    if user is not None and any(trusts(user) for trusts in hooks.get_hooks("may_upload_office_documents")):
        return list(settings.WAGTAILDOCS_EXTENSIONS)
    return [ext for ext in EVERYONE_DOCUMENT_EXTENSIONS if ext in settings.WAGTAILDOCS_EXTENSIONS]


def _content_matches(f, extension):
    """Whether the bytes are what the extension says: a PDF, an office file, plain text."""
    f.seek(0)
    head = f.read(65536)
    f.seek(0)
    if extension == "pdf":
        return b"%PDF-" in head[:1024]
    if extension in TEXT_EXTENSIONS:
        return b"\x00" not in head
    try:
        with zipfile.ZipFile(f) as archive:
            names = archive.namelist()
            if extension in OPENDOCUMENT_TYPES:
                return (
                    "mimetype" in names and archive.read("mimetype").strip() == OPENDOCUMENT_TYPES[extension]
                )
            if extension in OFFICE_OPEN_XML_FOLDERS:
                folder = OFFICE_OPEN_XML_FOLDERS[extension]
                return "[Content_Types].xml" in names and any(name.startswith(folder) for name in names)
    except (zipfile.BadZipFile, OSError, KeyError):
        return False
    finally:
        f.seek(0)
    return False


class DocumentForm(BaseDocumentForm):
    """Documents: PDF only for shopkeepers, a short list of office formats for town staff, and a
    file that really is what its name says."""

    def __init__(self, *args, **kwargs):
        self.user = kwargs.get("user")
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None:
            names = ", ".join(ext.upper() for ext in allowed_document_extensions(self.user))
            field.help_text = _("Accepted: %(formats)s, up to %(size)s.") % {
                "formats": names,
                "size": filesizeformat(settings.WAGTAILDOCS_MAX_UPLOAD_SIZE),
            }
            field.error_messages["file_too_large"] = _(
                "This file weighs %(file_size)s; the maximum is %(max_filesize)s."
            )

    def clean_file(self):
        f = self.cleaned_data.get("file")
        if not f or "file" not in self.changed_data:
            return f
        extension = _extension(f.name)
        allowed = allowed_document_extensions(self.user)
        if extension not in allowed:
            if allowed == EVERYONE_DOCUMENT_EXTENSIONS:
                message = _("Only PDF documents are accepted. Save your document as PDF and send it again.")
            else:
                message = _("This type of document is not accepted. Accepted: %(formats)s.") % {
                    "formats": ", ".join(ext.upper() for ext in allowed)
                }
            raise ValidationError(message, code="invalid_document_extension")
        if not _content_matches(f, extension):
            raise ValidationError(
                _(
                    "This file is named .%(extension)s but its content is not a %(format)s document: "
                    "it may be damaged or renamed. Save it again as %(format)s and send it again."
                )
                % {"extension": extension, "format": extension.upper()},
                code="invalid_document_content",
            )
        return f

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.images import get_image_model

from core.image_metadata import clean_image_file
from core.renditions import prepare_image

FOCAL_POINT = ["focal_point_x", "focal_point_y", "focal_point_width", "focal_point_height"]


class Command(BaseCommand):
    help = (
        "Remove the personal metadata (GPS position, serial numbers, owner) from the images stored "
        "before it was removed on upload, turn them upright, and make their renditions again. "
        "Running it again changes nothing."
    )

    def handle(self, *args, **options):
        translation.activate(settings.LANGUAGE_CODE)
        Image = get_image_model()
        # One image at a time, read afresh: the table is written while it is gone through.
        image_ids = list(Image.objects.order_by("pk").values_list("pk", flat=True))
        checked = cleaned = 0
        for image_id in image_ids:
            image = Image.objects.filter(pk=image_id).first()
            if image is None:
                continue
            checked += 1
            try:
                changed = clean_image_file(image)
            except OSError:
                self.stderr.write(
                    _("Image %(id)s “%(title)s”: its file cannot be read (%(name)s); left as it is.")
                    % {"id": image.pk, "title": image.title, "name": image.file.name}
                )
                continue
            if not changed:
                continue
            image.save(update_fields=["file", "width", "height", "file_size", "file_hash", *FOCAL_POINT])
            # Their files still hold what was removed: made again from the clean original, under
            # the same addresses, for the pages that show the image.
            image.renditions.all().delete()
            prepare_image(image)
            cleaned += 1
        if cleaned:
            message = ngettext(
                "%(cleaned)s image cleaned out of %(checked)s: "
                "GPS position, serial numbers and owner removed.",
                "%(cleaned)s images cleaned out of %(checked)s: "
                "GPS position, serial numbers and owner removed.",
                cleaned,
            )
        else:
            message = ngettext(
                "No image to clean (%(checked)s image checked).",
                "No image to clean (%(checked)s images checked).",
                checked,
            )
        self.stdout.write(self.style.SUCCESS(message % {"cleaned": cleaned, "checked": checked}))

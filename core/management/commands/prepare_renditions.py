from django.apps import apps
from django.core.management.base import BaseCommand
from wagtail.models import Page

from core.renditions import generate_renditions, images_of_page, roles_by_image


class Command(BaseCommand):
    help = (
        "Make the image renditions that every live page and town logo needs, so that no visitor waits "
        "for one: after an upgrade that changes image sizes, or after importing pages in bulk."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--now",
            action="store_true",
            help="Make them in this process instead of queueing them for manage.py db_worker.",
        )

    def handle(self, *args, now=False, **options):
        pairs = []
        for page in Page.objects.live().specific():
            pairs.extend(images_of_page(page))
        # Records that are not pages but show images (a town's logo) say so with public_images().
        for model in apps.get_models():
            if hasattr(model, "public_images") and not issubclass(model, Page):
                for record in model.objects.all():
                    pairs.extend(record.public_images())
        grouped = roles_by_image(pairs)
        for image_id, roles in grouped.items():
            if now:
                generate_renditions.call(image_id, roles)
            else:
                generate_renditions.enqueue(image_id, roles)
        verb = "made" if now else "queued"
        self.stdout.write(f"Renditions {verb} for {len(grouped)} images.")

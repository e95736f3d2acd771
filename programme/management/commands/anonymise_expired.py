"""Daily: anonymise closed help requests and volunteers who left, after each town's retention delay."""

from django.core.management.base import BaseCommand

from programme.privacy import anonymise_expired


class Command(BaseCommand):
    help = "Anonymise closed help requests and departed volunteers older than the town's retention delay."

    def handle(self, *args, **options):
        counts = anonymise_expired()
        self.stdout.write(
            f"{counts['requests']} help request(s) and {counts['volunteers']} volunteer(s) anonymised."
        )

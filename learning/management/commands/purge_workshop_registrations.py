"""Delete workshop registrations three months after the workshop, as the registration form promises."""

import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from learning.models import Registration

KEEP_DAYS = 90


class Command(BaseCommand):
    help = "Delete the registrations of workshops that took place more than 90 days ago (run it daily)."

    def handle(self, *args, **options):
        limit = timezone.now() - datetime.timedelta(days=KEEP_DAYS)
        deleted, _ = Registration.objects.filter(workshop__starts_at__lt=limit).delete()
        self.stdout.write(f"{deleted} workshop registration(s) deleted.")

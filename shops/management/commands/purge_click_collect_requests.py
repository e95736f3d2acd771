"""manage.py purge_click_collect_requests — delete click & collect requests older than 12 months.

The request form promises visitors that their details are deleted 12 months after their
request: run this every day (cron) so the promise is kept.
"""

import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from shops.models import ClickCollectRequest

RETENTION_DAYS = 365


class Command(BaseCommand):
    help = "Delete click & collect requests received more than 12 months ago (personal data retention)."

    def handle(self, *args, **options):
        limit = timezone.now() - datetime.timedelta(days=RETENTION_DAYS)
        deleted, _by_model = ClickCollectRequest.objects.filter(created_at__lt=limit).delete()
        self.stdout.write(f"{deleted} record(s) deleted.")

"""Daily: remind shop owners whose page is to check, alert town staff about obsolete pages.

Cron (every day at 8:00):  0 8 * * *  cd /srv/proximite && .venv/bin/python manage.py send_freshness_reminders
"""

from django.core.management.base import BaseCommand

from shops.freshness import send_reminders


class Command(BaseCommand):
    help = "E-mail owners of shop pages to check (at most monthly) and town staff about obsolete pages."

    def handle(self, *args, **options):
        counts = send_reminders()
        self.stdout.write(
            f"{counts['reminders']} reminder(s) to owners, {counts['alerts']} obsolete page(s) sent to staff."
        )

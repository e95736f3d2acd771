"""Daily: e-mail each helper the follow-ups that are due today or overdue (once a day per session)."""

from collections import defaultdict

from django.core.management.base import BaseCommand
from django.utils import timezone
from wagtail_modeladmin.helpers import AdminURLHelper

from programme.models import CoachingSession
from towns.emails import send_town_email, town_url
from towns.towns import town_name


class Command(BaseCommand):
    help = "E-mail helpers whose follow-ups are due today or overdue. Run it once a day (cron)."

    def handle(self, *args, **options):
        today = timezone.localdate()
        sessions = (
            CoachingSession.objects.filter(
                follow_up_done=False, follow_up_date__isnull=False, follow_up_date__lte=today
            )
            .exclude(last_reminded_on=today)
            .exclude(helper__isnull=True)
            .exclude(helper__email="")
            .select_related("helper", "request", "request__site")
            .order_by("follow_up_date")
        )
        by_helper = defaultdict(list)
        for session in sessions:
            by_helper[session.helper].append(session)
        sent = 0
        for helper, helper_sessions in by_helper.items():
            site = helper.site
            admin_url = ""
            if helper.user_id:
                admin_url = town_url(
                    site, AdminURLHelper(CoachingSession).get_action_url("index") + "?suivi=a-faire"
                )
            send_town_email(
                site,
                helper.email,
                "programme/emails/follow_up_reminder",
                {
                    "helper": helper,
                    "sessions": helper_sessions,
                    "town": town_name(site),
                    "admin_url": admin_url,
                },
            )
            CoachingSession.objects.filter(pk__in=[s.pk for s in helper_sessions]).update(
                last_reminded_on=today
            )
            sent += 1
        self.stdout.write(f"{sent} reminder(s) sent.")

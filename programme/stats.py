"""The programme's figures, computed from records that survive anonymisation (dates, topics, levels)."""

import datetime
import statistics
from collections import Counter, defaultdict

from django.utils import timezone

from learning.levels import DigitalLevel

FOLLOW_UP_WINDOW_DAYS = 7
UPDATE_WINDOW_DAYS = 30


def month_starts(today, count=12):
    """The first day of the last `count` months, oldest first, ending with the current month."""
    months = []
    year, month = today.year, today.month
    for _i in range(count):
        months.append(datetime.date(year, month, 1))
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    return list(reversed(months))


def dashboard_figures(site_ids, today=None):
    """Every figure of the staff dashboard for these towns."""
    from wagtail.models import PageLogEntry

    from .models import CoachingSession, HelpRequest, Volunteer

    today = today or timezone.localdate()
    site_ids = list(site_ids)
    requests = {
        row["id"]: row
        for row in HelpRequest.objects.filter(site_id__in=site_ids).values(
            "id", "created_at", "shop_key", "shop_id", "status"
        )
    }
    sessions = list(
        CoachingSession.objects.filter(request__site_id__in=site_ids)
        .order_by("date", "id")
        .values(
            "id",
            "request_id",
            "date",
            "duration_minutes",
            "level_before",
            "level_after",
            "follow_up_date",
            "follow_up_done",
        )
    )
    topic_rows = CoachingSession.topics_covered.through.objects.filter(
        coachingsession__request__site_id__in=site_ids
    ).values_list("topic__name", flat=True)

    sessions_by_request = defaultdict(list)
    for session in sessions:
        sessions_by_request[session["request_id"]].append(session)

    helped_shops = {requests[rid]["shop_key"] for rid in sessions_by_request if rid in requests}
    minutes = sum(s["duration_minutes"] for s in sessions)

    waits = []
    for rid, request_sessions in sessions_by_request.items():
        received = timezone.localdate(requests[rid]["created_at"]) if rid in requests else None
        if received:
            waits.append((request_sessions[0]["date"] - received).days)
    median_wait = statistics.median(waits) if waits else None

    open_follow_ups = [s for s in sessions if s["follow_up_date"] and not s["follow_up_done"]]
    overdue = sum(1 for s in open_follow_ups if s["follow_up_date"] < today)
    due = sum(
        1
        for s in open_follow_ups
        if today <= s["follow_up_date"] <= today + datetime.timedelta(days=FOLLOW_UP_WINDOW_DAYS)
    )

    level_before, level_after = Counter(), Counter()
    for request_sessions in sessions_by_request.values():
        first_before = next((s["level_before"] for s in request_sessions if s["level_before"]), "")
        last_after = next((s["level_after"] for s in reversed(request_sessions) if s["level_after"]), "")
        if first_before:
            level_before[first_before] += 1
        if last_after:
            level_after[last_after] += 1
    levels = [
        {"value": value, "label": label, "before": level_before[value], "after": level_after[value]}
        for value, label in DigitalLevel.choices
    ]

    months = month_starts(today)
    per_month = {m: {"month": m, "sessions": 0, "minutes": 0, "shops": set(), "requests": 0} for m in months}
    for session in sessions:
        key = session["date"].replace(day=1)
        if key in per_month:
            per_month[key]["sessions"] += 1
            per_month[key]["minutes"] += session["duration_minutes"]
            if session["request_id"] in requests:
                per_month[key]["shops"].add(requests[session["request_id"]]["shop_key"])
    for row in requests.values():
        key = timezone.localdate(row["created_at"]).replace(day=1)
        if key in per_month:
            per_month[key]["requests"] += 1
    monthly = [
        {
            "month": row["month"],
            "sessions": row["sessions"],
            "hours": round(row["minutes"] / 60, 1),
            "shops": len(row["shops"]),
            "requests": row["requests"],
        }
        for row in per_month.values()
    ]

    # Shops with a page: was the page published again in the 30 days after one of its sessions?
    shop_sessions = defaultdict(list)
    for rid, request_sessions in sessions_by_request.items():
        shop_id = requests.get(rid, {}).get("shop_id")
        if shop_id:
            shop_sessions[shop_id].extend(s["date"] for s in request_sessions)
    updated_share = None
    shops_with_page = len(shop_sessions)
    shops_updated = 0
    if shop_sessions:
        publishes = defaultdict(list)
        for page_id, timestamp in PageLogEntry.objects.filter(
            page_id__in=list(shop_sessions), action="wagtail.publish"
        ).values_list("page_id", "timestamp"):
            publishes[page_id].append(timezone.localdate(timestamp))
        for shop_id, dates in shop_sessions.items():
            if any(
                any(d <= published <= d + datetime.timedelta(days=UPDATE_WINDOW_DAYS) for d in dates)
                for published in publishes.get(shop_id, [])
            ):
                shops_updated += 1
        updated_share = round(100 * shops_updated / shops_with_page)

    volunteers = Volunteer.objects.filter(site_id__in=site_ids, status=Volunteer.Status.ACTIVE)
    return {
        "today": today,
        "shops_helped": len(helped_shops),
        "sessions": len(sessions),
        "hours": round(minutes / 60, 1),
        "median_wait_days": median_wait,
        "follow_ups_due": due,
        "follow_ups_overdue": overdue,
        "levels": levels,
        "top_topics": Counter(topic_rows).most_common(5),
        "volunteers_active": volunteers.filter(is_staff_animator=False).count(),
        "animators_active": volunteers.filter(is_staff_animator=True).count(),
        "requests_open": sum(
            1
            for r in requests.values()
            if r["status"]
            in (HelpRequest.Status.NEW, HelpRequest.Status.ASSIGNED, HelpRequest.Status.SCHEDULED)
        ),
        "monthly": monthly,
        "shops_with_page": shops_with_page,
        "shops_updated": shops_updated,
        "updated_share": updated_share,
    }


def programme_figures(site, today=None):
    """The public figures of one town: aggregates only, no names."""
    figures = dashboard_figures([site.pk], today=today)
    return {
        key: figures[key]
        for key in (
            "shops_helped",
            "sessions",
            "hours",
            "levels",
            "top_topics",
            "volunteers_active",
            "monthly",
            "updated_share",
        )
    }

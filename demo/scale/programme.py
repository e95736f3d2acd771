"""Scale data of the coup de pouce programme: its pages per town, then volunteers, requests, sessions.

The n-th record of a town is always built the same way, so a second run creates only the
records a town still lacks (it counts them) and never touches the others.
"""

import datetime

from django.utils.text import slugify

from demo.builders.programme import coaching_session, help_request, volunteer
from learning.levels import DigitalLevel
from learning.models import Topic
from learning.starter_content import TOPICS
from programme.forms import town_shops
from programme.models import CoachingSession, HelpRequest, Volunteer
from programme.models.choices import SLOTS, Mode

FIRST_NAMES = [
    "Lucie", "Mathis", "Odile", "Nadia", "Hugo", "Inès", "Gérard", "Chloé", "Karim", "Léa",
    "Thomas", "Manon", "Julien", "Sarah", "Antoine", "Camille", "Yanis", "Élise", "Bruno", "Amina",
]  # fmt: skip
LAST_NAMES = [
    "Morel", "Caron", "Vasseur", "Lefebvre", "Dumont", "Roussel", "Poulain", "Martin", "Benali",
    "Lemaire", "Delattre", "Fontaine", "Leclercq", "Petit", "Duval", "Mercier", "Lambert",
]  # fmt: skip
V = Volunteer.Status
R = HelpRequest.Status
# Most volunteers are active; a few applied, paused or left. Most requests were helped, the first one always.
VOLUNTEER_STATUSES = [V.APPLIED, V.PAUSED, V.LEFT] + [V.ACTIVE] * 16 + [V.APPLIED]
REQUEST_STATUSES = [
    R.DONE,
    R.NEW,
    R.DONE,
    R.ASSIGNED,
    R.SCHEDULED,
    R.DONE,
    R.NEW,
    R.CLOSED,
    R.ASSIGNED,
    R.DONE,
]
HELPED = {R.SCHEDULED, R.DONE, R.CLOSED}
LEVELS = list(DigitalLevel.values)
MODES = list(Mode.values)


def topic_slugs(rank, count):
    return [TOPICS[(rank + step * 4) % len(TOPICS)][1] for step in range(count)]


def build_volunteer(town, rank, now):
    first = FIRST_NAMES[rank % len(FIRST_NAMES)]
    last = LAST_NAMES[(rank // len(FIRST_NAMES)) % len(LAST_NAMES)]
    status = VOLUNTEER_STATUSES[rank % len(VOLUNTEER_STATUSES)]
    joined = now - datetime.timedelta(days=30 + rank % 700)
    return volunteer(
        town.site,
        first,
        last,
        f"{slugify(first)}.{slugify(last)}.{rank + 1}@{town.slug}.localhost",
        joined=joined,
        phone=f"06 {10 + rank % 90:02d} {rank // 90 % 100:02d} 00 00",
        availability=[SLOTS[(rank + step * 5) % len(SLOTS)] for step in range(1 + rank % 3)],
        mode_in_shop=rank % 2 == 0,
        mode_phone=rank % 3 != 1,
        mode_video=rank % 4 == 1,
        presentation=f"{first} aide les commerçants de {town.name} depuis {1 + rank % 4} an(s).",
        status=status,
        is_staff_animator=rank % 25 == 0,
        consent_public_listing=rank % 3 != 0,
        left_at=now - datetime.timedelta(days=10) if status == V.LEFT else None,
    )


def build_request(town, rank, shops, helpers, now):
    status = REQUEST_STATUSES[rank % len(REQUEST_STATUSES)]
    received = now - datetime.timedelta(days=3 + (rank * 7) % 360, hours=rank % 9)
    shop_id, shop_name = shops[rank % len(shops)] if shops and rank % 3 else (None, f"Commerce n° {rank + 1}")
    helper = helpers[rank % len(helpers)] if helpers and status != R.NEW else None
    return help_request(
        town.site,
        received=received,
        shop_id=shop_id,
        shop_name=shop_name,
        contact_name=f"{FIRST_NAMES[(rank + 3) % len(FIRST_NAMES)]} {LAST_NAMES[rank % len(LAST_NAMES)]}",
        phone=f"03 {20 + rank % 70:02d} {rank // 70 % 100:02d} 10 10",
        email=f"demande.{rank + 1}@{town.slug}.localhost",
        level=LEVELS[rank % len(LEVELS)],
        preferred_mode=MODES[rank % len(MODES)],
        preferred_times=[SLOTS[rank % len(SLOTS)]],
        message="J'aimerais être plus visible en ligne sans y passer mes soirées.",
        status=status,
        helper=helper,
        assigned_at=received + datetime.timedelta(days=1) if helper else None,
        closed_at=received + datetime.timedelta(days=60) if status == R.CLOSED else None,
    )


def build_session(request, rank, today):
    date = request.created_at.date() + datetime.timedelta(days=5 + rank % 20)
    before = request.level or LEVELS[0]
    after = LEVELS[min(LEVELS.index(before) + rank % 2, len(LEVELS) - 1)]
    follow_up = date + datetime.timedelta(days=30) if rank % 3 == 0 else None
    return coaching_session(
        request,
        date=min(date, today),
        duration_minutes=60 + 30 * (rank % 4),
        level_before=before,
        level_after=after,
        outcome="Fiche mise à jour avec les horaires et trois photos ; le commerçant publie seul.",
        follow_up_date=follow_up,
        follow_up_done=follow_up is not None and follow_up < today,
    )


def link_topics(through, owner_field, owners, slugs_for, topics):
    through.objects.bulk_create(
        [
            through(**{f"{owner_field}_id": owner.pk, "topic_id": topics[slug].pk})
            for rank, owner in owners
            for slug in slugs_for(rank)
        ],
        batch_size=1000,
    )


def add_volunteers(context, town, town_rank, topics):
    existing = Volunteer.objects.filter(site=town.site).count()
    ranks = range(existing, context.share("volunteers", town_rank))
    volunteers = Volunteer.objects.bulk_create(
        [build_volunteer(town, rank, context.now) for rank in ranks], batch_size=1000
    )
    link_topics(
        Volunteer.skills.through,
        "volunteer",
        list(zip(ranks, volunteers, strict=True)),
        lambda rank: topic_slugs(rank, 1 + rank % 3),
        topics,
    )
    context.count_created("volunteers", len(volunteers))


def add_requests(context, town, town_rank, topics):
    existing = HelpRequest.objects.filter(site=town.site).count()
    ranks = range(existing, context.share("help_requests", town_rank))
    if not ranks:
        return
    shops = town_shops(town.site)
    helpers = list(Volunteer.objects.filter(site=town.site, status=V.ACTIVE).order_by("pk"))
    requests = HelpRequest.objects.bulk_create(
        [build_request(town, rank, shops, helpers, context.now) for rank in ranks], batch_size=1000
    )
    link_topics(
        HelpRequest.topics.through,
        "helprequest",
        list(zip(ranks, requests, strict=True)),
        lambda rank: topic_slugs(rank, 1 + rank % 2),
        topics,
    )
    context.count_created("help_requests", len(requests))


def add_sessions(context, town, town_rank, topics):
    existing = CoachingSession.objects.filter(request__site=town.site).count()
    wanted = context.share("sessions", town_rank)
    helped = list(HelpRequest.objects.filter(site=town.site, status__in=HELPED).order_by("pk"))
    if existing >= wanted or not helped:
        return
    today = context.now.date()
    ranks = range(existing, wanted)
    sessions = CoachingSession.objects.bulk_create(
        [build_session(helped[rank % len(helped)], rank, today) for rank in ranks], batch_size=1000
    )
    link_topics(
        CoachingSession.topics_covered.through,
        "coachingsession",
        list(zip(ranks, sessions, strict=True)),
        lambda rank: topic_slugs(rank, 1),
        topics,
    )
    context.count_created("sessions", len(sessions))


def load(context):
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    for town_rank, town in enumerate(context.towns.values()):
        add_volunteers(context, town, town_rank, topics)
        add_requests(context, town, town_rank, topics)
        add_sessions(context, town, town_rank, topics)

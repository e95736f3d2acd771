"""Suggest who could give a coup de pouce: helpers of the town ranked by skills, mode and availability."""

from dataclasses import dataclass, field

SKILL_WEIGHT = 3
MODE_WEIGHT = 2
SLOT_WEIGHT = 1


@dataclass
class Suggestion:
    helper: object
    score: int
    topics: list = field(default_factory=list)
    mode_matches: bool = False
    slots: list = field(default_factory=list)


def rank_helpers(help_request, candidates):
    """Rank `candidates` (helpers) for `help_request`, best first. Pure: reads only the objects given.

    Each matching topic counts 3, offering the wished mode counts 2 (any mode counts when the
    shopkeeper has no preference), each common half-day counts 1. Ties: fewer open assignments
    first (attribute `open_assignments` if present), then name.
    """
    wanted_topics = {topic.pk: topic for topic in help_request.topics.all()}
    wanted_mode = help_request.preferred_mode
    wanted_slots = set(help_request.preferred_times or [])
    suggestions = []
    for helper in candidates:
        topics = [wanted_topics[t.pk] for t in helper.skills.all() if t.pk in wanted_topics]
        mode_matches = (wanted_mode in helper.modes) if wanted_mode else bool(helper.modes)
        slots = sorted(wanted_slots & set(helper.availability or []))
        score = SKILL_WEIGHT * len(topics) + (MODE_WEIGHT if mode_matches else 0) + SLOT_WEIGHT * len(slots)
        suggestions.append(Suggestion(helper, score, topics, mode_matches, slots))
    suggestions.sort(
        key=lambda s: (
            -s.score,
            getattr(s.helper, "open_assignments", 0) or 0,
            str(s.helper.first_name).lower(),
            s.helper.pk or 0,
        )
    )
    return suggestions


def candidates_for(help_request):
    """Active helpers of the request's town, with what ranking needs loaded in few queries."""
    from django.db.models import Count, Q

    from .models import HelpRequest, Volunteer

    open_statuses = [HelpRequest.Status.ASSIGNED, HelpRequest.Status.SCHEDULED]
    return (
        Volunteer.objects.active()
        .filter(site_id=help_request.site_id)
        .prefetch_related("skills")
        .annotate(
            open_assignments=Count("assigned_requests", filter=Q(assigned_requests__status__in=open_statuses))
        )
    )

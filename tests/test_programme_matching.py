"""Suggested helpers: ranked by matching skills, then mode, then common half-days."""

from types import SimpleNamespace

import pytest

from programme.matching import candidates_for, rank_helpers
from programme.models import HelpRequest, Volunteer
from tests.factories import HelpRequestFactory, TopicFactory, VolunteerFactory


class Many:
    def __init__(self, items):
        self.items = list(items)

    def all(self):
        return self.items


def topic(pk):
    return SimpleNamespace(pk=pk, name=f"Sujet {pk}")


def helper(pk, name, skills=(), modes=(), slots=(), open_assignments=0):
    return SimpleNamespace(
        pk=pk,
        first_name=name,
        skills=Many(topic(t) for t in skills),
        modes=list(modes),
        availability=list(slots),
        open_assignments=open_assignments,
    )


def request(topics=(), mode="", slots=()):
    return SimpleNamespace(
        topics=Many(topic(t) for t in topics), preferred_mode=mode, preferred_times=list(slots)
    )


def test_skills_weigh_more_than_mode_and_mode_more_than_one_common_half_day():
    wanted = request(topics=[1, 2], mode="telephone", slots=["lun-matin", "mar-matin"])
    both_skills = helper(1, "Zoé", skills=[1, 2], modes=["boutique"])
    one_skill_and_mode = helper(2, "Yann", skills=[1], modes=["telephone"])
    mode_and_slots = helper(3, "Xavier", skills=[], modes=["telephone"], slots=["lun-matin", "mar-matin"])
    nothing = helper(4, "Anne", skills=[9], modes=["visio"])

    ranked = rank_helpers(wanted, [nothing, mode_and_slots, one_skill_and_mode, both_skills])

    assert [s.helper.first_name for s in ranked] == ["Zoé", "Yann", "Xavier", "Anne"]
    assert [s.score for s in ranked] == [6, 5, 4, 0]
    assert [t.pk for t in ranked[0].topics] == [1, 2]
    assert ranked[1].mode_matches is True and ranked[0].mode_matches is False
    assert ranked[2].slots == ["lun-matin", "mar-matin"]


def test_ties_go_to_the_least_busy_helper_then_by_name():
    wanted = request(topics=[1])
    busy = helper(1, "Alice", skills=[1], modes=["boutique"], open_assignments=3)
    free_b = helper(2, "Bruno", skills=[1], modes=["boutique"], open_assignments=0)
    free_a = helper(3, "Aline", skills=[1], modes=["boutique"], open_assignments=0)
    assert [s.helper.first_name for s in rank_helpers(wanted, [busy, free_b, free_a])] == [
        "Aline",
        "Bruno",
        "Alice",
    ]


def test_no_mode_preference_counts_for_anyone_who_offers_a_mode():
    ranked = rank_helpers(request(topics=[]), [helper(1, "A", modes=[]), helper(2, "B", modes=["visio"])])
    assert [s.helper.first_name for s in ranked] == ["B", "A"]


def test_no_candidates_gives_no_suggestion():
    assert rank_helpers(request(topics=[1]), []) == []


@pytest.mark.django_db
def test_candidates_are_the_active_helpers_of_the_requests_town_only(towns):
    bethune = towns["bethune"].get_site()
    beauvais = towns["beauvais"].get_site()
    photos = TopicFactory(slug="photos-de-produits", name="Photos")
    active = VolunteerFactory(site=bethune, first_name="Active", skills=[photos])
    animator = VolunteerFactory(site=bethune, first_name="Animatrice", is_staff_animator=True)
    VolunteerFactory(site=bethune, first_name="Pause", status=Volunteer.Status.PAUSED)
    VolunteerFactory(site=bethune, first_name="Candidate", status=Volunteer.Status.APPLIED)
    VolunteerFactory(site=beauvais, first_name="Ailleurs", skills=[photos])
    help_request = HelpRequestFactory(site=bethune, topics=[photos])
    HelpRequestFactory(site=bethune, helper=animator, status=HelpRequest.Status.ASSIGNED)

    candidates = list(candidates_for(help_request))

    assert {c.first_name for c in candidates} == {"Active", "Animatrice"}
    ranked = rank_helpers(help_request, candidates)
    assert ranked[0].helper == active
    assert next(c for c in candidates if c == animator).open_assignments == 1

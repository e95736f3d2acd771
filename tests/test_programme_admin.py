"""The programme's admin lists and dashboard stay within a query budget, whatever the number of records."""

import datetime

import pytest
from wagtail_modeladmin.helpers import AdminURLHelper

from programme.models import CoachingSession, HelpRequest, Volunteer
from tests.factories import (
    CoachingSessionFactory,
    HelpRequestFactory,
    TopicFactory,
    VolunteerFactory,
    programme_staff,
)

pytestmark = pytest.mark.django_db


def populate(site, count):
    topics = [TopicFactory(slug=f"sujet-{n}", name=f"Sujet {n}") for n in range(3)]
    for index in range(count):
        helper = VolunteerFactory(site=site, first_name=f"Aide{index}", skills=topics)
        request = HelpRequestFactory(
            site=site,
            helper=helper,
            status=HelpRequest.Status.DONE,
            topics=topics,
            shop_name=f"Commerce {index}",
        )
        session = CoachingSessionFactory(
            request=request, date=datetime.date(2026, 1, 1) + datetime.timedelta(days=index)
        )
        session.topics_covered.set(topics)


@pytest.mark.parametrize("model", [HelpRequest, Volunteer, CoachingSession])
def test_admin_lists_need_a_bounded_number_of_queries(client, towns, django_assert_max_num_queries, model):
    site = towns["bethune"].get_site()
    populate(site, 12)
    client.force_login(programme_staff(site, "animatrice"))
    with django_assert_max_num_queries(30):
        response = client.get(AdminURLHelper(model).index_url)
    assert response.status_code == 200


def test_the_dashboard_needs_a_bounded_number_of_queries(client, towns, django_assert_max_num_queries):
    site = towns["bethune"].get_site()
    populate(site, 12)
    client.force_login(programme_staff(site, "animatrice"))
    with django_assert_max_num_queries(25):
        response = client.get("/admin/coup-de-pouce/tableau-de-bord/")
    assert response.context["figures"]["sessions"] == 12

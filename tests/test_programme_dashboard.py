"""The programme dashboard: figures checked against a small hand-computed town, charts and CSV."""

import datetime

import pytest
from django.utils import timezone

from programme.models import HelpRequest, Volunteer
from programme.stats import dashboard_figures
from tests.factories import (
    CoachingSessionFactory,
    HelpRequestFactory,
    TopicFactory,
    UserFactory,
    VolunteerFactory,
    programme_pages,
    programme_staff,
)

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 6, 15)


def at(date):
    return timezone.make_aware(datetime.datetime.combine(date, datetime.time(10, 0)))


@pytest.fixture
def town(towns):
    """Three requests, two shops helped, four sessions; numbers worked out by hand in the comments."""
    site = towns["bethune"].get_site()
    other = towns["beauvais"].get_site()
    photos = TopicFactory(slug="photos-de-produits", name="Photos de produits")
    social = TopicFactory(slug="reseaux-sociaux", name="Réseaux sociaux")
    lucie = VolunteerFactory(site=site, first_name="Lucie")
    VolunteerFactory(site=site, first_name="Pause", status=Volunteer.Status.PAUSED)
    VolunteerFactory(site=site, first_name="Anim", is_staff_animator=True)
    VolunteerFactory(site=other, first_name="Ailleurs")

    # Shop A: asked on 1 April, sessions on 11 April (wait 10 days) and 11 May.
    shop_a = HelpRequestFactory(
        site=site,
        shop_name="Boutique A",
        helper=lucie,
        created_at=at(datetime.date(2026, 4, 1)),
        status=HelpRequest.Status.DONE,
    )
    # Shop A again (same name, another request): counts once. Asked 20 May, session 24 May (4 days).
    shop_a_again = HelpRequestFactory(
        site=site,
        shop_name="boutique a",
        helper=lucie,
        created_at=at(datetime.date(2026, 5, 20)),
        status=HelpRequest.Status.DONE,
    )
    # Shop B: asked 1 June, session 3 June (wait 2 days).
    shop_b = HelpRequestFactory(
        site=site,
        shop_name="Boutique B",
        helper=lucie,
        created_at=at(datetime.date(2026, 6, 1)),
        status=HelpRequest.Status.DONE,
    )
    # Shop C: asked, no session yet (not helped).
    HelpRequestFactory(site=site, shop_name="Boutique C", created_at=at(datetime.date(2026, 6, 10)))
    # Another town: must not count.
    far = HelpRequestFactory(site=other, shop_name="Loin", created_at=at(datetime.date(2026, 6, 1)))
    CoachingSessionFactory(request=far, date=datetime.date(2026, 6, 2), duration_minutes=600)

    s1 = CoachingSessionFactory(
        request=shop_a,
        date=datetime.date(2026, 4, 11),
        duration_minutes=120,
        level_before="decouvrir",
        level_after="decouvrir",
        follow_up_date=datetime.date(2026, 6, 10),
    )  # overdue
    s1.topics_covered.set([photos])
    s2 = CoachingSessionFactory(
        request=shop_a,
        date=datetime.date(2026, 5, 11),
        duration_minutes=90,
        level_before="decouvrir",
        level_after="progresser",
        follow_up_date=datetime.date(2026, 6, 20),
    )  # due within 7 days
    s2.topics_covered.set([photos, social])
    s3 = CoachingSessionFactory(
        request=shop_a_again,
        date=datetime.date(2026, 5, 24),
        duration_minutes=60,
        level_before="progresser",
        level_after="maitriser",
        follow_up_date=datetime.date(2026, 6, 1),
        follow_up_done=True,
    )  # done
    s3.topics_covered.set([social])
    s4 = CoachingSessionFactory(
        request=shop_b,
        date=datetime.date(2026, 6, 3),
        duration_minutes=150,
        level_before="decouvrir",
        level_after="progresser",
        follow_up_date=datetime.date(2026, 8, 1),
    )  # later: neither due nor overdue
    s4.topics_covered.set([photos])
    return site


def test_figures_match_the_hand_computed_town(town):
    figures = dashboard_figures([town.pk], today=TODAY)

    assert figures["shops_helped"] == 2  # A (two requests, same shop) and B
    assert figures["sessions"] == 4
    assert figures["hours"] == 7.0  # 120 + 90 + 60 + 150 = 420 minutes
    assert figures["median_wait_days"] == 4  # waits 10, 4, 2
    assert figures["follow_ups_overdue"] == 1
    assert figures["follow_ups_due"] == 1
    assert figures["volunteers_active"] == 1 and figures["animators_active"] == 1
    levels = {row["value"]: (row["before"], row["after"]) for row in figures["levels"]}
    # per request: A (découvrir → progresser), A again (progresser → maîtriser), B (découvrir → progresser)
    assert levels == {"decouvrir": (2, 0), "progresser": (1, 2), "maitriser": (0, 1)}
    assert figures["top_topics"] == [("Photos de produits", 3), ("Réseaux sociaux", 2)]
    months = {row["month"]: row for row in figures["monthly"]}
    assert len(figures["monthly"]) == 12
    assert figures["monthly"][-1]["month"] == datetime.date(2026, 6, 1)
    assert months[datetime.date(2026, 4, 1)]["sessions"] == 1
    assert months[datetime.date(2026, 5, 1)] | {} == {
        "month": datetime.date(2026, 5, 1),
        "sessions": 2,
        "hours": 2.5,
        "shops": 1,
        "requests": 1,
    }
    assert months[datetime.date(2026, 6, 1)]["requests"] == 2
    assert figures["updated_share"] is None  # no request is linked to a shop page


def test_the_dashboard_page_shows_figures_a_chart_and_a_table_to_staff(client, town):
    client.force_login(programme_staff(town, "animatrice"))
    response = client.get("/admin/coup-de-pouce/tableau-de-bord/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Tableau de bord du coup de pouce" in html
    assert "Commerces aidés" in html
    assert '<svg class="chart"' in html and 'role="img"' in html
    assert "Les 12 derniers mois" in html


def test_the_csv_export_has_the_figures_and_the_months(client, town):
    client.force_login(programme_staff(town, "animatrice"))
    response = client.get(f"/admin/coup-de-pouce/tableau-de-bord/?ville={town.pk}&format=csv")
    content = response.content.decode("utf-8-sig")
    assert response["Content-Type"].startswith("text/csv")
    assert "Séances;4" in content
    assert "Commerces aidés;2" in content


def test_a_superuser_picks_the_town(client, town, towns):
    admin = UserFactory(username="root", is_superuser=True, is_staff=True)
    client.force_login(admin)
    other = towns["beauvais"].get_site()
    response = client.get(f"/admin/coup-de-pouce/tableau-de-bord/?ville={other.pk}")
    assert response.context["site"] == other
    assert response.context["figures"]["sessions"] == 1


def test_the_public_figures_page_shows_aggregates_and_no_names(client, town):
    pages = programme_pages(town.root_page)
    html = client.get(pages["figures"].url, HTTP_HOST=town.hostname).content.decode()
    assert "Commerces aidés" in html
    assert "Boutique A" not in html and "Lucie" not in html


def test_unpublishing_the_figures_page_switches_it_off(client, town):
    pages = programme_pages(town.root_page)
    url = pages["figures"].url
    pages["figures"].unpublish()
    assert client.get(url, HTTP_HOST=town.hostname).status_code == 404


def test_share_of_helped_shops_updated_within_30_days(towns):
    """Two shops with a page: one published again 10 days after its session, one not."""
    from wagtail.models import PageLogEntry

    site = towns["bethune"].get_site()
    home = towns["bethune"]
    from tests.factories import StandardPageFactory

    page_one = StandardPageFactory(parent=home, title="Commerce 1")
    page_two = StandardPageFactory(parent=home, title="Commerce 2")
    first = HelpRequestFactory(site=site, shop=page_one, shop_name="Commerce 1")
    second = HelpRequestFactory(site=site, shop=page_two, shop_name="Commerce 2")
    CoachingSessionFactory(request=first, date=datetime.date(2026, 5, 1))
    CoachingSessionFactory(request=second, date=datetime.date(2026, 5, 1))
    PageLogEntry.objects.filter(page__in=[page_one, page_two]).delete()
    PageLogEntry.objects.create(
        page=page_one,
        action="wagtail.publish",
        timestamp=at(datetime.date(2026, 5, 11)),
        content_type_id=page_one.content_type_id,
        label="Commerce 1",
    )
    PageLogEntry.objects.create(
        page=page_two,
        action="wagtail.publish",
        timestamp=at(datetime.date(2026, 7, 1)),
        content_type_id=page_two.content_type_id,
        label="Commerce 2",
    )

    figures = dashboard_figures([site.pk], today=TODAY)

    assert figures["shops_with_page"] == 2
    assert figures["shops_updated"] == 1
    assert figures["updated_share"] == 50

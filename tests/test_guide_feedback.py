"""“Ce guide vous a-t-il aidé ?”: anonymous, one vote per browser session, rate-limited, no bots."""

import pytest

from learning.models import GuideFeedback
from tests.conftest import BETHUNE_HOST
from tests.factories import GuideIndexPageFactory, GuidePageFactory, UserFactory


@pytest.fixture
def guide(towns):
    index = GuideIndexPageFactory(parent=towns["bethune"])
    return GuidePageFactory(parent=index, slug="photos")


def vote(client, helpful="oui", comment="", **extra):
    data = {"helpful": helpful, "comment": comment, "site_web": ""}
    data.update(extra)
    return client.post("/se-former/photos/", data, HTTP_HOST=BETHUNE_HOST, follow=True)


def test_a_vote_is_counted_anonymously_and_thanked(client, guide):
    response = vote(client, "non", "Il manque une capture d'écran.")
    html = response.content.decode()
    assert "Merci pour votre avis" in html
    assert "Merci, votre avis a été pris en compte." in html
    feedback = GuideFeedback.objects.get()
    assert feedback.guide_id == guide.pk and feedback.helpful is False
    assert feedback.comment == "Il manque une capture d'écran."
    assert feedback.site.hostname == BETHUNE_HOST
    assert not hasattr(feedback, "ip") and not hasattr(feedback, "user")
    assert guide.feedback_counts() == {"yes": 0, "no": 1}


def test_a_second_vote_in_the_same_session_is_not_counted(client, guide):
    vote(client, "oui")
    html = vote(client, "non").content.decode()
    assert "Vous avez déjà donné votre avis sur ce guide" in html
    assert guide.feedback_counts() == {"yes": 1, "no": 0}


def test_a_vote_without_an_answer_shows_an_error_and_keeps_the_comment(client, guide):
    response = client.post("/se-former/photos/", {"comment": "Trop long"}, HTTP_HOST=BETHUNE_HOST)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Choisissez « Oui » ou « Non »." in html and "Trop long</textarea>" in html
    assert not GuideFeedback.objects.exists()


def test_a_bot_that_fills_the_honeypot_is_refused(client, guide):
    response = client.post(
        "/se-former/photos/", {"helpful": "oui", "site_web": "http://spam.example"}, HTTP_HOST=BETHUNE_HOST
    )
    assert response.status_code == 400
    assert not GuideFeedback.objects.exists()


def test_many_votes_from_one_address_are_rate_limited(client, guide, settings):
    from django.test import Client

    for _ in range(20):
        assert (
            Client().post("/se-former/photos/", {"helpful": "oui"}, HTTP_HOST=BETHUNE_HOST).status_code == 302
        )
    response = Client().post("/se-former/photos/", {"helpful": "oui"}, HTTP_HOST=BETHUNE_HOST)
    assert response.status_code == 429
    assert "Trop de tentatives" in response.content.decode()
    assert GuideFeedback.objects.count() == 20


def test_staff_see_the_counts_per_guide_of_their_town_only(client, towns, guide):
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import Site

    from learning.access import grant_town_learning

    other_index = GuideIndexPageFactory(parent=towns["beauvais"])
    other = GuidePageFactory(parent=other_index, title="Guide de Beauvais", slug="autre")
    GuideFeedback.objects.create(guide=guide, site=guide.get_site(), helpful=True)
    GuideFeedback.objects.create(guide=guide, site=guide.get_site(), helpful=False, comment="Flou")
    GuideFeedback.objects.create(
        guide=other, site=other.get_site(), helpful=True, comment="Secret de Beauvais"
    )

    group = Group.objects.create(name="Équipe Béthune")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    grant_town_learning(group, Site.objects.get(hostname=BETHUNE_HOST))
    user = UserFactory(username="agent-bethune")
    user.groups.add(group)
    client.force_login(user)

    report = client.get("/admin/se-former/avis-par-guide/").content.decode()
    assert "Photographier ses produits" in report and "Guide de Beauvais" not in report
    listing = client.get("/admin/learning/guidefeedback/").content.decode()
    assert "Flou" in listing and "Secret de Beauvais" not in listing
    export = client.get("/admin/learning/guidefeedback/?export=csv")
    content = b"".join(export.streaming_content).decode() if export.streaming else export.content.decode()
    assert "Flou" in content and "Secret de Beauvais" not in content


def test_people_without_the_permission_cannot_read_the_reports(client, towns, guide):
    from django.contrib.auth.models import Group, Permission

    group = Group.objects.create(name="Commerçants")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = UserFactory(username="commercant")
    user.groups.add(group)
    client.force_login(user)
    assert client.get("/admin/se-former/avis-par-guide/").status_code in {302, 403}
    assert client.get("/admin/learning/guidefeedback/").status_code in {302, 403}


def test_the_counts_show_when_staff_edit_the_guide(admin_client, guide):
    GuideFeedback.objects.create(guide=guide, site=guide.get_site(), helpful=True)
    GuideFeedback.objects.create(guide=guide, site=guide.get_site(), helpful=True)
    GuideFeedback.objects.create(guide=guide, site=guide.get_site(), helpful=False)
    html = admin_client.get(f"/admin/pages/{guide.pk}/edit/").content.decode()
    assert "« Ce guide vous a-t-il aidé ? » — oui : 2, non : 1." in html

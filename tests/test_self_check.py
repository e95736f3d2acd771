"""The self-check: staff-edited questions, scoring at each threshold, kind errors, anonymous results."""

import json

import pytest

from learning.models import SelfCheckPage, SelfCheckResult
from learning.views import SELF_CHECK_SESSION_KEY
from tests.conftest import BEAUVAIS_HOST, BETHUNE_HOST
from tests.factories import SelfCheckPageFactory
from tests.factories.learning import TopicFactory, question

ANSWERS = [("Pas du tout", 0), ("Un peu", 1), ("Tout à fait", 2)]


@pytest.fixture
def topics(db):
    return {
        "photos": TopicFactory(name="Photos de produits", slug="photos"),
        "fiche": TopicFactory(name="Fiche d'établissement", slug="fiche"),
        "paiement": TopicFactory(name="Paiement", slug="paiement"),
    }


@pytest.fixture
def self_check(towns, topics):
    """Three questions of 0–2 points; Progresser from 3, Maîtriser from 6 (the maximum)."""
    questions = [
        question("Avez-vous des photos ?", topics["photos"], ANSWERS, "q1"),
        question("Êtes-vous sur une carte ?", topics["fiche"], ANSWERS, "q2"),
        question("Acceptez-vous la carte bancaire ?", topics["paiement"], ANSWERS, "q3"),
    ]
    return SelfCheckPageFactory(parent=towns["bethune"], questions=json.dumps(questions))


def answer(client, *choices, host=BETHUNE_HOST, **extra):
    data = {
        f"q-q{number}": str(choice) for number, choice in enumerate(choices, start=1) if choice is not None
    }
    data.update(extra)
    return client.post("/auto-diagnostic/", data, HTTP_HOST=host)


def result_page(client, *choices):
    response = answer(client, *choices)
    assert response.status_code == 302, response.content.decode()[:500]
    return client.get(response["Location"], HTTP_HOST=BETHUNE_HOST).content.decode()


def test_the_form_shows_every_question_with_its_answers(client, self_check):
    html = client.get("/auto-diagnostic/", HTTP_HOST=BETHUNE_HOST).content.decode()
    assert "Avez-vous des photos ?" in html and "Acceptez-vous la carte bancaire ?" in html
    assert html.count('type="radio"') == 9
    assert "Aucun compte nécessaire" in html


@pytest.mark.parametrize(
    ("choices", "score", "level"),
    [
        ((0, 0, 0), 0, "Découvrir"),
        ((1, 1, 0), 2, "Découvrir"),  # one point under the threshold of Progresser
        ((1, 1, 1), 3, "Progresser"),  # exactly on it
        ((2, 2, 1), 5, "Progresser"),  # one point under Maîtriser
        ((2, 2, 2), 6, "Maîtriser"),  # exactly on it
    ],
)
def test_score_places_the_shop_on_a_level_at_each_threshold_edge(client, self_check, choices, score, level):
    html = result_page(client, *choices)
    assert f"Votre niveau : {level}" in html
    assert f"{score} points sur 6." in html
    result = SelfCheckResult.objects.get()
    assert (result.score, result.max_score, result.get_level_display()) == (score, 6, level)


def test_the_level_text_staff_wrote_is_shown(client, self_check):
    html = result_page(client, 0, 0, 0)
    assert "<p>Vous débutez, et c'est très bien.</p>" in html


def test_results_are_anonymous_and_kept_per_town(client, self_check, topics):
    result_page(client, 2, 0, 1)
    result = SelfCheckResult.objects.get()
    assert result.site.hostname == BETHUNE_HOST
    assert result.topic_scores == {"photos": 1.0, "fiche": 0.0, "paiement": 0.5}
    field_names = {field.name for field in SelfCheckResult._meta.get_fields()}
    assert not field_names & {"ip", "ip_address", "user", "email", "name", "session"}


def test_a_missing_answer_gets_a_french_error_and_keeps_the_other_answers(client, self_check):
    response = answer(client, 2, None, 1)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Choisissez une réponse à cette question." in html
    assert "Certaines réponses demandent votre attention" in html
    assert 'value="2" id="id_q-q1_2" required checked' in html
    assert not SelfCheckResult.objects.exists()


def test_a_tampered_answer_is_refused(client, self_check):
    response = answer(client, 2, 9, 1)
    assert response.status_code == 400
    assert "ne fait pas partie des réponses proposées" in response.content.decode()
    response = answer(client, 2, "abc", 1)
    assert response.status_code == 400
    assert not SelfCheckResult.objects.exists()


def test_the_honeypot_refuses_bots(client, self_check):
    assert answer(client, 1, 1, 1, site_web="http://spam.example").status_code == 400
    assert not SelfCheckResult.objects.exists()


def test_scoring_follows_the_questions_after_staff_edit_them(client, self_check, topics):
    page = SelfCheckPage.objects.get(pk=self_check.pk)
    page.questions = json.dumps(
        [
            question("Avez-vous des photos ?", topics["photos"], [("Non", 0), ("Oui", 5)], "q1"),
            question("Vendez-vous en ligne ?", topics["paiement"], [("Non", 0), ("Oui", 4)], "q2"),
        ]
    )
    page.progress_from, page.master_from = 4, 9
    page.save_revision().publish()

    html = client.get("/auto-diagnostic/", HTTP_HOST=BETHUNE_HOST).content.decode()
    assert "Vendez-vous en ligne ?" in html and "Êtes-vous sur une carte ?" not in html
    assert "Votre niveau : Progresser" in result_page(client, 0, 1)
    assert SelfCheckResult.objects.get().max_score == 9
    # An answer to a question that no longer exists is ignored; the one that exists is required.
    assert answer(client, 1, None, 1).status_code == 400


def test_the_result_page_needs_a_result_of_this_browser(client, self_check):
    response = client.get("/auto-diagnostic/resultat/", HTTP_HOST=BETHUNE_HOST)
    assert response.status_code == 302 and response["Location"].endswith("/auto-diagnostic/")


def test_a_result_of_another_town_is_not_shown(client, towns, topics, self_check):
    result_page(client, 1, 1, 1)
    SelfCheckPageFactory(parent=towns["beauvais"], questions=json.dumps([]))
    session = client.session
    assert session[SELF_CHECK_SESSION_KEY]
    response = client.get("/auto-diagnostic/resultat/", HTTP_HOST=BEAUVAIS_HOST)
    assert response.status_code == 302


def test_thresholds_must_be_in_order(self_check):
    from django.core.exceptions import ValidationError

    self_check.progress_from, self_check.master_from = 6, 6
    with pytest.raises(ValidationError):
        self_check.full_clean()


def test_staff_see_the_counts_per_level_of_their_town(client, towns, self_check):
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import Site

    from learning.access import grant_town_learning
    from tests.factories import UserFactory

    bethune, beauvais = Site.objects.get(hostname=BETHUNE_HOST), Site.objects.get(hostname=BEAUVAIS_HOST)
    for level in ["decouvrir", "decouvrir", "maitriser"]:
        SelfCheckResult.objects.create(site=bethune, level=level, score=1, max_score=6)
    for _ in range(7):
        SelfCheckResult.objects.create(site=beauvais, level="progresser", score=4, max_score=6)
    group = Group.objects.create(name="Équipe Béthune")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    grant_town_learning(group, bethune)
    user = UserFactory(username="agent")
    user.groups.add(group)
    client.force_login(user)

    html = client.get("/admin/se-former/auto-diagnostic/").content.decode()
    assert "<td>Découvrir</td><td>2</td>" in html and "<td>Maîtriser</td><td>1</td>" in html
    assert "<td>Progresser</td><td>0</td>" in html and "Beauvais" not in html


def test_town_staff_can_edit_the_self_check_and_choose_topics(client, towns, self_check):
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission, Site

    from learning.access import grant_town_learning
    from tests.factories import UserFactory

    group = Group.objects.create(name="Équipe Béthune")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ["add_page", "change_page", "publish_page"]:
        GroupPagePermission.objects.create(
            group=group, page=towns["bethune"], permission=Permission.objects.get(codename=codename)
        )
    grant_town_learning(group, Site.objects.get(hostname=BETHUNE_HOST))
    user = UserFactory(username="agent")
    user.groups.add(group)
    client.force_login(user)

    edit = client.get(f"/admin/pages/{self_check.pk}/edit/")
    assert edit.status_code == 200
    assert "« Progresser » à partir de (points)" in edit.content.decode()
    assert client.get("/admin/snippets/choose/learning/topic/").status_code == 200
    # One self-check per town: it exists already, so only the other learning pages may be added.
    assert client.get(f"/admin/pages/add/learning/selfcheckpage/{towns['bethune'].pk}/").status_code == 302
    for model in ["guideindexpage", "workshopindexpage"]:
        assert client.get(f"/admin/pages/add/learning/{model}/{towns['bethune'].pk}/").status_code == 200

"""After the self-check: 3 to 5 guides of this town, weakest topics first, and a pre-filled help request."""

import json
import re

import pytest

from tests.conftest import BETHUNE_HOST
from tests.factories import GuideIndexPageFactory, GuidePageFactory, SelfCheckPageFactory
from tests.factories.learning import TopicFactory, question
from tests.factories.programme import programme_pages

ANSWERS = [("Pas du tout", 0), ("Un peu", 1), ("Tout à fait", 2)]


@pytest.fixture
def setup(towns):
    topics = {
        slug: TopicFactory(name=slug.capitalize(), slug=slug) for slug in ["photos", "fiche", "paiement"]
    }
    SelfCheckPageFactory(
        parent=towns["bethune"],
        questions=json.dumps(
            [
                question("Photos ?", topics["photos"], ANSWERS, "q1"),
                question("Fiche ?", topics["fiche"], ANSWERS, "q2"),
                question("Paiement ?", topics["paiement"], ANSWERS, "q3"),
            ]
        ),
    )
    index = GuideIndexPageFactory(parent=towns["bethune"])
    specs = [
        ("Photos pour débuter", "decouvrir", "photos"),
        ("Fiche : aller plus loin", "maitriser", "fiche"),
        ("Fiche : premiers pas", "decouvrir", "fiche"),
        ("Paiement sans contact", "decouvrir", "paiement"),
        ("Photos avancées", "maitriser", "photos"),
        ("Fiche : les avis", "progresser", "fiche"),
    ]
    for number, (title, level, topic) in enumerate(specs):
        GuidePageFactory(parent=index, title=title, slug=f"g{number}", level=level, topics=[topics[topic]])
    other = GuideIndexPageFactory(parent=towns["beauvais"])
    GuidePageFactory(
        parent=other, title="Fiche à Beauvais", slug="b", level="decouvrir", topics=[topics["fiche"]]
    )
    return topics


def recommended_titles(client, *choices):
    data = {f"q-q{number}": str(choice) for number, choice in enumerate(choices, start=1)}
    response = client.post("/auto-diagnostic/", data, HTTP_HOST=BETHUNE_HOST)
    html = client.get(response["Location"], HTTP_HOST=BETHUNE_HOST).content.decode()
    block = html.split('class="card-grid recommended-guides"')[1].split("Refaire le questionnaire")[0]
    return re.findall(r'class="card__title"><a href="[^"]+">([^<]+)</a>', block), html


def test_guides_of_the_weakest_topic_come_first_at_the_shop_level_first(client, setup):
    # Photos 2/2, fiche 0/2 (weakest), paiement 1/2: score 3, level Progresser.
    titles, html = recommended_titles(client, 2, 0, 1)
    assert titles == [
        "Fiche : les avis",
        "Fiche : aller plus loin",
        "Fiche : premiers pas",
        "Paiement sans contact",
    ]
    assert "Photos" not in " ".join(titles)
    assert "Fiche à Beauvais" not in html
    assert "<strong>Fiche</strong>, <strong>Paiement</strong>" in html


def test_at_most_five_guides_are_recommended(client, setup):
    titles, _ = recommended_titles(client, 0, 0, 0)
    # Every topic scores 0: ties are broken by topic, then by closeness to the shop's level (Découvrir).
    assert titles == [
        "Fiche : premiers pas",
        "Fiche : les avis",
        "Fiche : aller plus loin",
        "Paiement sans contact",
        "Photos pour débuter",
    ]


def test_a_shop_at_ease_everywhere_still_gets_three_guides(client, setup):
    titles, html = recommended_titles(client, 2, 2, 2)
    assert len(titles) == 3
    assert "Votre niveau : Maîtriser" in html


def test_the_help_request_is_prefilled_with_level_and_weak_topics(client, towns, setup):
    _, html = recommended_titles(client, 2, 0, 1)
    assert "Vous préférez être accompagné ?" not in html  # the town has no help form yet

    help_page = programme_pages(towns["bethune"])["help"]
    _, html = recommended_titles(client, 2, 0, 1)
    url = help_page.relative_url(help_page.get_site())
    assert f'href="{url}?sujets=fiche,paiement&amp;niveau=progresser"' in html


def test_the_result_page_queries_are_bounded(client, towns, setup, django_assert_max_num_queries):
    index = GuideIndexPageFactory(parent=towns["bethune"], slug="encore", title="Encore")
    for number in range(10):
        GuidePageFactory(parent=index, title=f"Fiche {number}", slug=f"f{number}", topics=[setup["fiche"]])
    response = client.post(
        "/auto-diagnostic/", {"q-q1": "2", "q-q2": "0", "q-q3": "1"}, HTTP_HOST=BETHUNE_HOST
    )
    with django_assert_max_num_queries(40):
        assert client.get(response["Location"], HTTP_HOST=BETHUNE_HOST).status_code == 200

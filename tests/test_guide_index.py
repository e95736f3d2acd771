"""The guide index: filter by level and topic, search, count and pages, with a plain GET form."""

import pytest

from tests.conftest import BETHUNE_HOST
from tests.factories import GuideIndexPageFactory, GuidePageFactory
from tests.factories.learning import TopicFactory


@pytest.fixture
def guides(towns):
    index = GuideIndexPageFactory(parent=towns["bethune"])
    photos = TopicFactory(name="Photos de produits", slug="photos-de-produits")
    security = TopicFactory(name="Sécurité", slug="securite")
    GuidePageFactory(
        parent=index, title="Photographier ses produits", slug="a", level="decouvrir", topics=[photos]
    )
    GuidePageFactory(parent=index, title="Retoucher une photo", slug="b", level="progresser", topics=[photos])
    GuidePageFactory(
        parent=index,
        title="Mots de passe solides",
        slug="c",
        level="decouvrir",
        topics=[security],
        summary="Une phrase facile à retenir.",
    )
    other = GuideIndexPageFactory(parent=towns["beauvais"])
    GuidePageFactory(parent=other, title="Guide de Beauvais", slug="d", level="decouvrir", topics=[photos])
    return index


def get(client, query=""):
    return client.get(f"/se-former/{query}", HTTP_HOST=BETHUNE_HOST).content.decode()


def test_index_lists_the_town_guides_with_their_count(client, guides):
    html = get(client)
    assert "3 guides" in html
    assert "Photographier ses produits" in html and "Mots de passe solides" in html
    assert "Guide de Beauvais" not in html
    assert '<form class="guide-filters" method="get"' in html


def test_filter_by_level(client, guides):
    html = get(client, "?niveau=progresser")
    assert "1 guide<" in html
    assert "Retoucher une photo" in html and "Photographier ses produits" not in html


def test_filter_by_topic_and_level_together(client, guides):
    html = get(client, "?niveau=decouvrir&theme=photos-de-produits")
    assert "1 guide<" in html and "Photographier ses produits" in html
    assert "Mots de passe" not in html and "Retoucher" not in html
    assert '<option value="photos-de-produits" selected>' in html
    assert "Effacer les filtres" in html


def test_text_search(client, guides):
    html = get(client, "?q=phrase")
    assert "1 guide<" in html and "Mots de passe solides" in html
    assert "Photographier" not in html


def test_nothing_found_says_so_kindly(client, guides):
    html = get(client, "?q=introuvable")
    assert "0 guide" in html and "Aucun guide ne correspond à ces filtres" in html


def test_unknown_filter_values_are_ignored_not_an_error(client, guides):
    response = client.get("/se-former/?niveau=expert&theme=inconnu&page=99", HTTP_HOST=BETHUNE_HOST)
    assert response.status_code == 200
    assert "3 guides" in response.content.decode()


def test_many_guides_are_paginated(client, towns, django_assert_max_num_queries):
    index = GuideIndexPageFactory(parent=towns["bethune"])
    topic = TopicFactory(slug="photos-de-produits")
    for number in range(14):
        GuidePageFactory(parent=index, title=f"Guide numéro {number}", slug=f"g{number}", topics=[topic])
    with django_assert_max_num_queries(30):
        html = get(client)
    assert "14 guides" in html and "Page 1 sur 2" in html
    assert "Guide numéro 13" not in html
    assert "Guide numéro 13" in get(client, "?page=2")

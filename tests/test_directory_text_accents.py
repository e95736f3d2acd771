"""The directory's free-text filter reads words as a French visitor types them: accents, case and
ligatures aside, in names, keywords and products alike, on SQLite and PostgreSQL."""

import re

import pytest

from tests.conftest import BETHUNE_HOST
from tests.factories import ShopCategoryFactory, ShopIndexPageFactory, make_shop


@pytest.fixture
def directory(towns):
    directory = ShopIndexPageFactory(parent=towns["bethune"])
    category = ShopCategoryFactory()
    make_shop(directory, "Épicerie du Beffroi", category=category, products=["Crème fraîche"])
    make_shop(
        directory, "Boucherie Martin", category=category, products=["Bœuf bourguignon"], tags=["Fait-main"]
    )
    make_shop(directory, "Quincaillerie", category=category, products=["Piles AA"])
    return directory


def listed(client, directory, query):
    response = client.get(directory.url, {"q": query}, HTTP_HOST=BETHUNE_HOST)
    assert response.status_code == 200
    return re.findall(r'class="shop-card__title"><a href="[^"]*">([^<]+)</a>', response.content.decode())


@pytest.mark.parametrize("query", ["epicerie", "EPICERIE", "Épicerie", "épice", "creme fraiche", "FRAÎCHE"])
def test_words_typed_without_accents_or_in_capitals_find_the_shop(client, directory, query):
    assert listed(client, directory, query) == ["Épicerie du Beffroi"]


def test_ligatures_and_keywords(client, directory):
    assert listed(client, directory, "boeuf") == ["Boucherie Martin"]
    assert listed(client, directory, "FAIT-MAIN") == ["Boucherie Martin"]


def test_every_word_still_counts(client, directory):
    assert listed(client, directory, "epicerie piles") == []
    assert listed(client, directory, "piles aa") == ["Quincaillerie"]

"""A visitor types a word in the singular or the plural, the shop or page says it the other way:
site search, product search, guide search and the directory's filter find it all the same, on
SQLite and on PostgreSQL. A double quote typed in a search box is only a character."""

import pytest

from home.search_words import word_forms, word_stem
from tests.conftest import BETHUNE_HOST
from tests.factories import (
    GuideIndexPageFactory,
    GuidePageFactory,
    ShopCategoryFactory,
    StandardPageFactory,
    make_shop,
)
from tests.test_directory_text_accents import listed
from tests.test_search_ranking import directory, product_search, site_search  # noqa: F401


@pytest.mark.parametrize(
    "word, forms",
    [
        ("Boulangeries", ("boulangeries", "boulangerie")),
        ("boulangerie", ("boulangerie", "boulangeries")),
        ("bijoux", ("bijoux", "bijou")),
        ("Jeu", ("jeu", "jeux", "jeus")),
        ("gâteaux", ("gâteaux", "gâteau")),
        ("animaux", ("animaux", "animau", "animal")),
        ("animal", ("animal", "animaux", "animals")),
        ("prix", ("prix",)),
        ("bus", ("bus",)),
        ("de", ("de",)),
    ],
)
def test_a_word_is_read_with_its_regular_singular_and_plural(word, forms):
    assert word_forms(word) == forms


@pytest.mark.parametrize(
    "word, stem",
    [("boulangeries", "boulangerie"), ("bijou", "bijou"), ("animaux", "anima"), ("prix", "prix")],
)
def test_a_text_filter_looks_for_what_every_form_starts_with(word, stem):
    assert word_stem(word) == stem


@pytest.fixture
def shops(directory):  # noqa: F811
    category = ShopCategoryFactory()
    make_shop(directory, "Boulangerie du Beffroi", category=category, products=["Bougie parfumée"])
    make_shop(directory, "Bijoux Carpentier", category=category, products=["Cadeau de naissance"])
    make_shop(directory, "Animalerie du centre", category=category, products=["Gamelles"])
    return directory


@pytest.mark.parametrize(
    "query, found",
    [
        ("boulangeries", ["Boulangerie du Beffroi"]),
        ("BOULANGERIE", ["Boulangerie du Beffroi"]),
        ("bijou", ["Bijoux Carpentier"]),
        ("bijoux", ["Bijoux Carpentier"]),
        ("bijou beffroi", []),
    ],
)
def test_site_search_finds_the_singular_and_the_plural(client, shops, query, found):
    assert site_search(client, query) == found


def test_site_search_lists_first_the_pages_titled_with_the_word_in_another_form(client, towns, shops):
    StandardPageFactory(
        parent=towns["bethune"],
        title="Où acheter son pain",
        slug="pain",
        body=[("paragraph", "<p>Les boulangeries du centre-ville.</p>")],
    )
    assert site_search(client, "boulangeries") == ["Boulangerie du Beffroi", "Où acheter son pain"]


def test_site_search_finds_the_other_plural_of_words_in_al(client, towns, shops):
    StandardPageFactory(parent=towns["bethune"], title="Nos amis les animaux", slug="animaux")
    assert site_search(client, "animal") == ["Nos amis les animaux"]


@pytest.mark.parametrize(
    "query, found",
    [("bougies", ["Bougie parfumée"]), ("cadeaux", ["Cadeau de naissance"]), ("gamelle", ["Gamelles"])],
)
def test_product_search_finds_the_singular_and_the_plural(client, shops, query, found):
    assert product_search(client, shops, query) == found


@pytest.mark.parametrize(
    "query, found",
    [
        ("boulangeries", ["Boulangerie du Beffroi"]),
        ("bijou", ["Bijoux Carpentier"]),
        ("cadeaux", ["Bijoux Carpentier"]),
        ("animaux", ["Animalerie du centre"]),
        ("bougies beffroi", ["Boulangerie du Beffroi"]),
        ("bougies carpentier", []),
    ],
)
def test_directory_filter_finds_the_singular_and_the_plural(client, shops, query, found):
    assert listed(client, shops, query) == found


def test_guide_search_finds_the_singular_and_the_plural(client, towns):
    index = GuideIndexPageFactory(parent=towns["bethune"])
    GuidePageFactory(parent=index, title="Mots de passe solides", slug="a", summary="Une phrase à retenir.")
    GuidePageFactory(parent=index, title="Retoucher une photo", slug="b")
    html = client.get("/se-former/", {"q": "phrases"}, HTTP_HOST=BETHUNE_HOST).content.decode()
    assert "1 guide<" in html and "Mots de passe solides" in html


@pytest.mark.parametrize("query", ['"boulangerie', 'boulangerie"', '"boulangerie"'])
def test_a_double_quote_in_a_search_is_only_a_character(client, shops, query):
    assert site_search(client, query) == ["Boulangerie du Beffroi"]
    assert listed(client, shops, query) == ["Boulangerie du Beffroi"]
    assert product_search(client, shops, query.replace("boulangerie", "bougie")) == ["Bougie parfumée"]


def test_a_search_of_nothing_but_quotes_finds_nothing_and_says_so(client, towns, shops):
    assert site_search(client, '" "') == []
    assert product_search(client, shops, '"') == []
    GuidePageFactory(parent=GuideIndexPageFactory(parent=towns["bethune"]), title="Retoucher une photo")
    html = client.get("/se-former/", {"q": '"'}, HTTP_HOST=BETHUNE_HOST).content.decode()
    assert "Aucun guide ne correspond à ces filtres" in html

"""What search engines, social networks and lost visitors see."""

import pytest
from django.test import override_settings

from tests.conftest import BETHUNE_HOST
from tests.factories import ImageFactory, StandardPageFactory


def test_pages_carry_canonical_url_and_sharing_tags(client, towns):
    StandardPageFactory(
        parent=towns["bethune"],
        title="Le marché du lundi",
        slug="marche",
        listing_summary="Plus de 150 exposants chaque lundi.",
        social_image=ImageFactory(),
    )

    html = client.get("/marche/", HTTP_HOST=BETHUNE_HOST).text

    assert f'<link rel="canonical" href="http://{BETHUNE_HOST}/marche/">' in html
    assert '<meta property="og:title" content="Le marché du lundi">' in html
    assert '<meta name="description" content="Plus de 150 exposants chaque lundi.">' in html
    assert '<meta property="og:image" content="http://' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html


def test_html_lang_follows_the_active_language(client, towns):
    html = client.get("/", HTTP_HOST=BETHUNE_HOST).text
    assert '<html lang="fr"' in html


def test_breadcrumbs_lead_back_to_the_town_home(client, towns):
    parent = StandardPageFactory(parent=towns["bethune"], title="Vivre le centre", slug="centre")
    StandardPageFactory(parent=parent, title="Se garer", slug="se-garer")

    html = client.get("/centre/se-garer/", HTTP_HOST=BETHUNE_HOST).text

    crumbs = html.split('class="breadcrumbs', 1)[1].split("</nav>", 1)[0]
    assert 'href="/">Accueil</a>' in crumbs
    assert 'href="/centre/">Vivre le centre</a>' in crumbs
    assert '<span aria-current="page">Se garer</span>' in crumbs


def test_robots_txt_points_to_the_towns_sitemap(client, towns):
    response = client.get("/robots.txt", HTTP_HOST=BETHUNE_HOST)
    assert response["Content-Type"].startswith("text/plain")
    assert f"Sitemap: http://{BETHUNE_HOST}/sitemap.xml" in response.text
    assert "Disallow: /admin/" in response.text


def test_unknown_address_shows_a_french_404_with_a_way_back(client, towns):
    response = client.get("/cette-page-n-existe-pas/", HTTP_HOST=BETHUNE_HOST)
    assert response.status_code == 404
    assert "Page introuvable" in response.text
    assert "Retour à l’accueil" in response.text


@override_settings(ROOT_URLCONF="tests.urls_failing")
def test_a_crash_shows_a_french_500_page(towns):
    from django.test import Client

    client = Client(raise_request_exception=False)
    response = client.get("/boum/", HTTP_HOST=BETHUNE_HOST)
    assert response.status_code == 500
    assert "Désolé, une erreur est survenue" in response.text


@pytest.mark.parametrize("query", ["", "   ", "x" * 5000, "<script>alert(1)</script>", "%00"])
def test_search_survives_odd_input(client, towns, query):
    response = client.get("/recherche/", {"q": query}, HTTP_HOST=BETHUNE_HOST)
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.text


def test_search_paginates_and_tolerates_bad_page_numbers(client, towns):
    for number in range(12):
        StandardPageFactory(parent=towns["bethune"], title=f"Boulangerie numéro {number}")

    first = client.get("/recherche/", {"q": "boulangerie"}, HTTP_HOST=BETHUNE_HOST)
    beyond = client.get("/recherche/", {"q": "boulangerie", "page": "99"}, HTTP_HOST=BETHUNE_HOST)
    garbage = client.get("/recherche/", {"q": "boulangerie", "page": "abc"}, HTTP_HOST=BETHUNE_HOST)

    assert "12 résultats" in first.text and "Page 1 sur 2" in first.text
    assert "Page 2 sur 2" in beyond.text
    assert "Page 1 sur 2" in garbage.text

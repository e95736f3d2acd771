"""One install, several towns: a visitor of one town never meets the other's pages."""

from tests.conftest import BEAUVAIS_HOST, BETHUNE_HOST
from tests.factories import StandardPageFactory


def test_each_town_is_served_at_its_own_address(client, towns):
    bethune = client.get("/", HTTP_HOST=BETHUNE_HOST)
    beauvais = client.get("/", HTTP_HOST=BEAUVAIS_HOST)
    assert "Béthune" in bethune.text and "Beauvais" not in bethune.text
    assert "Beauvais" in beauvais.text and "Béthune" not in beauvais.text


def test_search_only_returns_pages_of_the_current_town(client, towns):
    StandardPageFactory(parent=towns["bethune"], title="Marché aux fleurs de Béthune", slug="fleurs")
    StandardPageFactory(parent=towns["beauvais"], title="Marché aux fleurs de Beauvais", slug="fleurs")

    response = client.get("/recherche/", {"q": "fleurs"}, HTTP_HOST=BEAUVAIS_HOST)

    titles = [page.title for page in response.context["results"]()]
    assert titles == ["Marché aux fleurs de Beauvais"]
    assert "1 résultat" in response.text


def test_menu_lists_only_the_current_towns_pages_marked_for_menus(client, towns):
    StandardPageFactory(parent=towns["bethune"], title="Le marché du lundi", show_in_menus=True)
    StandardPageFactory(parent=towns["bethune"], title="Page cachée du menu", show_in_menus=False)
    StandardPageFactory(parent=towns["beauvais"], title="Les marchés de Beauvais", show_in_menus=True)

    response = client.get("/", HTTP_HOST=BETHUNE_HOST)

    menu = response.text.split('class="main-menu"', 1)[1].split("</nav>", 1)[0]
    assert "Le marché du lundi" in menu
    assert "Page cachée du menu" not in menu
    assert "Les marchés de Beauvais" not in menu


def test_sitemap_of_a_town_lists_only_its_own_pages(client, towns):
    StandardPageFactory(parent=towns["bethune"], slug="beffroi")
    StandardPageFactory(parent=towns["beauvais"], slug="cathedrale")

    sitemap = client.get("/sitemap.xml", HTTP_HOST=BEAUVAIS_HOST).text

    assert f"http://{BEAUVAIS_HOST}/cathedrale/" in sitemap
    assert "beffroi" not in sitemap


def test_unpublished_pages_stay_out_of_search_and_sitemap(client, towns):
    StandardPageFactory(parent=towns["bethune"], title="Brouillon secret", slug="brouillon", live=False)

    search = client.get("/recherche/", {"q": "secret"}, HTTP_HOST=BETHUNE_HOST)
    sitemap = client.get("/sitemap.xml", HTTP_HOST=BETHUNE_HOST)

    assert list(search.context["results"]()) == []
    assert "brouillon" not in sitemap.text

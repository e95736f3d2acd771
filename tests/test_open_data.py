"""Open data: /commerces.csv, .json and .geojson list the published shops of the current town only."""

import csv
import io
import json

import pytest

from shops.models import ClickCollectRequest
from tests.conftest import BEAUVAIS_HOST, BETHUNE_HOST
from tests.factories.shops_staff import make_shop, shop_category, shop_index


@pytest.fixture
def shops(towns):
    bethune = shop_index(towns["bethune"])
    food = shop_category("Alimentation", "alimentation")
    bakery = make_shop(
        bethune,
        "Boulangerie du Beffroi",
        category=food,
        latitude="50.529800",
        longitude="2.640800",
        website="https://beffroi.example",
        siret="81234567800013",
        email="martine.durand@exemple.localhost",
        delivery=True,
    )
    make_shop(bethune, "Mercerie sans carte", category=food, street="3 rue Sans Carte")
    make_shop(bethune, "Brouillon caché", category=food, live=False)
    make_shop(shop_index(towns["beauvais"]), "Fromagerie de Beauvais", category=food, town="Beauvais")
    bakery.owner = None
    ClickCollectRequest.objects.create(
        shop=bakery,
        contact_name="Jeanne Visiteuse",
        contact_email="jeanne@exemple.localhost",
        pickup_date="2030-01-01",
        pickup_time="10:00",
        consent_at="2029-12-01T10:00:00Z",
    )
    return bakery


def get(client, extension, host=BETHUNE_HOST):
    return client.get(f"/commerces.{extension}", HTTP_HOST=host)


def test_the_csv_lists_the_published_shops_of_the_town_with_a_header(client, shops):
    response = get(client, "csv")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))
    assert [row["nom"] for row in rows] == ["Boulangerie du Beffroi", "Mercerie sans carte"]
    bakery = rows[0]
    assert bakery["categorie"] == "Alimentation"
    assert bakery["adresse"] == "12 rue d'Arras"
    assert bakery["code_postal"] == "62400"
    assert bakery["latitude"] == "50.529800"
    assert bakery["site_web"] == "https://beffroi.example"
    assert "Click & collect" in bakery["services"] and "Livraison à domicile" in bakery["services"]
    assert bakery["horaires_osm"] == "Mo-Sa 09:00-19:00"
    assert bakery["url"] == "http://bethune.localhost/commerces/boulangerie-du-beffroi/"
    assert bakery["mise_a_jour"].startswith("20")


def test_no_personal_data_is_exported(client, shops):
    for extension in ("csv", "json", "geojson"):
        body = get(client, extension).content.decode()
        for private in ["martine.durand", "81234567800013", "Jeanne", "jeanne@", "Brouillon caché"]:
            assert private not in body, (extension, private)


def test_each_town_exports_only_its_own_shops(client, shops):
    bethune = get(client, "json").json()
    beauvais = get(client, "json", host=BEAUVAIS_HOST).json()

    assert bethune["ville"] == "Béthune"
    assert bethune["nombre"] == 2
    assert [shop["nom"] for shop in beauvais["commerces"]] == ["Fromagerie de Beauvais"]


def test_the_json_has_the_same_fields_as_the_csv(client, shops):
    response = get(client, "json")

    assert response["Content-Type"] == "application/json; charset=utf-8"
    bakery = response.json()["commerces"][0]
    assert bakery["latitude"] == pytest.approx(50.5298)
    assert bakery["services"] == ["Click & collect", "Livraison à domicile"]
    assert set(bakery) == {
        "nom", "categorie", "adresse", "code_postal", "ville", "latitude", "longitude", "telephone",
        "site_web", "services", "horaires_osm", "url", "mise_a_jour",
    }  # fmt: skip


def test_the_geojson_has_a_point_per_shop_with_coordinates(client, shops):
    response = get(client, "geojson")

    assert response["Content-Type"] == "application/geo+json; charset=utf-8"
    document = json.loads(response.content)
    assert document["type"] == "FeatureCollection"
    (feature,) = document["features"]  # the shop without coordinates is not on the map
    assert feature["geometry"] == {
        "type": "Point",
        "coordinates": [pytest.approx(2.6408), pytest.approx(50.5298)],
    }
    assert feature["properties"]["nom"] == "Boulangerie du Beffroi"


@pytest.mark.parametrize("extension", ["csv", "json", "geojson"])
def test_the_number_of_queries_does_not_grow_with_the_number_of_shops(
    client, towns, django_assert_max_num_queries, extension
):
    index = shop_index(towns["bethune"])
    category = shop_category("Alimentation", "alimentation")
    for number in range(25):
        make_shop(
            index,
            f"Commerce {number}",
            category=category,
            street=f"{number} rue Longue",
            latitude="50.5",
            longitude="2.6",
        )

    with django_assert_max_num_queries(12):
        response = get(client, extension)

    assert response.status_code == 200
    assert "Commerce 24" in response.content.decode()


def test_the_directory_links_its_open_data_files(client, towns):
    shop_index(towns["bethune"])
    html = client.get("/commerces/", HTTP_HOST=BETHUNE_HOST).content.decode()
    assert 'href="/commerces.csv"' in html
    assert 'href="/commerces.geojson"' in html
    assert "Données ouvertes" in html

"""Town staff tools in the admin: the shop list (filters, CSV export) and the CSV import screens."""

import csv
import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import GroupPagePermission

from shops.models import ShopPage
from tests.conftest import BETHUNE_HOST
from tests.factories.shops_staff import make_shop, shop_category, shop_index, town_staff

SAMPLE = Path(__file__).resolve().parent.parent / "shops" / "samples" / "commerces-exemple.csv"
LISTING_URL = "/admin/shop_listing/"
IMPORT_URL = "/admin/shops/import/"


@pytest.fixture
def shops_of_both_towns(towns):
    food = shop_category("Alimentation", "alimentation")
    fashion = shop_category("Mode", "mode")
    bethune = shop_index(towns["bethune"])
    beauvais = shop_index(towns["beauvais"])
    return {
        "bakery": make_shop(bethune, "Boulangerie du Beffroi", category=food, delivery=True),
        "boutique": make_shop(bethune, "Boutique Rivage", category=fashion, click_collect=False),
        "beauvais": make_shop(beauvais, "Fromagerie de la Cathédrale", category=food, town="Beauvais"),
    }


@pytest.fixture
def staff_client(client, towns):
    client.force_login(town_staff(towns["bethune"], "equipe-bethune"))
    return client


def test_staff_list_only_their_towns_shops(staff_client, shops_of_both_towns):
    content = staff_client.get(LISTING_URL, HTTP_HOST=BETHUNE_HOST).content.decode()

    assert "Boulangerie du Beffroi" in content
    assert "Boutique Rivage" in content
    assert "Fromagerie de la Cathédrale" not in content


def test_the_list_filters_by_category_and_service(staff_client, shops_of_both_towns):
    fashion = shops_of_both_towns["boutique"].category

    by_category = staff_client.get(f"{LISTING_URL}?category={fashion.pk}", HTTP_HOST=BETHUNE_HOST)
    by_service = staff_client.get(f"{LISTING_URL}?service=delivery", HTTP_HOST=BETHUNE_HOST)

    assert "Boutique Rivage" in by_category.content.decode()
    assert "Boulangerie du Beffroi" not in by_category.content.decode()
    assert "Boulangerie du Beffroi" in by_service.content.decode()
    assert "Boutique Rivage" not in by_service.content.decode()


def test_the_list_filters_by_last_update(staff_client, shops_of_both_towns):
    ShopPage.objects.filter(pk=shops_of_both_towns["boutique"].pk).update(
        latest_revision_created_at="2020-01-15T10:00:00Z"
    )

    old = staff_client.get(
        f"{LISTING_URL}?latest_revision_created_at_to=2021-01-01", HTTP_HOST=BETHUNE_HOST
    ).content.decode()

    assert "Boutique Rivage" in old
    assert "Boulangerie du Beffroi" not in old


def test_the_list_reads_as_many_queries_for_twenty_shops_as_for_three(staff_client, towns):
    index = shop_index(towns["bethune"])

    def queries_for(number_of_shops):
        for number in range(index.get_children().count(), number_of_shops):
            category = shop_category(f"Catégorie {number}", f"categorie-{number}")
            make_shop(index, f"Commerce {number}", category=category)
        with CaptureQueriesContext(connection) as queries:
            response = staff_client.get(LISTING_URL, HTTP_HOST=BETHUNE_HOST)
        assert response.status_code == 200
        assert "Catégorie 2" in response.content.decode()
        return len(queries)

    three = queries_for(3)
    assert queries_for(20) <= three


def test_the_csv_export_has_the_towns_shops_with_readable_columns(staff_client, shops_of_both_towns):
    response = staff_client.get(f"{LISTING_URL}?export=csv", HTTP_HOST=BETHUNE_HOST)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(body)))
    assert sorted(row["Nom"] for row in rows) == ["Boulangerie du Beffroi", "Boutique Rivage"]
    bakery = next(row for row in rows if row["Nom"] == "Boulangerie du Beffroi")
    assert bakery["Catégorie"] == "Alimentation"
    assert "Livraison à domicile" in bakery["Services"]
    assert bakery["Horaires (OpenStreetMap)"] == "Mo-Sa 09:00-19:00"


def test_a_person_without_page_permissions_has_no_shop_list_and_no_import(client, towns, shops_of_both_towns):
    client.force_login(town_staff(towns["bethune"], "sans-droits", permissions=()))
    GroupPagePermission.objects.filter(group__user__username="sans-droits").delete()

    listing = client.get(LISTING_URL, HTTP_HOST=BETHUNE_HOST)
    upload = client.get(IMPORT_URL, HTTP_HOST=BETHUNE_HOST)

    assert "Boulangerie du Beffroi" not in listing.content.decode()
    assert upload.status_code in (302, 403)


def upload(client, data, name="commerces.csv", **fields):
    directory = fields.pop("directory")
    return client.post(
        IMPORT_URL,
        {
            "csv_file": SimpleUploadedFile(name, data, content_type="text/csv"),
            "directory": directory.pk,
            **fields,
        },
        HTTP_HOST=BETHUNE_HOST,
    )


def test_upload_preview_then_confirm_creates_drafts(staff_client, towns):
    for name, slug in [("Alimentation", "alimentation"), ("Maison", "maison"), ("Services", "services")]:
        shop_category(name, slug)
    directory = shop_index(towns["bethune"])
    form = staff_client.get(IMPORT_URL, HTTP_HOST=BETHUNE_HOST).content.decode()
    assert "Colonnes du fichier" in form and "Publier tout de suite" in form

    preview = upload(staff_client, SAMPLE.read_bytes(), directory=directory)

    content = preview.content.decode()
    assert "Aucune erreur. 5 commerces seront créés et 0 mis à jour." in content
    assert "Au Pain d&#x27;Antan" in content or "Au Pain d'Antan" in content
    assert ShopPage.objects.count() == 0
    token = content.split('name="token" value="')[1].split('"')[0]

    done = staff_client.post(
        "/admin/shops/import/confirm/", {"token": token}, HTTP_HOST=BETHUNE_HOST, follow=True
    )

    assert "5 commerces créés et 0 mis à jour, en brouillon" in done.content.decode()
    assert ShopPage.objects.child_of(directory).count() == 5
    assert not ShopPage.objects.live().exists()
    # The same token cannot import twice.
    again = staff_client.post(
        "/admin/shops/import/confirm/", {"token": token}, HTTP_HOST=BETHUNE_HOST, follow=True
    )
    assert "Cet import a expiré" in again.content.decode()
    assert ShopPage.objects.count() == 5


def test_a_file_with_errors_shows_every_error_and_cannot_be_confirmed(staff_client, towns):
    shop_category("Alimentation", "alimentation")
    directory = shop_index(towns["bethune"])
    data = (
        "nom;categorie;adresse;code_postal;ville\n"
        ";Alimentation;1 rue A;62400;Béthune\n"
        "B;Chaussures;2 rue B;624;Béthune\n"
    )

    content = upload(staff_client, data.encode(), directory=directory).content.decode()

    assert "3 erreurs : rien n’a été importé" in content
    assert "Le nom du commerce manque." in content
    assert "Catégorie inconnue « Chaussures »" in content
    assert "« 624 » n’est pas un code postal" in content
    assert 'name="token"' not in content
    assert ShopPage.objects.count() == 0


def test_a_spreadsheet_or_a_huge_file_gets_a_french_error(staff_client, towns):
    directory = shop_index(towns["bethune"])

    spreadsheet = upload(staff_client, b"PK\x03\x04binary", name="commerces.xlsx", directory=directory)
    huge = upload(staff_client, b"a" * (2 * 1024 * 1024 + 10), directory=directory)

    assert "Ce n’est pas un fichier CSV" in spreadsheet.content.decode()
    assert "Le fichier est trop gros" in huge.content.decode()


def test_more_shops_than_one_request_can_import_are_sent_to_the_command(staff_client, towns):
    shop_category("Alimentation", "alimentation")
    directory = shop_index(towns["bethune"])
    rows = "".join(f"Commerce {number};Alimentation;{number} rue A;62400;Béthune\n" for number in range(151))
    data = ("nom;categorie;adresse;code_postal;ville\n" + rows).encode()

    content = upload(staff_client, data, directory=directory).content.decode()

    assert "Le fichier compte plus de 150 commerces" in content
    assert "import_shops" in content
    assert 'name="token"' not in content
    assert ShopPage.objects.count() == 0


def test_staff_cannot_import_into_another_towns_directory(staff_client, towns):
    shop_category("Alimentation", "alimentation")
    beauvais_directory = shop_index(towns["beauvais"])
    shop_index(towns["bethune"])

    response = upload(staff_client, SAMPLE.read_bytes(), directory=beauvais_directory)

    assert "Sélectionnez un choix valide" in response.content.decode()
    assert ShopPage.objects.count() == 0

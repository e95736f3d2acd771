"""Bulk import of shops from a town's CSV file: checks, dry run, drafts or published pages, re-import."""

import datetime
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from shops.csv_import import COLUMN_NAMES, parse_hours, read_import, run_import
from shops.models import ShopPage
from tests.factories.shops_staff import shop_category, shop_index

SAMPLE = Path(__file__).resolve().parent.parent / "shops" / "samples" / "commerces-exemple.csv"
HEADER = ";".join(COLUMN_NAMES)
GOOD_ROW = (
    "Épicerie Test;Tout en vrac;Alimentation;3 rue Test;62400;Béthune;50.5;2.6;;;;;;lun-sam 9:00-19:00;"
)


@pytest.fixture
def index(towns):
    for name, slug in [("Alimentation", "alimentation"), ("Maison", "maison"), ("Services", "services")]:
        shop_category(name, slug)
    return shop_index(towns["bethune"])


def run_command(tmp_path, content, *args, encoding="utf-8"):
    path = tmp_path / "commerces.csv"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding=encoding)
    out, err = StringIO(), StringIO()
    call_command("import_shops", str(path), "--site", "bethune.localhost", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def errors_for(index, *rows, header=HEADER):
    report = read_import("\n".join([header, *rows]).encode(), index)
    return report, [(error.line, error.column, error.message) for error in report.errors]


def test_a_dry_run_of_the_sample_file_lists_five_creations_and_writes_nothing(index, tmp_path):
    out, _err = run_command(tmp_path, SAMPLE.read_bytes(), "--dry-run")

    assert "5 création(s), 0 mise(s) à jour" in out
    assert "Rien n’a été écrit" in out
    assert ShopPage.objects.count() == 0


def test_the_sample_file_creates_published_shops_with_hours_services_and_description(index, tmp_path):
    out, _err = run_command(tmp_path, SAMPLE.read_bytes(), "--publish")

    assert "Import terminé : 5 création(s)" in out
    assert ShopPage.objects.live().child_of(index).count() == 5
    bakery = ShopPage.objects.get(title="Au Pain d'Antan")
    assert bakery.category.name == "Alimentation"
    assert bakery.siret == "81234567800013"
    assert bakery.click_collect and bakery.card_payment and bakery.contactless_payment
    assert not bakery.delivery
    assert bakery.osm_opening_hours() == "Tu-Sa 07:00-13:30,15:00-19:30; Su 07:00-13:00"
    assert "<p>Farines du Pas-de-Calais, cuisson au feu de bois.</p>" in bakery.description
    comptoir = ShopPage.objects.get(title="Le Comptoir du Beffroi")
    assert comptoir.website == "https://comptoir-beffroi.example"


def test_without_publish_new_shops_are_drafts(index, tmp_path):
    run_command(tmp_path, SAMPLE.read_bytes())

    assert ShopPage.objects.child_of(index).count() == 5
    assert not ShopPage.objects.live().exists()


def test_importing_the_same_file_again_updates_instead_of_duplicating(index, tmp_path):
    run_command(tmp_path, SAMPLE.read_bytes(), "--publish")
    changed = SAMPLE.read_text(encoding="utf-8").replace("03 21 01 02 03", "03 21 99 99 99")

    out, _err = run_command(tmp_path, changed, "--publish")

    assert "0 création(s), 5 mise(s) à jour" in out
    assert ShopPage.objects.count() == 5
    # No SIRET for this shop: recognised by its name and address.
    assert ShopPage.objects.get(title="Le Comptoir du Beffroi").phone == "03 21 99 99 99"


def test_a_shop_is_recognised_by_name_and_address_whatever_the_accents_and_case(index):
    run_import(read_import(f"{HEADER}\n{GOOD_ROW}".encode(), index), index, publish=True)
    report = read_import(f"{HEADER}\n{GOOD_ROW.replace('Épicerie Test', 'EPICERIE  test')}".encode(), index)

    assert [plan.action for plan in report.plans] == ["update"]


def test_an_empty_cell_on_update_keeps_what_the_page_says(index, tmp_path):
    run_command(tmp_path, SAMPLE.read_bytes(), "--publish")
    without_phone = SAMPLE.read_text(encoding="utf-8").replace("03 21 68 45 45", "")

    run_command(tmp_path, without_phone, "--publish")

    assert ShopPage.objects.get(title="Optique Vauban").phone == "03 21 68 45 45"


@pytest.mark.parametrize(
    ("row", "column", "message"),
    [
        (GOOD_ROW.replace("Épicerie Test", ""), "nom", "Le nom du commerce manque"),
        (GOOD_ROW.replace("62400", "6240A"), "code_postal", "n’est pas un code postal"),
        (GOOD_ROW.replace(";;;;;lun", ";;;12345678901234;;lun"), "siret", "SIRET n'est pas valide"),
        (GOOD_ROW.replace(";;;;;lun", ";;;123;;lun"), "siret", "14 chiffres"),
        (GOOD_ROW.replace("Alimentation", "Boulangerie"), "categorie", "Catégorie inconnue « Boulangerie »"),
        (GOOD_ROW.replace("50.5;2.6", "cinquante;2.6"), "latitude", "n’est pas un nombre"),
        (GOOD_ROW.replace("50.5;2.6", "95;2.6"), "latitude", "entre -90 et 90"),
        (GOOD_ROW.replace("50.5;2.6", "50.5;"), "longitude", "la latitude et la longitude, ou aucune"),
        (GOOD_ROW.replace("lun-sam 9:00-19:00", "lun-sam 9:00-"), "horaires", "n’est pas une plage horaire"),
        (GOOD_ROW.replace("lun-sam 9:00-19:00", "lundo 9:00-12:00"), "horaires", "Jour inconnu"),
        (GOOD_ROW.replace("lun-sam 9:00-19:00", "lun 19:00-9:00"), "horaires", "ferme avant d’ouvrir"),
        (GOOD_ROW.replace("lun-sam 9:00-19:00", "lun 9:00-14:00 12:00-19:00"), "horaires", "se chevauchent"),
        (GOOD_ROW.replace(";;;;;;lun", ";;pas-une-adresse;;;;lun"), "email", "n’est pas une adresse e-mail"),
        (GOOD_ROW.replace(";;;;;;lun", ";01 02;;;;;lun"), "telephone", "n’est pas un numéro de téléphone"),
        (
            GOOD_ROW.replace(";;lun-sam", ";téléportation;lun-sam"),
            "services",
            "Service inconnu « téléportation »",
        ),
    ],
)
def test_every_bad_row_is_reported_in_french_with_its_line_and_column(index, row, column, message):
    report, errors = errors_for(index, GOOD_ROW.replace("Test", "Une"), row)

    assert not report.ok
    assert len(errors) == 1, errors
    line, found_column, text = errors[0]
    assert (line, found_column) == (3, column)
    assert message in text


def test_a_file_with_one_bad_row_imports_nothing(index, tmp_path):
    content = "\n".join([HEADER, GOOD_ROW, GOOD_ROW.replace("Épicerie Test", "").replace("3 rue", "4 rue")])

    with pytest.raises(CommandError, match="rien n’a été importé"):
        run_command(tmp_path, content, "--publish")

    assert ShopPage.objects.count() == 0


def test_the_same_shop_twice_in_a_file_is_an_error(index):
    _report, errors = errors_for(index, GOOD_ROW, GOOD_ROW)

    assert errors == [(3, "nom", "Même commerce qu’à la ligne 2 : ne gardez qu’une ligne.")]


def test_windows_1252_utf8_with_bom_and_commas_are_all_read(index):
    row = GOOD_ROW
    windows = f"{HEADER}\r\n{row}\r\n".encode("cp1252")
    with_bom = f"{HEADER}\n{row}\n".encode("utf-8-sig")
    commas = f"{HEADER.replace(';', ',')}\n{row.replace(';', ',')}\n".encode()

    for data in (windows, with_bom, commas):
        report = read_import(data, index)
        assert report.ok, report.errors or report.file_errors
        assert report.plans[0].values["town"] == "Béthune"
        assert report.plans[0].title == "Épicerie Test"
    assert read_import(windows, index).encoding == "Windows-1252"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "Le fichier est vide"),
        (b"   \n  \n", "Le fichier est vide"),
        (f"{HEADER}\n".encode(), "aucun commerce"),
        (f"{HEADER}\n{GOOD_ROW}".encode("utf-16"), "n’est pas un fichier texte CSV"),
        (b"nom;ville\nA;B\n", "Colonnes manquantes : categorie, adresse, code_postal"),
        (b"x" * (2 * 1024 * 1024 + 1), "trop gros"),
        (
            (HEADER + "\n" + "\n".join(GOOD_ROW.replace("3 rue", f"{n} rue") for n in range(2001))).encode(),
            "plus de 2000 commerces",
        ),
    ],
)
def test_unreadable_empty_or_huge_files_get_a_french_message(index, data, message):
    report = read_import(data, index)

    assert not report.ok
    assert any(message in text for text in report.file_errors), report.file_errors


def test_the_command_refuses_an_unknown_town(index, tmp_path):
    path = tmp_path / "f.csv"
    path.write_bytes(SAMPLE.read_bytes())

    with pytest.raises(CommandError, match="Aucune ville"):
        call_command("import_shops", str(path), "--site", "nulle-part.localhost")


def test_hours_in_the_documented_form_are_understood():
    T = datetime.time

    assert parse_hours("lun-ven 9:00-12:00 14:00-19:00; sam 9h-18h30; dim fermé") == [
        *[(day, opens, closes) for day in range(5) for opens, closes in [(T(9), T(12)), (T(14), T(19))]],
        (5, T(9), T(18, 30)),
    ]
    assert parse_hours("Mardi, jeudi 10:00-12:00") == [(1, T(10), T(12)), (3, T(10), T(12))]

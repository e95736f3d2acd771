"""Migrations and translations committed with the code that needs them."""

from io import StringIO
from pathlib import Path

import polib
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = sorted(
    [*ROOT.glob("*/locale/fr/LC_MESSAGES/django.po"), ROOT / "locale/fr/LC_MESSAGES/django.po"]
)


def test_models_and_migrations_agree(db):
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


def test_every_app_has_a_french_catalogue():
    apps_with_catalogue = {path.parts[-5] for path in CATALOGUES}
    assert {"home", "learning"} <= apps_with_catalogue


def test_french_catalogues_are_complete_and_compiled():
    for po_path in CATALOGUES:
        catalogue = polib.pofile(str(po_path))
        untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
        fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
        assert not untranslated, f"{po_path}: untranslated {untranslated[:5]}"
        assert not fuzzy, f"{po_path}: fuzzy {fuzzy[:5]}"
        compiled = polib.mofile(str(po_path.with_suffix(".mo")))
        expected = {(e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural for e in catalogue.translated_entries()}
        actual = {(e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural for e in compiled}
        assert actual == expected, f"{po_path}: run `make messages` to compile it"

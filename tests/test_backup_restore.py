"""`manage.py backup` and `restore`: the demo data survives a round trip; a damaged archive changes nothing.

The commands run as a person runs them, in a subprocess with a media folder of its own and a
database of its own: a SQLite file, or, when the suite runs on PostgreSQL (DATABASE_URL), a
PostgreSQL database created for the test on the same server and dropped after it.
"""

import hashlib
import io
import json
import os
import sqlite3
import tarfile
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest

from tests.support import commands

TABLES = ("wagtailcore_page", "wagtailcore_revision", "wagtailimages_image", "auth_user")


def postgres_server():
    """The suite's PostgreSQL server URL, or None when the suite runs on SQLite."""
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else None


def with_database(url, name):
    return urlunsplit(urlsplit(url)._replace(path=f"/{name}"))


class Install:
    def __init__(self, var_dir, database_url=None):
        self.var_dir = var_dir
        self.database_url = database_url
        self.env = commands.clean_environment(
            DJANGO_SETTINGS_MODULE=commands.DEMO_SETTINGS, PROXIMITE_VAR_DIR=str(var_dir)
        )
        if database_url:
            self.env["DATABASE_URL"] = database_url

    def manage(self, *args, check=True):
        return commands.manage(self.env, *args, check=check, timeout=300)

    def state(self):
        """What a restore must bring back: counts of records, and every media file with its checksum."""
        if self.database_url:
            with psycopg.connect(self.database_url) as db:
                counts = {
                    table: db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] for table in TABLES
                }
        else:
            with sqlite3.connect(self.var_dir / "db.sqlite3") as db:
                counts = {
                    table: db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] for table in TABLES
                }
        media = self.var_dir / "media"
        files = {
            path.relative_to(media).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(media.rglob("*"))
            if path.is_file()
        }
        return counts, files


@pytest.fixture(scope="module")
def install(tmp_path_factory):
    """The demo data loaded into a fresh install, and one backup of it."""
    server = postgres_server()
    database_url = None
    if server:
        name = f"proximite_backup_test_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(f"CREATE DATABASE {name}")
        database_url = with_database(server, name)
    live = Install(tmp_path_factory.mktemp("backup-install"), database_url)
    try:
        live.manage("migrate", "--noinput", "-v0")
        live.manage("load_demo")
        output = live.manage("backup").stdout.strip()
        live.archive = Path(output)
        live.engine = "postgresql" if server else "sqlite"
        live.demo_state = live.state()
        yield live
    finally:
        if server:
            with psycopg.connect(server, autocommit=True) as admin:
                admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def test_the_backup_is_one_archive_with_the_database_media_and_checksums(install):
    assert install.archive.parent == install.var_dir / "backups"
    assert install.archive.name.startswith("proximite-") and install.archive.name.endswith(".tar.gz")
    assert install.archive.stat().st_mode & 0o077 == 0  # personal data: owner only

    with tarfile.open(install.archive) as archive:
        names = set(archive.getnames())
        manifest = json.load(archive.extractfile("manifest.json"))
        database_file = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}[install.engine]
        database = archive.extractfile(database_file).read()

    assert manifest["engine"] == install.engine
    assert manifest["django"] and manifest["wagtail"] and manifest["created"]
    assert set(manifest["files"]) == names - {"manifest.json"}
    assert manifest["files"][database_file]["sha256"] == hashlib.sha256(database).hexdigest()
    _, media = install.demo_state
    assert media, "the demo data has pictures"
    assert {f"media/{name}" for name in media} <= set(manifest["files"])


def test_restore_brings_back_the_data_and_the_files(install):
    install.manage(
        "shell",
        "-c",
        "from django.contrib.auth.models import User; from wagtail.images.models import Image; "
        "from wagtail.models import Page; User.objects.exclude(is_superuser=True).delete(); "
        "Image.objects.order_by('pk').first().delete(); "
        "Page.objects.filter(depth=4).order_by('pk').first().delete()",
    )
    media = install.var_dir / "media"
    first, second = sorted(path for path in media.rglob("*") if path.is_file())[:2]
    first.unlink()
    second.write_bytes(b"not a picture any more")
    (media / "intrus.txt").write_text("added after the backup")
    assert install.state() != install.demo_state

    result = install.manage("restore", str(install.archive), "--yes")

    assert "Sauvegarde du" in result.stdout
    assert install.state() == install.demo_state


def tampered_copy(archive, target):
    """The same archive with one byte changed in one media file, manifest untouched."""
    with tarfile.open(archive) as source, tarfile.open(target, "w:gz") as copy:
        victim = next(member for member in source.getmembers() if member.name.startswith("media/"))
        for member in source.getmembers():
            data = source.extractfile(member).read() if member.isfile() else None
            if member.name == victim.name:
                data = bytes([data[0] ^ 0xFF]) + data[1:]
            copy.addfile(member, io.BytesIO(data) if data is not None else None)
    return victim.name


def test_a_tampered_archive_is_refused_and_nothing_changes(install, tmp_path):
    target = tmp_path / "altered.tar.gz"
    victim = tampered_copy(install.archive, target)

    result = install.manage("restore", str(target), "--yes", check=False)

    assert result.returncode != 0
    assert "endommagée ou a été modifiée" in result.stderr
    assert victim in result.stderr
    assert "Rien n’a été modifié" in result.stderr
    assert install.state() == install.demo_state


def test_restoring_over_a_database_with_content_asks_for_yes(install):
    result = install.manage("restore", str(install.archive), check=False)

    assert result.returncode != 0
    assert "--yes" in result.stderr
    assert "La base de données n’est pas vide" in result.stderr
    assert install.state() == install.demo_state

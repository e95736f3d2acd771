"""Backups: one archive holding the database, every uploaded file and a manifest of checksums.

Archive layout (a .tar.gz):
    manifest.json       engine, date, versions, and the SHA-256 and size of every other file
    database.sqlite3    SQLite: a copy made with SQLite's online backup API (safe while gunicorn runs)
    database.pgdump     PostgreSQL: `pg_dump --format=custom`
    media/...           every file under MEDIA_ROOT

A restore checks every checksum before it changes anything.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

import django
import wagtail
from django.conf import settings
from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext as _

MANIFEST = "manifest.json"
MEDIA_PREFIX = "media/"
DATABASE_FILES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
# Wagtail's own migrations create the root page and a "Welcome" page: a database with only
# those and no account holds nothing worth keeping.
PAGES_OF_A_NEW_INSTALL = 2


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why, for a person."""


def database_engine():
    engine = settings.DATABASES["default"]["ENGINE"]
    if engine.endswith("sqlite3"):
        return "sqlite"
    if engine.endswith("postgresql"):
        return "postgresql"
    raise BackupError(_("Backups support SQLite and PostgreSQL only, not %(engine)s.") % {"engine": engine})


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for chunk in iter(lambda: file.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def media_files():
    """{name in the archive: path on disk} for every file under MEDIA_ROOT."""
    root = Path(settings.MEDIA_ROOT)
    if not root.is_dir():
        return {}
    return {
        MEDIA_PREFIX + path.relative_to(root).as_posix(): path
        for path in sorted(root.rglob("*"))
        if path.is_file() and not path.is_symlink()
    }


# --- Database dump and load ----------------------------------------------------------------------


def _postgres_command(program, *args):
    if not shutil.which(program):
        raise BackupError(
            _(
                "%(program)s is not installed: install the PostgreSQL client tools "
                "(Debian: apt-get install postgresql-client) and try again."
            )
            % {"program": program}
        )
    db = settings.DATABASES["default"]
    command = [program, "--dbname", db["NAME"]]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if db.get(key):
            command += [option, str(db[key])]
    command += args
    env = {**os.environ, "PGPASSWORD": db.get("PASSWORD") or os.environ.get("PGPASSWORD", "")}
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{program}: {result.stderr.strip()}")


def dump_database(engine, target):
    if engine == "sqlite":
        database = Path(settings.DATABASES["default"]["NAME"])
        if not database.is_file():
            raise BackupError(_("There is no database to back up at %(path)s.") % {"path": database})
        source = sqlite3.connect(database)
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        finally:
            copy.close()
            source.close()
    else:
        _postgres_command("pg_dump", "--format=custom", "--file", str(target))


def load_database(engine, dump):
    connection.close()  # Django's own connection must not hold the old database open
    if engine == "sqlite":
        source = sqlite3.connect(dump)
        live = sqlite3.connect(settings.DATABASES["default"]["NAME"], timeout=20)
        try:
            source.backup(live)
        finally:
            live.close()
            source.close()
    else:
        _postgres_command("pg_restore", "--clean", "--if-exists", "--no-owner", str(dump))


# --- Backup --------------------------------------------------------------------------------------


def create_backup(output=None):
    """Write one archive and return its path. `output`: a folder, or the archive's file name."""
    engine = database_engine()
    stamp = timezone.localtime().strftime("%Y-%m-%d-%H%M%S")
    output = Path(output) if output else Path(settings.VAR_DIR) / "backups"
    if output.is_dir() or not output.name.endswith(".tar.gz"):
        output = output / f"proximite-{stamp}.tar.gz"
    output.parent.mkdir(parents=True, exist_ok=True)

    with tempfile.TemporaryDirectory(prefix="proximite-backup-") as staging:
        dump = Path(staging) / DATABASE_FILES[engine]
        dump_database(engine, dump)
        files = {DATABASE_FILES[engine]: dump, **media_files()}
        manifest = {
            "format": 1,
            "engine": engine,
            "created": timezone.localtime().isoformat(timespec="seconds"),
            "django": django.__version__,
            "wagtail": wagtail.__version__,
            "files": {
                name: {"sha256": sha256(path), "size": path.stat().st_size} for name, path in files.items()
            },
        }
        manifest_path = Path(staging) / MANIFEST
        manifest_path.write_text(json.dumps(manifest, indent=2, ensure_ascii=False))

        partial = output.with_name(output.name + ".part")
        # The archive holds personal data: readable by its owner only.
        raw = os.fdopen(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb")
        with raw, tarfile.open(fileobj=raw, mode="w:gz") as archive:
            archive.add(manifest_path, MANIFEST)
            for name, path in files.items():
                archive.add(path, name)
        partial.replace(output)
    return output


# --- Restore -------------------------------------------------------------------------------------


def unpack_and_verify(archive_path, into):
    """Extract the archive into the folder `into` and check it against its manifest; return the manifest.

    Raises BackupError, before anything outside `into` is touched, when a file is missing,
    extra, or differs from its checksum or size.
    """
    try:
        with tarfile.open(archive_path, mode="r:gz") as archive:
            archive.extractall(into, filter="data")
        manifest = json.loads((Path(into) / MANIFEST).read_text())
        listed = manifest["files"]
        engine = manifest["engine"]
    except (OSError, tarfile.TarError, EOFError, ValueError, KeyError) as error:
        raise BackupError(
            _("%(file)s is not a readable Proximité backup (%(error)s). Nothing was changed.")
            % {"file": archive_path, "error": error}
        ) from error

    found = {path.relative_to(into).as_posix() for path in Path(into).rglob("*") if path.is_file()} - {
        MANIFEST
    }
    problems = sorted(found - set(listed)) + sorted(set(listed) - found)
    problems += [
        name
        for name in sorted(set(listed) & found)
        if (Path(into) / name).stat().st_size != listed[name]["size"]
        or sha256(Path(into) / name) != listed[name]["sha256"]
    ]
    if problems or DATABASE_FILES.get(engine) not in listed:
        raise BackupError(
            _(
                "The backup %(file)s is damaged or was altered: these files do not match its manifest: "
                "%(names)s. Nothing was changed."
            )
            % {"file": archive_path, "names": ", ".join(problems) or MANIFEST}
        )
    return manifest


def database_content():
    """(user accounts, pages) in the configured database; (0, 0) when it has no tables yet."""
    tables = connection.introspection.table_names()
    if "auth_user" not in tables or "wagtailcore_page" not in tables:
        return 0, 0
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM auth_user")
        users = cursor.fetchone()[0]
        cursor.execute("SELECT COUNT(*) FROM wagtailcore_page")
        pages = cursor.fetchone()[0]
    return users, max(0, pages - PAGES_OF_A_NEW_INSTALL)


def restore_media(unpacked):
    """Make MEDIA_ROOT hold exactly the archive's media files."""
    root = Path(settings.MEDIA_ROOT)
    source = Path(unpacked) / MEDIA_PREFIX.rstrip("/")
    wanted = set()
    if source.is_dir():
        for path in source.rglob("*"):
            if path.is_file():
                relative = path.relative_to(source)
                wanted.add(relative)
                (root / relative).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, root / relative)
    if root.is_dir():
        for path in sorted(root.rglob("*"), reverse=True):  # children before their folders
            if path.is_file() and path.relative_to(root) not in wanted:
                path.unlink()
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()


def restore_backup(archive_path, confirmed=False):
    """Check the archive, then replace the database and the media files with its content."""
    engine = database_engine()
    with tempfile.TemporaryDirectory(prefix="proximite-restore-") as unpacked:
        manifest = unpack_and_verify(archive_path, unpacked)
        if manifest["engine"] != engine:
            raise BackupError(
                _(
                    "This backup holds a %(archived)s database but this install uses %(engine)s: "
                    "it cannot be restored here. Nothing was changed."
                )
                % {"archived": manifest["engine"], "engine": engine}
            )
        users, pages = database_content()
        if (users or pages) and not confirmed:
            raise BackupError(
                _(
                    "The database is not empty (%(users)s user accounts, %(pages)s pages). Restoring "
                    "replaces all of its content and every uploaded file with the backup's. If that is "
                    "what you want, run the command again with --yes. Nothing was changed."
                )
                % {"users": users, "pages": pages}
            )
        load_database(engine, Path(unpacked) / DATABASE_FILES[engine])
        restore_media(unpacked)
    return manifest

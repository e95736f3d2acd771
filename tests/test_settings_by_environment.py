"""Settings behave as README documents them."""

import os
import subprocess
import sys
from pathlib import Path

import dj_database_url

ROOT = Path(__file__).resolve().parent.parent


def run_python(code, settings_module, **env):
    configured = {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL", "EMAIL_HOST", "EMAIL_BACKEND"}
    environment = {key: value for key, value in os.environ.items() if key not in configured}
    environment.update({"DJANGO_SETTINGS_MODULE": settings_module, **env})
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_python("import django; django.setup()", "portal.settings.production", ALLOWED_HOSTS="x.fr")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_passes_the_deployment_checklist(tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "SECRET_KEY": "a-long-random-production-secret-key-" + "x" * 40,
            "ALLOWED_HOSTS": "commerces.bethune.fr",
            "PROXIMITE_VAR_DIR": str(tmp_path),
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_laptop_settings_generate_a_secret_key_once_and_keep_it(tmp_path):
    code = "import django; django.setup(); from django.conf import settings; print(settings.SECRET_KEY)"
    first = run_python(code, "portal.settings.dev", PROXIMITE_VAR_DIR=str(tmp_path))
    second = run_python(code, "portal.settings.dev", PROXIMITE_VAR_DIR=str(tmp_path))
    assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout and len(first.stdout.strip()) >= 50
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_laptop_defaults_need_no_variable(tmp_path):
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.DEBUG, s.DATABASES['default']['ENGINE'], s.CACHES['default']['BACKEND'], s.EMAIL_BACKEND, "
        "s.LANGUAGE_CODE, s.TIME_ZONE)"
    )
    result = run_python(code, "portal.settings.dev", PROXIMITE_VAR_DIR=str(tmp_path))
    assert result.stdout.split() == [
        "False",
        "django.db.backends.sqlite3",
        "django.core.cache.backends.filebased.FileBasedCache",
        "django.core.mail.backends.console.EmailBackend",
        "fr",
        "Europe/Paris",
    ]


def test_variables_switch_to_postgresql_redis_and_smtp(tmp_path):
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.DATABASES['default']['ENGINE'], s.DATABASES['default']['NAME'], "
        "s.CACHES['default']['BACKEND'], s.EMAIL_BACKEND)"
    )
    result = run_python(
        code,
        "portal.settings.dev",
        PROXIMITE_VAR_DIR=str(tmp_path),
        DATABASE_URL="postgres://ville@db.example:5432/proximite",
        REDIS_URL="redis://cache.example:6379/0",
        EMAIL_HOST="smtp.example",
    )
    assert result.stdout.split() == [
        "django.db.backends.postgresql",
        "proximite",
        "django.core.cache.backends.redis.RedisCache",
        "django.core.mail.backends.smtp.EmailBackend",
    ]


def test_postgresql_search_uses_the_french_configuration(settings):
    assert settings.WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] == "french"
    assert dj_database_url.parse("postgres://a@b/c")["ENGINE"] == "django.db.backends.postgresql"


def test_the_sqlite_file_runs_in_wal_mode_so_workers_do_not_lock_each_other_out(tmp_path):
    code = (
        "import django; django.setup(); from django.db import connection; "
        "cursor = connection.cursor(); cursor.execute('PRAGMA journal_mode'); print(cursor.fetchone()[0]); "
        "cursor.execute('PRAGMA busy_timeout'); print(cursor.fetchone()[0])"
    )
    result = run_python(code, "portal.settings.dev", PROXIMITE_VAR_DIR=str(tmp_path))
    assert result.stdout.split() == ["wal", "20000"], result.stderr

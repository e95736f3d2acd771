"""Settings behave as README documents them."""

import json

import dj_database_url

from tests.support import commands


def run_python(code, settings_module, **env):
    return commands.run_python(
        commands.clean_environment(DJANGO_SETTINGS_MODULE=settings_module, **env), code
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_python("import django; django.setup()", "portal.settings.production", ALLOWED_HOSTS="x.fr")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_passes_the_deployment_checklist(tmp_path):
    env = commands.clean_environment(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="a-long-random-production-secret-key-" + "x" * 40,
        ALLOWED_HOSTS="commerces.bethune.fr",
        PROXIMITE_VAR_DIR=str(tmp_path),
    )
    result = commands.manage(env, "check", "--deploy", "--fail-level", "WARNING", check=False, timeout=120)
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


def test_postgresql_search_uses_the_french_configurations_that_read_accents_aside(settings):
    backend = settings.WAGTAILSEARCH_BACKENDS["default"]
    assert (backend["SEARCH_CONFIG"], backend["AUTOCOMPLETE_SEARCH_CONFIG"]) == (
        "proximite_french",
        "proximite_simple",
    )
    assert dj_database_url.parse("postgres://a@b/c")["ENGINE"] == "django.db.backends.postgresql"


def test_the_sqlite_file_runs_in_wal_mode_so_workers_do_not_lock_each_other_out(tmp_path):
    code = (
        "import django; django.setup(); from django.db import connection; "
        "cursor = connection.cursor(); cursor.execute('PRAGMA journal_mode'); print(cursor.fetchone()[0]); "
        "cursor.execute('PRAGMA busy_timeout'); print(cursor.fetchone()[0])"
    )
    result = run_python(code, "portal.settings.dev", PROXIMITE_VAR_DIR=str(tmp_path))
    assert result.stdout.split() == ["wal", "20000"], result.stderr


PRODUCTION_HEADERS = """
import django, json
django.setup()
from django.conf import settings
from django.test import Client
response = Client().get("/robots.txt", secure=True, HTTP_HOST="commerces.bethune.fr")
print(json.dumps({
    "status": response.status_code,
    "headers": dict(response.headers),
    "cookies": [
        settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE, settings.SESSION_COOKIE_HTTPONLY
    ],
    "two_factor": settings.PROXIMITE_STAFF_2FA,
}))
"""


def csp_directives(policy):
    return dict(directive.strip().split(" ", 1) for directive in policy.split(";"))


def production_response(tmp_path, **env):
    result = run_python(
        PRODUCTION_HEADERS,
        "portal.settings.production",
        SECRET_KEY="a-long-random-production-secret-key-" + "x" * 40,
        ALLOWED_HOSTS="commerces.bethune.fr",
        PROXIMITE_VAR_DIR=str(tmp_path),
        **env,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_sends_the_security_headers_and_secure_cookies(tmp_path):
    answer = production_response(tmp_path)
    headers = answer["headers"]

    assert answer["status"] == 200
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert "camera=()" in headers["Permissions-Policy"] and "geolocation=()" in headers["Permissions-Policy"]
    policy = headers["Content-Security-Policy"]
    directives = csp_directives(policy)
    assert directives["default-src"] == directives["script-src"] == directives["style-src"] == "'self'"
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    assert directives["img-src"].startswith("'self' https://tile.openstreetmap.org")
    assert directives["frame-src"].startswith("https://www.youtube.com")
    assert directives["object-src"] == "'none'"
    assert answer["cookies"] == [True, True, True]


def test_production_asks_staff_for_a_second_step_unless_the_town_turns_it_off(tmp_path):
    assert production_response(tmp_path)["two_factor"] is True
    assert production_response(tmp_path, PROXIMITE_STAFF_2FA="0")["two_factor"] is False


def test_a_custom_map_tile_server_and_media_host_are_allowed_for_images(tmp_path):
    answer = production_response(
        tmp_path,
        SHOPS_MAP_TILE_URL="https://{s}.tuiles.bethune.fr/{z}/{x}/{y}.png",
        MEDIA_URL="https://medias.bethune.fr/",
    )

    # Directives come in no set order: compared one by one.
    directives = csp_directives(answer["headers"]["Content-Security-Policy"])
    assert directives["img-src"] == "'self' https://*.tuiles.bethune.fr https://medias.bethune.fr"


def test_laptop_settings_do_not_ask_for_a_second_step(tmp_path):
    code = (
        "import django; django.setup(); from django.conf import settings; print(settings.PROXIMITE_STAFF_2FA)"
    )
    result = run_python(code, "portal.settings.dev", PROXIMITE_VAR_DIR=str(tmp_path))
    assert result.stdout.strip() == "False", result.stderr

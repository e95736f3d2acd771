"""The test suite: fast hashing, in-memory e-mail and cache, no secrets needed."""

import os
import tempfile

from .base import *  # noqa: F403

SECRET_KEY = "tests-only-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
    "town": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "town"},
}
# Tests of other behaviours see every render; tests/test_page_cache*.py and
# tests/test_town_cache.py switch the caches on.
PAGE_CACHE = False
TOWN_CACHE = False
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://localhost:8000"
# Background tasks run at once, inside the test's transaction; image renditions are only
# queued (making them for every demo page costs a minute per demo load): tests/test_renditions.py
# makes them at once.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "renditions": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"},
}
# Serve static files from the apps' folders: no collectstatic needed to run the tests.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

# The test database is a file, as in production, not SQLite's shared in-memory
# database: concurrent writers then really wait for each other's lock, as they do
# under several gunicorn workers (the in-memory one fails at once instead).
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.path.join(tempfile.gettempdir(), f"proximite-test-{os.getpid()}.sqlite3")
    }

# Demo towns and the scale territory (manage.py load_demo, seed_scale); never in production.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405

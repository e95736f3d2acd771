"""`manage.py` and Python snippets in a subprocess, with a clean environment.

Clean: nothing that configures the portal (its settings and gunicorn.conf.py read these
variables) comes from whoever runs the tests or the bench: their DATABASE_URL, REDIS_URL or
SECRET_KEY would point the portal under test at their own database or cache. The caller
gives every variable the portal needs, DJANGO_SETTINGS_MODULE first.
"""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# The settings that install the demo app (load_demo, seed_scale); production ones do not.
DEMO_SETTINGS = "portal.settings.dev"
PORTAL_PREFIXES = (
    "DJANGO_",
    "PROXIMITE_",
    "GUNICORN_",
    "DATABASE_",
    "EMAIL_",
    "AWS_",
    "CLOUDFLARE_",
    "SECURE_",
)
PORTAL_VARIABLES = {
    "ALLOWED_HOSTS",
    "AXES_FAILURE_LIMIT",
    "BIND",
    "CACHE_KEY_PREFIX",
    "CSRF_TRUSTED_ORIGINS",
    "DEFAULT_FROM_EMAIL",
    "FORWARDED_ALLOW_IPS",
    "HOST",
    "LANGUAGE_CODE",
    "LOG_LEVEL",
    "MEDIA_ROOT",
    "MEDIA_URL",
    "PORT",
    "REDIS_URL",
    "RENDITIONS_CACHE_TIMEOUT",
    "SECRET_KEY",
    "SERVE_MEDIA",
    "SHOPS_MAP_ATTRIBUTION",
    "SHOPS_MAP_TILE_URL",
    "STATIC_ROOT",
    "TASKS_BACKEND",
    "TRUST_X_FORWARDED_FOR",
    "WAGTAILADMIN_BASE_URL",
    "WEB_CONCURRENCY",
}


def configures_the_portal(name):
    return name in PORTAL_VARIABLES or name.startswith(PORTAL_PREFIXES)


def clean_environment(**variables):
    """This process's environment without what configures the portal, plus `variables`."""
    env = {name: value for name, value in os.environ.items() if not configures_the_portal(name)}
    env.update(variables)
    return env


def manage(env, *args, check=True, timeout=600, capture=True):
    """`manage.py ARGS` as a person runs it from the project's folder.

    `check`: a failure raises, with the end of the command's output. `capture`: False shows
    the output as it goes (the bench's seeding takes minutes), with no timeout."""
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=capture,
        text=True,
        timeout=timeout if capture else None,
    )
    if check and done.returncode:
        output = f"{done.stdout[-2000:]}{done.stderr[-5000:]}" if capture else "(shown above)"
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{output}")
    return done


def run_python(env, code, timeout=120):
    """A snippet of Python in a fresh interpreter (settings are read once per process)."""
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )

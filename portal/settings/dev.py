"""One machine: a laptop, or a small town server run with `make run`.

DEBUG stays off unless DJANGO_DEBUG=1, so what you see is what a visitor sees.
The secret key is generated once into var/secret_key (never committed).
"""

import os
import secrets

from .base import *  # noqa: F403
from .base import VAR_DIR, env_list


def _local_secret_key():
    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = os.environ.get("SECRET_KEY") or _local_secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,.localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# Links in e-mails (password reset) point to the port `make run` serves on (PORT=8080 make run).
WAGTAILADMIN_BASE_URL = os.environ.get(
    "WAGTAILADMIN_BASE_URL", f"http://localhost:{os.environ.get('PORT', '8000')}"
)

# Demo towns and the scale territory (manage.py load_demo, seed_scale); never in production.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405

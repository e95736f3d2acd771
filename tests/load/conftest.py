"""The load tests' portal: production settings, the project's gunicorn.conf.py, SQLite, demo data."""

import secrets

import pytest

from tests.support.live_portal import running_portal


@pytest.fixture(scope="session")
def load_portal(tmp_path_factory):
    env = {
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "localhost,.localhost",
        # The clients play the town's load balancer: HTTPS and the visitor's address in headers.
        "TRUST_X_FORWARDED_FOR": "1",
        "WEB_CONCURRENCY": "2",
    }
    with running_portal(
        tmp_path_factory.mktemp("load"), settings="portal.settings.production", env=env
    ) as live:
        # What the background worker has done on a portal in service: visitors only read renditions.
        live.manage("prepare_renditions", "--now")
        yield live

"""Beyond one machine: two gunicorn hosts share PostgreSQL and Redis, and neither serves a stale page.

Run with `make test-hosts` (needs DATABASE_URL and REDIS_URL): the portal runs with its
production settings on two loopback ports, each with its own var folder, in a database of
its own (proximite_hosts) so it never meets the test suite's databases.
"""

import http.client
import os
import uuid
from contextlib import ExitStack, contextmanager
from urllib.parse import urlencode, urlsplit, urlunsplit

import psycopg
import pytest

from tests.support import commands
from tests.support.forms import PAGE_EDIT_FORM, form_data
from tests.support.gunicorn import running_gunicorn

DATABASE_NAME = "proximite_hosts"
ADMIN, PASSWORD = "admin-hosts", "mot-de-passe-des-hotes"
SETUP = f"""
from django.contrib.auth import get_user_model
from wagtail.models import Page, Site
from home.models import HomePage, StandardPage
from towns.models import TownIdentity

root = Page.get_first_root_node()
Site.objects.all().delete()
Page.objects.filter(depth=2).delete()
home = root.add_child(instance=HomePage(title="Béthune", slug="bethune", hero_title="Vos commerces"))
site = Site.objects.create(hostname="localhost", root_page=home, is_default_site=True, site_name="Béthune")
TownIdentity.objects.create(site=site, town_name="Béthune")
market = StandardPage(title="Le marché", slug="marche", introduction="Le marché a lieu le samedi matin.")
home.add_child(instance=market)
market.save_revision().publish()
get_user_model().objects.create_superuser("{ADMIN}", "admin@hosts.localhost", "{PASSWORD}")
print(market.pk)
"""


def required(name):
    value = os.environ.get(name, "")
    if not value:
        pytest.fail(f"make test-hosts needs {name} (a PostgreSQL and a Redis both hosts share).")
    return value


@pytest.fixture(scope="module")
def database_url():
    """A fresh database of its own on the PostgreSQL server of DATABASE_URL."""
    server = urlsplit(required("DATABASE_URL"))
    own = urlunsplit(server._replace(path=f"/{DATABASE_NAME}"))
    maintenance = urlunsplit(server._replace(path="/postgres"))
    with psycopg.connect(maintenance, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {DATABASE_NAME} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {DATABASE_NAME}")
    yield own
    with psycopg.connect(maintenance, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {DATABASE_NAME} WITH (FORCE)")


@pytest.fixture(scope="module")
def environment(database_url, tmp_path_factory):
    """Production settings on plain HTTP, one database, one Redis (with a key prefix of this run)."""
    return commands.clean_environment(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="hosts-test-" + uuid.uuid4().hex * 2,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=database_url,
        REDIS_URL=required("REDIS_URL"),
        CACHE_KEY_PREFIX=f"hosts-{uuid.uuid4().hex[:8]}",
        SECURE_SSL_REDIRECT="0",
        PROXIMITE_STAFF_2FA="0",
        STATIC_ROOT=str(tmp_path_factory.mktemp("static")),
        GUNICORN_ACCESSLOG="",
        WEB_CONCURRENCY="1",
        GUNICORN_THREADS="2",
        # Long enough that a page left stale by a missed invalidation would still be served.
        PROXIMITE_PAGE_CACHE_TIMEOUT="3600",
    )


def manage(environment, *args):
    return commands.manage(environment, *args).stdout


@contextmanager
def gunicorn_host(environment, var_dir):
    env = {**environment, "PROXIMITE_VAR_DIR": str(var_dir)}
    with running_gunicorn(env, var_dir / "gunicorn.log", "/robots.txt", "localhost") as served:
        yield served.port


class Browser:
    """A visitor of one host, keeping its cookies (production marks them Secure; this is loopback)."""

    def __init__(self, port):
        self.port, self.cookies = port, {}

    def request(self, method, path, data=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        # Behind the load balancer every host receives the town's own name.
        headers = {"Host": "localhost"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        body = None
        if data is not None:
            body = urlencode(data, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode()
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            name, value = header.split(";", 1)[0].split("=", 1)
            self.cookies[name] = value
        return response, text

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, data):
        return self.request("POST", path, data)


@pytest.fixture(scope="module")
def hosts(environment, tmp_path_factory):
    manage(environment, "migrate", "--noinput", "-v0")
    manage(environment, "collectstatic", "--noinput", "-v0")
    page_id = int(manage(environment, "shell", "-c", SETUP).strip().splitlines()[-1])
    with ExitStack() as stack:
        ports = [
            stack.enter_context(gunicorn_host(environment, tmp_path_factory.mktemp(name))) for name in "ab"
        ]
        yield ports, page_id


def publish_through_the_admin(port, page_id, introduction):
    editor = Browser(port)
    response, html = editor.get("/admin/login/")
    token = form_data(html)["csrfmiddlewaretoken"][0]
    response, _html = editor.post(
        "/admin/login/", {"username": ADMIN, "password": PASSWORD, "csrfmiddlewaretoken": token}
    )
    assert response.status == 302, "login refused"
    response, html = editor.get(f"/admin/pages/{page_id}/edit/")
    data = form_data(html, form_id=PAGE_EDIT_FORM)
    data["introduction"] = [introduction]
    # The body is drawn by the admin's JavaScript; this page's body is empty.
    data["body-count"] = ["0"]
    data["action-publish"] = ["action-publish"]
    response, html = editor.post(f"/admin/pages/{page_id}/edit/", data)
    assert response.status == 302, html


def test_a_page_published_through_one_host_is_fresh_on_the_other(hosts):
    (first, second), page_id = hosts
    visitor = Browser(second)
    response, html = visitor.get("/marche/")
    assert response.status == 200 and "le samedi matin" in html
    response, html = visitor.get("/marche/")
    assert response.getheader("X-Page-Cache") == "hit"
    # The other host finds the page in the shared cache: both see the same entries.
    response, html = Browser(first).get("/marche/")
    assert response.getheader("X-Page-Cache") == "hit" and "le samedi matin" in html

    publish_through_the_admin(first, page_id, "Le marché a lieu le dimanche matin.")

    response, html = Browser(second).get("/marche/")
    assert response.status == 200
    assert "le dimanche matin" in html and "le samedi matin" not in html

"""Anonymous visitors get pages from the shared page cache, never stale, never someone else's."""

import gzip
import re

import pytest
from django.test import Client

from learning.models import Registration
from tests.conftest import BEAUVAIS_HOST, BETHUNE_HOST
from tests.factories import (
    UserFactory,
    WorkshopIndexPageFactory,
    WorkshopPageFactory,
)

WORKSHOP_URL = "/ateliers/atelier-photos/"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture
def workshop(towns):
    index = WorkshopIndexPageFactory(parent=towns["bethune"])
    return WorkshopPageFactory(parent=index, slug="atelier-photos", capacity=2)


def get(client, url, host=BETHUNE_HOST, **headers):
    return client.get(url, HTTP_HOST=host, **headers)


def served_from_cache(response):
    return response.get("X-Page-Cache") == "hit"


def html(response):
    body = response.content
    if response.get("Content-Encoding") == "gzip":
        body = gzip.decompress(body)
    return body.decode()


def register(client, token, name="Martine Lefebvre"):
    data = {"name": name, "email": "martine@exemple.fr", "shop_name": "Mercerie", "consent": "on"}
    return client.post(WORKSHOP_URL, {**data, "csrfmiddlewaretoken": token}, HTTP_HOST=BETHUNE_HOST)


def test_the_second_anonymous_visit_is_served_from_the_cache_without_the_database(
    client, towns, django_assert_num_queries
):
    first = get(client, "/")
    assert first.status_code == 200 and first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = get(Client(), "/")
    assert served_from_cache(second)
    assert html(second) == html(first)


def test_each_town_has_its_own_entries(client, towns):
    get(client, "/")
    beauvais = get(client, "/", host=BEAUVAIS_HOST)
    assert not served_from_cache(beauvais)
    assert "Beauvais" in html(beauvais) and "Béthune" not in html(beauvais)


def test_the_setting_is_read_at_each_request(client, towns, settings):
    settings.PAGE_CACHE = False
    get(client, "/")
    assert "X-Page-Cache" not in get(client, "/")


def test_two_visitors_get_their_own_csrf_token_and_the_form_works(workshop, mailoutbox):
    first_visitor, second_visitor = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first = get(first_visitor, WORKSHOP_URL)
    second = get(second_visitor, WORKSHOP_URL)
    assert served_from_cache(second)
    first_token, second_token = TOKEN.search(html(first))[1], TOKEN.search(html(second))[1]
    assert first_token != second_token
    assert first_visitor.cookies["csrftoken"].value != second_visitor.cookies["csrftoken"].value
    # A form page must never be kept by a CDN or a shared proxy.
    assert "private" in second["Cache-Control"]

    # Each token goes with its visitor's cookie, and only with it.
    assert register(second_visitor, first_token).status_code == 403
    assert register(second_visitor, second_token, name="Paul Durand").status_code == 302
    assert register(first_visitor, first_token).status_code == 302
    assert sorted(Registration.objects.values_list("name", flat=True)) == ["Martine Lefebvre", "Paul Durand"]


def test_a_returning_visitor_keeps_their_csrf_cookie(workshop, mailoutbox):
    visitor = Client(enforce_csrf_checks=True)
    get(visitor, WORKSHOP_URL)
    secret = visitor.cookies["csrftoken"].value
    again = get(visitor, WORKSHOP_URL)
    assert served_from_cache(again)
    assert register(visitor, TOKEN.search(html(again))[1]).status_code == 302
    assert visitor.cookies["csrftoken"].value == secret


def test_messages_are_shown_only_to_their_visitor_and_seats_left_change_for_everyone(
    workshop, mailoutbox, django_capture_on_commit_callbacks
):
    someone_else = Client()
    assert "2 places restantes sur 2" in html(get(someone_else, WORKSHOP_URL))
    assert served_from_cache(get(someone_else, WORKSHOP_URL))

    visitor = Client(enforce_csrf_checks=True)
    token = TOKEN.search(html(get(visitor, WORKSHOP_URL)))[1]
    with django_capture_on_commit_callbacks(execute=True):
        register(visitor, token)
    own = get(visitor, WORKSHOP_URL)
    assert not served_from_cache(own)
    assert "presque fini" in html(own)

    other = get(someone_else, WORKSHOP_URL)
    assert "presque fini" not in html(other)
    assert "1 place restante sur 2" in html(other)
    assert "presque fini" not in html(get(Client(), WORKSHOP_URL))


def test_a_cancellation_frees_the_seat_on_the_cached_page(
    workshop, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        registration = workshop.register(name="Paul", email="paul@exemple.fr", consent_at=workshop.starts_at)
    assert "1 place restante sur 2" in html(get(Client(), WORKSHOP_URL))
    assert served_from_cache(get(Client(), WORKSHOP_URL))
    with django_capture_on_commit_callbacks(execute=True):
        registration.cancel()
    assert "2 places restantes sur 2" in html(get(Client(), WORKSHOP_URL))


pytestmark = pytest.mark.usefixtures("page_cache_on")


def test_a_logged_in_person_is_never_served_nor_stored(client, towns):
    editor = UserFactory(username="editrice", is_superuser=True, is_staff=True)
    client.force_login(editor)
    own = get(client, "/")
    assert "X-Page-Cache" not in own
    assert "private" in own["Cache-Control"]
    assert "wagtail-userbar" in html(own)

    anonymous = get(Client(), "/")
    assert not served_from_cache(anonymous) and "wagtail-userbar" not in html(anonymous)
    assert served_from_cache(get(Client(), "/"))
    again = get(client, "/")
    assert "X-Page-Cache" not in again and "wagtail-userbar" in html(again)


@pytest.mark.parametrize("url", ["/page-qui-n-existe-pas/", "/admin/login/"])
def test_errors_and_the_admin_are_not_cached(client, towns, url):
    get(client, url)
    assert not served_from_cache(get(client, url))


def test_a_post_is_never_answered_from_the_cache(workshop, mailoutbox):
    visitor = Client()
    get(visitor, WORKSHOP_URL)
    response = visitor.post(WORKSHOP_URL, {"name": ""}, HTTP_HOST=BETHUNE_HOST)
    assert "X-Page-Cache" not in response and response.status_code == 400


@pytest.mark.urls("tests.urls_page_cache")
@pytest.mark.parametrize("url", ["/avec-cookie/", "/prive/"])
def test_responses_with_cookies_or_private_ones_are_not_cached(client, towns, url):
    get(client, url)
    assert not served_from_cache(get(Client(), url))


def test_pages_are_compressed_for_browsers_that_accept_it(client, towns, workshop):
    plain = get(client, "/")
    assert "Content-Encoding" not in plain and "Accept-Encoding" in plain["Vary"]
    for response in (
        get(client, "/", HTTP_ACCEPT_ENCODING="gzip, br"),
        get(client, "/", HTTP_ACCEPT_ENCODING="gzip"),
    ):
        assert response["Content-Encoding"] == "gzip"
        assert html(response) == html(plain)
        assert "Accept-Encoding" in response["Vary"] and "Cookie" in response["Vary"]
    form = get(Client(), WORKSHOP_URL, HTTP_ACCEPT_ENCODING="gzip")
    assert form["Content-Encoding"] == "gzip" and TOKEN.search(html(form))

    client.force_login(UserFactory(username="editeur", is_superuser=True, is_staff=True))
    logged_in = get(client, "/", HTTP_ACCEPT_ENCODING="gzip")
    assert logged_in["Content-Encoding"] == "gzip" and "wagtail-userbar" in html(logged_in)


def test_browsers_always_ask_again_and_a_cdn_may_keep_the_page_a_minute(client, towns):
    response = get(client, "/")
    assert response["Cache-Control"] == "max-age=0, s-maxage=60"
    again = get(client, "/", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304 and again["ETag"] == response["ETag"]

"""Every public form has a honeypot and a per-address limit with a polite French message."""

import pytest
from django.test import Client

from tests.conftest import BETHUNE_HOST
from tests.public_forms import PUBLIC_FORMS

MAX_TRIES = 40  # above the highest per-hour limit of any public form


@pytest.fixture(params=sorted(PUBLIC_FORMS))
def form(request, towns):
    return PUBLIC_FORMS[request.param](towns)


def post(form, data, ip="198.51.100.7"):
    return Client().post(form.url, data, HTTP_HOST=BETHUNE_HOST, REMOTE_ADDR=ip)


def test_the_valid_submission_is_accepted(form):
    response = post(form, form.data)

    assert response.status_code in (200, 302)
    assert form.saved() == 1


def test_the_form_carries_a_honeypot_and_a_bot_filling_it_is_refused(form):
    page = Client().get(form.url, HTTP_HOST=BETHUNE_HOST).content.decode()
    assert 'name="site_web"' in page
    assert 'class="honeypot-field" aria-hidden="true"' in page

    response = post(form, {**form.data, "site_web": "https://spam.example/"})

    assert response.status_code in (200, 400)
    assert form.saved() == 0


def test_one_address_sending_too_many_is_refused_politely_and_others_are_not(form):
    statuses = []
    for _ in range(MAX_TRIES):
        response = post(form, form.data)
        statuses.append(response.status_code)
        if response.status_code == 429:
            break
    saved = form.saved()

    assert statuses[-1] == 429, f"no limit after {MAX_TRIES} submissions"
    page = response.content.decode()
    assert "en peu de temps" in page, page
    assert post(form, form.data).status_code == 429
    assert form.saved() == saved

    assert post(form, {**form.data, **form.another_person}, ip="198.51.100.8").status_code in (200, 302)
    assert form.saved() == saved + 1

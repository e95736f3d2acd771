"""Property-based tests: whatever a visitor posts to a public form, no server error, and their text stays."""

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils.html import escape
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import BETHUNE_HOST
from tests.public_forms import PUBLIC_FORMS

MISSING = object()

values = st.one_of(
    st.text(max_size=80),
    st.text(min_size=5_000, max_size=20_000),
    st.sampled_from(
        ["", " ", "0", "-1", "9" * 40, "2024-02-30", "25:99", "<script>alert(1)</script>", "\x00"]
    ),
    st.lists(st.text(max_size=20), max_size=3),
    st.just(MISSING),
)


@pytest.fixture(params=sorted(PUBLIC_FORMS))
def form(request, towns):
    return PUBLIC_FORMS[request.param](towns)


def submission(form, changes):
    data = dict(form.data)
    for name, value in changes.items():
        if value is MISSING:
            data.pop(name, None)
        else:
            data[name] = value
    return data


@given(data=st.data(), typed=st.text(min_size=1, max_size=200))
def test_no_input_makes_the_server_fail_and_the_typed_text_stays(form, data, typed):
    cache.clear()  # so that the per-address limit does not answer every example
    changes = data.draw(st.dictionaries(st.sampled_from(sorted(form.data)), values, max_size=len(form.data)))
    posted = submission(form, changes)
    if form.text_field:
        posted[form.text_field] = typed

    response = Client().post(form.url, posted, HTTP_HOST=BETHUNE_HOST, REMOTE_ADDR="203.0.113.9")

    assert response.status_code < 500
    page = response.content.decode()
    if form.text_field and f'name="{form.text_field}"' in page:  # the form is shown again
        assert escape(typed) in page


@pytest.mark.parametrize("name", ["help-request", "volunteer-application"])
def test_a_topic_number_too_big_for_the_database_is_refused_politely(towns, name):
    form = PUBLIC_FORMS[name](towns)
    field = "topics" if name == "help-request" else "skills"

    for made_up in ["9223372036854775808", "-99999999999999999999"]:
        response = Client().post(form.url, {**form.data, field: [made_up]}, HTTP_HOST=BETHUNE_HOST)

        assert response.status_code in (200, 400)
        assert 'id="form-errors"' in response.content.decode()
        assert form.saved() == 0

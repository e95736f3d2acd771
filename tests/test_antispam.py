"""The spam protection shared by every public form."""

from django import forms
from django.test import RequestFactory

from core.antispam import HoneypotFormMixin, rate_limited


class ContactForm(HoneypotFormMixin):
    name = forms.CharField()


def test_a_person_who_leaves_the_hidden_field_empty_gets_through():
    assert ContactForm({"name": "Claire", "site_web": ""}).is_valid()


def test_a_bot_that_fills_the_hidden_field_is_refused_in_french():
    form = ContactForm({"name": "Claire", "site_web": "http://spam.example"})
    assert not form.is_valid()
    assert "n’a pas pu être envoyé" in str(form.errors)


def test_rate_limit_lets_the_first_attempts_through_then_refuses(settings):
    request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.7")
    other = RequestFactory().post("/", REMOTE_ADDR="203.0.113.8")

    answers = [rate_limited(request, "test-form", limit=3, period=60) for _ in range(5)]

    assert answers == [False, False, False, True, True]
    assert rate_limited(other, "test-form", limit=3, period=60) is False
    assert rate_limited(request, "another-form", limit=3, period=60) is False


def test_behind_a_trusted_proxy_the_forwarded_address_counts(settings):
    settings.TRUST_X_FORWARDED_FOR = True
    first = RequestFactory().post("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.1")
    second = RequestFactory().post("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.2")

    assert rate_limited(first, "proxy-form", limit=1, period=60) is False
    assert rate_limited(first, "proxy-form", limit=1, period=60) is True
    assert rate_limited(second, "proxy-form", limit=1, period=60) is False


def test_a_made_up_forwarded_address_does_not_escape_the_limit(settings):
    settings.TRUST_X_FORWARDED_FOR = True
    # The load balancer appends the real address after whatever the visitor sent.
    honest = RequestFactory().post("/", HTTP_X_FORWARDED_FOR="198.51.100.9")
    spoofing = RequestFactory().post("/", HTTP_X_FORWARDED_FOR="203.0.113.1, 198.51.100.9")

    assert rate_limited(honest, "spoof-form", limit=1, period=60) is False
    assert rate_limited(spoofing, "spoof-form", limit=1, period=60) is True


def test_a_limit_may_count_something_else_than_the_address():
    first = RequestFactory().post("/", REMOTE_ADDR="203.0.113.20")
    second = RequestFactory().post("/", REMOTE_ADDR="203.0.113.21")

    assert rate_limited(first, "per-mailbox", limit=1, period=60, who="claire@exemple.localhost") is False
    assert rate_limited(second, "per-mailbox", limit=1, period=60, who="claire@exemple.localhost") is True
    assert rate_limited(second, "per-mailbox", limit=1, period=60, who="paul@exemple.localhost") is False

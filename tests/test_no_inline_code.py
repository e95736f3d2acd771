"""Public pages carry no inline script or style attribute: the Content-Security-Policy would block them."""

import re

import pytest
from django.test import Client
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from tests.conftest import BETHUNE_HOST
from tests.factories import GuideIndexPageFactory, GuidePageFactory
from tests.factories.learning import guide_body
from tests.public_forms import PUBLIC_FORMS

VIDEO_URL = "https://www.youtube.com/watch?v=csp-proximite"
# A <script> that runs code: no src, and not a data block such as JSON-LD or json_script.
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>", re.I)
STYLE = re.compile(r"<style\b|\sstyle=", re.I)


def inline_code(page):
    return INLINE_SCRIPT.findall(page) + STYLE.findall(page)


def test_a_guide_with_a_video_has_no_inline_style(towns):
    Embed.objects.create(
        url=VIDEO_URL,
        hash=get_embed_hash(VIDEO_URL, None, None),
        html='<iframe title="Vidéo" src="https://www.youtube-nocookie.com/embed/x"></iframe>',
        type="video",
        width=640,
        height=360,
    )
    video = {"type": "video", "value": {"title": "Une vidéo", "embed": VIDEO_URL, "transcript": ""}}
    guide = GuidePageFactory(parent=GuideIndexPageFactory(parent=towns["bethune"]), body=guide_body(video))

    page = Client().get(guide.url, HTTP_HOST=BETHUNE_HOST).content.decode()

    assert "youtube-nocookie.com/embed/x" in page
    assert inline_code(page) == []


@pytest.mark.parametrize("name", sorted(PUBLIC_FORMS))
def test_public_forms_empty_and_with_errors_have_no_inline_code(towns, name):
    form = PUBLIC_FORMS[name](towns)

    empty = Client().get(form.url, HTTP_HOST=BETHUNE_HOST).content.decode()
    with_errors = Client().post(form.url, {"site_web": ""}, HTTP_HOST=BETHUNE_HOST).content.decode()

    assert inline_code(empty) == []
    assert inline_code(with_errors) == []


def test_the_home_page_has_no_inline_code(towns):
    page = Client().get("/", HTTP_HOST=BETHUNE_HOST).content.decode()

    assert inline_code(page) == []

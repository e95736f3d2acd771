"""A photo narrower than an image role's largest size still gives valid HTML: each width once."""

import re

import pytest
from django.template import Context, Template

from core.renditions import ROLES
from tests.factories import ImageFactory

FORMATS = len(ROLES["content"].formats)  # a <source> per modern format, then the fallback <img>


def draw(image, role):
    template = Template('{% load portal_images %}{% responsive_image image role alt="" %}')
    return template.render(Context({"image": image, "role": role}))


def srcset_widths(html):
    return [re.findall(r" (\d+)w", srcset) for srcset in re.findall(r'srcset="([^"]*)"', html)]


@pytest.mark.django_db
def test_a_narrow_photo_lists_each_width_once_per_format():
    html = draw(ImageFactory(file__width=640, file__height=480), "content")

    assert srcset_widths(html) == [["400", "640"]] * FORMATS
    assert 'sizes="' in html


@pytest.mark.django_db
def test_a_photo_narrower_than_every_size_has_no_sizes_without_a_choice_of_widths():
    html = draw(ImageFactory(file__width=300, file__height=200), "content")

    # The sources name one file each; the fallback <img> has its src only.
    assert srcset_widths(html) == [[]] * (FORMATS - 1)
    assert "sizes=" not in html


@pytest.mark.django_db
def test_a_large_photo_keeps_every_width():
    html = draw(ImageFactory(file__width=1600, file__height=1000), "content")

    assert srcset_widths(html) == [["400", "800", "1200"]] * FORMATS

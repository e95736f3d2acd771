"""A first visit on a phone stays light: at most 150 KB, images included, on a shop page and the directory.

Measured as transferred (compressed) by Chromium at 375 px wide and twice the pixel density of
a common phone, with an empty cache (tests/support/page_weight.py).
"""

import pytest

from tests.support.page_weight import page_weight

LIMIT = 150 * 1024


@pytest.mark.parametrize(
    "path", ["/commerces/boulangerie-du-beffroi/", "/commerces/"], ids=["shop-page", "directory"]
)
def test_a_first_visit_on_a_phone_weighs_at_most_150_kb(portal, browser, path):
    weight = page_weight(browser, portal.url(path))

    assert weight["total"] <= LIMIT, weight
    images = [url for url, kind, _size in weight["responses"] if kind == "image" and "/media/images/" in url]
    assert images, "the page shows its photos"
    assert all(url.endswith(".webp") for url in images), images
    assert "font" not in weight["by_type"]
    assert weight["by_type"]["document"] < 20 * 1024  # the page itself, compressed

import os

import pytest
from django.core.cache import caches
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from wagtail.models import Page, Site

from tests.factories import make_town

BETHUNE_HOST = "bethune.localhost"
BEAUVAIS_HOST = "beauvais.localhost"

# Property-based tests: a bounded number of examples so the suite keeps its time budget, no
# per-example deadline (a page render may be slow on a busy machine). HYPOTHESIS_PROFILE=thorough
# runs many more before a release.
hypothesis_settings.register_profile(
    "proximite",
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
hypothesis_settings.register_profile(
    "thorough", parent=hypothesis_settings.get_profile("proximite"), max_examples=500
)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "proximite"))


@pytest.fixture(autouse=True)
def empty_caches():
    """Every test starts and ends with every cache empty: the rate limits of public forms, the
    renditions Wagtail remembers by image id (ids come back after each test's rollback), pages
    and town data are never left over from another test."""
    clear_every_cache()
    yield
    clear_every_cache()


def clear_every_cache():
    for each in caches.all():
        each.clear()


@pytest.fixture
def towns(db):
    """Two towns served by one install, as in the demo: Béthune (default) and Beauvais."""
    Site.objects.all().delete()
    Page.objects.filter(depth=2).delete()
    return {
        "bethune": make_town("Béthune", BETHUNE_HOST, default=True),
        "beauvais": make_town("Beauvais", BEAUVAIS_HOST),
    }


@pytest.fixture
def town_cache_on(settings):
    """The town cache (core/town_cache.py) switched on (test settings leave it off), starting empty."""
    settings.TOWN_CACHE = True
    clear_every_cache()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Changes as an editor makes them: in a transaction that commits (caches are told after it)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def page_cache_on(settings):
    """The full-page cache switched on (test settings leave it off), starting empty."""
    settings.PAGE_CACHE = True
    clear_every_cache()

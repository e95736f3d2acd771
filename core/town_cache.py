"""What every page of a town reads again and again, kept between requests and never stale.

The full-page cache (core/page_cache.py) serves anonymous visitors a whole page. Behind it,
a page still rendered (a miss, a signed-in shopkeeper, a filtered directory) reads the same
things as the previous request: the town (Site) of the host name, its identity settings,
the pages along the address, and renders the same header, footer, shop products or guide
body. These are kept in the "town" cache under the town's and the global version of the
page cache, read once at the start of the request: any public change bumps them (see
page_cache_signals), so every piece of that town kept before it is ignored from then on.
Invalidation is exactly the page cache's, tested once for both.

Only GET and HEAD requests outside the admin use it; previews and form submissions read and
render everything afresh. Pieces are stored per worker in memory on one machine (the
versions they are keyed by are shared by every worker), in Redis beyond.
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError
from django.http.request import split_domain_port
from django.utils import translation

from core import page_cache

logger = logging.getLogger(__name__)

CACHE_ALIAS = "town"
VERSIONS_ATTRIBUTE = "town_versions"
OUTCOMES_ATTRIBUTE = "town_cache_outcomes"
# Pieces a visitor's own data or a fresh token would leak into are never stored.
PERSONAL_MARKERS = ("csrfmiddlewaretoken", page_cache.CSRF_PLACEHOLDER)
MISSING = object()


def cache():
    return caches[CACHE_ALIAS]


def versions(request):
    """The versions the town's kept pieces are valid for, or None when nothing may be kept."""
    if request is None or getattr(request, "is_preview", False):
        # A preview goes through the middleware too, with the page's own address.
        return None
    return getattr(request, VERSIONS_ATTRIBUTE, None)


def read_versions(request):
    """The town's and the global version, read before anything of the town is (so never newer
    than the data a piece is made of), or None when this request renders everything afresh."""
    if not settings.TOWN_CACHE or request.method not in ("GET", "HEAD"):
        return None
    if request.path.startswith(page_cache.EXCLUDED_PREFIXES):
        return None
    domain, _port = split_domain_port(request._get_raw_host())
    try:
        return page_cache.current_versions((page_cache.GLOBAL_TAG, page_cache.town_tag(domain)))
    except Exception:
        logger.exception("Town cache unavailable: rendering without it")
        return None


def _key(name, parts, town_versions):
    signature = repr((parts, town_versions, translation.get_language()))
    return f"town:{name}:{hashlib.sha256(signature.encode()).hexdigest()}"


def get_or_make(request, name, parts, make, keep=None):
    """`make()`, or what it returned for the same name and parts since the town last changed.
    `keep(value)` false: the value is not kept."""
    town_versions = versions(request)
    if town_versions is None:
        return make()
    key = _key(name, parts, town_versions)
    try:
        value = cache().get(key, MISSING)
    except Exception:
        logger.exception("Town cache unavailable: rendering without it")
        return make()
    outcomes = request.__dict__.setdefault(OUTCOMES_ATTRIBUTE, set())
    outcomes.add("hit" if value is not MISSING else "miss")
    if value is MISSING:
        value = make()
        if keep is None or keep(value):
            try:
                cache().set(key, value, timeout=settings.TOWN_CACHE_TIMEOUT)
            except Exception:
                logger.exception("Town cache unavailable: piece not kept")
    return value


def rendered(request, name, parts, render):
    """A piece of HTML, kept like `get_or_make` unless it holds a form token."""
    return get_or_make(request, f"html:{name}", parts, render, keep=_is_shareable)


def _is_shareable(html):
    return not any(marker in html for marker in PERSONAL_MARKERS)


class KeptSiteSetting:
    """A site setting read once per change of its town rather than at every request: put it
    before Wagtail's BaseSiteSetting in the setting's bases."""

    @classmethod
    def for_request(cls, request):
        # BaseSiteSetting.for_request, with the setting kept between requests.
        from wagtail.models import Site

        attribute = cls.get_cache_attr_name()
        if not hasattr(request, attribute):
            site = Site.find_for_request(request)
            name = f"setting:{cls._meta.label_lower}"
            setting = get_or_make(request, name, (site.pk if site else None,), lambda: cls.for_site(site))
            setting._request = request
            setattr(request, attribute, setting)
        return getattr(request, attribute)


class TownCacheMiddleware:
    """Reads the town's versions first, then finds the town (Site) of the host name from them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        town_versions = read_versions(request)
        if town_versions is not None:
            setattr(request, VERSIONS_ATTRIBUTE, town_versions)
            host = request._get_raw_host()
            try:
                site = get_or_make(request, "site", (host,), lambda: _site(request))
            except DatabaseError:
                # A view that needs no database (robots.txt) still answers.
                logger.exception("Town not found: rendering without the town cache")
                site = None
            else:
                request._wagtail_site = site
            if site is None or site.hostname != split_domain_port(host)[0]:
                # The default town answering for another name: its changes bump its own
                # name's version, not this one's, so nothing of it is kept under this name.
                delattr(request, VERSIONS_ATTRIBUTE)
                request.__dict__.pop(OUTCOMES_ATTRIBUTE, None)
        response = self.get_response(request)
        outcomes = getattr(request, OUTCOMES_ATTRIBUTE, set())
        if outcomes:
            # "hit": everything this page keeps was kept already; "miss": something was made afresh.
            response["X-Town-Cache"] = "miss" if "miss" in outcomes else "hit"
        return response


def _site(request):
    from wagtail.models import Site

    site = Site._find_for_request(request)
    if site is not None:
        # Kept along: routing starts from the town's home page in its own class.
        site.root_page = site.root_page.specific
    return site

"""Full-page cache for anonymous visitors, shared by every gunicorn worker and host.

A page is stored once per address (scheme, host, path and query string) in the "pages"
cache (files on one machine, Redis beyond) and served without touching the database
to anyone who has neither a session nor pending messages.

Pages with a form are stored too: they are rendered with a placeholder instead of a
CSRF token, and each visitor gets their own token (and cookie) when the page is served.

Invalidation is by version tags rather than by deleting entries: every entry records
the version of its town (keyed by the town's host name) and the global version current
when it was rendered, and is only served while both are unchanged. A change bumps the version of the town it
belongs to (or the global one when it belongs to no town), after the transaction
commits, so every worker and host sees the same state at once (see page_cache_signals).
Entries also expire after PAGE_CACHE_TIMEOUT seconds, which bounds how long a page
that depends on the clock ("open now", upcoming workshops) can lag.
"""

import hashlib
import logging
import re
import uuid
from typing import NamedTuple
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.http import HttpResponse, HttpResponseNotModified
from django.http.request import split_domain_port
from django.middleware.csrf import get_token
from django.utils.cache import patch_vary_headers
from django.utils.http import parse_etags
from django.utils.text import compress_string

logger = logging.getLogger(__name__)

CACHE_ALIAS = "pages"
CSRF_PLACEHOLDER = "proximite-page-cache-csrf-token"
GLOBAL_TAG = "page-version:all"
EXCLUDED_PREFIXES = ("/admin/", "/documents/", "/static/")
MAX_BODY_BYTES = 2 * 1024 * 1024
MIN_COMPRESS_BYTES = 200
PADDING_BYTES = 100
# Headers that are recomputed for each visitor rather than replayed from the entry.
NOT_REPLAYED = {
    "content-length",
    "content-encoding",
    "vary",
    "cache-control",
    "etag",
    "set-cookie",
    "x-town-cache",
}
ACCEPTS_GZIP = re.compile(r"\bgzip\b")


class Entry(NamedTuple):
    tags: tuple  # ((tag key, version), …) current when the page was rendered
    headers: tuple
    body: bytes
    gzipped: bytes | None  # only for bodies without a CSRF placeholder
    etag: str | None
    with_csrf: bool


def town_tag(hostname):
    return f"page-version:town:{hostname.lower()}"


def cache():
    return caches[CACHE_ALIAS]


# Invalidation


def invalidate_town(site_id):
    """Every cached page of this town is stale once the current transaction commits."""
    hostname = _hostname(site_id) if site_id else None
    _bump(town_tag(hostname) if hostname else GLOBAL_TAG)


def invalidate_all():
    """Every cached page of every town is stale once the current transaction commits."""
    _bump(GLOBAL_TAG)


def _hostname(site_id):
    from wagtail.models import Site

    for root in Site.get_site_root_paths():
        if root.site_id == site_id:
            return urlsplit(root.root_url).hostname
    return None


def _bump(tag):
    # After the commit: a request that rendered the old data before it then carries the
    # old version and is never served; one that starts after sees the new data.
    transaction.on_commit(lambda: _set_version(tag), robust=True)


def new_version():
    return uuid.uuid4().hex


def _set_version(tag):
    cache().set(tag, new_version(), timeout=None)


def request_keys(request):
    """The entry's key and its tags' keys. Tags are keyed by host name, so that a hit needs
    one cache round trip, without knowing which town (Site) the host belongs to."""
    host = request.get_host()
    domain, _port = split_domain_port(host)
    address = f"{request.scheme}://{host}{request.get_full_path()}"
    return "page:" + hashlib.sha256(address.encode()).hexdigest(), (GLOBAL_TAG, town_tag(domain))


def lookup(key, tag_keys):
    found = cache().get_many([key, *tag_keys])
    entry = found.get(key)
    if entry is not None and entry.tags == tuple((tag, found.get(tag)) for tag in tag_keys):
        return entry
    return None


def current_tags(request, tag_keys):
    """The versions an entry rendered now depends on, or None when it must not be stored."""
    from wagtail.models import Site

    site = Site.find_for_request(request)
    if site is None or town_tag(site.hostname) != tag_keys[1]:
        # Served by the default town under another name: that town's changes would not reach it.
        return None
    versions = current_versions(tag_keys)
    return tuple(zip(tag_keys, versions, strict=True)) if versions else None


def current_versions(tag_keys):
    """The versions of these tags (each given one the first time it is asked for), or None when
    the cache does not keep them."""
    versions = cache().get_many(tag_keys)
    if len(versions) < len(tag_keys):
        for tag in tag_keys:
            if tag not in versions:
                cache().add(tag, new_version(), timeout=None)
        versions = cache().get_many(tag_keys)
    if len(versions) < len(tag_keys):
        return None
    return tuple(versions[tag] for tag in tag_keys)


# Which requests and responses


def is_anonymous_read(request):
    """A GET or HEAD from someone without a session or pending messages, outside the admin."""
    if request.method not in ("GET", "HEAD"):
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    path = request.path_info
    return not path.startswith(EXCLUDED_PREFIXES) and not path.startswith(settings.MEDIA_URL)


def is_shareable(request, response):
    """The same response would be right for every anonymous visitor (apart from the CSRF token)."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if response.has_header("Cache-Control") or response.has_header("Content-Encoding"):
        return False
    varies = {value.strip().lower() for value in response.get("Vary", "").split(",") if value.strip()}
    if not varies <= {"cookie", "accept-encoding"}:
        return False
    if getattr(request, "is_preview", False):
        return False
    # Someone called get_token() directly: the body holds a real token, not the placeholder.
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    messages = getattr(request, "_messages", None)
    if messages is not None and messages.added_new:
        return False
    return len(response.content) <= MAX_BODY_BYTES


def csrf_placeholder(request):
    """Context processor: while a page is rendered for the cache, forms get a placeholder token."""
    if getattr(request, "page_cache_rendering", False):
        return {"csrf_token": CSRF_PLACEHOLDER}
    return {}


# Responses


def accepts_gzip(request):
    return bool(ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")))


def is_compressible(response):
    content_type = response.get("Content-Type", "").lower()
    return content_type.startswith("text/") or "json" in content_type or "xml" in content_type


def gzip_body(body, personal=False):
    # A body with a visitor's token or a signed-in person's data gets random padding, as
    # Django's GZipMiddleware does, against compression side-channel attacks (BREACH).
    return compress_string(body, max_random_bytes=PADDING_BYTES if personal else None)


def compress(request, response):
    """gzip a text response for a browser that accepts it."""
    if response.streaming or response.has_header("Content-Encoding") or not is_compressible(response):
        return
    if len(response.content) < MIN_COMPRESS_BYTES:
        return
    patch_vary_headers(response, ("Accept-Encoding",))
    if not accepts_gzip(request):
        return
    compressed = gzip_body(response.content, personal=True)
    if len(compressed) < len(response.content):
        response.content = compressed
        response["Content-Encoding"] = "gzip"
        if response.has_header("Content-Length"):
            response["Content-Length"] = str(len(compressed))


def shared_cache_control():
    # Browsers always ask again (nothing stale after a change); a CDN may keep the page
    # s-maxage seconds, and wagtail.contrib.frontend_cache purges it on publication.
    return f"max-age=0, s-maxage={settings.PAGE_CACHE_CDN_MAX_AGE}"


PRIVATE_CACHE_CONTROL = "max-age=0, private"


def make_entry(response, tags):
    body = response.content
    with_csrf = CSRF_PLACEHOLDER.encode() in body
    gzipped = None
    etag = None
    if not with_csrf:
        etag = f'W/"{hashlib.sha256(body).hexdigest()[:32]}"'
        if is_compressible(response) and len(body) >= MIN_COMPRESS_BYTES:
            compressed = gzip_body(body)
            gzipped = compressed if len(compressed) < len(body) else None
    headers = tuple((key, value) for key, value in response.items() if key.lower() not in NOT_REPLAYED)
    return Entry(tags, headers, body, gzipped, etag, with_csrf)


def serve(entry, request, status):
    """The entry as a response for this visitor, with their own CSRF token when it has a form."""
    if entry.etag and entry.etag.removeprefix("W/") in {
        tag.removeprefix("W/") for tag in parse_etags(request.META.get("HTTP_IF_NONE_MATCH", ""))
    }:
        response = HttpResponseNotModified()
    else:
        body = entry.body
        encoded = False
        if entry.with_csrf:
            body = body.replace(CSRF_PLACEHOLDER.encode(), get_token(request).encode())
            if accepts_gzip(request) and len(body) >= MIN_COMPRESS_BYTES:
                body, encoded = gzip_body(body, personal=True), True
        elif entry.gzipped is not None and accepts_gzip(request):
            body, encoded = entry.gzipped, True
        response = HttpResponse(body)
        for key, value in entry.headers:
            response[key] = value
        if encoded:
            response["Content-Encoding"] = "gzip"
    response["Vary"] = "Accept-Encoding, Cookie"
    response["Cache-Control"] = PRIVATE_CACHE_CONTROL if entry.with_csrf else shared_cache_control()
    if entry.etag:
        response["ETag"] = entry.etag
    response["X-Page-Cache"] = status
    return response


class PageCacheMiddleware:
    """Serves anonymous visitors from the page cache; compresses and labels every page.

    Sits right after CsrfViewMiddleware: a hit costs one cache round trip and no database
    query, and the CSRF middleware still sets the visitor's cookie on the way out.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        anonymous = is_anonymous_read(request)
        cached = anonymous and settings.PAGE_CACHE
        key = tags = None
        if cached:
            key, tag_keys = request_keys(request)
            try:
                entry = lookup(key, tag_keys)
                if entry is not None:
                    return serve(entry, request, "hit")
                tags = current_tags(request, tag_keys)
            except Exception:
                logger.exception("Page cache unavailable: serving without it")
            request.page_cache_rendering = tags is not None

        response = self.get_response(request)

        shareable = anonymous and is_shareable(request, response)
        if cached and shareable and tags is not None:
            entry = make_entry(response, tags)
            try:
                cache().set(key, entry, timeout=settings.PAGE_CACHE_TIMEOUT)
            except Exception:
                logger.exception("Page cache unavailable: page not stored")
            return serve(entry, request, "miss")
        if getattr(request, "page_cache_rendering", False) and not response.streaming:
            placeholder = CSRF_PLACEHOLDER.encode()
            if placeholder in response.content:
                response.content = response.content.replace(placeholder, get_token(request).encode())
                shareable = False
        if not response.has_header("Cache-Control") and not response.streaming:
            response["Cache-Control"] = shared_cache_control() if shareable else PRIVATE_CACHE_CONTROL
            patch_vary_headers(response, ("Cookie",))
        compress(request, response)
        return response

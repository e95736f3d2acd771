"""What a first visit costs in bytes: every response the browser receives, as transferred.

    from tests.browser.page_weight import page_weight
    weight = page_weight(browser, "http://localhost:8000/commerces/")
    weight["total"], weight["by_type"]["image"], weight["responses"]

A new browser context each time, so the cache is empty; a phone's width (375 px) and
screen density; sizes as Chromium counts them on the wire (headers and compressed bodies,
what the server's gzip or brotli sends). Images that lazy loading leaves for later are not
counted: they are not part of a first view. `make bench` prints these figures.
"""

from playwright.sync_api import Browser

PHONE = {"width": 375, "height": 740}


def page_weight(target, url, *, viewport=PHONE, device_scale_factor=2):
    """{"total": bytes, "by_type": {resource type: bytes}, "responses": [(url, type, bytes)]}.

    `target` is a Playwright Browser (a fresh context is made and closed) or a BrowserContext
    that has loaded nothing yet (its cache is empty).
    """
    if isinstance(target, Browser):
        context = target.new_context(
            viewport=viewport, device_scale_factor=device_scale_factor, is_mobile=True, has_touch=True
        )
        try:
            return _measure(context, url)
        finally:
            context.close()
    return _measure(target, url)


def _measure(context, url):
    page = context.new_page()
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    page.goto(url, wait_until="load")
    # Lazy images near the first screen and late requests start after “load”.
    page.wait_for_load_state("networkidle")
    responses = []
    for request in finished:
        sizes = request.sizes()
        size = sizes["responseHeadersSize"] + sizes["responseBodySize"]
        responses.append((request.url, request.resource_type, size))
    page.close()
    by_type = {}
    for _url, kind, size in responses:
        by_type[kind] = by_type.get(kind, 0) + size
    return {"total": sum(by_type.values()), "by_type": by_type, "responses": responses}

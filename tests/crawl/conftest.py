"""The crawler: every page of both demo towns, every public form and its error state.

It reuses the browser harness (one live portal with the demo data, one chromium)
and gathers everything once per session; each test then reports one kind of
failure, for all pages at once.
"""

import re
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from urllib.parse import urldefrag, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import AXE_OPTIONS, browser, portal  # noqa: F401 (pytest fixtures)
from tests.crawl.site_reading import fetch, read_page, sitemap_locations, validate_html

TOWNS = ["bethune", "beauvais"]
# Pages a visitor reaches that no sitemap lists: the error page, links from
# e-mails whose token has expired, searches, the forms' thank-you pages.
EXTRA_PATHS = [
    "/page-inconnue/",
    "/recherche/?q=",
    "/recherche/?q=march%C3%A9",
    "/recherche/?q=zzzzzz",
    "/commercants/invitation/jeton-perime/",
    "/commercants/confirmer/jeton-perime/",
    "/ateliers/photos-produits-smartphone/annulation/?jeton=perime",
    "/coup-de-pouce/demander/merci/",
    "/coup-de-pouce/devenir-volontaire/merci/",
]
# The links e-mails carry: an invitation of a new shopkeeper, who chooses a password, and the
# "my page is still right" confirmation, one per town, with fresh tokens.
EMAIL_LINKS = """
from django.contrib.auth.models import User
from django.urls import reverse
from shops.freshness import confirmation_token
from shops.shopkeepers import invitation_token, invite, shops_of
for name in ("commercant-bethune", "commercant-beauvais"):
    user = User.objects.get(username=name)
    shop = shops_of(user).first()
    access = invite(shop, f"nouveau-{name}@exemple.localhost", "Camille", "Martin", send=False)
    print(reverse("shops:shopkeeper_invitation", args=[invitation_token(access)]))
    print(reverse("shops:shop_freshness_confirm", args=[confirmation_token(shop, user)]))
"""
EXPECTED_ERRORS = {
    "/page-inconnue/": 404,
    "/commercants/invitation/jeton-perime/": 400,
    "/commercants/confirmer/jeton-perime/": 400,
    "/ateliers/photos-produits-smartphone/annulation/": 400,
}
# Dozens of pages share one template: shops, guides, click & collect forms,
# and the variants of one page by its query (directory filters, pre-filled help
# requests, searches). axe-core checks a template's markup and styles, so it scans
# SAMPLE_SIZE pages of each such group, spread over the group, in each town (the
# palette differs by town), and every other page once. Every page is still
# fetched, validated by the Nu HTML Checker and has its links and images
# checked: those catch what differs by content.
SHARED_TEMPLATES = {"shop-page", "page-guide", "page-workshop", "click-collect-page"}
SAMPLE_SIZE = 3
AXE_RUN_OPTIONS = AXE_OPTIONS | {"resultTypes": ["violations"]}
BODY_CLASS = re.compile(r'<body class="(?P<classes>[^"]*)"')
# Enough to keep the portal's two gunicorn workers busy on two cores.
FETCHERS = 4
# Not pages of the public site: the Wagtail admin (its own markup) and files.
NOT_PUBLIC_PAGES = ("/admin/", "/documents/", "/static/", "/media/")
# Fills a GET form twice: a plausible search (first choice of every list, every
# box ticked) and input a person could mistype or a link could carry.
GET_FORM_QUERIES = """form => {
    const plausible = new URLSearchParams(), odd = new URLSearchParams();
    for (const element of form.elements) {
        if (!element.name || element.type === "submit") continue;
        if (element.tagName === "SELECT") {
            const option = [...element.options].find(option => option.value);
            if (option) plausible.append(element.name, option.value);
            odd.append(element.name, "inconnu");
        } else if (element.type === "checkbox" || element.type === "radio") {
            if (!plausible.has(element.name)) plausible.append(element.name, element.value);
            if (!odd.has(element.name)) odd.append(element.name, "inconnu");
        } else if (element.type === "hidden") {
            plausible.append(element.name, element.value);
            odd.append(element.name, element.value);
        } else {
            plausible.append(element.name, "pain");
            odd.append(element.name, '"<b> ' + "x".repeat(300));
        }
    }
    const action = form.action.split("?")[0];
    return [action + "?" + plausible, action + "?" + odd];
}"""


@dataclass
class Crawl:
    # label (a URL, or what was submitted to it) -> the HTML the server sent
    pages: dict = field(default_factory=dict)
    # label -> axe-core's report of the violations it found there
    axe_reports: dict = field(default_factory=dict)
    # URL -> the status it answered with, for every internal link and image
    statuses: dict = field(default_factory=dict)
    # URL -> the labels of the pages that link to it
    referrers: dict = field(default_factory=lambda: defaultdict(set))
    # label -> ["#anchor" that a link of the page points to but that does not exist]
    missing_anchors: dict = field(default_factory=lambda: defaultdict(list))
    # label -> [src of each image without an alt attribute]
    images_without_alt: dict = field(default_factory=dict)
    # label of a form sent empty -> whether the page came back with an error message
    error_states: dict = field(default_factory=dict)
    # label -> the Nu HTML Checker's errors
    vnu_errors: dict = field(default_factory=dict)

    def broken_links(self):
        """URL -> status, for every internal address that answered with an error it should not give."""
        return {
            url: status
            for url, status in self.statuses.items()
            if status >= 400 and status != EXPECTED_ERRORS.get(urlsplit(url).path)
        }


def template_group(url, html):
    """Pages that one template renders alike: same town, and same shared template or same address."""
    parts = urlsplit(url)
    body = BODY_CLASS.search(html)
    if parts.query:
        return parts.netloc, parts.path + "?"
    if body and body["classes"] in SHARED_TEMPLATES:
        return parts.netloc, body["classes"]
    return parts.netloc, parts.path


def axe_sample(pages):
    """The URLs axe-core scans: every page, but a spread sample of each group of one template."""
    groups = defaultdict(list)
    for url, html in pages.items():
        groups[template_group(url, html)].append(url)
    chosen = []
    for members in groups.values():
        if len(members) <= SAMPLE_SIZE:
            chosen += members
        else:
            step = (len(members) - 1) / (SAMPLE_SIZE - 1)
            chosen += [members[round(index * step)] for index in range(SAMPLE_SIZE)]
    return chosen


def answer_every_question(form):
    form.locator("input[type=radio][value='1']").evaluate_all("radios => radios.forEach(r => r.click())")


class Walker:
    def __init__(self, live_portal, tab, folder):
        self.portal = live_portal
        self.tab = tab
        self.folder = folder
        self.crawl = Crawl()
        self.axe = Axe()
        self.forms_sent = set()

    def walk(self):
        sitemap = []
        for town in TOWNS:
            answer = fetch(self.portal.url("/sitemap.xml", town))
            assert answer.status == 200, f"{answer.url} answered {answer.status}"
            sitemap += [(url, "sitemap.xml") for url in sitemap_locations(answer.body)]
        known = [(self.portal.url(path, town), "(adresse connue)") for town in TOWNS for path in EXTRA_PATHS]
        output = self.portal.manage("shell", "--no-imports", "-c", EMAIL_LINKS)
        paths = [line for line in output.splitlines() if line.startswith("/")]
        known += [
            (self.portal.url(path, TOWNS[index // 2]), "(lien d'un e-mail)")
            for index, path in enumerate(paths)
        ]
        self.fetch_pages(sitemap + known)
        # One step further than the sitemaps: the click & collect forms, the
        # directory's category, service and map links, the pagination…
        self.fetch_pages(self.linked_pages())
        for url in axe_sample(self.crawl.pages):
            self.visit(url)
        self.check_links_and_images()
        self.crawl.vnu_errors = validate_html(self.crawl.pages, self.folder)
        return self.crawl

    def is_internal(self, url):
        parts = urlsplit(url)
        return (
            parts.scheme in {"http", "https"}
            and parts.port == self.portal.port
            and (parts.hostname == "localhost" or (parts.hostname or "").endswith(".localhost"))
        )

    def fetch_all(self, urls):
        with ThreadPoolExecutor(FETCHERS) as pool:
            return dict(zip(urls, pool.map(fetch, urls), strict=True))

    def fetch_pages(self, urls_and_referrers):
        """Fetch pages and keep their HTML; a page that answers with an error is a broken link."""
        for url, referrer in urls_and_referrers:
            self.crawl.referrers[url].add(referrer)
        answers = self.fetch_all(sorted({url for url, _ in urls_and_referrers} - set(self.crawl.pages)))
        for url, answer in answers.items():
            self.crawl.statuses[url] = answer.status
            if answer.status < 400 or answer.status == EXPECTED_ERRORS.get(urlsplit(url).path):
                self.crawl.pages[url] = answer.body.decode()

    def linked_pages(self):
        linked = []
        for label, html in self.crawl.pages.items():
            for link in read_page(label, html).links:
                url = urldefrag(link).url
                path = urlsplit(url).path
                if (
                    self.is_internal(url)
                    and url not in self.crawl.pages
                    and not path.startswith(NOT_PUBLIC_PAGES)
                    and "." not in path.rsplit("/", 1)[-1]
                ):
                    linked.append((url, label))
        return linked

    def scan(self, label):
        results = self.axe.run(self.tab, options=AXE_RUN_OPTIONS)
        if results.violations_count:
            self.crawl.axe_reports[label] = results.generate_report()

    def visit(self, url):
        """Scan one page in the browser; then, once per template and town, its forms."""
        self.tab.goto(url)
        self.scan(url)
        group = template_group(url, self.crawl.pages[url])
        if group in self.forms_sent:
            return
        forms = self.tab.locator("main form")
        if forms.count():
            self.forms_sent.add(group)
        for queries in self.tab.locator("main form[method=get]").evaluate_all(
            f"forms => forms.map({GET_FORM_QUERIES})"
        ):
            self.fetch_pages([(query, f"{url} (formulaire de recherche)") for query in queries])
            for query in queries:
                if query in self.crawl.pages:
                    self.tab.goto(query)
                    self.scan(query)
        # A form made only of a button (confirm, cancel) has nothing to leave empty.
        fields = "main form[method=post] :is(input:not([type=hidden], [type=submit]), select, textarea)"
        if self.tab.locator(fields).count():
            self.submit(url, "formulaire envoyé vide")
            if "page-self-check" in self.crawl.pages[url]:
                self.tab.goto(url)
                self.submit(url, "réponses complètes", answer_every_question)

    def submit(self, url, what, fill=None):
        """Send the page's form as a browser that does not check it would, keep the server's answer, scan it.

        Left empty, the form must come back with an error message."""
        form = self.tab.locator("main form[method=post]").first
        form.evaluate("form => { form.noValidate = true; }")
        if fill:
            fill(form)
        with self.tab.expect_navigation() as navigation:
            form.locator("[type=submit]").last.click()
        label = f"{url} ({what})"
        html = navigation.value.text()
        self.crawl.pages[label] = html
        if not fill:
            self.crawl.error_states[label] = 'role="alert"' in html
        self.scan(label)

    def check_links_and_images(self):
        """Every internal link and image once; anchors of the pages the crawl has."""
        readings = {label: read_page(label.split(" ")[0], html) for label, html in self.crawl.pages.items()}
        anchors = {}
        for label, reading in readings.items():
            anchors.setdefault(label.split(" ")[0], reading.anchors)
        for label, reading in readings.items():
            if reading.images_without_alt:
                self.crawl.images_without_alt[label] = reading.images_without_alt
            for link in filter(self.is_internal, reading.links):
                url, fragment = urldefrag(link)
                self.crawl.referrers[url].add(label)
                targets = reading.anchors if url == label.split(" ")[0] else anchors.get(url)
                if fragment and targets is not None and fragment not in targets:
                    self.crawl.missing_anchors[label].append(link)
        unchecked = sorted(set(self.crawl.referrers) - set(self.crawl.statuses))
        for url, answer in self.fetch_all(unchecked).items():
            self.crawl.statuses[url] = answer.status


@pytest.fixture(scope="session")
def crawl(portal, browser, tmp_path_factory):  # noqa: F811 (the imported fixtures)
    context = browser.new_context(
        locale="fr-FR", timezone_id="Europe/Paris", viewport={"width": 1280, "height": 900}
    )
    context.set_default_timeout(15_000)
    try:
        yield Walker(portal, context.new_page(), tmp_path_factory.mktemp("crawl")).walk()
    finally:
        context.close()

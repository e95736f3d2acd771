"""What the crawler does without a browser: fetch pages as the server sends them, read
their links, anchors and images, and validate them all with the Nu HTML Checker."""

import http.client
import json
import subprocess
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parents[2]
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
SITEMAP_NAMESPACE = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@dataclass
class Answer:
    status: int
    url: str
    body: bytes


def fetch(url, redirects=5):
    """GET `url` from the live portal, following redirects.

    Always connects to loopback and sends the host name as the Host header: outside
    the browser, names such as beauvais.localhost do not resolve.
    """
    parts = urlsplit(url)
    connection = http.client.HTTPConnection("127.0.0.1", parts.port or 80, timeout=120)
    try:
        connection.request(
            "GET", parts.path + (f"?{parts.query}" if parts.query else ""), headers={"Host": parts.netloc}
        )
        response = connection.getresponse()
        body = response.read()
    finally:
        connection.close()
    location = response.getheader("Location")
    if response.status in {301, 302, 303, 307, 308} and location and redirects:
        return fetch(urljoin(url, location), redirects - 1)
    return Answer(response.status, url, body)


def sitemap_locations(xml):
    return [loc.text.strip() for loc in ElementTree.fromstring(xml).iter(f"{SITEMAP_NAMESPACE}loc")]


@dataclass
class PageReading:
    """What one page links to (absolute URLs), the anchors it offers, its images without alt."""

    links: set = field(default_factory=set)
    anchors: set = field(default_factory=set)
    images_without_alt: list = field(default_factory=list)


class _Reader(HTMLParser):
    LINK_ATTRIBUTES = {
        "a": ["href"],
        "area": ["href"],
        "link": ["href"],
        "script": ["src"],
        "img": ["src", "srcset"],
        "source": ["src", "srcset"],
        "video": ["src", "poster"],
        "audio": ["src"],
        "iframe": ["src"],
    }

    def __init__(self, url):
        super().__init__(convert_charrefs=True)
        self.url = url
        self.reading = PageReading()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if attributes.get("id"):
            self.reading.anchors.add(attributes["id"])
        if tag == "a" and attributes.get("name"):
            self.reading.anchors.add(attributes["name"])
        if tag == "img" and "alt" not in attributes:
            self.reading.images_without_alt.append(attributes.get("src") or attributes.get("srcset") or "")
        if tag == "link" and attributes.get("rel", "").lower() in {"preconnect", "dns-prefetch"}:
            return
        for name in self.LINK_ATTRIBUTES.get(tag, []):
            value = (attributes.get(name) or "").strip()
            if not value:
                continue
            if name == "srcset":
                candidates = [candidate.split()[0] for candidate in value.split(",") if candidate.strip()]
            else:
                candidates = [value]
            self.reading.links.update(urljoin(self.url, candidate) for candidate in candidates)

    handle_startendtag = handle_starttag


def read_page(url, html):
    reader = _Reader(url)
    reader.feed(html)
    reader.close()
    return reader.reading


def validate_html(pages, folder):
    """Nu HTML Checker errors of each page, in one Java run: {label: ["line N: message", …]}.

    `pages` maps a label (the page's URL, or what was done on it) to the HTML the server sent.
    """
    folder.mkdir(parents=True, exist_ok=True)
    labels = {}
    for number, (label, html) in enumerate(pages.items()):
        path = folder / f"page-{number:04d}.html"
        path.write_text(html, encoding="utf-8")
        labels[path.name] = label
    checker = subprocess.run(
        [
            "java",
            "-jar",
            str(VNU_JAR),
            "--format",
            "json",
            "--errors-only",
            *sorted(map(str, folder.glob("*.html"))),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    # vnu writes its JSON report to standard error and exits 1 when it found errors.
    try:
        report = json.loads(checker.stderr)
    except json.JSONDecodeError:
        raise RuntimeError(f"The Nu HTML Checker did not answer in JSON:\n{checker.stderr[-3000:]}") from None
    errors = {}
    for message in report["messages"]:
        label = labels.get(Path(urlsplit(message.get("url", "")).path).name, message.get("url", "?"))
        extract = message.get("extract", "").strip()
        errors.setdefault(label, []).append(
            f"line {message.get('lastLine', '?')}: {message['message']} [{extract}]"
        )
    return errors

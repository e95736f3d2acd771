"""Simulated visitors for the load test: HTTP only, as phones behind the town's load balancer.

Each client process plays one visitor after another until its deadline. A visitor
comes from its own address (X-Forwarded-For, which the portal trusts from its load
balancer), keeps its own cookies, views a few pages of one town, and may send one
of the public forms with a unique marker in it. Like a reverse proxy, a client
opens one connection per request and says HTTPS in X-Forwarded-Proto.
"""

import http.client
import random
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

from tests.support.forms import find_form, offered_choices, submitted_data

FORM_KINDS = ["click_collect", "feedback", "workshop", "help_request", "volunteer"]
# The forms in turn, each client from its own place in the round; the most used ones more often.
FORM_ROTATION = FORM_KINDS + ["click_collect", "feedback", "click_collect"]
# Where each form is, in the inventory the portal gives (tests/load/portal_side.py).
TARGETS = {
    "click_collect": "click_collect",
    "feedback": "guides",
    "workshop": "workshops",
    "help_request": "help_request",
    "volunteer": "volunteer",
}
SEARCHES = ["pain", "fromage", "coiffure", "photo", "vélo", "marché"]
# Share of visits from the town library's public Wi-Fi: one address for many people,
# which is what the per-address limits of the forms end up refusing.
SHARED_ADDRESS_SHARE = 0.1
REQUEST_TIMEOUT = 60


@dataclass
class ClientReport:
    """What one client process saw; the test adds the reports of every client together."""

    elapsed: float = 0.0
    requests: int = 0
    statuses: Counter = field(default_factory=Counter)
    errors: Counter = field(default_factory=Counter)
    latencies: list = field(default_factory=list)
    # Wall-clock times of requests answered, to show the portal kept serving after a kill.
    answered_at: list = field(default_factory=list)
    accepted: dict = field(default_factory=lambda: {kind: [] for kind in FORM_KINDS})
    rate_limited: Counter = field(default_factory=Counter)
    form_errors: Counter = field(default_factory=Counter)
    lost_in_flight: Counter = field(default_factory=Counter)
    samples: list = field(default_factory=list)

    def add(self, other):
        self.requests += other.requests
        for name in ("statuses", "errors", "rate_limited", "form_errors", "lost_in_flight"):
            getattr(self, name).update(getattr(other, name))
        for name in ("latencies", "answered_at", "samples"):
            getattr(self, name).extend(getattr(other, name))
        for kind in FORM_KINDS:
            self.accepted[kind].extend(other.accepted[kind])


class ConnectionFailed(Exception):
    """The request got no HTTP answer (connection reset, refused or timed out)."""


class Visitor:
    """One person: an address, a cookie jar and a town; every request through a new connection."""

    def __init__(self, port, host, address, report):
        self.port = port
        self.host = host
        self.address = address
        self.report = report
        self.cookies = {}

    def request(self, method, path, form=None):
        headers = {
            "Host": self.host,
            "X-Forwarded-For": self.address,
            "X-Forwarded-Proto": "https",
            "User-Agent": "Proximite-load-test/1 (phone)",
            "Accept-Language": "fr-FR,fr;q=0.9",
            "Connection": "close",
        }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = f"https://{self.host}"
            headers["Referer"] = f"https://{self.host}{path}"
        started = time.monotonic()
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=REQUEST_TIMEOUT)
        self.report.requests += 1
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", errors="replace")
        except TimeoutError:
            self.failed("timeout", method, path)
        except ConnectionRefusedError:
            self.failed("connection refused", method, path)
        except (ConnectionError, http.client.HTTPException) as error:
            # A worker that died mid-request: its socket is closed under the client.
            self.failed(f"connection reset ({type(error).__name__})", method, path)
        finally:
            connection.close()
        self.report.latencies.append(time.monotonic() - started)
        self.report.answered_at.append(time.time())
        self.report.statuses[response.status] += 1
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                if morsel.value and morsel["max-age"] != "0":
                    self.cookies[name] = morsel.value
                else:
                    self.cookies.pop(name, None)
        if response.status >= 500 and len(self.report.samples) < 5:
            self.report.samples.append(f"{response.status} {method} {self.host}{path}: {text[:500]}")
        return response.status, response.getheader("Location", ""), text

    def failed(self, kind, method, path):
        self.report.errors[kind] += 1
        raise ConnectionFailed(f"{kind}: {method} {self.host}{path}") from None

    def view(self, path):
        status, location, _text = self.request("GET", path)
        if status in {301, 302} and location:
            self.request("GET", urlsplit(location).path or "/")


class Client:
    """A client process: visitors one after another, until the deadline."""

    def __init__(self, index, run, port, inventory, marker):
        self.index = index
        self.run = run
        self.port = port
        self.inventory = inventory
        self.marker = marker
        self.random = random.Random(f"{marker}-{index}")
        self.report = ClientReport()
        self.visits = 0
        self.submissions = 0

    def address(self):
        if self.random.random() < SHARED_ADDRESS_SHARE:
            return f"172.16.{self.run}.1"
        # A fresh address per visit, never reused in a later run against the same portal.
        self.visits += 1
        return f"10.{self.run * 16 + self.index}.{self.visits // 256 % 256}.{self.visits % 256}"

    def play(self, deadline):
        while time.time() < deadline:
            town = self.random.choice(sorted(self.inventory))
            visitor = Visitor(self.port, town_host(town, self.port), self.address(), self.report)
            try:
                self.visit(visitor, self.inventory[town])
            except ConnectionFailed:
                continue  # the visitor gives up; the next one comes
        return self.report

    def visit(self, visitor, town):
        for _ in range(self.random.randint(1, 4)):
            if self.random.random() < 0.15:
                visitor.view(f"/recherche/?{urlencode({'q': self.random.choice(SEARCHES)})}")
            else:
                visitor.view(self.random.choice(town["pages"]))
        # Every client sends its first form at once, so each kind is tested however slow the machine.
        if not self.submissions or self.random.random() < 0.5:
            kind = FORM_ROTATION[(self.index + self.submissions) % len(FORM_ROTATION)]
            self.submissions += 1
            self.submit(visitor, town, kind)

    def submit(self, visitor, town, kind):
        marker = f"{self.marker}-{self.index}-{self.submissions}"
        target = self.random.choice(town[TARGETS[kind]])
        path = target["path"] if kind == "click_collect" else target
        status, _location, page = visitor.request("GET", path)
        if status != 200:
            return
        form = find_form(page, method="post")
        data = {name: values[0] for name, values in submitted_data(form).items()}
        data.update(getattr(self, f"fill_{kind}")(offered_choices(form), marker, target))
        try:
            status, location, page = visitor.request("POST", path, form=data)
        except ConnectionFailed:
            self.report.lost_in_flight[kind] += 1
            raise
        if status == 429:
            self.report.rate_limited[kind] += 1
        elif status in {302, 303} and accepted(kind, path, urlsplit(location).path):
            self.report.accepted[kind].append(marker)
            visitor.view(urlsplit(location).path)
        else:
            self.report.form_errors[kind] += 1
            if len(self.report.samples) < 5:
                self.report.samples.append(
                    f"{status} POST {visitor.host}{path} {location}: {form_errors(page)}"
                )

    def pick(self, choices, name):
        return self.random.choice([value for value in choices[name] if value])

    def email(self, marker):
        return f"{marker.lower()}@exemple.localhost"

    def fill_click_collect(self, choices, marker, target):
        return {
            "message": f"Merci de me mettre ceci de côté. {marker}",
            "pickup_date": target["date"],
            "pickup_time": target["time"],
            "contact_name": "Camille Visiteuse",
            "contact_email": self.email(marker),
            "consent": "on",
        }

    def fill_feedback(self, choices, marker, target):
        return {"helpful": self.pick(choices, "helpful"), "comment": f"Clair et utile. {marker}"}

    def fill_workshop(self, choices, marker, target):
        return {"name": f"Camille {marker}", "email": self.email(marker), "consent": "on"}

    def fill_help_request(self, choices, marker, target):
        shop = self.random.choice(choices.get("shop", [""]))
        return {
            "shop": shop,
            "shop_name": "" if shop else "La Boutique d’à côté",
            "contact_name": "Camille Commerçante",
            "email": self.email(marker),
            "topics": self.pick(choices, "topics"),
            "level": "",
            "preferred_mode": "",
            "message": f"J’aimerais de l’aide pour mes photos. {marker}",
            "consent": "on",
        }

    def fill_volunteer(self, choices, marker, target):
        return {
            "first_name": "Camille",
            "last_name": "Volontaire",
            "email": self.email(marker),
            "skills": self.pick(choices, "skills"),
            "modes": self.pick(choices, "modes"),
            "availability": self.pick(choices, "availability"),
            "presentation": f"Je connais bien les réseaux sociaux. {marker}",
            "consent": "on",
        }


def form_errors(page):
    """The error messages a refused form shows, as text."""
    found = re.findall(
        r'<(?:ul class="errorlist[^"]*"|[^>]* role="alert")[^>]*>(.*?)</(?:ul|div|p)>', page, re.S
    )
    return " | ".join(" ".join(re.sub(r"<[^>]+>", " ", text).split()) for text in found) or page[:2000]


def town_host(town, port):
    return f"localhost:{port}" if town == "bethune" else f"{town}.localhost:{port}"


def accepted(kind, form_path, redirected_to):
    """Whether the redirect after a POST is the form's “sent” answer, not a refusal."""
    if kind == "click_collect":
        return redirected_to.startswith("/reserver/confirmation/")
    if kind in {"help_request", "volunteer"}:
        return redirected_to == form_path + "merci/"
    return redirected_to == form_path  # workshop and guide: back to the page with a thank-you


def run_client(index, run, port, inventory, marker, deadline):
    """Entry point of a client process."""
    return Client(index, run, port, inventory, marker).play(deadline)


def warm_up(port, inventory, index, count):
    """View every `count`-th page and form from the `index`-th: a page's first view makes its
    image renditions, which a portal in service already has."""
    report = ClientReport()
    visits = [
        (town, path)
        for town, targets in sorted(inventory.items())
        for path in targets["pages"] + [target["path"] for target in targets["click_collect"]]
    ]
    for town, path in visits[index::count]:
        Visitor(port, town_host(town, port), "192.0.2.1", report).view(path)
    return report

"""No address ever answers 500, whoever asks and whatever they send.

Every URL pattern of the project, of Wagtail's admin and of the routable pages is requested by
each role (anonymous, shopkeeper, volunteer, town staff, administrator) with odd arguments (an
existing object, 0, an integer past 64 bits, quotes) and odd parameters (NUL, quotes, huge page
numbers, unknown or garbage filters). Redirects and 4xx answers are fine; a 5xx never is. Static
files are read as in production, where a file missing from the manifest fails the page.

To stay within the unit suite's time, every address that answers 200 gets NUL in its usual
parameters; lists (an address that answers 200 with links or GET forms to itself) get the other
parameter sets and garbage in all the filters they show; odd arguments of Wagtail's own views
go to two roles.
Each server error is listed with its role, parameters and exception.
"""

import datetime
import functools
import json
import re
from html import unescape
from urllib.parse import parse_qsl, quote, urlencode, urlsplit

import pytest
from django.apps import apps
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import StaticFilesStorage
from django.core.files.base import ContentFile
from django.db import connection
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RoutePattern
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.documents.models import Document
from wagtail.models import Page, PageViewRestriction

from learning.models import GuideFeedback
from programme.views import PERSON_KINDS
from shops.models import ClickCollectRequest, ShopAccess
from tests.conftest import BETHUNE_HOST
from tests.factories import (
    CoachingSessionFactory,
    GuideIndexPageFactory,
    GuidePageFactory,
    HelpRequestFactory,
    ImageFactory,
    SelfCheckPageFactory,
    StandardPageFactory,
    TopicFactory,
    VolunteerFactory,
    WorkshopIndexPageFactory,
    WorkshopPageFactory,
    programme_pages,
    shopkeeper_world,
    volunteer_account,
)
from tests.support.forms import PAGE_EDIT_FORM, field_names, form_data, html_document

ROLES = ["anonymous", "shopkeeper", "volunteer", "staff", "superuser"]
WAGTAIL_ODD_ROLES = ["shopkeeper", "superuser"]
HUGE = 10**25  # past SQLite's and PostgreSQL's 64-bit integers
QUOTES = 'l\'"x"'
NUL = "\x00"

# Sent to every address that answers 200 (the admin API refuses `q` before reading `search`).
NUL_PARAMETERS = [{"q": NUL, "p": NUL}, {"search": NUL}]
# Sent one by one to every list, then each garbage value in all the filters the list shows.
LIST_PARAMETERS = [
    {"q": '"', "search": 'l"arbre "'},
    {"foo": "1", "page": "2"},
    {"page": "99999999999999999999"},
    {"p": "abc"},
    {"ordering": "nope", "o": "99"},
    {"created_at__gte": "not-a-date"},
]
GARBAGE = ["nope", "99999999999999999999", '"', NUL]


class ProductionStaticFilesStorage(StaticFilesStorage):
    """As strict as the manifest storage of production: a static path that no app or the
    project's static folder provides fails the page (ManifestStaticFilesStorage's ValueError)."""

    def url(self, name):
        if not _static_file_exists(name):
            raise ValueError(f"Missing staticfiles manifest entry for '{name}'")
        return super().url(name)


@functools.cache
def _static_file_exists(name):
    return name.endswith("/") or finders.find(name.split("?")[0].split("#")[0]) is not None


@pytest.fixture
def production_static(settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": f"{__name__}.ProductionStaticFilesStorage"},
    }


@pytest.fixture
def world(towns, production_static):
    """One object of each kind the admin lists and edits, in Béthune, and someone for each role."""
    world = shopkeeper_world(towns)
    home = towns["bethune"]
    world.standard = StandardPageFactory(parent=home, slug="a-propos")
    topic = TopicFactory(name="Photos", slug="photos")
    world.guide_index = GuideIndexPageFactory(parent=home)
    world.guide = GuidePageFactory(parent=world.guide_index, slug="photos", topics=[topic])
    GuideFeedback.objects.create(site=world.bethune, guide=world.guide, helpful=True, comment="Clair")
    SelfCheckPageFactory(parent=home)
    workshop_index = WorkshopIndexPageFactory(parent=home)
    world.workshop = WorkshopPageFactory(parent=workshop_index, slug="atelier-photos")
    world.workshop.register(
        name="Jeanne",
        email="jeanne@exemple.localhost",
        phone="",
        shop_name="Alpha",
        consent_at=timezone.now(),
    )
    programme_pages(home)

    volunteer = VolunteerFactory(site=world.bethune, skills=[topic])
    help_request = HelpRequestFactory(site=world.bethune, helper=volunteer, topics=[topic])
    CoachingSessionFactory(request=help_request)
    ClickCollectRequest.objects.create(
        shop=world.shop_a,
        contact_name="Paul",
        contact_email="paul@exemple.localhost",
        pickup_date=timezone.localdate() + datetime.timedelta(days=2),
        pickup_time=datetime.time(10, 30),
        consent_at=timezone.now(),
    )
    world.image = ImageFactory(collection=world.collection_a)
    world.document = Document.objects.create(
        title="Horaires", file=ContentFile(b"%PDF-1.4", name="horaires.pdf"), collection=world.collection_a
    )
    world.redirect = Redirect.objects.create(old_path="/ancien", redirect_link="/", site=world.bethune)
    world.restriction = PageViewRestriction.objects.create(
        page=world.standard, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    world.shop_a.save_revision(user=world.keeper_a)
    world.workflow = world.shop_a.get_workflow()
    world.workflow_state = world.workflow.start(world.shop_a, world.keeper_a)
    world.task_state = world.workflow_state.current_task_state

    world.roles = {
        "anonymous": None,
        "shopkeeper": world.keeper_a,
        "volunteer": volunteer_account(volunteer, "volontaire"),
        "staff": world.staff_bethune,
        "superuser": world.admin,
    }
    return world


def _first_pk(model):
    return model.objects.order_by("pk").values_list("pk", flat=True).first() or 1


def int_values(world):
    """An existing object for each integer argument name the URL patterns use."""
    page = world.shop_a.pk
    return {
        "page_id": page,
        "parent_page_id": world.bethune_index.pk,
        "page_to_move_id": page,
        "destination_id": world.bethune_index.pk,
        "page_pk": page,
        "shop_id": page,
        "revision_id": world.shop_a.get_latest_revision().pk,
        "image_id": world.image.pk,
        "document_id": world.document.pk,
        "doc_id": world.document.pk,
        "collection_id": world.collection_a.pk,
        "redirect_id": world.redirect.pk,
        "restriction_id": world.restriction.pk,
        "page_view_restriction_id": world.restriction.pk,
        "task_state_id": world.task_state.pk,
        "task_id": world.task_state.task_id,
        "workflow_state_id": world.workflow_state.pk,
        "workflow_pk": world.workflow.pk,
        "access_id": ShopAccess.objects.filter(shop=world.shop_a).first().pk,
    }


def str_values(world):
    """A meaningful value for each text argument name (an oddity is tried as well)."""
    return {
        "app_label": "shops",
        "model_name": "shoppage",
        "content_type_app_name": "shops",
        "content_type_model_name": "shoppage",
        "app_name": "home",
        "action": "delete",
        "action_name": "approve",
        "filter_spec": "fill-80x80",
        "kind": next(iter(PERSON_KINDS)),
        "object_id": str(world.shop_a.pk),
        "token": "jeton",
        "uidb64": "MQ",
    }


def model_of(pattern, name):
    """The model a view's `pk` refers to: the view's own, or the one its modeladmin URL names."""
    callback = pattern.callback
    model = getattr(callback, "view_initkwargs", {}).get("model") or getattr(
        getattr(callback, "view_class", None), "model", None
    )
    if not isinstance(model, type):
        model = None
    if model is None and name and "_modeladmin_" in name:
        app_label, model_name = name.split("_modeladmin_")[0].split("_", 1)
        model = apps.get_model(app_label, model_name)
    if model is None and name == "programme_assign":
        model = PERSON_KINDS["demande"]
    if model is None and name == "programme_volunteer_account":
        model = PERSON_KINDS["volontaire"]
    if model is None and name and name.startswith("programme_personal"):
        model = next(iter(PERSON_KINDS.values()))
    return model


def walk(resolver, prefix="", namespace=""):
    """(route of each part, pattern, full name) for every URL pattern under `resolver`."""
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from walk(entry, prefix + _route(entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            yield prefix + _route(entry.pattern), entry, entry.name and namespace + entry.name


def _route(pattern):
    """A pattern's text as a route: `<name>` placeholders, whatever kind of pattern it is."""
    if isinstance(pattern, RoutePattern):
        return re.sub(r"<(?:\w+:)?(\w+)>", r"<\1>", str(pattern))
    text = str(pattern).lstrip("^").rstrip("$").replace("\\.", ".")
    text = re.sub(r"\(\?P<(\w+)>[^)]*\)", r"<\1>", text)
    count = iter(range(100))
    return re.sub(r"\((?!\?)[^)]*\)", lambda _m: f"<{next(count)}>", text)


def _unnamed_value(route, index, values):
    """Values for the unnamed groups Wagtail still uses (revision comparison, document serving)."""
    if "revisions/compare" in route:
        return [values["page_id"], "earliest", "latest"][int(index)]
    if route.startswith("documents/"):
        return [values["document_id"], "horaires.pdf"][int(index)]
    return "x"


def fill(route, pattern, name, world, *, ints, texts, odd=None):
    """The address of `route` with each argument filled, `odd` (an argument name) given an
    oddity: 0 or a huge integer for numbers, quotes for text."""
    converters = getattr(pattern.pattern, "converters", {})

    def value(match):
        arg = match.group(1)
        converter = type(converters.get(arg)).__name__ if arg in converters else None
        is_int = converter == "IntConverter" or arg in ints or arg in {"pk", "instance_pk"}
        if arg.isdigit():
            real = _unnamed_value(route, arg, ints)
            is_int = isinstance(real, int)
        elif arg in {"pk", "instance_pk"} and converter != "StringConverter":
            real = _pk_for(model_of(pattern, name), world)
        elif arg in {"pk", "object_id"}:
            real = str(_pk_for(model_of(pattern, name), world))
        elif is_int:
            real = ints.get(arg, 1)
        else:
            real = texts.get(arg, "x")
        if odd == arg:
            if is_int:
                return str(odd_int)
            return quote(QUOTES, safe="")
        return quote(str(real), safe="")

    odd_int = HUGE
    if isinstance(odd, tuple):
        odd, odd_int = odd
    return "/" + re.sub(r"<(\w+)>", value, route)


def _pk_for(model, world):
    if model is None:
        return 1
    if issubclass(model, Page):
        return world.shop_a.pk
    return _first_pk(model)


def addresses(world):
    """Every address to try, as {address: who is sent it}: each pattern with real arguments to
    every role, then with each argument made odd in turn. Wagtail's own views are tested by
    Wagtail: their odd arguments go to the least and the most trusted roles only."""
    ints, texts = int_values(world), str_values(world)
    found = {}
    for route, pattern, name in walk(get_resolver()):
        if route.startswith("media/"):
            continue
        if pattern.name == "wagtail_serve":
            found.update(page_addresses(world))
            continue
        names = texts
        if route.startswith("admin/settings/"):
            names = {**texts, "app_name": "towns", "model_name": "townidentity"}
        view = getattr(pattern.callback, "view_class", pattern.callback)
        odd_roles = WAGTAIL_ODD_ROLES if view.__module__.startswith("wagtail.") else ROLES
        found.setdefault(fill(route, pattern, name, world, ints=ints, texts=names), (ROLES, True))
        for arg in re.findall(r"<(\w+)>", route):
            for odd in [arg, (arg, 0)]:
                address = fill(route, pattern, name, world, ints=ints, texts=names, odd=odd)
                found.setdefault(address, (odd_roles, False))
    return found


def page_addresses(world):
    """One page of each type in Béthune, and each route of the routable ones, real and odd."""
    found = {"/page-inconnue/": (ROLES, True)}
    seen = set()
    for page in Page.objects.descendant_of(world.bethune.root_page, inclusive=True).specific():
        if type(page) in seen:
            continue
        seen.add(type(page))
        url = page.get_url_parts()[2]
        found[url] = (ROLES, True)
        if not isinstance(page, RoutablePageMixin):
            continue
        for route, pattern, name in walk(page.get_resolver()):
            found.setdefault(url + fill(route, pattern, name, world, ints={}, texts={})[1:], (ROLES, True))
            for arg in re.findall(r"<(\w+)>", route):
                for odd in [arg, (arg, 0)]:
                    address = fill(route, pattern, name, world, ints={}, texts={}, odd=odd)
                    found.setdefault(url + address[1:], (ROLES, False))
    return found


def list_parameters(response, path):
    """The parameter sets for a list, or none when the page is not one."""
    if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
        return []
    if path.endswith("/results/"):
        return []  # the list's own address, drawn by the same view, already had them
    names = list_parameter_names(response.content.decode(errors="replace"), path)
    if not names:
        return []
    return LIST_PARAMETERS + [dict.fromkeys(names, garbage) for garbage in GARBAGE]


def list_parameter_names(html, path):
    """The GET parameters a list offers: links to itself with other parameters (pages, filters,
    orderings) and the fields of its own GET forms (search box, filters)."""
    document = html_document(html)
    names = {
        name
        for link in document.select('a[href^="?"]')
        for name, _value in parse_qsl(link["href"][1:], keep_blank_values=True)
    }
    own_actions = {"", path, path + "results/"}
    for form in document.find_all("form"):
        if (form.get("method") or "").lower() == "get" and (form.get("action") or "") in own_actions:
            names |= field_names(form)
    return names


def log_in(client, user):
    client.logout()
    if user is not None:
        client.force_login(user)


def _request(client, url, params):
    return client.get(f"{url}?{urlencode(params)}" if params else url)


def test_no_address_answers_a_server_error(world):
    client = Client(raise_request_exception=False, HTTP_HOST=BETHUNE_HOST)
    urls = addresses(world)
    failures = []

    def send(url, params=None):
        response = _request(client, url, params or {})
        if response.status_code >= 500:
            error = response.exc_info[1] if response.exc_info else ""
            failures.append(f"{response.status_code} {role} {url} {params or ''!r} {error!r:.150}")
        return response

    for role in ROLES:
        log_in(client, world.roles[role])
        for url, (roles, real) in urls.items():
            if role not in roles:
                continue
            response = send(url)
            # Parameters only reach a view that ran: not one that redirected or refused.
            if real and response.status_code == 200:
                for params in NUL_PARAMETERS:
                    send(url, params)
                for params in list_parameters(response, urlsplit(url).path):
                    send(url, params)
            if "logout" in url:
                log_in(client, world.roles[role])
    assert not failures, f"{len(failures)} server errors:\n" + "\n".join(failures)


MALFORMED_STREAMS = [
    {"body-count": "abc"},
    {"body-count": str(HUGE)},
    {"body-count": "1", "body-0-type": "paragraph", "body-0-order": "x", "body-0-deleted": ""},
    {"body-count": "1", "body-0-type": "paragraph", "body-0-deleted": ""},
]


@pytest.mark.parametrize("fields", MALFORMED_STREAMS, ids=["count", "huge-count", "order", "missing"])
def test_a_malformed_streamfield_gives_a_form_error_and_keeps_the_saved_content(client, world, fields):
    """Whatever the StreamField editor's script is made to send, the editor comes back with a message."""
    client.force_login(world.roles["staff"])
    url = f"/admin/pages/{world.guide.pk}/edit/"
    data = form_data(client.get(url, HTTP_HOST=BETHUNE_HOST).content.decode(), form_id=PAGE_EDIT_FORM)
    data.update({key: [value] for key, value in fields.items()})
    data["title"] = ["Titre changé"]
    response = client.post(url, data, HTTP_HOST=BETHUNE_HOST)
    assert response.status_code == 200
    [(shown, error)] = stream_editors_with_errors(response.content.decode())
    assert "Ce contenu n’a pas pu être lu. Rechargez la page" in json.dumps(error, ensure_ascii=False)
    assert "Trouvez la lumière" in json.dumps(shown, ensure_ascii=False)  # the body as it was saved
    assert world.guide.get_latest_revision().content["title"] != "Titre changé"


def stream_editors_with_errors(html):
    """(value, error) of each StreamField editor of the page that shows an error."""
    editors = re.findall(r'data-w-block-arguments-value="([^"]*)"', html)
    return [(value, error) for value, error in (json.loads(unescape(raw)) for raw in editors) if error]


def test_a_shopkeeper_sending_a_malformed_streamfield_is_not_answered_500(client, world):
    """A shop page has no StreamField: stream fields sent to it are ignored."""
    client.force_login(world.roles["shopkeeper"])
    url = f"/admin/pages/{world.shop_a.pk}/edit/"
    data = form_data(client.get(url, HTTP_HOST=BETHUNE_HOST).content.decode(), form_id=PAGE_EDIT_FORM)
    for fields in MALFORMED_STREAMS:
        response = client.post(url, {**data, **fields}, HTTP_HOST=BETHUNE_HOST)
        assert response.status_code < 500, fields


def test_what_cannot_be_read_is_explained_in_french(client, world):
    """A NUL or an overflowing number: a 400 page that says why; an unknown list filter: the whole list."""
    client.defaults["HTTP_HOST"] = BETHUNE_HOST
    response = client.get("/recherche/", {"q": NUL})
    assert response.status_code == 400
    assert "L’adresse contient un caractère illisible." in response.content.decode()
    response = client.get(f"/reserver/{HUGE}/")
    if connection.vendor == "sqlite":  # SQLite cannot hold the number: the middleware says so
        assert response.status_code == 400
        assert "L’adresse contient un nombre beaucoup trop grand." in response.content.decode()
    else:  # PostgreSQL compares it and finds no such request
        assert response.status_code == 404

    client.force_login(world.roles["staff"])
    response = client.get("/admin/shops/clickcollectrequest/", {"created_at__gte": "demain"}, follow=True)
    assert response.redirect_chain == [("/admin/shops/clickcollectrequest/", 302)]
    html = response.content.decode()
    assert (
        "Cette liste ne peut pas être filtrée ou cherchée de cette façon : voici la liste complète." in html
    )
    assert "Paul" in html

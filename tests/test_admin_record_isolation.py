"""Every admin screen of a record that is not a page keeps to the person's town, or to their own records.

The URLs are not listed by hand: the test walks every URL the modeladmin registrations expose
(list, export, inspect, edit, delete, history and any other), so a screen added tomorrow is
tried too. Each role opens each record's screens; a record that is not theirs answers 403/404
(or Wagtail's redirect to the dashboard) and its personal data never appears in a response.
"""

import datetime

import pytest
from django.apps import apps
from django.urls import URLResolver, get_resolver, reverse
from django.utils import timezone

from learning.models import GuideFeedback, Registration
from programme.models import ProgrammeSettings
from shops.models import ClickCollectRequest
from tests.admin_answers import body, refused
from tests.conftest import BEAUVAIS_HOST, BETHUNE_HOST
from tests.factories import (
    CoachingSessionFactory,
    GuideIndexPageFactory,
    GuidePageFactory,
    HelpRequestFactory,
    VolunteerFactory,
    WorkshopIndexPageFactory,
    WorkshopPageFactory,
    shopkeeper_world,
    volunteer_account,
)
from towns.towns import staff_group

ROLES = [
    "keeper_a",
    "keeper_b",
    "staff_bethune",
    "staff_beauvais",
    "volunteer_bethune",
    "volunteer_beauvais",
    "admin",
]

BETHUNE_RECORDS = {"reg_bethune", "feedback_bethune", "volunteer_bethune", "request_bethune"}
BETHUNE_RECORDS |= {"request_unassigned", "session_bethune", "cc_a", "cc_b"}
BEAUVAIS_RECORDS = {"reg_beauvais", "feedback_beauvais", "volunteer_beauvais", "request_beauvais"}
BEAUVAIS_RECORDS |= {"session_beauvais", "cc_c"}

# The records whose screens each role may open: its town's for staff, its own for the others.
SEES = {
    "keeper_a": {"cc_a"},
    "keeper_b": {"cc_b"},
    "staff_bethune": BETHUNE_RECORDS,
    "staff_beauvais": BEAUVAIS_RECORDS,
    "volunteer_bethune": {"request_bethune", "session_bethune"},
    "volunteer_beauvais": {"request_beauvais", "session_beauvais"},
    "admin": BETHUNE_RECORDS | BEAUVAIS_RECORDS,
}
# A volunteer reads their own name as the helper of their requests, without opening their record.
KNOWS = {**SEES, "volunteer_bethune": SEES["volunteer_bethune"] | {"volunteer_bethune"}}
KNOWS["volunteer_beauvais"] = SEES["volunteer_beauvais"] | {"volunteer_beauvais"}

# What would give each record away if it appeared on a screen: names, e-mails, private notes.
SECRETS = {
    "cc_a": ["Agathe Alphacliente", "agathe@client.localhost"],
    "cc_b": ["Bérénice Bêtacliente", "berenice@client.localhost"],
    "cc_c": ["Céleste Gammacliente", "celeste@client.localhost"],
    "reg_bethune": ["Roger Inscrit-Béthune", "roger@inscrit.localhost"],
    "reg_beauvais": ["Rachel Inscrite-Beauvais", "rachel@inscrit.localhost"],
    "feedback_bethune": ["Avis confidentiel de Béthune"],
    "feedback_beauvais": ["Avis confidentiel de Beauvais"],
    "volunteer_bethune": ["Valérie Volbéthune", "valerie@volontaire.localhost"],
    "volunteer_beauvais": ["Victor Volbeauvais", "victor@volontaire.localhost"],
    "request_bethune": ["Hector Demandebéthune", "Mercerie Hector"],
    "request_unassigned": ["Ursule Sansaide", "Droguerie Ursule"],
    "request_beauvais": ["Hugo Demandebeauvais", "Quincaillerie Hugo"],
    "session_bethune": ["Séance secrète à Béthune"],
    "session_beauvais": ["Séance secrète à Beauvais"],
}


def click_collect(shop, name, email):
    return ClickCollectRequest.objects.create(
        shop=shop,
        contact_name=name,
        contact_email=email,
        items=[{"product_id": 1, "name": "Baguette", "price": "1.20", "quantity": 1}],
        pickup_date=timezone.localdate() + datetime.timedelta(days=2),
        pickup_time=datetime.time(10, 30),
        consent_at=timezone.now(),
    )


def town_records(home_page, site, town, volunteer_name, request_name, request_shop):
    workshop = WorkshopPageFactory(parent=WorkshopIndexPageFactory(parent=home_page), title=f"Atelier {town}")
    guide = GuidePageFactory(parent=GuideIndexPageFactory(parent=home_page), title=f"Guide {town}")
    first, last = volunteer_name.split()
    volunteer = VolunteerFactory(
        site=site,
        first_name=first,
        last_name=last,
        email=f"{first.lower()}@volontaire.localhost".replace("é", "e"),
    )
    help_request = HelpRequestFactory(
        site=site,
        contact_name=request_name,
        shop_name=request_shop,
        helper=volunteer,
        status="assigned",
    )
    return workshop, guide, volunteer, help_request


@pytest.fixture
def world(towns):
    world = shopkeeper_world(towns, workflow=False)
    # The town's staff hold every right the apps give a town's team (“Équipe de la mairie — <town>”).
    staff_group(world.bethune)
    staff_group(world.beauvais)
    records = {
        "cc_a": click_collect(world.shop_a, *SECRETS["cc_a"]),
        "cc_b": click_collect(world.shop_b, *SECRETS["cc_b"]),
        "cc_c": click_collect(world.shop_c, *SECRETS["cc_c"]),
    }
    for town, home_page, site, volunteer_name, request_name, request_shop in [
        (
            "bethune",
            towns["bethune"],
            world.bethune,
            *SECRETS["volunteer_bethune"][:1],
            *SECRETS["request_bethune"],
        ),
        (
            "beauvais",
            towns["beauvais"],
            world.beauvais,
            *SECRETS["volunteer_beauvais"][:1],
            *SECRETS["request_beauvais"],
        ),
    ]:
        workshop, guide, volunteer, help_request = town_records(
            home_page, site, town, volunteer_name, request_name, request_shop
        )
        name, email = SECRETS[f"reg_{town}"]
        records[f"reg_{town}"] = Registration.objects.create(
            workshop=workshop, site=site, name=name, email=email, consent_at=timezone.now()
        )
        records[f"feedback_{town}"] = GuideFeedback.objects.create(
            guide=guide, site=site, helpful=False, comment=SECRETS[f"feedback_{town}"][0]
        )
        records[f"volunteer_{town}"] = volunteer
        records[f"request_{town}"] = help_request
        records[f"session_{town}"] = CoachingSessionFactory(
            request=help_request, outcome=SECRETS[f"session_{town}"][0]
        )
        setattr(world, f"volunteer_{town}", volunteer_account(volunteer, f"volontaire-{town}"))
    records["request_unassigned"] = HelpRequestFactory(
        site=world.bethune,
        contact_name=SECRETS["request_unassigned"][0],
        shop_name=SECRETS["request_unassigned"][1],
    )
    world.records = records
    return world


def modeladmin_urls():
    """Every URL pattern of every modeladmin registration, as (model, action, needs an object)."""
    found = []

    def walk(patterns):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns)
            elif pattern.name and "_modeladmin_" in pattern.name:
                prefix, action = pattern.name.split("_modeladmin_")
                app_label, model_name = prefix.split("_", 1)
                needs_object = "instance_pk" in pattern.pattern.regex.groupindex
                found.append((apps.get_model(app_label, model_name), pattern.name, action, needs_object))

    walk(get_resolver().url_patterns)
    return found


def host_of(role):
    return BEAUVAIS_HOST if role.endswith("beauvais") else BETHUNE_HOST


@pytest.mark.parametrize("role", ROLES)
def test_every_record_screen_keeps_to_the_persons_town_and_records(client, world, role):
    client.force_login(getattr(world, role))
    client.defaults["HTTP_HOST"] = host_of(role)
    urls = modeladmin_urls()
    assert {action for _model, _name, action, _needs in urls} >= {
        "index",
        "inspect",
        "edit",
        "delete",
        "history",
    }
    hidden = [
        secret for record, secrets in SECRETS.items() if record not in KNOWS[role] for secret in secrets
    ]
    shown = []

    for model, url_name, action, needs_object in urls:
        if not needs_object:
            # The spreadsheet is compressed, so its contents are read in the CSV export only.
            assert client.get(reverse(url_name) + "?export=xlsx").status_code < 500, url_name
            for query in ("", "?export=csv"):
                response = client.get(reverse(url_name) + query)
                assert response.status_code < 500, (url_name, query)
                text = body(response)
                for secret in hidden:
                    assert secret not in text, (role, url_name, query, secret)
                if action == "index" and query == "" and response.status_code == 200:
                    shown.append(text)
            continue
        for record_name, record in world.records.items():
            if not isinstance(record, model):
                continue
            url = reverse(url_name, kwargs={"instance_pk": record.pk})
            response = client.get(url)
            assert response.status_code < 500, (url_name, record_name)
            if record_name not in SEES[role]:
                assert refused(response), (role, action, record_name, response.status_code)
                for secret in hidden:
                    assert secret not in body(response), (role, action, record_name, secret)

    # Not an empty test: each person's lists do show their own records.
    lists = "".join(shown)
    for record_name in SEES[role]:
        if record_name.startswith(("cc_", "reg_", "request_", "volunteer_")):
            assert SECRETS[record_name][0] in lists, (role, record_name)


# The programme's own screens of one person's record, next to its modeladmin ones.
PROGRAMME_SCREENS = [
    ("programme_assign", {}, "request_"),
    ("programme_volunteer_account", {}, "volunteer_"),
    ("programme_personal_export", {"kind": "volontaire"}, "volunteer_"),
    ("programme_personal_export", {"kind": "demande"}, "request_"),
    ("programme_personal_erase", {"kind": "volontaire"}, "volunteer_"),
    ("programme_personal_erase", {"kind": "demande"}, "request_"),
]


@pytest.mark.parametrize("role", ROLES)
def test_the_programmes_own_screens_keep_to_the_persons_town(client, world, role):
    client.force_login(getattr(world, role))
    client.defaults["HTTP_HOST"] = host_of(role)
    hidden = [
        secret for record, secrets in SECRETS.items() if record not in KNOWS[role] for secret in secrets
    ]
    for url_name, kwargs, prefix in PROGRAMME_SCREENS:
        for record_name, record in world.records.items():
            if record_name.startswith(prefix) and record_name not in SEES[role]:
                response = client.get(reverse(url_name, kwargs={**kwargs, "pk": record.pk}))
                assert refused(response), (role, url_name, record_name, response.status_code)
                assert not [secret for secret in hidden if secret in body(response)], (role, url_name)


@pytest.mark.parametrize("role", ROLES)
def test_nobody_deletes_a_record_that_is_not_theirs(client, world, role):
    client.force_login(getattr(world, role))
    client.defaults["HTTP_HOST"] = host_of(role)
    for model, url_name, action, _needs_object in modeladmin_urls():
        if action != "delete":
            continue
        for record_name, record in world.records.items():
            if isinstance(record, model) and record_name not in SEES[role]:
                response = client.post(reverse(url_name, kwargs={"instance_pk": record.pk}))
                assert refused(response), (role, record_name)
                assert model.objects.filter(pk=record.pk).exists(), (role, record_name)


@pytest.mark.parametrize("role", ["staff_bethune", "keeper_a", "volunteer_bethune"])
def test_another_towns_programme_settings_stay_closed(client, world, role):
    ProgrammeSettings.objects.update_or_create(
        site=world.beauvais, defaults={"notification_email": "secret-beauvais@mairie.localhost"}
    )
    client.force_login(getattr(world, role))
    client.defaults["HTTP_HOST"] = BETHUNE_HOST
    url = reverse("wagtailsettings:edit", args=["programme", "programmesettings", world.beauvais.pk])
    response = client.get(url)
    assert response.status_code < 500
    assert "secret-beauvais@mairie.localhost" not in body(response)


def namespace_urls(namespace, pk):
    """Every URL of a viewset's namespace that needs at most the object's key, filled with `pk`."""
    urls = []

    def walk(patterns, current):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, pattern.namespace or current)
            elif current == namespace and pattern.name:
                needs = set(pattern.pattern.regex.groupindex)
                if needs <= ({"pk"} if pk is not None else set()):
                    urls.append(reverse(f"{namespace}:{pattern.name}", kwargs={"pk": pk} if needs else {}))

    walk(get_resolver().url_patterns, None)
    return urls


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("model", ["shops.ShopCategory", "learning.Topic"])
def test_shared_taxonomies_answer_every_role_without_error(client, world, role, model):
    """Categories and topics belong to every town: no private data, but no screen may fail."""
    from learning.models import Topic

    client.force_login(getattr(world, role))
    client.defaults["HTTP_HOST"] = host_of(role)
    item = (
        world.category
        if model == "shops.ShopCategory"
        else Topic.objects.create(name="Photos", slug="photos")
    )
    app_label, model_name = model.lower().split(".")
    urls = namespace_urls(f"wagtailsnippets_{app_label}_{model_name}", item.pk)
    assert len(urls) >= 6  # list, add, edit, delete, history, usage at least
    for url in urls:
        assert client.get(url).status_code < 500, url


@pytest.mark.parametrize(
    "role, others",
    [
        ("keeper_a", ["Fleuriste Bêta", "Librairie Gamma"]),
        ("staff_bethune", ["Librairie Gamma"]),
        ("staff_beauvais", ["Boulangerie Alpha", "Fleuriste Bêta"]),
    ],
)
def test_the_shop_list_and_its_exports_keep_to_the_persons_shops(client, world, role, others):
    client.force_login(getattr(world, role))
    client.defaults["HTTP_HOST"] = host_of(role)
    urls = namespace_urls("shop_listing", None)
    shown = ""
    for url in urls:
        for query in ("", "?export=csv"):
            response = client.get(url + query)
            assert response.status_code < 500, url + query
            shown += body(response)
            assert not [shop for shop in others if shop in body(response)], (role, url + query)
    own = {
        "keeper_a": "Boulangerie Alpha",
        "staff_bethune": "Fleuriste Bêta",
        "staff_beauvais": "Librairie Gamma",
    }
    assert own[role] in shown

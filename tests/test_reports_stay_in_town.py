"""The admin's reports (“Types de pages”, site history, workflows, locked and aging pages, the
learning reports) show a person their own town only: another town's drafts, records and
people never appear, on screen or in an export. An administrator sees every town.

The report URLs are not listed by hand: every URL of Wagtail's reports and every report the
project adds to the reports menu is tried, for each role.
"""

import datetime

import pytest
from django.urls import URLResolver, get_resolver, reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.log_actions import log
from wagtail.models import Page

from shops.models import ClickCollectRequest
from tests.admin_answers import body
from tests.conftest import BEAUVAIS_HOST, BETHUNE_HOST
from tests.factories import StandardPageFactory, shopkeeper_world

ROLES = ["keeper_a", "staff_bethune", "staff_beauvais", "admin"]

# What would give Beauvais away to someone of Béthune: a draft's title, a shop's unpublished
# title, a request of one of its shops, the names of its people.
DRAFT_TITLE = "Projet confidentiel de Beauvais"
SHOP_DRAFT_TITLE = "Projet secret de la Librairie Gamma"
BEAUVAIS_SECRETS = [DRAFT_TITLE, SHOP_DRAFT_TITLE, "Librairie Gamma", "Zoé Secretcommerçante", "Secretmairie"]
BEAUVAIS_SECRETS += ["agent-beauvais", "commercant-c"]  # user names, as some filters show them
BEAUVAIS_SECRETS += ["Relecture mairie — Beauvais"]  # its review workflow and task


@pytest.fixture
def world(towns):
    world = shopkeeper_world(towns)
    staff = world.staff_beauvais
    staff.last_name = "Secretmairie"
    staff.save()
    world.keeper_c.first_name, world.keeper_c.last_name = "Zoé", "Secretcommerçante"
    world.keeper_c.save()

    # A draft of Béthune, which its own staff must see (so the reports are not empty).
    StandardPageFactory(parent=towns["bethune"], title="Projet du Beffroi", live=False).save_revision(
        user=world.staff_bethune, log_action=True
    )
    # A draft page of Beauvais, edited (the latest edit of its type) and locked by its staff.
    draft = StandardPageFactory(parent=towns["beauvais"], title="Brouillon", live=False)
    draft.title = DRAFT_TITLE
    draft.save_revision(user=staff, log_action=True)
    draft.locked, draft.locked_by = True, staff
    draft.save(update_fields=["locked", "locked_by"])

    # A shopkeeper of Beauvais submits a new title for review by the town.
    shop = world.shop_c
    shop.title = SHOP_DRAFT_TITLE
    shop.save_revision(user=world.keeper_c, log_action=True)
    shop.get_workflow().start(shop, world.keeper_c)

    # The town's staff answer a click & collect request of one of its shops.
    request = ClickCollectRequest.objects.create(
        shop=Page.objects.get(pk=world.shop_c.pk).specific,
        contact_name="Client",
        items=[{"product_id": 1, "name": "Roman", "price": "9.90", "quantity": 1}],
        pickup_date=timezone.localdate() + datetime.timedelta(days=2),
        pickup_time=datetime.time(10, 30),
        consent_at=timezone.now(),
    )
    log(request, "wagtail.edit", user=staff)
    # And one of Béthune, which its staff still find in the site history.
    world.bethune_request = ClickCollectRequest.objects.create(
        shop=world.shop_a,
        contact_name="Cliente",
        items=[{"product_id": 1, "name": "Pain", "price": "1.20", "quantity": 1}],
        pickup_date=timezone.localdate() + datetime.timedelta(days=2),
        pickup_time=datetime.time(10, 30),
        consent_at=timezone.now(),
    )
    log(world.bethune_request, "wagtail.edit", user=world.staff_bethune)
    return world


def report_urls():
    """Every URL of Wagtail's reports, and every report the project adds to the reports menu."""
    names = []

    def walk(patterns, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, pattern.namespace or namespace)
            elif namespace == "wagtailadmin_reports" and pattern.name:
                names.append(f"{namespace}:{pattern.name}")

    walk(get_resolver().url_patterns, None)
    urls = [reverse(name) for name in names]
    urls += [item_hook().url for item_hook in hooks.get_hooks("register_reports_menu_item")]
    return list(dict.fromkeys(urls))


@pytest.mark.parametrize("role", ROLES)
def test_reports_show_only_the_persons_own_town(client, world, role):
    client.force_login(getattr(world, role))
    client.defaults["HTTP_HOST"] = BEAUVAIS_HOST if role.endswith("beauvais") else BETHUNE_HOST
    urls = report_urls()
    assert "/admin/reports/page-types-usage/" in urls
    seen = ""
    leaks = []
    for url in urls:
        for query in ("", "?export=csv"):
            response = client.get(url + query)
            assert response.status_code in (200, 302, 403), (url, query, response.status_code)
            text = body(response)
            seen += text
            if role in ("keeper_a", "staff_bethune"):
                leaks += [(url + query, secret) for secret in BEAUVAIS_SECRETS if secret in text]
        assert client.get(url + "?export=xlsx").status_code in (200, 302, 403), url
    assert not leaks, "\n".join(f"{url}: {secret}" for url, secret in leaks)

    # The reports do report: each town's staff see their own drafts, the administrator both towns'.
    if role == "staff_bethune":
        assert "Projet du Beffroi" in seen
        assert str(world.bethune_request) in body(client.get(reverse("wagtailadmin_reports:site_history")))
        assert "Relecture mairie — Béthune" in body(
            client.get(reverse("wagtailadmin_reports:workflow_tasks"))
        )
    if role in ("staff_beauvais", "admin"):
        assert DRAFT_TITLE in seen
        assert "Librairie Gamma" in seen

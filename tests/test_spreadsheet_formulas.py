"""The CSV files we hand out never carry a formula that a spreadsheet would run (OWASP CSV injection).

Visitors and shopkeepers type text that ends up in the admin's exports and in the open data;
a cell starting with = + - @, a tab or a carriage return is run as a formula by Excel or
LibreOffice when a town's staff member opens the file. Numbers stay numbers.
"""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.utils import timezone

from learning.models import GuideFeedback
from learning.wagtail_hooks import GuideFeedbackAdmin, RegistrationAdmin
from programme.wagtail_hooks import CoachingSessionAdmin, HelpRequestAdmin, VolunteerAdmin
from shops.admin_click_collect import ClickCollectRequestAdmin
from shops.admin_shops import ShopListingViewSet
from shops.models import ClickCollectRequest
from shops.open_data import COLUMNS
from tests.conftest import BETHUNE_HOST
from tests.factories import (
    CoachingSessionFactory,
    GuideIndexPageFactory,
    GuidePageFactory,
    HelpRequestFactory,
    UserFactory,
    VolunteerFactory,
    WorkshopIndexPageFactory,
    WorkshopPageFactory,
)
from tests.factories.shops_staff import make_shop, shop_index

PAYLOADS = ['=HYPERLINK("http://x","y")', "@SUM(1+1)", "+1", "-1+2", "\t=1", "\r=1"]
DANGEROUS_STARTS = ("=", "+", "-", "@", "\t", "\r")


def shops(towns):
    index = shop_index(towns["bethune"])
    for number, payload in enumerate(PAYLOADS):
        make_shop(
            index,
            payload,
            slug=f"boutique-{number}",
            street=payload,
            town=payload,
            latitude=Decimal("48.453000"),
            longitude=Decimal("-2.047000"),  # west of Greenwich: a negative number, still a number
        )


def click_collect_requests(towns):
    shop = make_shop(shop_index(towns["bethune"]), "Boulangerie du Beffroi")
    for payload in PAYLOADS:
        ClickCollectRequest.objects.create(
            shop=shop,
            contact_name=payload,
            contact_phone=payload,
            contact_email="cliente@exemple.localhost",
            items=[{"product_id": 1, "name": payload, "price": "1.20", "quantity": 2}],
            message=payload,
            pickup_date=timezone.localdate() + datetime.timedelta(days=2),
            pickup_time=datetime.time(10, 30),
            consent_at=timezone.now(),
        )


def registrations(towns):
    index = WorkshopIndexPageFactory(parent=towns["bethune"])
    workshop = WorkshopPageFactory(parent=index, slug="atelier", capacity=20)
    for number, payload in enumerate(PAYLOADS):
        workshop.register(
            name=payload,
            email=f"p{number}@exemple.localhost",
            phone=payload,
            shop_name=payload,
            consent_at=timezone.now(),
        )


def feedback(towns):
    guide = GuidePageFactory(parent=GuideIndexPageFactory(parent=towns["bethune"]), title=PAYLOADS[0])
    for payload in PAYLOADS:
        GuideFeedback.objects.create(guide=guide, site=guide.get_site(), helpful=True, comment=payload)


def volunteers(towns):
    for payload in PAYLOADS:
        VolunteerFactory(first_name=payload, last_name=payload, phone=payload, email="v@exemple.localhost")


def help_requests(towns):
    for payload in PAYLOADS:
        HelpRequestFactory(shop_name=payload, contact_name=payload, phone=payload, message=payload)


def coaching_sessions(towns):
    for payload in PAYLOADS:
        helper = VolunteerFactory(first_name=payload, email="v@exemple.localhost")
        CoachingSessionFactory(
            request=HelpRequestFactory(shop_name=payload, helper=helper), duration_minutes=90
        )


EXPORTS = {
    "admin shop list": (
        shops,
        "/admin/shop_listing/?export=csv",
        ShopListingViewSet,
        ["latitude", "longitude"],
    ),
    "click & collect requests": (
        click_collect_requests,
        "/admin/shops/clickcollectrequest/?export=csv",
        ClickCollectRequestAdmin,
        [],
    ),
    "workshop registrations": (
        registrations,
        "/admin/learning/registration/?export=csv",
        RegistrationAdmin,
        [],
    ),
    "guide feedback": (feedback, "/admin/learning/guidefeedback/?export=csv", GuideFeedbackAdmin, []),
    "volunteers": (volunteers, "/admin/programme/volunteer/?export=csv", VolunteerAdmin, []),
    "help requests": (help_requests, "/admin/programme/helprequest/?export=csv", HelpRequestAdmin, []),
    "coaching sessions": (
        coaching_sessions,
        "/admin/programme/coachingsession/?export=csv",
        CoachingSessionAdmin,
        ["duration_minutes"],
    ),
    "open data": (shops, "/commerces.csv", None, ["latitude", "longitude"]),
}


def looks_like_formula(cell):
    """What a spreadsheet would run: text starting with = + - @ tab or CR (a number is a number)."""
    if len(cell) < 2 or not cell.startswith(DANGEROUS_STARTS):
        return False
    try:
        float(cell)
    except ValueError:
        return True
    return False


def read_csv(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))


@pytest.mark.parametrize("export", EXPORTS)
def test_no_exported_cell_starts_like_a_formula_and_numbers_stay_numbers(client, towns, export):
    make_records, url, exporter, numeric_fields = EXPORTS[export]
    make_records(towns)
    client.force_login(UserFactory(username="admin-test", is_superuser=True, is_staff=True))

    response = client.get(url, HTTP_HOST=BETHUNE_HOST)

    assert response.status_code == 200
    header, *rows = read_csv(response)
    assert len(rows) >= len(PAYLOADS)
    cells = [cell for row in rows for cell in row]
    assert [cell for cell in cells if looks_like_formula(cell)] == []
    for payload in PAYLOADS:  # each payload is there, as text a spreadsheet shows as typed
        assert any(cell.startswith("'" + payload) for cell in cells), payload
    fields = COLUMNS if exporter is None else list(exporter.list_export)
    for field in numeric_fields:
        position = fields.index(field)
        assert all(float(row[position]) == float(rows[0][position]) for row in rows), field
    if "longitude" in numeric_fields:
        assert float(rows[0][fields.index("longitude")]) == pytest.approx(-2.047)


def test_every_admin_export_of_the_project_writes_safe_cells():
    """A new export (modeladmin or viewset) gets the rule too, or this test names it."""
    from wagtail.admin.viewsets.base import ViewSet
    from wagtail_modeladmin.options import ModelAdmin

    from core.spreadsheets import SafeCsvExportMixin

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    project = ("home.", "shops.", "learning.", "programme.")
    exporters = [
        (admin, admin.index_view_class)
        for base in (ModelAdmin, ViewSet)
        for admin in subclasses(base)
        if admin.__module__.startswith(project)
        and getattr(admin, "list_export", None) not in (None, ViewSet.UNDEFINED)
    ]
    assert len(exporters) >= 7
    assert [admin for admin, view in exporters if not issubclass(view, SafeCsvExportMixin)] == []

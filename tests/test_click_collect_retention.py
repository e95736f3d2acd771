"""Visitors are promised that their click & collect details are deleted after 12 months."""

import datetime
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from shops.models import ClickCollectRequest, ClickCollectStatusChange
from tests.factories.shops_staff import make_shop, shop_index


def test_requests_older_than_twelve_months_are_deleted_with_their_history(towns):
    shop = make_shop(shop_index(towns["bethune"]))
    now = timezone.now()
    for name, age in [("Ancienne", 400), ("Récente", 300)]:
        request = ClickCollectRequest.objects.create(
            shop=shop,
            contact_name=name,
            contact_phone="06 00 00 00 00",
            pickup_date=(now - datetime.timedelta(days=age)).date(),
            pickup_time=datetime.time(10),
            consent_at=now - datetime.timedelta(days=age),
            created_at=now - datetime.timedelta(days=age),
        )
        ClickCollectStatusChange.objects.create(request=request, status="new")

    call_command("purge_click_collect_requests", stdout=StringIO())

    assert list(ClickCollectRequest.objects.values_list("contact_name", flat=True)) == ["Récente"]
    assert ClickCollectStatusChange.objects.count() == 1

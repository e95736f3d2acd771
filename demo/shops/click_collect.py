"""Demo click & collect requests in every status, and the staff groups' permission to handle them.

Called at the end of demo.shops.load(); creates nothing when a town already has requests.
"""

import datetime

from django.utils import timezone

from shops.models import ClickCollectRequest, ClickCollectStatus, ClickCollectStatusChange, ShopPage

# (first name, last name, status, days from today for the pick-up, staff note, decline reason)
VISITORS = [
    ("Camille", "Roussel", ClickCollectStatus.NEW, 1, "", ""),
    ("Hugo", "Lemaire", ClickCollectStatus.ACCEPTED, 2, "Client régulier.", ""),
    ("Inès", "Morel", ClickCollectStatus.READY, 0, "", ""),
    ("Lucas", "Fontaine", ClickCollectStatus.COLLECTED, -3, "", ""),
    (
        "Manon",
        "Garnier",
        ClickCollectStatus.DECLINED,
        4,
        "",
        "Nous serons fermés pour inventaire ce jour-là.",
    ),
]
STEPS = {
    ClickCollectStatus.NEW: [ClickCollectStatus.NEW],
    ClickCollectStatus.ACCEPTED: [ClickCollectStatus.NEW, ClickCollectStatus.ACCEPTED],
    ClickCollectStatus.READY: [ClickCollectStatus.NEW, ClickCollectStatus.ACCEPTED, ClickCollectStatus.READY],
    ClickCollectStatus.COLLECTED: [
        ClickCollectStatus.NEW,
        ClickCollectStatus.ACCEPTED,
        ClickCollectStatus.READY,
        ClickCollectStatus.COLLECTED,
    ],
    ClickCollectStatus.DECLINED: [ClickCollectStatus.NEW, ClickCollectStatus.DECLINED],
}


def load(context):
    now = timezone.now()
    today = timezone.localdate()
    for town in context.towns.values():
        if ClickCollectRequest.objects.for_site(town.site).exists():
            continue
        shops = [
            shop
            for shop in ShopPage.objects.live()
            .descendant_of(town.home_page)
            .filter(click_collect=True)
            .prefetch_related("products")
            .order_by("path")
            if any(product.click_collect for product in shop.products.all())
        ]
        for number, (first, last, status, days, note, reason) in enumerate(VISITORS):
            if not shops:
                break
            shop = shops[number % len(shops)]
            products = [product for product in shop.products.all() if product.click_collect]
            created_at = now - datetime.timedelta(days=5 - number, hours=number)
            click_request = ClickCollectRequest.objects.create(
                shop=shop,
                status=status,
                contact_name=f"{first} {last}",
                contact_email=f"{first.lower()}.{last.lower()}@exemple.localhost",
                contact_phone="06 00 00 00 0" + str(number),
                items=[
                    {
                        "product_id": product.pk,
                        "name": product.name,
                        "price": str(product.price) if product.price is not None else None,
                        "quantity": 1 + (number + position) % 3,
                    }
                    for position, product in enumerate(products[: 1 + number % 2])
                ],
                message="Merci de bien l'emballer, c'est pour offrir." if number == 1 else "",
                pickup_date=today + datetime.timedelta(days=days),
                pickup_time=datetime.time(17, 30),
                consent_at=created_at,
                created_at=created_at,
                status_changed_at=created_at + datetime.timedelta(hours=len(STEPS[status]) - 1),
                staff_note=note,
                decline_reason=reason,
            )
            for step, step_status in enumerate(STEPS[status]):
                ClickCollectStatusChange.objects.create(
                    request=click_request,
                    status=step_status,
                    changed_at=created_at + datetime.timedelta(hours=step),
                )

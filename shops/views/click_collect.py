"""The visitor's side of click & collect: the request form and its confirmation page."""

import logging

from django.core import signing
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from wagtail.models import Site

from core.antispam import rate_limited
from shops.click_collect import (
    bookable_products,
    format_ranges,
    offers_click_collect,
    pickup_days,
    send_new_request_emails,
)
from shops.forms import QUANTITY_PREFIX, ClickCollectForm
from shops.models import ClickCollectRequest, ClickCollectStatus, ClickCollectStatusChange, ShopPage
from towns.models import TownIdentity

logger = logging.getLogger(__name__)

RATE_LIMIT = 5  # requests per visitor address…
RATE_PERIOD = 60 * 60  # …per hour
CONFIRMATION_SALT = "shops.click_collect.confirmation"
CONFIRMATION_MAX_AGE = 60 * 60 * 24 * 7


def former_address(request, shop_id):
    """`/reserver/<id>/`, the form's address until it moved onto the shop page: bookmarks still work."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    shop = get_object_or_404(ShopPage.objects.live().public().descendant_of(site.root_page), pk=shop_id)
    return redirect(shop.relative_url(site) + shop.reverse_subpage("click_collect"), permanent=True)


def click_collect_request(request, page):
    """The shop page's click & collect form (its `reserver/` route), for shops that take requests."""
    shop = ShopPage.objects.prefetch_related(
        "products", "opening_hours", "exceptional_openings", "pickup_slots"
    ).get(pk=page.pk)
    if not offers_click_collect(shop):
        raise Http404
    site = Site.find_for_request(request)
    identity = TownIdentity.for_site(site)
    rate_limit_error = None
    if request.method == "POST":
        form = ClickCollectForm(request.POST, shop=shop)
        if form.is_valid():
            if rate_limited(request, "click-collect", RATE_LIMIT, RATE_PERIOD):
                rate_limit_error = _(
                    "You have sent several requests in a short time. Please wait an hour, "
                    "or call the shop directly."
                )
            else:
                click_request = save_request(form, shop)
                try:
                    send_new_request_emails(click_request)
                except Exception:  # the request is saved; the shop will see it in the admin
                    logger.exception("Click & collect request %s: e-mails not sent", click_request.pk)
                token = signing.dumps(click_request.pk, salt=CONFIRMATION_SALT)
                return redirect(reverse("shops:click_collect_confirmation", args=[token]))
    else:
        initial = {}
        wished = request.GET.get("produit", "")
        if wished.isdigit() and any(str(product.pk) == wished for product in bookable_products(shop)):
            initial[f"{QUANTITY_PREFIX}{wished}"] = 1
        form = ClickCollectForm(shop=shop, initial=initial)
    status = 429 if rate_limit_error else (200 if request.method == "GET" or form.is_valid() else 400)
    return render(
        request,
        "shops/click_collect/request_form.html",
        {
            "shop": shop,
            "form": form,
            "town": identity,
            "pickup_days": [(day, format_ranges(ranges)) for day, ranges in pickup_days(shop)],
            "rate_limit_error": rate_limit_error,
        },
        status=status,
    )


@transaction.atomic
def save_request(form, shop):
    data = form.cleaned_data
    now = timezone.now()
    click_request = ClickCollectRequest.objects.create(
        shop=shop,
        contact_name=data["contact_name"],
        contact_phone=data["contact_phone"],
        contact_email=data["contact_email"],
        items=data["items"],
        message=data["message"],
        pickup_date=data["pickup_date"],
        pickup_time=data["pickup_time"],
        consent_at=now,
        created_at=now,
        status=ClickCollectStatus.NEW,
        status_changed_at=now,
    )
    ClickCollectStatusChange.objects.create(
        request=click_request, status=ClickCollectStatus.NEW, changed_at=now
    )
    return click_request


@never_cache
def click_collect_confirmation(request, token):
    try:
        pk = signing.loads(token, salt=CONFIRMATION_SALT, max_age=CONFIRMATION_MAX_AGE)
    except signing.BadSignature:
        raise Http404 from None
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    click_request = get_object_or_404(
        ClickCollectRequest.objects.for_site(site).select_related("shop"), pk=pk
    )
    return render(
        request,
        "shops/click_collect/confirmation.html",
        {"click_request": click_request, "shop": click_request.shop, "town": TownIdentity.for_site(site)},
    )

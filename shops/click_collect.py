"""Click & collect: when a shop can hand over an order, and the e-mails around a request.

Pick-up times come from the shop's pick-up slots when it has some, otherwise from its
opening hours of that day (usual week, then exceptional closures and openings).
"""

import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from towns.emails import page_url, send_town_email, town_url
from towns.models import TownIdentity
from towns.staff import CLICK_COLLECT, staff_to_notify

from .models import ClickCollectStatus

BOOKING_WINDOW_DAYS = 14
MAX_QUANTITY = 20


def local_now():
    return timezone.localtime()


def opening_ranges(shop, day):
    """The (opens, closes) ranges of the shop on `day` (shops/hours.py); past midnight stops at midnight."""
    return sorted(
        (time_range.opens, datetime.time(23, 59) if time_range.overnight else time_range.closes)
        for time_range in shop.hours.ranges_on(day)
    )


def pickup_ranges(shop, day):
    """When an order can be collected on `day`: the pick-up slots of that weekday, or the opening hours.

    An exceptional closure wins over the pick-up slots: nobody hands over orders in a closed shop.
    """
    exception = shop.hours.exception_on(day)
    if exception is not None and exception.closed:
        return []
    slots = list(shop.pickup_slots.all())
    if slots:
        return sorted((slot.starts, slot.ends) for slot in slots if slot.weekday == day.weekday())
    return opening_ranges(shop, day)


def pickup_days(shop, today=None):
    """The next days (today included) on which the order can be collected, within the booking window."""
    today = today or local_now().date()
    days = []
    for offset in range(BOOKING_WINDOW_DAYS + 1):
        day = today + datetime.timedelta(days=offset)
        ranges = pickup_ranges(shop, day)
        if ranges:
            days.append((day, ranges))
    return days


def day_label(day):
    """“lundi 30 novembre”, in lower case whatever the weekday names' catalogue says."""
    label = date_format(day, "l j F")
    return label[:1].lower() + label[1:]


def format_ranges(ranges):
    return ", ".join(f"{start:%H:%M}–{end:%H:%M}" for start, end in ranges)


def offers_click_collect(shop):
    """Whether the shop takes click & collect requests (its service is ticked)."""
    return bool(getattr(shop, "click_collect", False))


def bookable_products(shop):
    return [product for product in shop.products.all() if product.click_collect]


# E-mails ------------------------------------------------------------------------------------------


def email_context(click_request, site):
    shop = click_request.shop
    return {
        "click_request": click_request,
        "shop": shop,
        "town": TownIdentity.for_site(site),
        "shop_url": page_url(site, shop),
        "admin_url": town_url(
            site, reverse("shops_clickcollectrequest_modeladmin_edit", args=[click_request.pk])
        ),
    }


def send_new_request_emails(click_request):
    """Tell the shop and the town staff; send the visitor a receipt if they gave an e-mail."""
    site = click_request.site
    context = email_context(click_request, site)
    shop_email = getattr(click_request.shop, "email", "")
    send_town_email(
        site,
        shop_email,
        "shops/emails/click_collect_new",
        context,
        reply_to=click_request.contact_email or None,
    )
    send_town_email(site, staff_to_notify(site, CLICK_COLLECT), "shops/emails/click_collect_staff", context)
    send_town_email(
        site,
        click_request.contact_email,
        "shops/emails/click_collect_receipt",
        context,
        reply_to=shop_email or None,
    )


# Which status changes the visitor hears about. “Collected” sends nothing: the visitor was
# in the shop a minute ago, and an e-mail would only add noise to their inbox.
STATUS_EMAILS = {
    ClickCollectStatus.ACCEPTED: "accepted",
    ClickCollectStatus.READY: "ready",
    ClickCollectStatus.DECLINED: "declined",
}


def send_status_email(click_request):
    """Tell the visitor about the new status, by e-mail if they gave one. Returns the number sent."""
    template = STATUS_EMAILS.get(click_request.status)
    if template is None or not click_request.contact_email:
        return 0
    site = click_request.site
    return send_town_email(
        site,
        click_request.contact_email,
        f"shops/emails/click_collect_{template}",
        email_context(click_request, site),
        reply_to=getattr(click_request.shop, "email", "") or None,
    )

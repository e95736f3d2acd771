"""How fresh a shop page is, the owners' one-click confirmation, and the reminders.

The freshness date is the later of the owners' last confirmation and the page's last
publication. After the town's delays (ShopkeeperSettings, 3 and 6 months by default) the
page is “à vérifier”, then “obsolète”. `send_reminders` (the `send_freshness_reminders`
command, run daily) e-mails the owners at most once a month while the page is to check or
obsolete, and the town's team at most once a month while it is obsolete.
"""

import calendar
import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core import signing
from django.db.models import TextChoices
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from shops.models import ShopAccess, ShopFreshness, ShopkeeperSettings, ShopPage
from towns.emails import send_town_email, town_url
from towns.staff import SHOP_FRESHNESS, staff_to_notify
from towns.towns import town_name

CONFIRM_SALT = "shops.freshness.confirm"
CONFIRM_MAX_AGE = 30 * 24 * 3600  # seconds: a confirmation link works for 30 days
REMIND_EVERY = datetime.timedelta(days=30)


class FreshnessState(TextChoices):
    UP_TO_DATE = "up_to_date", _("up to date")
    TO_CHECK = "to_check", _("to check")
    OBSOLETE = "obsolete", _("obsolete")


def add_months(moment, months):
    """The same day `months` later (or earlier), on the last day of a shorter month."""
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def freshness_date(shop, record=None):
    """The later of the last owner confirmation and the last publication (None if neither)."""
    if record is None:
        record = ShopFreshness.objects.filter(shop_id=shop.pk).first()
    dates = [d for d in [shop.last_published_at, record.confirmed_at if record else None] if d]
    return max(dates) if dates else None


def state_for(date, settings, now=None):
    now = now or timezone.now()
    if date is None or date <= add_months(now, -settings.obsolete_after_months):
        return FreshnessState.OBSOLETE
    if date <= add_months(now, -settings.to_check_after_months):
        return FreshnessState.TO_CHECK
    return FreshnessState.UP_TO_DATE


@dataclass
class ShopFreshnessInfo:
    shop: ShopPage
    date: datetime.datetime
    state: str
    record: ShopFreshness

    @property
    def label(self):
        return FreshnessState(self.state).label

    @property
    def last_contact(self):
        dates = [d for d in [self.record.last_reminder_at, self.record.confirmed_at] if d]
        return max(dates) if dates else None


def town_shops_freshness(site, now=None):
    """Every live shop of the town with its freshness, the least fresh first (a bounded number of queries)."""
    settings = ShopkeeperSettings.for_site(site)
    shops = list(ShopPage.objects.live().descendant_of(site.root_page).order_by("title"))
    records = {r.shop_id: r for r in ShopFreshness.objects.filter(shop__in=shops)}
    infos = []
    for shop in shops:
        record = records.get(shop.pk) or ShopFreshness(shop=shop)
        date = freshness_date(shop, record)
        infos.append(ShopFreshnessInfo(shop, date, state_for(date, settings, now), record))
    order = {FreshnessState.OBSOLETE: 0, FreshnessState.TO_CHECK: 1, FreshnessState.UP_TO_DATE: 2}
    infos.sort(
        key=lambda info: (order[info.state], info.date or datetime.datetime.min.replace(tzinfo=datetime.UTC))
    )
    return infos


def shop_freshness(shop, now=None):
    site = Site.objects.filter(root_page__in=shop.get_ancestors(inclusive=True)).first()
    settings = ShopkeeperSettings.for_site(site) if site else ShopkeeperSettings()
    record = ShopFreshness.objects.filter(shop_id=shop.pk).first() or ShopFreshness(shop=shop)
    date = freshness_date(shop, record)
    return ShopFreshnessInfo(shop, date, state_for(date, settings, now), record)


def confirm(shop, user=None, now=None):
    """The owners say the page is still right: the freshness date becomes now."""
    record, _created = ShopFreshness.objects.get_or_create(shop_id=shop.pk)
    record.confirmed_at = now or timezone.now()
    record.confirmed_by = user
    record.save(update_fields=["confirmed_at", "confirmed_by"])
    return record


def confirmation_token(shop, user):
    """The link of one owner: it speaks for that person, and only while they hold the shop."""
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign_object({"s": shop.pk, "u": user.pk})


class ConfirmationError(Exception):
    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason  # "expired", "invalid" or "revoked"


def shop_from_token(token):
    """The shop and the owner a link was sent to; refused once that person no longer holds the shop."""
    try:
        data = signing.TimestampSigner(salt=CONFIRM_SALT).unsign_object(token, max_age=CONFIRM_MAX_AGE)
    except signing.SignatureExpired:
        raise ConfirmationError("expired") from None
    except (signing.BadSignature, ValueError, TypeError):
        raise ConfirmationError("invalid") from None
    if not isinstance(data, dict):
        raise ConfirmationError("invalid")
    shop = ShopPage.objects.filter(pk=data.get("s")).first()
    if shop is None:
        raise ConfirmationError("invalid")
    owner = owners(shop).filter(pk=data.get("u")).first()
    if owner is None:  # access revoked, account switched off, or a link from before links were personal
        raise ConfirmationError("revoked")
    return shop, owner


def owners(shop):
    User = get_user_model()
    return (
        User.objects.filter(shop_accesses__in=ShopAccess.objects.held().filter(shop=shop), is_active=True)
        .exclude(email="")
        .distinct()
    )


def _due(last, since, now):
    """Nothing sent yet for this period (since the freshness date), or the last one is a month old."""
    return last is None or (since is not None and last < since) or last <= now - REMIND_EVERY


def send_reminders(now=None):
    """E-mail owners of pages to check or obsolete, and staff of obsolete ones; returns the counts."""
    now = now or timezone.now()
    counts = {"reminders": 0, "alerts": 0}
    for site in Site.objects.select_related("root_page"):
        town = town_name(site)
        obsolete = []
        for info in town_shops_freshness(site, now):
            if info.state == FreshnessState.UP_TO_DATE:
                continue
            record = info.record
            if record.pk is None:
                record.save()
            recipients = list(owners(info.shop))
            if recipients and _due(record.last_reminder_at, info.date, now):
                edit = town_url(site, reverse("wagtailadmin_pages:edit", args=[info.shop.pk]))
                for owner in recipients:  # one e-mail each: each link speaks for its owner
                    token = confirmation_token(info.shop, owner)
                    link = town_url(site, reverse("shops:shop_freshness_confirm", args=[token]))
                    send_town_email(
                        site,
                        owner.email,
                        "shops/emails/shopkeeper_freshness_reminder",
                        {
                            "info": info,
                            "shop": info.shop,
                            "town": town,
                            "confirm_url": link,
                            "edit_url": edit,
                        },
                    )
                record.last_reminder_at = now
                record.save(update_fields=["last_reminder_at"])
                counts["reminders"] += 1
            if info.state == FreshnessState.OBSOLETE and _due(record.last_escalation_at, info.date, now):
                obsolete.append(info)
        staff = staff_to_notify(site, SHOP_FRESHNESS) if obsolete else []
        if staff:
            send_town_email(
                site,
                staff,
                "shops/emails/shopkeeper_freshness_staff",
                {
                    "infos": obsolete,
                    "town": town,
                    "admin_url": town_url(site, reverse("wagtailadmin_home")),
                },
            )
            ShopFreshness.objects.filter(pk__in=[info.record.pk for info in obsolete]).update(
                last_escalation_at=now
            )
            counts["alerts"] += len(obsolete)
    return counts

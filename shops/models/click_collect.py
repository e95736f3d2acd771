from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.models import GroupPagePermission, Site


class ClickCollectStatus(models.TextChoices):
    NEW = "new", pgettext_lazy("click and collect status", "New")
    ACCEPTED = "accepted", _("Accepted")
    READY = "ready", _("Ready to collect")
    COLLECTED = "collected", _("Collected")
    DECLINED = "declined", _("Declined")


class ClickCollectRequestQuerySet(models.QuerySet):
    def for_site(self, site):
        """Requests made to the shops of one town: the shops under the town's home page."""
        return self.filter(shop__path__startswith=site.root_page.path)

    def for_user(self, user):
        """What this person may see and change in the admin.

        Superusers see everything. Everybody else sees the requests of the shops they may
        edit: town staff hold the “change” permission on their town's home page, so they
        see every shop of their town and no other. A shopkeeper given that permission on
        their own shop page would see that shop's requests only; a rule based on a shop's
        owners list would be one more `Q(shop__owners=user)` here.
        """
        if not user.is_active:
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(editable_pages_filter(user, "shop__path"))


def editable_page_paths(user):
    """Tree paths of the pages on which this person holds the “change” permission (cached on the user)."""
    paths = getattr(user, "_shops_editable_page_paths", None)
    if paths is None:
        paths = frozenset(
            GroupPagePermission.objects.filter(
                group__user=user, permission__codename="change_page"
            ).values_list("page__path", flat=True)
        )
        user._shops_editable_page_paths = paths
    return paths


def editable_pages_filter(user, path_lookup="path"):
    """A Q object matching the pages (or a FK to pages) under a page this person may edit."""
    paths = editable_page_paths(user)
    if not paths:
        return models.Q(pk__in=[])
    query = models.Q()
    for path in paths:
        query |= models.Q(**{f"{path_lookup}__startswith": path})
    return query


class ClickCollectRequest(models.Model):
    """A visitor's request that a shop sets products aside to be collected and paid in the shop.

    There is no online payment: the request tells the shop what to prepare and when the
    visitor would like to come. The items are copied when the request is made, so a later
    change of a product's name or price does not change what was asked.
    """

    shop = models.ForeignKey(
        "shops.ShopPage",
        verbose_name=_("shop"),
        on_delete=models.CASCADE,
        related_name="click_collect_requests",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ClickCollectStatus.choices, default=ClickCollectStatus.NEW
    )
    contact_name = models.CharField(_("name"), max_length=120)
    contact_phone = models.CharField(_("phone"), max_length=30, blank=True)
    contact_email = models.EmailField(_("e-mail"), blank=True)
    items = models.JSONField(
        _("products asked for"),
        default=list,
        blank=True,
        help_text=_("Name, price and quantity of each product, as they were when the request was made."),
    )
    message = models.TextField(_("message"), blank=True, max_length=2000)
    pickup_date = models.DateField(_("wished pick-up date"))
    pickup_time = models.TimeField(_("wished pick-up time"))
    consent_at = models.DateTimeField(_("consent given on"))
    created_at = models.DateTimeField(_("received on"), default=timezone.now, db_index=True)
    status_changed_at = models.DateTimeField(_("status changed on"), null=True, blank=True)
    decline_reason = models.TextField(
        _("reason for declining"),
        blank=True,
        max_length=1000,
        help_text=_("Sent to the visitor when you decline the request. Be kind and explain briefly."),
    )
    staff_note = models.TextField(
        _("internal note"),
        blank=True,
        max_length=2000,
        help_text=_("Only the shop and the town staff see this note; the visitor never does."),
    )

    objects = ClickCollectRequestQuerySet.as_manager()

    # Seen only by the visitor who sent it, the shop and the town's staff (core/page_cache_signals.py).
    cache_invalidation = None

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("click & collect request")
        verbose_name_plural = _("click & collect requests")

    def __str__(self):
        return _("Request no. %(number)s — %(shop)s") % {"number": self.reference, "shop": self.shop.title}

    @property
    def reference(self):
        return f"{self.pk or 0:05d}"

    @property
    def site(self):
        """The town of the request: the site whose home page is an ancestor of the shop."""
        for site in Site.objects.select_related("root_page"):
            if self.shop.path.startswith(site.root_page.path):
                return site
        return None

    @property
    def total(self):
        """The sum of the known prices, or None when a product has no price."""
        total = 0
        for item in self.items:
            if item.get("price") in (None, ""):
                return None
            total += float(item["price"]) * int(item["quantity"])
        return round(total, 2)

    def items_display(self):
        return "; ".join(f"{item['quantity']} × {item['name']}" for item in self.items)

    items_display.short_description = _("products asked for")

    def contact_display(self):
        return " · ".join(part for part in [self.contact_phone, self.contact_email] if part)

    contact_display.short_description = _("contact")

    def pickup_display(self):
        from django.utils.formats import date_format

        return f"{date_format(self.pickup_date, 'l j F')} — {self.pickup_time:%H:%M}"

    pickup_display.short_description = _("wished pick-up")


class ClickCollectStatusChange(models.Model):
    """One step in the life of a request, kept so the shop and the town know who did what, and when."""

    request = models.ForeignKey(
        ClickCollectRequest,
        on_delete=models.CASCADE,
        related_name="status_changes",
        verbose_name=_("request"),
    )
    status = models.CharField(_("status"), max_length=20, choices=ClickCollectStatus.choices)
    changed_at = models.DateTimeField(_("on"), default=timezone.now)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    # Seen only by the shop and the town's staff (core/page_cache_signals.py).
    cache_invalidation = None

    class Meta:
        ordering = ["changed_at", "pk"]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")

    def __str__(self):
        return f"{self.get_status_display()} — {self.changed_at:%d/%m/%Y %H:%M}"

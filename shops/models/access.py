"""Who may edit a shop page, how their changes go live, and how fresh the page is.

Access itself is a Wagtail group per shop (page permissions on the shop page, image
permissions on the shop's own collection); the records below keep who was invited,
by whom and when, and are never part of the page's revisions.
"""

from django.conf import settings
from django.db import models
from django.db.models.signals import post_save, pre_delete
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import PagePermissionTester
from wagtail.models.panels import PanelPlaceholder
from wagtail.signals import post_page_move

# Given to town staff groups: the fields of a shop page only the town's team sets
# (category, coordinates, SIRET, address of the page, SEO, publishing schedule).
STAFF_FIELDS_PERMISSION = "shops.edit_staff_fields"


def staff_only(panels, permission=STAFF_FIELDS_PERMISSION):
    """Copies of `panels` that only people holding `permission` see and may submit.

    Wagtail removes a FieldPanel's field from the form when the person lacks the panel's
    permission, so a crafted POST cannot change it; a group panel's permission only hides
    it, hence the permission is set on every panel of the tree.
    """
    restricted = []
    for panel in panels:
        if isinstance(panel, str):
            panel = FieldPanel(panel)
        if isinstance(panel, PanelPlaceholder):
            panel = panel.construct()
            if panel is None:
                continue
        kwargs = panel.clone_kwargs()
        if "children" in kwargs:
            kwargs["children"] = staff_only(kwargs["children"], permission)
        if "permission" in kwargs or hasattr(panel, "permission") or isinstance(panel, FieldPanel):
            kwargs["permission"] = permission
        restricted.append(panel.__class__(**kwargs))
    return restricted


class ShopPagePermissionTester(PagePermissionTester):
    """What a person may do with a shop page: a shopkeeper edits it and, when the town lets them,
    publishes it; nothing that removes, hides, moves, duplicates or locks it.

    Every door of the admin asks the page's tester before changing it: the classic screens, the
    admin API's actions and the bulk actions (Wagtail's `actions` classes, `check_perm`). Bulk actions
    load plain `Page` rows, whose `permissions_for_user` hands over to `ShopPage.permissions_for_user`
    because ShopPage overrides it. Wagtail's own rules would let “change + publish” delete or
    unpublish a page, and “change” alone delete one never published.
    """

    def __init__(self, user, page):
        super().__init__(user, page)
        from shops.shopkeepers import is_shopkeeper

        self.for_shopkeeper = is_shopkeeper(user)

    def can_delete(self, ignore_bulk=False):
        return not self.for_shopkeeper and super().can_delete(ignore_bulk)

    def can_unpublish(self):
        return not self.for_shopkeeper and super().can_unpublish()

    def can_move(self):
        return not self.for_shopkeeper and super().can_move()

    def can_copy(self):
        return not self.for_shopkeeper and super().can_copy()

    def can_lock(self):
        return not self.for_shopkeeper and super().can_lock()

    def can_set_view_restrictions(self):
        # A password or a login in front of the page hides it from visitors like unpublishing.
        return not self.for_shopkeeper and super().can_set_view_restrictions()

    def can_add_subpage(self):
        return not self.for_shopkeeper and super().can_add_subpage()

    def can_publish_subpage(self):
        return not self.for_shopkeeper and super().can_publish_subpage()

    def can_reorder_children(self):
        return not self.for_shopkeeper and super().can_reorder_children()


class ModerationMode(models.TextChoices):
    AFTER_APPROVAL = "approval", _("After approval by the town's team")
    AT_ONCE = "at_once", _("At once")


@register_setting(icon="group")
class ShopkeeperSettings(BaseSiteSetting):
    """How a town lets its shopkeepers publish, and when it asks them to check their page."""

    moderation = models.CharField(
        _("shopkeepers' changes go live"),
        max_length=20,
        choices=ModerationMode.choices,
        default=ModerationMode.AFTER_APPROVAL,
        help_text=_(
            "“After approval”: a member of the town's team checks every change before visitors see it "
            "(workflow “Relecture mairie”). “At once”: shopkeepers publish their changes themselves."
        ),
    )
    to_check_after_months = models.PositiveSmallIntegerField(
        _("page to check after (months)"),
        default=3,
        help_text=_("Without a confirmation or a publication for this long, the owners are asked to check."),
    )
    obsolete_after_months = models.PositiveSmallIntegerField(
        _("page obsolete after (months)"),
        default=6,
        help_text=_("Without a confirmation or a publication for this long, the town's team is told."),
    )

    panels = [
        FieldPanel("moderation"),
        FieldPanel("to_check_after_months"),
        FieldPanel("obsolete_after_months"),
    ]

    class Meta:
        verbose_name = _("shopkeepers")

    @property
    def publish_at_once(self):
        return self.moderation == ModerationMode.AT_ONCE


class ShopOwnership(models.Model):
    """The Wagtail group that holds a shop's permissions, and the shop's own image collection."""

    shop = models.OneToOneField(
        "shops.ShopPage", verbose_name=_("shop"), on_delete=models.CASCADE, related_name="ownership"
    )
    group = models.OneToOneField(
        "auth.Group", verbose_name=_("group"), on_delete=models.CASCADE, related_name="shop_ownership"
    )
    collection = models.ForeignKey(
        "wagtailcore.Collection",
        verbose_name=_("image collection"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("shop's owner group")
        verbose_name_plural = _("shops' owner groups")

    def __str__(self):
        return self.group.name


class ShopAccessQuerySet(models.QuerySet):
    def active(self):
        """Not revoked: held, or invited and not yet accepted."""
        return self.filter(revoked_at__isnull=True)

    def pending(self):
        """Invitations sent and not yet accepted: they grant nothing."""
        return self.active().filter(accepted_at__isnull=True)

    def held(self):
        """Accepted and not revoked: the person holds the shop."""
        return self.active().filter(accepted_at__isnull=False)


class ShopAccess(models.Model):
    """A shopkeeper's access to one shop: who invited them, when they accepted, when it was revoked.
    Until it is accepted it is only an invitation, and grants nothing."""

    shop = models.ForeignKey(
        "shops.ShopPage", verbose_name=_("shop"), on_delete=models.CASCADE, related_name="accesses"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("shopkeeper"),
        on_delete=models.CASCADE,
        related_name="shop_accesses",
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    invited_at = models.DateTimeField(_("invited on"))
    accepted_at = models.DateTimeField(_("accepted on"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked on"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = ShopAccessQuerySet.as_manager()

    class Meta:
        verbose_name = _("shopkeeper access")
        verbose_name_plural = _("shopkeeper accesses")
        ordering = ["-invited_at"]

    def __str__(self):
        return f"{self.user} → {self.shop}"

    @property
    def is_active(self):
        return self.revoked_at is None

    @property
    def is_pending(self):
        return self.revoked_at is None and self.accepted_at is None


class ShopFreshness(models.Model):
    """When a shop's owners last confirmed their page, and when they (or the town) were last reminded."""

    shop = models.OneToOneField(
        "shops.ShopPage", verbose_name=_("shop"), on_delete=models.CASCADE, related_name="freshness"
    )
    confirmed_at = models.DateTimeField(_("last confirmed by an owner"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("confirmed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    last_reminder_at = models.DateTimeField(_("last reminder to the owners"), null=True, blank=True)
    last_escalation_at = models.DateTimeField(_("last alert to the town's team"), null=True, blank=True)

    class Meta:
        verbose_name = _("freshness of a shop page")
        verbose_name_plural = _("freshness of shop pages")

    def __str__(self):
        return str(self.shop)


@receiver(post_save, sender=ShopkeeperSettings)
def apply_moderation_setting(sender, instance, **kwargs):
    """Switching the town's setting gives or takes the publish permission of its shop groups."""
    from shops.shopkeepers import apply_moderation

    if instance.site_id:
        apply_moderation(instance.site)


@receiver(pre_delete, sender="shops.ShopPage")
def withdraw_rights_of_deleted_shop(sender, instance, **kwargs):
    """Before the page goes (and its ShopOwnership with it), take its group and rights away, so
    nothing is left for a later shop of the same name to inherit."""
    from shops.shopkeepers import withdraw_shop_rights

    withdraw_shop_rights(instance)


@receiver(post_page_move)
def withdraw_rights_of_shops_leaving_their_town(
    sender, instance, parent_page_before, parent_page_after, **kwargs
):
    """A shop page moved to another town is no longer its shopkeepers' nor its former town's to give."""
    from shops.models import ShopPage
    from shops.shopkeepers import shop_site, withdraw_shop_rights

    if shop_site(parent_page_before) == shop_site(parent_page_after):
        return
    for shop in ShopPage.objects.descendant_of(instance, inclusive=True):
        withdraw_shop_rights(shop)

"""Shopkeepers in the Wagtail admin: invitations and revocation for town staff, a simple
dashboard for shopkeepers, the freshness panel for staff, and a menu trimmed to what a
shopkeeper can use. Registered from shops/wagtail_hooks.py.
"""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.models import GroupPagePermission, Site

from core.project_apps import contribution
from shops import freshness, shopkeepers
from shops.models import ShopAccess, ShopPage
from shops.shopkeepers import (
    account_for,
    administrators,
    can_manage_shopkeepers,
    editors_of,
    invite,
    is_shopkeeper,
    revoke,
    shop_site,
    shops_of,
    switched_off_by_an_administrator,
)

# Admin menu items a shopkeeper keeps (images, their click & collect requests); everything else is
# hidden, and refused by permissions anyway.
SHOPKEEPER_MENU_ITEMS = {"images"}
SHOPKEEPER_MENU_URLS = ["/admin/shops/clickcollectrequest/"]


class InvitationForm(forms.Form):
    first_name = forms.CharField(
        label=gettext_lazy("First name"), max_length=150, help_text=gettext_lazy("e.g. Sophie.")
    )
    last_name = forms.CharField(
        label=gettext_lazy("Last name"), max_length=150, help_text=gettext_lazy("e.g. Lefebvre.")
    )
    email = forms.EmailField(
        label=gettext_lazy("E-mail"),
        help_text=gettext_lazy(
            "The shopkeeper receives a link to choose a password. If they already have an account "
            "with this address, they receive a link to accept the shop, signed in with that account."
        ),
    )

    def clean_email(self):
        email = self.cleaned_data["email"]
        if switched_off_by_an_administrator(account_for(email)):
            raise forms.ValidationError(
                _(
                    "The account with this address was switched off by an administrator. Ask them to "
                    "switch it back on: an invitation cannot."
                )
            )
        return email


def _shop_for_staff(request, page_id):
    page = get_object_or_404(ShopPage, pk=page_id)
    if not can_manage_shopkeepers(request.user, page):
        # Another town's shop, or not staff: as if it did not exist.
        raise Http404
    return page


def manage_shopkeepers(request, page_id):
    """“Accès commerçants” of one shop: who holds it, invite someone, revoke an access."""
    shop = _shop_for_staff(request, page_id)
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        access = invite(shop, data["email"], data["first_name"], data["last_name"], invited_by=request.user)
        _say_invitation_sent(request, access)
        return redirect("shopkeepers_manage", page_id=shop.pk)
    accesses = ShopAccess.objects.filter(shop=shop).select_related("user", "invited_by", "revoked_by")
    context = {
        "shop": shop,
        "form": form,
        "editors": editors_of(shop),
        "administrators": administrators().count(),
        "active": [a for a in accesses if a.revoked_at is None],
        "revoked": [a for a in accesses if a.revoked_at is not None],
        "freshness": freshness.shop_freshness(shop),
        "page_title": _("Shopkeepers' access"),
        "page_subtitle": shop.title,
        "header_title": _("Shopkeepers' access: %(shop)s") % {"shop": shop.title},
        "header_icon": "group",
    }
    return TemplateResponse(request, "shops/shopkeepers/admin/manage.html", context)


def _say_invitation_sent(request, access):
    values = {"email": access.user.email, "shop": access.shop.title}
    if access.is_pending:
        message = _("An invitation has been sent to %(email)s: they may edit “%(shop)s” once they accept it.")
    else:
        message = _("%(email)s may already edit “%(shop)s”; an e-mail has been sent to remind them.")
    messages.success(request, message % values)


@require_POST
def resend_invitation(request, access_id):
    """A new link for a pending invitation (the previous one stops working)."""
    access = get_object_or_404(ShopAccess.objects.pending().select_related("shop", "user"), pk=access_id)
    _shop_for_staff(request, access.shop_id)
    access = shopkeepers.resend_invitation(access, invited_by=request.user)
    _say_invitation_sent(request, access)
    return redirect("shopkeepers_manage", page_id=access.shop_id)


def revoke_access(request, access_id):
    """Take a shop away from someone, or cancel their invitation, after a confirmation page:
    one tap too many in the list must not cut a shopkeeper off their page."""
    access = get_object_or_404(ShopAccess.objects.active().select_related("shop", "user"), pk=access_id)
    shop = _shop_for_staff(request, access.shop_id)
    was_pending = access.is_pending
    if request.method != "POST":
        title = _("Cancel the invitation") if was_pending else _("Revoke access")
        context = {
            "access": access,
            "shop": shop,
            "page_title": title,
            "page_subtitle": shop.title,
            "header_title": title,
            "header_icon": "group",
        }
        return TemplateResponse(request, "shops/shopkeepers/admin/revoke.html", context)
    revoke(access, revoked_by=request.user)
    if was_pending:
        message = _("The invitation of %(email)s to edit “%(shop)s” is cancelled.")
    else:
        message = _("%(email)s can no longer edit “%(shop)s”.")
    messages.success(request, message % {"email": access.user.email, "shop": shop.title})
    return redirect("shopkeepers_manage", page_id=shop.pk)


@hooks.register("register_admin_urls")
def register_shopkeeper_admin_urls():
    return [
        path("commerces/<int:page_id>/commercants/", manage_shopkeepers, name="shopkeepers_manage"),
        path("commerces/acces/<int:access_id>/retirer/", revoke_access, name="shopkeepers_revoke"),
        path("commerces/acces/<int:access_id>/renvoyer/", resend_invitation, name="shopkeepers_resend"),
    ]


class ShopkeepersButton(PageMenuItem):
    label = gettext_lazy("Shopkeepers' access")
    icon_name = "group"
    priority = 45

    @property
    def url(self):
        return reverse("shopkeepers_manage", args=[self.page.pk])

    def is_shown(self, user):
        return self.page.specific_class is ShopPage and can_manage_shopkeepers(user, self.page)


@hooks.register("register_page_header_buttons")
def shopkeepers_header_button(page, user, view_name, next_url=None):
    yield ShopkeepersButton(page=page)


@hooks.register("register_page_listing_more_buttons")
def shopkeepers_listing_button(page, user, next_url=None):
    yield ShopkeepersButton(page=page)


# Dashboard ----------------------------------------------------------------------------------


def _shopkeeper_help_url(name, site):
    """A link learning or the programme offers a shopkeeper (guides, coup de pouce); None without it."""
    url_for = contribution("shopkeeper_help", name)
    return url_for(site) if url_for and site else None


class ShopkeeperPanel(Component):
    """What a shopkeeper sees on arriving in the admin: their shops and what to do next."""

    name = "shopkeeper_shops"
    template_name = "shops/shopkeepers/admin/shopkeeper_panel.html"
    order = 10

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        from shops.models import ClickCollectRequest, ClickCollectStatus

        shops = list(shops_of(self.request.user))
        pending = dict(
            ClickCollectRequest.objects.filter(shop__in=shops, status=ClickCollectStatus.NEW)
            .values_list("shop_id")
            .annotate(n=Count("pk"))
        )
        rows = [
            {
                "shop": shop,
                "edit_url": reverse("wagtailadmin_pages:edit", args=[shop.pk]),
                "live_url": shop.get_url(self.request) if shop.live else None,
                "pending": pending.get(shop.pk, 0),
                "freshness": freshness.shop_freshness(shop),
                "requests_url": _click_collect_url(shop),
            }
            for shop in shops
        ]
        site = Site.find_for_request(self.request) or (shop_site(shops[0]) if shops else None)
        return {
            "rows": rows,
            "guides_url": _shopkeeper_help_url("guides_url", site),
            "help_url": _shopkeeper_help_url("help_request_url", site),
        }


def _click_collect_url(shop):
    try:
        return reverse("shops_clickcollectrequest_modeladmin_index") + f"?shop={shop.pk}"
    except Exception:  # noqa: BLE001 - the list is optional
        return None


def staff_sites(user):
    """The towns whose home page this person may publish (every town for an administrator)."""
    if user.is_superuser:
        return list(Site.objects.select_related("root_page").order_by("site_name"))
    page_ids = GroupPagePermission.objects.filter(
        group__user=user, permission__codename="publish_page"
    ).values_list("page_id", flat=True)
    return list(Site.objects.filter(root_page_id__in=page_ids).select_related("root_page"))


class FreshnessPanel(Component):
    """Town staff: the town's shops, the least fresh first, with the last contact with their owners."""

    name = "shop_freshness"
    template_name = "shops/shopkeepers/admin/freshness_panel.html"
    order = 120
    limit = 15

    def __init__(self, request, sites):
        self.request = request
        self.sites = sites

    def get_context_data(self, parent_context):
        towns = []
        for site in self.sites:
            infos = freshness.town_shops_freshness(site)
            counts = dict.fromkeys(freshness.FreshnessState.values, 0)
            for info in infos:
                counts[info.state] += 1
            towns.append(
                {
                    "site": site,
                    "infos": infos[: self.limit],
                    "more": max(0, len(infos) - self.limit),
                    "to_check": counts[freshness.FreshnessState.TO_CHECK],
                    "obsolete": counts[freshness.FreshnessState.OBSOLETE],
                    "up_to_date": counts[freshness.FreshnessState.UP_TO_DATE],
                }
            )
        return {"towns": towns}


@hooks.register("construct_homepage_panels")
def shopkeeper_homepage_panels(request, panels):
    user = request.user
    if is_shopkeeper(user):
        panels[:] = [ShopkeeperPanel(request)]
        return
    sites = staff_sites(user)
    if user.is_superuser:
        current = Site.find_for_request(request)
        sites = [current] if current else sites[:1]
    sites = [site for site in sites if ShopPage.objects.descendant_of(site.root_page).exists()]
    if sites:
        panels.append(FreshnessPanel(request, sites))


@hooks.register("construct_main_menu")
def shopkeeper_main_menu(request, menu_items):
    if is_shopkeeper(request.user):
        menu_items[:] = [
            item
            for item in menu_items
            if item.name in SHOPKEEPER_MENU_ITEMS
            or any(str(getattr(item, "url", "")).endswith(url) for url in SHOPKEEPER_MENU_URLS)
        ]


@hooks.register("construct_page_chooser_queryset")
def shopkeeper_page_chooser(pages, request):
    """Shopkeepers link only to published pages (and their own shops): no peeking at drafts."""
    if is_shopkeeper(request.user):
        own = shops_of(request.user).values_list("pk", flat=True)
        pages = pages.filter(Q(live=True) | Q(pk__in=own))
    return pages


def shopkeeper_users():
    return get_user_model().objects.filter(groups__shop_ownership__isnull=False).distinct()

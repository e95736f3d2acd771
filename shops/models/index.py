from django.db import models
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.search import index

from home.models import BasePage


class ShopIndexPage(RoutablePageMixin, BasePage):
    """The town's shop directory: filters, map and product search over its shop pages."""

    introduction = models.TextField(
        _("introduction"),
        max_length=500,
        blank=True,
        help_text=_("A sentence or two above the directory, e.g. “Tous les commerces du centre-ville”."),
    )

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]

    search_fields = BasePage.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["shops.ShopPage"]

    class Meta:
        verbose_name = _("shop directory")
        verbose_name_plural = _("shop directories")

    @path("")
    def directory(self, request):
        from shops.directory import directory_context

        return self.render(request, context_overrides=directory_context(self, request))

    @path("produits/")
    def product_search(self, request):
        from shops.product_search import product_search_context

        return self.render(
            request,
            context_overrides=product_search_context(self, request),
            template="shops/product_search.html",
        )


@receiver(post_save, sender=ShopIndexPage)
def review_by_the_towns_team(sender, instance, created, raw=False, **kwargs):
    """Shopkeepers' changes in a new directory go to its town's team (“Relecture mairie”), not to
    Wagtail's default moderators, whoever creates the directory and whenever."""
    if not created or raw:
        return
    from shops.shopkeepers import ensure_town_workflow

    site = instance.get_site()
    if site is not None and site.root_page_id == instance.get_parent().pk:
        ensure_town_workflow(site)

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Topic(index.Indexed, models.Model):
    """A digital skill a shopkeeper may learn or ask help with: guides, volunteers and requests share them."""

    name = models.CharField(
        _("name"), max_length=80, unique=True, help_text=_("For example: Réseaux sociaux.")
    )
    slug = models.SlugField(
        _("short name in addresses"),
        max_length=80,
        unique=True,
        help_text=_("Letters, digits and hyphens only, e.g. reseaux-sociaux."),
    )
    description = models.TextField(
        _("description"),
        blank=True,
        max_length=300,
        help_text=_("One sentence that says what this topic covers, shown to shopkeepers."),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Topics are listed from the smallest number.")
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description"), FieldPanel("sort_order")]

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    # Shared by every town's guides and volunteers (core/page_cache_signals.py).
    cache_invalidation = "every town"

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.name

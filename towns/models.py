from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Site

from core.town_cache import KeptSiteSetting

# Each palette pairs colours that keep a contrast ratio of at least 4.5:1 with
# white text and with the page background, so staff cannot pick unreadable ones.
PALETTES = [
    ("ardoise", _("Slate blue")),
    ("bocage", _("Hedgerow green")),
    ("brique", _("Brick red")),
    ("prune", _("Plum")),
]


@register_setting(icon="site")
class TownIdentity(KeptSiteSetting, BaseSiteSetting):
    """How a town presents its portal: name, colours, contact and legal pages.

    Every page shows it: it is read once per change of the town (core/town_cache.py).
    """

    select_related = [
        "logo",
        "about_page",
        "legal_notice_page",
        "privacy_page",
        "accessibility_page",
    ]

    town_name = models.CharField(_("town name"), max_length=80, help_text=_("For example: Béthune."))
    tagline = models.CharField(
        _("tagline"),
        max_length=140,
        blank=True,
        help_text=_("A short sentence shown under the name, e.g. “Les commerces du centre-ville”."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The town's logo, shown at the top of every page."),
    )
    palette = models.CharField(
        _("colours"),
        max_length=20,
        choices=PALETTES,
        default="ardoise",
        help_text=_("Every choice is readable by people with low vision."),
    )
    contact_name = models.CharField(
        _("contact service"),
        max_length=120,
        blank=True,
        help_text=_("Who answers questions, e.g. “Service commerce, mairie de Béthune”."),
    )
    contact_address = models.TextField(_("postal address"), blank=True, max_length=300)
    contact_phone = models.CharField(_("phone"), max_length=30, blank=True)
    contact_email = models.EmailField(_("e-mail"), blank=True)
    facebook_url = models.URLField(_("Facebook page"), blank=True)
    instagram_url = models.URLField(_("Instagram account"), blank=True)
    linkedin_url = models.URLField(_("LinkedIn page"), blank=True)
    footer_text = models.TextField(
        _("footer text"),
        blank=True,
        max_length=400,
        help_text=_("A sentence shown at the bottom of every page, e.g. the programme's partners."),
    )
    about_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("“About” page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    legal_notice_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("legal notice page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("personal data page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Every French public website must publish its accessibility statement (RGAA)."),
    )

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [FieldPanel("town_name"), FieldPanel("tagline"), FieldPanel("logo"), FieldPanel("palette")],
                heading=_("Identity"),
            ),
            ObjectList(
                [
                    MultiFieldPanel(
                        [
                            FieldPanel("contact_name"),
                            FieldPanel("contact_address"),
                            FieldPanel("contact_phone"),
                            FieldPanel("contact_email"),
                        ],
                        heading=_("Contact"),
                    ),
                    MultiFieldPanel(
                        [FieldPanel("facebook_url"), FieldPanel("instagram_url"), FieldPanel("linkedin_url")],
                        heading=_("Social networks"),
                    ),
                    FieldPanel("footer_text"),
                ],
                heading=_("Contact and footer"),
            ),
            ObjectList(
                [
                    FieldPanel("about_page"),
                    FieldPanel("legal_notice_page"),
                    FieldPanel("privacy_page"),
                    FieldPanel("accessibility_page"),
                ],
                heading=_("Legal pages"),
            ),
        ]
    )

    class Meta:
        verbose_name = _("town identity")
        verbose_name_plural = _("town identities")

    def __str__(self):
        return self.town_name or str(self.site)

    @property
    def social_links(self):
        links = [
            ("Facebook", self.facebook_url),
            ("Instagram", self.instagram_url),
            ("LinkedIn", self.linkedin_url),
        ]
        return [(name, url) for name, url in links if url]

    @property
    def legal_pages(self):
        pages = [self.about_page, self.legal_notice_page, self.privacy_page, self.accessibility_page]
        return [page for page in pages if page is not None and page.live]

    def public_images(self):
        """The town's logo, whose renditions are made when the identity is saved (core/renditions.py)."""
        if self.logo_id:
            yield self.logo_id, "logo"


class SharedPageCopy(models.Model):
    """A town's own copy of a page from a shared library (towns/library.py), and what it was copied from.

    The library's version the town took (`source_revision`) tells whether the library has
    published a newer one since; the copy's revision made by the copy (`copy_revision`) tells
    whether the town has changed its copy since. Generic over page types: the guide library
    (learning/library.py) is the first user.
    """

    site = models.ForeignKey(Site, verbose_name=_("town"), on_delete=models.CASCADE, related_name="+")
    source = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("library page"),
        on_delete=models.CASCADE,
        related_name="shared_copies",
    )
    copy = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("town's copy"),
        on_delete=models.CASCADE,
        related_name="shared_copy",
    )
    # SET_NULL: Wagtail's purge_revisions may delete an old revision; a missing one reads as “changed”.
    source_revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("library version copied"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    copy_revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("copy as made"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    copied_at = models.DateTimeField(_("copied on"))

    class Meta:
        verbose_name = _("shared page copy")
        verbose_name_plural = _("shared page copies")
        constraints = [
            models.UniqueConstraint(fields=["site", "source"], name="one_copy_per_town_and_library_page")
        ]

    def __str__(self):
        return f"{self.copy} ({self.site})"

    @property
    def is_adapted(self):
        """The town saved its copy after copying it (any edit, even a republication, counts)."""
        return self.copy.latest_revision_id != self.copy_revision_id

    @property
    def has_new_version(self):
        """The library published its page again after the town copied it."""
        return self.source.live_revision_id != self.source_revision_id

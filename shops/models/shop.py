from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import prefetch_related_objects
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.search import index

from core.renditions import prefetch_renditions
from core.template_context import deferred
from home.models import BasePage
from shops.admin_forms import ShopPageForm
from shops.models.access import STAFF_FIELDS_PERMISSION, ShopPagePermissionTester, staff_only
from shops.validators import validate_acceslibre_url, validate_siret

# The image roles of a shop page: gallery, products, and the shared image (meta tags, JSON-LD).
PAGE_IMAGE_ROLES = ("gallery_main", "gallery_thumb", "product", "social")
SHOP_RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link"]

# (field name, label) of every service a shop may offer, in the order visitors see them.
SERVICES = [
    ("click_collect", _("Click & collect")),
    ("delivery", _("Home delivery")),
    ("delivery_paid_by_town", _("Delivery paid by the town")),
    ("local_drive", _("Local drive")),
    ("in_shop_pickup", _("Pick-up of orders in the shop")),
    ("accessible_entrance", _("Accessible entrance")),
    ("card_payment", _("Card payment")),
    ("contactless_payment", _("Contactless payment")),
]
SERVICE_FIELDS = [name for name, _label in SERVICES]

phone_validator = RegexValidator(
    r"^\+?[0-9 .\-()]{6,20}$", _("Type a phone number, e.g. 03 21 00 00 00 or +33 3 21 00 00 00.")
)


class ShopTag(TaggedItemBase):
    content_object = ParentalKey("shops.ShopPage", on_delete=models.CASCADE, related_name="tagged_items")


def _service_field(label, help_text):
    return models.BooleanField(label, default=False, help_text=help_text)


class ShopPage(RoutablePageMixin, BasePage):
    """One independent shop of the town: the page its owner keeps up to date and visitors trust."""

    pitch = models.CharField(
        _("pitch"),
        max_length=160,
        help_text=_(
            "One sentence that makes people want to come, e.g. “Pain au levain cuit au feu de bois”."
        ),
    )
    category = models.ForeignKey(
        "shops.ShopCategory",
        verbose_name=_("category"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="shops",
        help_text=_("The family of shops yours belongs to."),
    )
    tags = ClusterTaggableManager(
        _("keywords"),
        through=ShopTag,
        blank=True,
        help_text=_("Words visitors may search for, separated by commas, e.g. bio, vrac, fait maison."),
    )
    description = RichTextField(
        _("description"),
        features=SHOP_RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Present your shop, what you sell and what makes it special."),
    )

    street = models.CharField(
        _("street"), max_length=150, help_text=_("Number and street, e.g. 12 rue d'Arras.")
    )
    postcode = models.CharField(
        _("postcode"),
        max_length=5,
        validators=[RegexValidator(r"^[0-9]{5}$", _("A postcode has 5 digits."))],
        help_text=_("5 digits, e.g. 62400."),
    )
    town = models.CharField(_("town"), max_length=80, help_text=_("e.g. Béthune."))
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("-90")), MaxValueValidator(Decimal("90"))],
        help_text=_("Position on the map, e.g. 50.529800. The town's team can fill it in for you."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("-180")), MaxValueValidator(Decimal("180"))],
        help_text=_("Position on the map, e.g. 2.640800."),
    )

    phone = models.CharField(
        _("phone"),
        max_length=20,
        blank=True,
        validators=[phone_validator],
        help_text=_("The number your customers can call."),
    )
    email = models.EmailField(
        _("e-mail"), blank=True, help_text=_("The address your customers can write to.")
    )
    website = models.URLField(_("website"), blank=True, help_text=_("Your own website, if you have one."))
    facebook_url = models.URLField(_("Facebook page"), blank=True, help_text=_("Full address of your page."))
    instagram_url = models.URLField(
        _("Instagram account"), blank=True, help_text=_("Full address of your account.")
    )
    other_social_url = models.URLField(
        _("other network"), blank=True, help_text=_("Another network or marketplace where you are present.")
    )
    siret = models.CharField(
        _("SIRET number"),
        max_length=17,
        blank=True,
        validators=[validate_siret],
        help_text=_("14 digits, on your Kbis or invoices. Optional, never shown to visitors."),
    )
    acceslibre_url = models.URLField(
        _("acceslibre page"),
        blank=True,
        validators=[validate_acceslibre_url],
        help_text=_(
            "The address of your shop's page on acceslibre.beta.gouv.fr, which describes its accessibility."
        ),
    )

    click_collect = _service_field(
        SERVICES[0][1], _("Visitors may ask you to set products aside and pick them up.")
    )
    delivery = _service_field(SERVICES[1][1], _("You deliver to your customers' homes."))
    delivery_paid_by_town = _service_field(
        SERVICES[2][1], _("The town pays for your deliveries (tick delivery too).")
    )
    local_drive = _service_field(SERVICES[3][1], _("Customers pick up orders from their car."))
    in_shop_pickup = _service_field(
        SERVICES[4][1], _("Orders placed by phone or online are picked up in the shop.")
    )
    accessible_entrance = _service_field(SERVICES[5][1], _("A wheelchair user can enter without help."))
    card_payment = _service_field(SERVICES[6][1], _("You accept bank cards."))
    contactless_payment = _service_field(SERVICES[7][1], _("You accept contactless card or phone payment."))

    shop_panels = [
        FieldPanel("title", help_text=_("The name of the shop, as on its sign.")),
        FieldPanel("pitch"),
        FieldPanel("category", permission=STAFF_FIELDS_PERMISSION),
        FieldPanel("description"),
        FieldPanel("tags"),
    ]
    contact_panels = [
        MultiFieldPanel(
            [FieldPanel("street"), FieldRowPanel([FieldPanel("postcode"), FieldPanel("town")])],
            heading=_("Address"),
        ),
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("email"), FieldPanel("website")], heading=_("Contact")
        ),
        MultiFieldPanel(
            [FieldPanel("facebook_url"), FieldPanel("instagram_url"), FieldPanel("other_social_url")],
            heading=_("Social networks"),
        ),
    ]
    services_panels = [
        MultiFieldPanel([FieldPanel(name) for name in SERVICE_FIELDS], heading=_("Services")),
        FieldPanel("acceslibre_url"),
    ]
    hours_panels = [
        InlinePanel(
            "opening_hours",
            heading=_("Usual week"),
            label=_("Time range"),
            help_text=_("Add one line per time range: a day with a lunch break has two lines."),
        ),
        InlinePanel(
            "exceptional_openings",
            heading=_("Holidays and exceptional dates"),
            label=_("Exceptional date"),
            help_text=_("Closures (holidays, inventory) and special openings. Past dates can be removed."),
        ),
        InlinePanel(
            "pickup_slots",
            heading=_("Click & collect pick-up slots"),
            label=_("Pick-up slot"),
            help_text=_("When customers may pick up what they set aside, if different from your hours."),
        ),
    ]
    gallery_panels = [
        InlinePanel(
            "gallery", heading=_("Photos"), label=_("Photo"), help_text=_("Drag to change the order.")
        )
    ]
    product_panels = [
        InlinePanel(
            "products",
            heading=_("Products"),
            label=_("Product"),
            help_text=_("A few products visitors may look for. Optional."),
        )
    ]
    staff_panels = [
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]), FieldPanel("siret")],
            heading=_("Filled in by the town's team"),
        )
    ]

    edit_handler = TabbedInterface(
        [
            ObjectList(shop_panels, heading=_("My shop")),
            ObjectList(contact_panels, heading=_("Address and contact")),
            ObjectList(hours_panels, heading=_("Hours")),
            ObjectList(gallery_panels, heading=_("Photos")),
            ObjectList(product_panels, heading=_("Products")),
            ObjectList(services_panels, heading=_("Services")),
            ObjectList(
                staff_only(staff_panels), heading=_("Town's team"), permission=STAFF_FIELDS_PERMISSION
            ),
            ObjectList(
                staff_only(BasePage.promote_panels), heading=_("Promote"), permission=STAFF_FIELDS_PERMISSION
            ),
            ObjectList(
                staff_only(BasePage.settings_panels),
                heading=_("Settings"),
                permission=STAFF_FIELDS_PERMISSION,
            ),
        ]
    )
    base_form_class = ShopPageForm

    search_fields = BasePage.search_fields + [
        index.SearchField("pitch", boost=2),
        index.SearchField("description"),
        index.AutocompleteField("title"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.RelatedFields("products", [index.SearchField("name"), index.SearchField("description")]),
        index.RelatedFields("category", [index.SearchField("name")]),
        index.FilterField("category"),
    ]

    parent_page_types = ["shops.ShopIndexPage"]
    subpage_types = []
    # Loaded with the page when a visitor opens it, and kept with it until the town changes
    # (core/routing.py).
    serve_select_related = ["category", "freshness"]
    serve_prepared = ["hours"]

    class Meta:
        verbose_name = _("shop")
        verbose_name_plural = _("shops")
        permissions = [("edit_staff_fields", _("Can edit the fields of a shop page only the town sets"))]

    def clean(self):
        super().clean()
        errors = {}
        if (self.latitude is None) != (self.longitude is None):
            field = "longitude" if self.longitude is None else "latitude"
            errors[field] = _("Give both the latitude and the longitude, or neither.")
        if self.delivery_paid_by_town and not self.delivery:
            errors["delivery"] = _("Tick “home delivery” if the town pays for your deliveries.")
        if errors:
            raise ValidationError(errors)

    def permissions_for_user(self, user):
        return ShopPagePermissionTester(user, self)

    def save(self, *args, **kwargs):
        self.siret = self.siret.replace(" ", "")
        super().save(*args, **kwargs)

    @path("reserver/", name="click_collect")
    def click_collect_form(self, request):
        """The click & collect request form: it takes its POST here, like every page's form."""
        from shops.views.click_collect import click_collect_request

        return click_collect_request(request, self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        # A preview shows the products and photos being edited; a visitor, the saved ones.
        self._listing_from_database = not getattr(request, "is_preview", False)
        context.update(
            {
                "now": now,
                "status": self.hours.status(now),
                "week": deferred(lambda: self.hours.week(now)),
                "exceptions": deferred(lambda: self.hours.upcoming_exceptions(now)),
                # Read only when shown: not when the town cache kept that part of the page.
                "products": deferred(lambda: self.product_list),
                "photos": deferred(lambda: self.photo_list),
                "tags": deferred(lambda: list(self.tags.all())),
            }
        )
        return context

    @cached_property
    def _listing(self):
        if getattr(self, "_listing_from_database", False):
            # Products and photos with their images, then the renditions this page shows in one
            # query. Ordered as the editor arranged them, then as added (sort_order can be empty).
            products = list(self.products.select_related("image").order_by("sort_order", "pk"))
            photos = self.gallery.select_related("image").order_by("sort_order", "pk")
            photos = [photo for photo in photos if photo.image_id]
            prefetch_related_objects(
                [item.image for item in products + photos if item.image_id],
                prefetch_renditions("renditions", *PAGE_IMAGE_ROLES),
            )
            return products, photos
        return list(self.products.all()), [photo for photo in self.gallery.all() if photo.image_id]

    @property
    def product_list(self):
        return self._listing[0]

    @property
    def photo_list(self):
        return self._listing[1]

    @property
    def services(self):
        """The (field, label) pairs of the services this shop offers."""
        return [(name, label) for name, label in SERVICES if getattr(self, name)]

    @cached_property
    def freshness_date(self):
        """The later of the owners' last confirmation and the last publication (see shops/freshness.py)."""
        from shops.freshness import freshness_date
        from shops.models import ShopFreshness

        if type(self).freshness.is_cached(self):
            # Loaded along with the page: no record means no confirmation yet.
            return freshness_date(self, getattr(self, "freshness", None) or ShopFreshness())
        return freshness_date(self)

    @property
    def address(self):
        return f"{self.street}, {self.postcode} {self.town}"

    @cached_property
    def hours(self):
        """The shop's opening hours as plain data (works on prefetched rows, no extra query)."""
        from shops.hours import ShopHours

        return ShopHours.from_rows(self.opening_hours.all(), self.exceptional_openings.all())

    def osm_opening_hours(self):
        """The week in OpenStreetMap `opening_hours` syntax, e.g. “Mo-Fr 09:00-19:00; Sa 09:00-12:00”."""
        return self.hours.osm()

    @property
    def first_photo(self):
        return self.photo_list[0] if self.photo_list else None

    def get_social_image(self):
        if self.social_image_id:
            return self.social_image
        photo = self.first_photo
        return photo.image if photo else None

    def public_images(self):
        for position, photo in enumerate(self.photo_list):
            if position == 0:
                yield photo.image, "gallery_main"
                yield photo.image, "shop_card"  # in the directory
            else:
                yield photo.image, "gallery_thumb"
        for product in self.product_list:
            if product.image_id:
                yield product.image, "product"
        yield from super().public_images()

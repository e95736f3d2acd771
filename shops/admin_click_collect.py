"""“Demandes click & collect” in the admin: a list per town, and status changes that tell the visitor."""

from django.contrib import admin
from django.contrib.auth.models import Permission
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop
from wagtail.admin import messages
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, HelpPanel, ObjectList
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.views import EditView

from core.admin_records import RecordAdmin

from .click_collect import send_status_email
from .models import ClickCollectRequest, ClickCollectStatus, ClickCollectStatusChange, ShopPage
from .models.click_collect import editable_page_paths, editable_pages_filter


class ClickCollectAdminForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("status") == ClickCollectStatus.DECLINED
            and not cleaned.get("decline_reason", "").strip()
        ):
            self.add_error(
                "decline_reason",
                gettext_lazy("Tell the customer why you decline: this text is sent to them by e-mail."),
            )
        return cleaned


class ShopListFilter(admin.SimpleListFilter):
    """The shops the person may see, not every shop of every town."""

    title = gettext_lazy("shop")
    parameter_name = "shop"

    def lookups(self, request, model_admin):
        shops = ShopPage.objects.order_by("title")
        if not request.user.is_superuser:
            shops = shops.filter(editable_pages_filter(request.user))
        return [(str(shop.pk), shop.title) for shop in shops.only("pk", "title")]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(shop_id=int(self.value()))
        return queryset


class ClickCollectPermissionHelper(PermissionHelper):
    """Model permissions, and the request must belong to a shop the person may edit."""

    def _visible(self, user, obj):
        """Same rule as ClickCollectRequest.objects.for_user(), without a query per row of the list."""
        if not user.is_active:
            return False
        if user.is_superuser:
            return True
        return any(obj.shop.path.startswith(path) for path in editable_page_paths(user))

    def user_can_create(self, user):
        return False  # requests come from visitors only

    def user_can_inspect_obj(self, user, obj):
        return super().user_can_inspect_obj(user, obj) and self._visible(user, obj)

    def user_can_edit_obj(self, user, obj):
        return super().user_can_edit_obj(user, obj) and self._visible(user, obj)

    def user_can_delete_obj(self, user, obj):
        return super().user_can_delete_obj(user, obj) and self._visible(user, obj)


class ClickCollectEditView(EditView):
    """Saving a new status records who changed it and when, and tells the visitor by e-mail."""

    def __init__(self, model_admin, instance_pk):
        super().__init__(model_admin, instance_pk)
        self.previous_status = self.instance.status

    def form_valid(self, form):
        response = super().form_valid(form)
        click_request = self.instance
        if click_request.status != self.previous_status:
            now = timezone.now()
            ClickCollectStatusChange.objects.create(
                request=click_request,
                status=click_request.status,
                changed_at=now,
                changed_by=self.request.user,
            )
            ClickCollectRequest.objects.filter(pk=click_request.pk).update(status_changed_at=now)
            if send_status_email(click_request):
                messages.success(self.request, _("The customer has been told by e-mail."))
            elif click_request.status != ClickCollectStatus.COLLECTED and click_request.contact_phone:
                messages.warning(
                    self.request,
                    _("The customer gave no e-mail address: call them at %(phone)s.")
                    % {"phone": click_request.contact_phone},
                )
        return response


class ClickCollectRequestAdmin(RecordAdmin):
    model = ClickCollectRequest
    menu_label = gettext_lazy("Click & collect requests")
    menu_icon = "list-ul"
    menu_order = 220
    add_to_settings_menu = False
    exclude_from_explorer = True
    inspect_view_enabled = True
    permission_helper_class = ClickCollectPermissionHelper
    edit_view_class = ClickCollectEditView
    list_display = (
        "reference_display",
        "created_at",
        "shop",
        "contact_name",
        "pickup_display",
        "status_display",
    )
    list_filter = ("status", ShopListFilter, "created_at")
    # The date filter's first choice comes from django.contrib.admin, whose French catalogue is
    # not loaded (the app is not installed): without this entry it read “Any date”.
    gettext_noop("Any date")
    search_fields = ("contact_name", "contact_email", "contact_phone", "message", "shop__title")
    list_export = (
        "reference",
        "created_at",
        "shop",
        "contact_name",
        "contact_phone",
        "contact_email",
        "items_display",
        "message",
        "pickup_date",
        "pickup_time",
        "get_status_display",
    )
    export_headings = {
        "get_status_display": gettext_lazy("status"),
        "items_display": gettext_lazy("products"),
    }
    export_filename = "demandes-click-collect"
    inspect_view_fields = (
        "shop",
        "created_at",
        "contact_name",
        "contact_phone",
        "contact_email",
        "message",
        "pickup_date",
        "pickup_time",
        "status",
        "decline_reason",
        "staff_note",
        "consent_at",
    )
    edit_handler = ObjectList(
        [
            HelpPanel(template="shops/click_collect/admin_summary.html", heading=gettext_lazy("The request")),
            FieldPanel("status"),
            FieldPanel("decline_reason"),
            FieldPanel("staff_note"),
        ],
        base_form_class=ClickCollectAdminForm,
    )

    def get_queryset(self, request):
        return super().get_queryset(request).for_user(request.user).select_related("shop")

    def reference_display(self, obj):
        return obj.reference

    reference_display.short_description = gettext_lazy("no.")

    def status_display(self, obj):
        return obj.get_status_display()

    status_display.short_description = gettext_lazy("status")
    status_display.admin_order_field = "status"


def grant_staff_permissions(group):
    """Let a town's staff group list and handle click & collect requests (their town's only)."""
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="shops",
            codename__in=[
                "view_clickcollectrequest",
                "change_clickcollectrequest",
                "delete_clickcollectrequest",
            ],
        )
    )

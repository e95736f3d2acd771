"""Admin of the coup de pouce programme: volunteers, help requests, sessions, dashboard, personal data."""

import datetime

from django.contrib.admin import SimpleListFilter
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import ObjectList
from wagtail_modeladmin.options import ModelAdminGroup, modeladmin_register
from wagtail_modeladmin.views import CreateView, EditView

from core.admin_records import RecordAdmin

from . import access, views
from .admin_forms import CoachingSessionAdminForm, HelpRequestAdminForm, VolunteerAdminForm
from .admin_helpers import (
    CoachingSessionPermissionHelper,
    HelpRequestButtonHelper,
    HelpRequestPermissionHelper,
    VolunteerButtonHelper,
    VolunteerPermissionHelper,
)
from .models import CoachingSession, HelpRequest, Mode, Volunteer
from .services import notify_assignment


class TownFilter(SimpleListFilter):
    """Only the towns the user manages (nothing to choose for the staff of one town)."""

    title = _("town")
    parameter_name = "ville"
    site_field = "site_id"

    def lookups(self, request, model_admin):
        sites = access.staff_sites(request.user)
        if len(sites) < 2:
            return []
        return [(str(site.pk), site.site_name or site.hostname) for site in sites]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(**{self.site_field: self.value()})
        return queryset


class SessionTownFilter(TownFilter):
    site_field = "request__site_id"


class TopicFilter(SimpleListFilter):
    """Topics as a filter (Django's related-field filter needs django.contrib.admin, not installed)."""

    title = _("topic")
    parameter_name = "sujet"
    topic_field = "topics"

    def lookups(self, request, model_admin):
        from learning.models import Topic

        return [(topic.slug, topic.name) for topic in Topic.objects.all()]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(**{f"{self.topic_field}__slug": self.value()}).distinct()
        return queryset


class SkillFilter(TopicFilter):
    title = _("skill")
    topic_field = "skills"


class TopicCoveredFilter(TopicFilter):
    topic_field = "topics_covered"


class ModeFilter(SimpleListFilter):
    title = _("mode")
    parameter_name = "mode"

    def lookups(self, request, model_admin):
        return Mode.choices

    def queryset(self, request, queryset):
        field = {Mode.IN_SHOP: "mode_in_shop", Mode.PHONE: "mode_phone", Mode.VIDEO: "mode_video"}.get(
            self.value()
        )
        return queryset.filter(**{field: True}) if field else queryset


class FollowUpFilter(SimpleListFilter):
    title = _("follow-up")
    parameter_name = "suivi"

    def lookups(self, request, model_admin):
        return [
            ("a-faire", _("To do (overdue or within 7 days)")),
            ("en-retard", _("Overdue")),
            ("fait", _("Done")),
        ]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        open_follow_ups = queryset.filter(follow_up_date__isnull=False, follow_up_done=False)
        if self.value() == "a-faire":
            return open_follow_ups.filter(follow_up_date__lte=today + datetime.timedelta(days=7))
        if self.value() == "en-retard":
            return open_follow_ups.filter(follow_up_date__lt=today)
        if self.value() == "fait":
            return queryset.filter(follow_up_done=True)
        return queryset


class HelpRequestEditView(EditView):
    """Tells the helper and the shopkeeper when staff assign (or change) the helper."""

    def form_valid(self, form):
        previous_helper = (
            HelpRequest.objects.filter(pk=self.instance.pk).values_list("helper_id", flat=True).first()
        )
        response = super().form_valid(form)
        if self.instance.helper_id and self.instance.helper_id != previous_helper:
            HelpRequest.objects.filter(pk=self.instance.pk).update(assigned_at=timezone.now())
            notify_assignment(self.instance)
        return response


class SessionCreateView(CreateView):
    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        request_pk = self.request.GET.get("demande", "")
        if request_pk.isdigit() and access.visible_requests(self.request.user).filter(pk=request_pk).exists():
            kwargs.setdefault("initial", {})["request"] = int(request_pk)
        return kwargs

    def form_valid(self, form):
        form.instance.created_by = self.request.user
        response = super().form_valid(form)
        help_request = self.instance.request
        if help_request.status in (
            HelpRequest.Status.NEW,
            HelpRequest.Status.ASSIGNED,
            HelpRequest.Status.SCHEDULED,
        ):
            help_request.status = HelpRequest.Status.DONE
            help_request.save(update_fields=["status", "closed_at", "shop_key", "assigned_at"])
        return response


class VolunteerAdmin(RecordAdmin):
    model = Volunteer
    menu_label = _("Volunteers")
    menu_icon = "group"
    permission_helper_class = VolunteerPermissionHelper
    button_helper_class = VolunteerButtonHelper
    inspect_view_enabled = True
    list_display = ["first_name", "last_name", "status", "get_skills_display", "get_modes_display", "site"]
    list_filter = [TownFilter, "status", SkillFilter, ModeFilter, "is_staff_animator"]
    search_fields = ["first_name", "last_name", "email"]
    list_export = [
        "first_name",
        "last_name",
        "email",
        "phone",
        "status",
        "is_staff_animator",
        "get_skills_display",
        "get_modes_display",
        "get_availability_display",
        "consent_public_listing",
        "created_at",
        "site",
    ]
    export_filename = "volontaires"
    inspect_view_fields = [
        "first_name",
        "last_name",
        "email",
        "phone",
        "status",
        "skills",
        "presentation",
        "consent_processing_at",
        "consent_public_listing",
        "consent_public_listing_at",
        "notes",
        "created_at",
    ]
    edit_handler = ObjectList(Volunteer.panels, base_form_class=VolunteerAdminForm)

    def get_queryset(self, request):
        return access.visible_volunteers(request.user).select_related("site").prefetch_related("skills")


class HelpRequestAdmin(RecordAdmin):
    model = HelpRequest
    menu_label = _("Help requests")
    menu_icon = "help"
    permission_helper_class = HelpRequestPermissionHelper
    button_helper_class = HelpRequestButtonHelper
    edit_view_class = HelpRequestEditView
    inspect_view_enabled = True
    list_display = ["created_at", "shop_name", "contact_name", "status", "helper", "get_topics_display"]
    list_filter = [TownFilter, "status", TopicFilter, "level", "preferred_mode"]
    search_fields = ["shop_name", "contact_name", "email"]
    list_export = [
        "created_at",
        "shop_name",
        "contact_name",
        "phone",
        "email",
        "get_topics_display",
        "level",
        "preferred_mode",
        "get_preferred_times_display",
        "message",
        "status",
        "helper",
        "site",
    ]
    export_filename = "demandes-coup-de-pouce"
    inspect_view_fields = [
        "shop_name",
        "contact_name",
        "phone",
        "email",
        "topics",
        "level",
        "preferred_mode",
        "preferred_times",
        "message",
        "status",
        "helper",
        "notes",
        "created_at",
        "consent_at",
    ]
    edit_handler = ObjectList(HelpRequest.panels, base_form_class=HelpRequestAdminForm)

    def get_queryset(self, request):
        return (
            access.visible_requests(request.user)
            .select_related("helper", "site")
            .prefetch_related("topics")
            .order_by("-created_at")
        )

    def get_list_filter(self, request):
        if access.is_programme_staff(request.user):
            return self.list_filter
        return ["status"]

    def get_list_export(self, request):
        return self.list_export if access.is_programme_staff(request.user) else []


class CoachingSessionAdmin(RecordAdmin):
    model = CoachingSession
    menu_label = _("Sessions")
    menu_icon = "date"
    permission_helper_class = CoachingSessionPermissionHelper
    create_view_class = SessionCreateView
    inspect_view_enabled = True
    # No boolean field here: modeladmin would draw it with django.contrib.admin's icons (not installed).
    list_display = ["date", "request", "helper", "duration_minutes", "follow_up_date", "get_follow_up_status"]
    list_filter = [SessionTownFilter, FollowUpFilter, "mode", TopicCoveredFilter]
    list_export = [
        "date",
        "request",
        "helper",
        "duration_minutes",
        "mode",
        "level_before",
        "level_after",
        "follow_up_date",
        "follow_up_done",
    ]
    export_filename = "seances-coup-de-pouce"
    edit_handler = ObjectList(CoachingSession.panels, base_form_class=CoachingSessionAdminForm)

    def get_queryset(self, request):
        return access.visible_sessions(request.user).select_related("request", "helper", "request__site")

    def get_list_filter(self, request):
        if access.is_programme_staff(request.user):
            return self.list_filter
        return [FollowUpFilter]

    def get_list_export(self, request):
        return self.list_export if access.is_programme_staff(request.user) else []


class ProgrammeAdminGroup(ModelAdminGroup):
    menu_label = _("Coup de pouce")
    menu_icon = "help"
    menu_order = 350
    items = (HelpRequestAdmin, CoachingSessionAdmin, VolunteerAdmin)


modeladmin_register(ProgrammeAdminGroup)


class StaffMenuItem(MenuItem):
    def is_shown(self, request):
        return access.is_programme_staff(request.user)


@hooks.register("register_admin_menu_item")
def register_dashboard_menu_item():
    return StaffMenuItem(
        _("Programme dashboard"), reverse("programme_dashboard"), icon_name="doc-full", order=351
    )


@hooks.register("register_admin_menu_item")
def register_follow_ups_menu_item():
    from wagtail_modeladmin.helpers import AdminURLHelper

    url = AdminURLHelper(CoachingSession).get_action_url("index") + "?suivi=a-faire"
    return StaffMenuItem(_("Follow-ups to do"), url, icon_name="time", order=352)


@hooks.register("register_admin_urls")
def register_programme_admin_urls():
    return [
        path("coup-de-pouce/tableau-de-bord/", views.dashboard, name="programme_dashboard"),
        path("coup-de-pouce/demandes/<int:pk>/assigner/", views.assign, name="programme_assign"),
        path(
            "coup-de-pouce/volontaires/<int:pk>/compte/",
            views.create_account,
            name="programme_volunteer_account",
        ),
        path(
            "coup-de-pouce/donnees/<str:kind>/<int:pk>/export/",
            views.personal_data_export,
            name="programme_personal_export",
        ),
        path(
            "coup-de-pouce/donnees/<str:kind>/<int:pk>/effacer/",
            views.personal_data_erase,
            name="programme_personal_erase",
        ),
    ]


@hooks.register("register_log_actions")
def register_programme_log_actions(actions):
    actions.register_action(
        "programme.export_personal_data", _("Export personal data"), _("Personal data exported")
    )
    actions.register_action(
        "programme.erase_personal_data", _("Erase personal data"), _("Personal data erased")
    )
    actions.register_action("programme.assign", _("Assign a helper"), _("Helper assigned"))
    actions.register_action("programme.create_account", _("Create an account"), _("Account created"))


@hooks.register("construct_homepage_panels")
def add_programme_panel(request, panels):
    from .panels import ProgrammePanel

    if access.is_programme_staff(request.user) or access.volunteer_of(request.user) is not None:
        panels.append(ProgrammePanel(request))

from django.contrib import admin
from django.contrib.admin import SimpleListFilter
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdminGroup, modeladmin_register

from core.admin_records import RecordAdmin
from learning import admin_views, library_views
from learning.access import staff_site_ids
from learning.models import GuideFeedback, Registration, Topic, WorkshopPage


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]


register_snippet(TopicViewSet)


class TownRecordPermissionHelper(PermissionHelper):
    """Staff of a town read and tidy their town's records; nobody creates them from the admin."""

    def user_can_list(self, user):
        return bool(staff_site_ids(user))

    def user_can_create(self, user):
        return False

    def user_can_inspect_obj(self, user, obj):
        return self.inspect_view_enabled and obj.site_id in staff_site_ids(user)

    def user_can_edit_obj(self, user, obj):
        return obj.site_id in staff_site_ids(user)

    def user_can_delete_obj(self, user, obj):
        return obj.site_id in staff_site_ids(user)


class WorkshopFilter(SimpleListFilter):
    title = _("workshop")
    parameter_name = "atelier"

    def lookups(self, request, model_admin):
        workshops = WorkshopPage.objects.filter(registrations__site_id__in=staff_site_ids(request.user))
        return [
            (w.pk, f"{w.title} ({w.starts_at:%d/%m/%Y})") for w in workshops.distinct().order_by("-starts_at")
        ]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(workshop_id=self.value())
        return queryset


class GuideFilter(SimpleListFilter):
    title = _("guide")
    parameter_name = "guide"

    def lookups(self, request, model_admin):
        from learning.models import GuidePage

        guides = GuidePage.objects.filter(feedback__site_id__in=staff_site_ids(request.user)).distinct()
        return [(g.pk, g.title) for g in guides.order_by("title")]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(guide_id=self.value())
        return queryset


class RegistrationAdmin(RecordAdmin):
    model = Registration
    menu_label = _("Registrations")
    menu_icon = "group"
    permission_helper_class = TownRecordPermissionHelper
    inspect_view_enabled = True
    list_display = ["name", "workshop", "state_label", "email", "phone", "shop_name", "created_at"]
    list_filter = [WorkshopFilter, "status"]
    search_fields = ["name", "email", "phone", "shop_name"]
    list_export = [
        "workshop",
        "starts_at",
        "state_label",
        "name",
        "email",
        "phone",
        "shop_name",
        "registered_on",
    ]
    export_filename = "inscriptions-ateliers"
    form_fields_exclude = ["site", "workshop", "consent_at", "cancelled_at", "held_until", "confirmed_at"]

    def starts_at(self, obj):
        return timezone.localtime(obj.workshop.starts_at).strftime("%d/%m/%Y %H:%M")

    starts_at.short_description = _("date and time")

    def registered_on(self, obj):
        return timezone.localtime(obj.created_at).strftime("%d/%m/%Y %H:%M")

    registered_on.short_description = _("registered on")

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .filter(site_id__in=staff_site_ids(request.user))
            .select_related("workshop")
        )


class GuideFeedbackAdmin(RecordAdmin):
    model = GuideFeedback
    menu_label = _("Guide feedback")
    menu_icon = "comment"
    permission_helper_class = TownRecordPermissionHelper
    # The answer in words: a plain boolean column draws Django admin's icons, static files this
    # project does not ship (production's manifest storage then fails the whole list).
    list_display = ["guide", "answer", "comment", "created_at"]
    list_filter = [GuideFilter, "helpful"]
    search_fields = ["comment"]
    list_export = ["guide", "helpful", "comment", "created_at"]
    export_filename = "avis-guides"
    form_fields_exclude = ["site", "guide", "helpful"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .filter(site_id__in=staff_site_ids(request.user))
            .select_related("guide")
        )

    @admin.display(description=_("helpful"), ordering="helpful")
    def answer(self, feedback):
        return _("Yes") if feedback.helpful else _("No")


class LearningGroup(ModelAdminGroup):
    menu_label = _("Learning")
    menu_icon = "doc-full-inverse"
    menu_order = 310
    items = (RegistrationAdmin, GuideFeedbackAdmin)


modeladmin_register(LearningGroup)


# What town staff do with one library guide for their town (learning/library_views.py).
LIBRARY_GUIDE_ACTIONS = [
    ("publier", library_views.publish_as_is, "learning_guide_library_publish"),
    ("copier", library_views.copy_to_adapt, "learning_guide_library_copy"),
    ("reprendre", library_views.take_new_version_view, "learning_guide_library_update"),
    ("changements", library_views.changes, "learning_guide_library_changes"),
]


@hooks.register("register_admin_urls")
def learning_admin_urls():
    return [
        path(
            "se-former/avis-par-guide/",
            admin_views.guide_feedback_report,
            name="learning_guide_feedback_report",
        ),
        path(
            "se-former/auto-diagnostic/",
            admin_views.self_check_report,
            name="learning_self_check_report",
        ),
        path("bibliotheque-de-guides/", library_views.guide_library, name="learning_guide_library"),
        path(
            "bibliotheque-de-guides/apercu/<int:guide_id>/",
            library_views.preview,
            name="learning_guide_library_preview",
        ),
        *[
            path(f"bibliotheque-de-guides/<int:site_id>/<int:guide_id>/{segment}/", view, name=name)
            for segment, view, name in LIBRARY_GUIDE_ACTIONS
        ],
    ]


class TownStaffMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(staff_site_ids(request.user))


@hooks.register("register_admin_menu_item")
def guide_library_menu_item():
    return TownStaffMenuItem(
        _("Guide library"), reverse("learning_guide_library"), icon_name="doc-full-inverse", order=305
    )


@hooks.register("register_reports_menu_item")
def guide_feedback_report_menu_item():
    return TownStaffMenuItem(
        _("Feedback per guide"), reverse("learning_guide_feedback_report"), icon_name="comment", order=800
    )


@hooks.register("register_reports_menu_item")
def self_check_report_menu_item():
    return TownStaffMenuItem(
        _("Self-check results"), reverse("learning_self_check_report"), icon_name="help", order=810
    )

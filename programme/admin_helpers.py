"""Permission and button helpers of the programme's admin screens.

Town staff (a group allowed to change the town's programme settings) see their towns' records.
A volunteer with an account sees only the requests assigned to them and their sessions: these
rules are applied to every object-level URL (inspect, edit, delete, history), not only to menus.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail_modeladmin.helpers import ButtonHelper, PermissionHelper

from . import access
from .models import CoachingSession, HelpRequest, Volunteer


class ProgrammePermissionHelper(PermissionHelper):
    """Base: nothing through Django model permissions; access comes from the town or the helper link."""

    def get_all_model_permissions(self):
        # Permissions live on the town (site), so the group editor offers nothing model-wide.
        return super().get_all_model_permissions().none()

    def is_staff_for(self, user, obj):
        return obj is not None and self.site_id_of(obj) in access.staff_site_ids(user)

    def site_id_of(self, obj):
        return obj.site_id

    def user_can_list(self, user):
        return access.is_programme_staff(user)

    def user_can_create(self, user):
        return access.is_programme_staff(user)

    def user_can_inspect_obj(self, user, obj):
        return self.is_staff_for(user, obj)

    def user_can_edit_obj(self, user, obj):
        return self.is_staff_for(user, obj)

    def user_can_delete_obj(self, user, obj):
        return self.is_staff_for(user, obj)


class VolunteerPermissionHelper(ProgrammePermissionHelper):
    pass


class HelpRequestPermissionHelper(ProgrammePermissionHelper):
    def is_own(self, user, obj):
        return bool(user.is_authenticated and obj.helper_id and obj.helper.user_id == user.pk)

    def user_can_list(self, user):
        return access.is_programme_staff(user) or access.volunteer_of(user) is not None

    def user_can_create(self, user):
        # Requests come from the public form (staff fill it in for someone who phones).
        return False

    def user_can_inspect_obj(self, user, obj):
        return self.is_staff_for(user, obj) or self.is_own(user, obj)


class CoachingSessionPermissionHelper(ProgrammePermissionHelper):
    def site_id_of(self, obj):
        return obj.request.site_id

    def is_own(self, user, obj):
        helper = obj.request.helper
        return bool(user.is_authenticated and helper is not None and helper.user_id == user.pk)

    def user_can_list(self, user):
        return access.is_programme_staff(user) or access.volunteer_of(user) is not None

    def user_can_create(self, user):
        return self.user_can_list(user)

    def user_can_inspect_obj(self, user, obj):
        return self.is_staff_for(user, obj) or self.is_own(user, obj)

    def user_can_edit_obj(self, user, obj):
        return self.is_staff_for(user, obj) or self.is_own(user, obj)


class VolunteerButtonHelper(ButtonHelper):
    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        buttons = super().get_buttons_for_obj(obj, exclude, classnames_add, classnames_exclude)
        classname = self.finalise_classname(classnames_add or [], classnames_exclude or [])
        if not self.permission_helper.user_can_edit_obj(self.request.user, obj):
            return buttons
        if obj.status == Volunteer.Status.ACTIVE and not obj.user_id and obj.email:
            buttons.append(
                {
                    "url": reverse("programme_volunteer_account", args=[obj.pk]),
                    "label": _("Create an account"),
                    "classname": classname,
                    "title": _("Give this volunteer an account to see their coups de pouce"),
                }
            )
        buttons += personal_data_buttons("volontaire", obj, classname)
        return buttons


class HelpRequestButtonHelper(ButtonHelper):
    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        buttons = super().get_buttons_for_obj(obj, exclude, classnames_add, classnames_exclude)
        classname = self.finalise_classname(classnames_add or [], classnames_exclude or [])
        user = self.request.user
        if self.permission_helper.user_can_edit_obj(user, obj):
            if obj.status in (HelpRequest.Status.NEW, HelpRequest.Status.ASSIGNED) and not obj.anonymised_at:
                buttons.insert(
                    0,
                    {
                        "url": reverse("programme_assign", args=[obj.pk]),
                        "label": _("Assign"),
                        "classname": classname,
                        "title": _("Choose a helper among the suggestions"),
                    },
                )
            buttons += personal_data_buttons("demande", obj, classname)
        if self.permission_helper.user_can_inspect_obj(user, obj) and not obj.anonymised_at:
            from wagtail_modeladmin.helpers import AdminURLHelper

            buttons.append(
                {
                    "url": AdminURLHelper(CoachingSession).get_action_url("create") + f"?demande={obj.pk}",
                    "label": _("Record a session"),
                    "classname": classname,
                    "title": _("Record a session given for this request"),
                }
            )
        return buttons


def personal_data_buttons(kind, obj, classname):
    if obj.anonymised_at:
        return []
    return [
        {
            "url": reverse("programme_personal_export", args=[kind, obj.pk]),
            "label": _("Export personal data"),
            "classname": classname,
            "title": _("Download everything held about this person (JSON)"),
        },
        {
            "url": reverse("programme_personal_erase", args=[kind, obj.pk]),
            "label": _("Erase personal data"),
            "classname": classname,
            "title": _("Anonymise this person's data; figures are kept"),
        },
    ]

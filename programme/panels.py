from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail_modeladmin.helpers import AdminURLHelper

from . import access
from .models import CoachingSession, HelpRequest


class ProgrammePanel(Component):
    """Admin home panel: for staff, what waits in their towns; for a volunteer, their own coups de pouce."""

    name = "programme"
    template_name = "programme/admin/home_panel.html"
    order = 150

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        user = self.request.user
        today = timezone.localdate()
        requests = access.visible_requests(user)
        sessions = access.visible_sessions(user)
        if not access.is_programme_staff(user):
            requests = requests.filter(helper__user=user)
            sessions = sessions.filter(request__helper__user=user)
        return {
            "is_staff": access.is_programme_staff(user),
            "new_requests": requests.filter(status=HelpRequest.Status.NEW).count(),
            "open_requests": requests.filter(
                status__in=[HelpRequest.Status.ASSIGNED, HelpRequest.Status.SCHEDULED]
            ).count(),
            "follow_ups": sessions.filter(
                follow_up_done=False, follow_up_date__isnull=False, follow_up_date__lte=today
            ).count(),
            "requests_url": AdminURLHelper(HelpRequest).get_action_url("index"),
            "sessions_url": AdminURLHelper(CoachingSession).get_action_url("index") + "?suivi=a-faire",
        }

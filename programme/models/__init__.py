from .choices import DAYS, HALF_DAYS, SLOTS, Mode
from .pages import (
    HelpRequestPage,
    ProgrammeFiguresPage,
    ProgrammePage,
    VolunteerApplicationPage,
    VolunteerListPage,
)
from .requests import HelpRequest
from .sessions import CoachingSession
from .settings import ProgrammeSettings
from .volunteers import Volunteer

__all__ = [
    "DAYS",
    "HALF_DAYS",
    "SLOTS",
    "CoachingSession",
    "HelpRequest",
    "HelpRequestPage",
    "Mode",
    "ProgrammeFiguresPage",
    "ProgrammePage",
    "ProgrammeSettings",
    "Volunteer",
    "VolunteerApplicationPage",
    "VolunteerListPage",
]

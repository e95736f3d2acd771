"""What a town's staff may do in the coup de pouce programme (its volunteers, help requests and
sessions, and its dashboard), and the programme's own address for its news (towns/staff.py)."""

from programme.access import grant_town_management
from programme.models import ProgrammeSettings
from towns.staff import PROGRAMME


def grant(group, site):
    grant_town_management(group, site)


def addresses_to_notify(site, topic):
    """The town's programme address (ProgrammeSettings), told about the programme's news."""
    if topic != PROGRAMME:
        return []
    return [ProgrammeSettings.for_site(site).notification_email]

"""What a town's staff may do in the coup de pouce programme: its volunteers, help requests and
sessions, and its dashboard."""

from programme.access import grant_town_management


def grant(group, site):
    grant_town_management(group, site)

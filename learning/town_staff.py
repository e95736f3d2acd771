"""What a town's staff may do with learning records: guides' feedback, self-check figures, workshop
registrations of their town."""

from learning.access import grant_town_learning


def grant(group, site):
    grant_town_learning(group, site)

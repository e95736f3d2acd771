"""What a town's staff may do with its shops: the staff-only fields and the shopkeepers' settings,
click & collect requests, and approving shopkeepers' changes (“Relecture mairie”)."""

from shops.admin_click_collect import grant_staff_permissions as grant_click_collect
from shops.shopkeepers import ensure_town_workflow, grant_staff_permissions


def grant(group, site):
    grant_staff_permissions(group, site)
    grant_click_collect(group)
    ensure_town_workflow(site, group)

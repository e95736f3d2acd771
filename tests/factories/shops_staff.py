"""Shops for the click & collect, import, open-data and admin-listing tests."""

import datetime

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

from demo.builders.pages import add_page
from demo.builders.shops import shop_page
from shops.models import ExceptionalOpening, ShopCategory, ShopIndexPage

from .home import UserFactory

WEEKDAYS_9_TO_19 = [(day, datetime.time(9), datetime.time(19)) for day in range(6)]  # Monday–Saturday


def shop_category(name="Alimentation", slug=None):
    category, _created = ShopCategory.objects.get_or_create(
        name=name, defaults={"slug": slug or name.lower()}
    )
    return category


def shop_index(town_home, slug="commerces", title="Commerces"):
    existing = town_home.get_children().filter(slug=slug).first()
    if existing:
        return existing.specific
    index = ShopIndexPage(title=title, slug=slug)
    town_home.add_child(instance=index)
    index.save_revision().publish()
    return index


def make_shop(
    index,
    title="Boulangerie du Beffroi",
    *,
    category=None,
    products=(),
    hours=WEEKDAYS_9_TO_19,
    pickup_slots=(),
    closures=(),
    live=True,
    **fields,
):
    """A shop page under `index`, published unless live=False.

    products: (name, price, click_collect) tuples; hours and pickup_slots: (weekday, start, end);
    closures: (first day, last day).
    """
    values = {
        "pitch": "Le bon pain du quartier",
        "street": "12 rue d'Arras",
        "postcode": "62400",
        "town": "Béthune",
        "email": "boutique@exemple.localhost",
        "phone": "03 21 00 00 00",
        "click_collect": True,
    }
    values.update(fields)
    shop = shop_page(
        title,
        category=category or shop_category(),
        hours=hours,
        pickup_slots=pickup_slots,
        exceptional_openings=[
            {"start_date": first, "end_date": last, "kind": ExceptionalOpening.CLOSED, "label": "Congés"}
            for first, last in closures
        ],
        products=[
            {"name": name, "price": price, "click_collect": bookable} for name, price, bookable in products
        ],
        **values,
    )
    return add_page(index, shop, live=live)


def town_staff(home_page, username, permissions=("view", "change", "delete")):
    """A member of the town's staff group: edits the town's pages and handles its click & collect requests."""
    group, _created = Group.objects.get_or_create(name=f"Équipe — {home_page.title}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ["add_page", "change_page", "publish_page"]:
        GroupPagePermission.objects.get_or_create(
            group=group, page=home_page, permission=Permission.objects.get(codename=codename)
        )
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="shops",
            codename__in=[f"{action}_clickcollectrequest" for action in permissions],
        )
    )
    user = UserFactory(username=username, is_staff=False)
    user.groups.add(group)
    return user

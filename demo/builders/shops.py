"""Shop records: a shop page with its week, exceptional dates, pick-up slots, photos and products,
and a shopkeeper holding a shop."""

from decimal import Decimal

from shops.models import ExceptionalOpening, PickupSlot, Product, ShopPage, ShopPhoto, WeeklyOpening
from shops.shopkeepers import accept_invitation, invite


def shop_page(
    title,
    *,
    hours=(),
    exceptional_openings=(),
    pickup_slots=(),
    photos=(),
    products=(),
    tags=(),
    **fields,
):
    """An unsaved shop page, its child records in memory, ready for `pages.add_page` or a bulk insert.

    hours and pickup_slots: (weekday, start, end), an opening past midnight when it ends before it
    starts; exceptional_openings and products: the records' fields as dicts; photos: (image, alt
    text). The order given is the order shown.
    """
    page = ShopPage(title=title, **fields)
    page.opening_hours = [
        WeeklyOpening(weekday=day, opens=opens, closes=closes, overnight=closes < opens, sort_order=order)
        for order, (day, opens, closes) in enumerate(hours)
    ]
    page.exceptional_openings = [ExceptionalOpening(**dates) for dates in exceptional_openings]
    page.pickup_slots = [
        PickupSlot(weekday=day, starts=starts, ends=ends, sort_order=order)
        for order, (day, starts, ends) in enumerate(pickup_slots)
    ]
    page.gallery = [
        ShopPhoto(image=image, alt_text=alt_text, sort_order=order)
        for order, (image, alt_text) in enumerate(photos)
    ]
    page.products = [product(order=order, **values) for order, values in enumerate(products)]
    if tags:
        page.tags.add(*tags)
    return page


def product(name, *, price=None, order=0, **fields):
    """A product of a shop's list, at this place in it."""
    return Product(name=name, price=None if price is None else Decimal(price), sort_order=order, **fields)


def hand_shop(shop, email, first_name="", last_name=""):
    """The person at `email` holds `shop`: invited without e-mail and accepting at once."""
    return accept_invitation(invite(shop, email, first_name, last_name, invited_by=None, send=False))

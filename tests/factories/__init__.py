"""Factories, one module per app; import them from here."""

from .home import (
    HomePageFactory,
    ImageFactory,
    StandardPageFactory,
    UserFactory,
    make_town,
)
from .shops import ShopCategoryFactory, ShopIndexPageFactory, make_shop

__all__ = ["HomePageFactory", "ImageFactory", "StandardPageFactory", "UserFactory", "make_town"]

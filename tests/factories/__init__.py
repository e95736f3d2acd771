"""Factories, one module per app; import them from here."""

from .home import (
    HomePageFactory,
    ImageFactory,
    StandardPageFactory,
    UserFactory,
    make_town,
)

__all__ = ["HomePageFactory", "ImageFactory", "StandardPageFactory", "UserFactory", "make_town"]

from .base import LINK_FIELDS, BasePage
from .identity import PALETTES, TownIdentity
from .pages import HomePage, StandardPage

__all__ = ["LINK_FIELDS", "PALETTES", "BasePage", "HomePage", "StandardPage", "TownIdentity"]

from .base import BasePage
from .identity import PALETTES, TownIdentity
from .pages import HomePage, StandardPage

__all__ = ["PALETTES", "BasePage", "HomePage", "StandardPage", "TownIdentity"]

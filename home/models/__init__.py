from .base import LINK_FIELDS, BasePage
from .pages import HomePage, StandardPage

__all__ = ["LINK_FIELDS", "BasePage", "HomePage", "StandardPage"]

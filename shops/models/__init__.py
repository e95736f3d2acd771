from .access import ModerationMode, ShopAccess, ShopFreshness, ShopkeeperSettings, ShopOwnership
from .categories import SCHEMA_TYPES, ShopCategory
from .click_collect import ClickCollectRequest, ClickCollectStatus, ClickCollectStatusChange
from .gallery import ShopPhoto
from .index import ShopIndexPage
from .opening import ExceptionalOpening, PickupSlot, Weekday, WeeklyOpening
from .products import Product
from .shop import SERVICE_FIELDS, SERVICES, ShopPage, ShopTag

__all__ = [
    "ModerationMode",
    "ShopAccess",
    "ShopFreshness",
    "ShopkeeperSettings",
    "ShopOwnership",
    "SCHEMA_TYPES",
    "SERVICES",
    "SERVICE_FIELDS",
    "ClickCollectRequest",
    "ClickCollectStatus",
    "ClickCollectStatusChange",
    "ExceptionalOpening",
    "PickupSlot",
    "Product",
    "ShopCategory",
    "ShopIndexPage",
    "ShopPage",
    "ShopPhoto",
    "ShopTag",
    "WeeklyOpening",
    "Weekday",
]

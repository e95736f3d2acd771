"""Factories, one module per app; import them from here."""

from .home import (
    HomePageFactory,
    ImageFactory,
    StandardPageFactory,
    UserFactory,
    make_town,
)
from .learning import (
    GuideIndexPageFactory,
    GuidePageFactory,
    SelfCheckPageFactory,
    WorkshopIndexPageFactory,
    WorkshopPageFactory,
)
from .programme import (
    CoachingSessionFactory,
    HelpRequestFactory,
    TopicFactory,
    VolunteerFactory,
    programme_pages,
    programme_staff,
    volunteer_account,
)
from .shopkeepers import give_shop, make_shopkeeper, make_staff, shopkeeper_world
from .shops import ShopCategoryFactory, ShopIndexPageFactory, make_shop

__all__ = [
    "CoachingSessionFactory",
    "GuideIndexPageFactory",
    "GuidePageFactory",
    "HelpRequestFactory",
    "HomePageFactory",
    "ImageFactory",
    "SelfCheckPageFactory",
    "ShopCategoryFactory",
    "ShopIndexPageFactory",
    "StandardPageFactory",
    "TopicFactory",
    "UserFactory",
    "VolunteerFactory",
    "WorkshopIndexPageFactory",
    "WorkshopPageFactory",
    "give_shop",
    "make_shop",
    "make_shopkeeper",
    "make_staff",
    "make_town",
    "programme_pages",
    "programme_staff",
    "shopkeeper_world",
    "volunteer_account",
]

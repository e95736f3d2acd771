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
from .shops import ShopCategoryFactory, ShopIndexPageFactory, make_shop
from .shopkeepers import make_shopkeeper, make_staff, shopkeeper_world

__all__ = ["HomePageFactory", "ImageFactory", "StandardPageFactory", "UserFactory", "make_town",
    "ShopCategoryFactory",
    "ShopIndexPageFactory",
    "make_shop",
    "CoachingSessionFactory",
    "HelpRequestFactory",
    "TopicFactory",
    "VolunteerFactory",
    "programme_pages",
    "programme_staff",
    "volunteer_account",
    "GuideIndexPageFactory",
    "GuidePageFactory",
    "SelfCheckPageFactory",
    "WorkshopIndexPageFactory",
    "WorkshopPageFactory",
]

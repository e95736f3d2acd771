from .guides import GuideFeedback, GuideIndexPage, GuideLibraryPage, GuidePage, Licence, RelatedGuide
from .self_check import SelfCheckPage, SelfCheckResult
from .topics import Topic
from .workshops import Registration, WorkshopIndexPage, WorkshopMode, WorkshopPage

__all__ = [
    "GuideFeedback",
    "GuideIndexPage",
    "GuideLibraryPage",
    "GuidePage",
    "Licence",
    "Registration",
    "RelatedGuide",
    "SelfCheckPage",
    "SelfCheckResult",
    "Topic",
    "WorkshopIndexPage",
    "WorkshopMode",
    "WorkshopPage",
]

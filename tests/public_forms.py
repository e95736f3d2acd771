"""Every public form a visitor can post, with a valid submission, for the tests that attack them all.

Forms behind a signed link sent by e-mail (choosing a shopkeeper's password, confirming a
shop's details, confirming or cancelling a workshop seat) are not here: nobody reaches them
without the signed token, so they need no honeypot.
"""

import datetime
import json
from dataclasses import dataclass, field

from django.utils import timezone

from learning.models import GuideFeedback, Registration, SelfCheckResult
from programme.models import HelpRequest, Volunteer
from shops.models import ClickCollectRequest
from tests.factories import (
    GuideIndexPageFactory,
    GuidePageFactory,
    SelfCheckPageFactory,
    TopicFactory,
    WorkshopIndexPageFactory,
    WorkshopPageFactory,
    programme_pages,
)
from tests.factories.learning import question
from tests.factories.shops_staff import make_shop, shop_index


@dataclass
class PublicForm:
    url: str
    data: dict
    model: type
    # A field where a person types free text, and that the form shows again after an error.
    text_field: str | None = None
    follow: bool = False
    required: list = field(default_factory=list)
    # What another person types differently (a workshop takes 2 registrations per e-mail address).
    another_person: dict = field(default_factory=dict)

    def saved(self):
        return self.model.objects.count()


def _next_open_day():
    day = timezone.localdate() + datetime.timedelta(days=1)
    while day.weekday() > 5:
        day += datetime.timedelta(days=1)
    return day


def click_collect(towns):
    shop = make_shop(shop_index(towns["bethune"]), products=[("Baguette tradition", "1.20", True)])
    product = shop.products.get()
    data = {
        f"quantite_{product.pk}": "2",
        "message": "Bien cuite, s'il vous plaît.",
        "pickup_date": _next_open_day().isoformat(),
        "pickup_time": "10:30",
        "contact_name": "Jeanne Dupont",
        "contact_phone": "",
        "contact_email": "jeanne@exemple.localhost",
        "consent": "on",
    }
    form_address = shop.relative_url(shop.get_site()) + "reserver/"
    return PublicForm(form_address, data, ClickCollectRequest, text_field="message")


def help_request(towns):
    pages = programme_pages(towns["bethune"])
    topic = TopicFactory(name="Photos de produits", slug="photos-de-produits")
    data = {
        "shop_name": "Fleurs de Béthune",
        "contact_name": "Jeanne Martin",
        "phone": "03 21 00 00 00",
        "email": "jeanne@fleurs.localhost",
        "topics": [topic.pk],
        "level": "decouvrir",
        "preferred_mode": "boutique",
        "preferred_times": ["lun-matin"],
        "message": "Je voudrais mieux photographier mes bouquets.",
        "consent": "on",
    }
    return PublicForm(pages["help"].url, data, HelpRequest, text_field="message")


def volunteer_application(towns):
    pages = programme_pages(towns["bethune"])
    topic = TopicFactory(name="Photos de produits", slug="photos-de-produits")
    data = {
        "first_name": "Karim",
        "last_name": "Benali",
        "email": "karim@exemple.localhost",
        "phone": "06 12 34 56 78",
        "skills": [topic.pk],
        "availability": ["mer-apres-midi"],
        "modes": ["boutique"],
        "presentation": "Photographe amateur.",
        "consent": "on",
    }
    return PublicForm(pages["apply"].url, data, Volunteer, text_field="presentation")


def workshop_registration(towns):
    index = WorkshopIndexPageFactory(parent=towns["bethune"])
    workshop = WorkshopPageFactory(parent=index, slug="atelier-photos", capacity=50)
    data = {"name": "Martine Lefebvre", "email": "martine@exemple.fr", "phone": "", "shop_name": "Mercerie"}
    data["consent"] = "on"
    return PublicForm(
        workshop.url, data, Registration, text_field="shop_name", another_person={"email": "paul@exemple.fr"}
    )


def guide_feedback(towns):
    index = GuideIndexPageFactory(parent=towns["bethune"])
    guide = GuidePageFactory(parent=index, slug="photos")
    data = {"helpful": "oui", "comment": "Très clair, merci."}
    return PublicForm(guide.url, data, GuideFeedback, text_field="comment")


def self_check(towns):
    topic = TopicFactory(name="Photos de produits", slug="photos")
    answers = [("Pas du tout", 0), ("Un peu", 1)]
    questions = [question("Avez-vous des photos ?", topic, answers, "q1")]
    page = SelfCheckPageFactory(parent=towns["bethune"], questions=json.dumps(questions))
    return PublicForm(page.url, {"q-q1": "1"}, SelfCheckResult)


PUBLIC_FORMS = {
    "click-collect": click_collect,
    "help-request": help_request,
    "volunteer-application": volunteer_application,
    "workshop-registration": workshop_registration,
    "guide-feedback": guide_feedback,
    "self-check": self_check,
}

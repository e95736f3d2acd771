"""Factories for the learning space: guides, the self-check and workshops."""

import json
import re
import uuid
from urllib.parse import unquote

import wagtail_factories

from demo.builders.learning import guide_page, workshop_page
from demo.builders.pages import add_page
from learning.models import (
    GuideIndexPage,
    GuidePage,
    SelfCheckPage,
    WorkshopIndexPage,
    WorkshopPage,
)

from .programme import TopicFactory


def step(title, text="<p>Faites-le.</p>", image=None, alt=""):
    illustration = {"image": image.pk if image else None, "alt_text": alt, "decorative": False, "caption": ""}
    return {"type": "step", "value": {"title": title, "text": text, "illustration": illustration}}


def guide_body(*blocks):
    return json.dumps([{**block, "id": str(uuid.uuid4())} for block in blocks])


class GuideIndexPageFactory(wagtail_factories.PageFactory):
    title = "Se former"
    slug = "se-former"

    class Meta:
        model = GuideIndexPage


class GuidePageFactory(wagtail_factories.PageFactory):
    title = "Photographier ses produits"
    summary = "Des photos nettes avec un téléphone."
    level = "decouvrir"
    time_needed = 15
    body = guide_body(step("Trouvez la lumière"), step("Cadrez"))

    class Meta:
        model = GuidePage

    @classmethod
    def _create_instance(cls, model_class, parent, kwargs):
        return add_page(parent, guide_page(**kwargs))


def question(text, topic, answers, block_id=None):
    return {
        "type": "question",
        "id": block_id or str(uuid.uuid4()),
        "value": {
            "question": text,
            "help": "",
            "topic": topic.pk,
            "answers": [{"text": label, "points": points} for label, points in answers],
        },
    }


class SelfCheckPageFactory(wagtail_factories.PageFactory):
    title = "Où en êtes-vous avec le numérique ?"
    slug = "auto-diagnostic"
    progress_from = 3
    master_from = 6
    discover_text = "<p>Vous débutez, et c'est très bien.</p>"
    progress_text = "<p>Vous avez déjà commencé.</p>"
    master_text = "<p>Vous êtes à l'aise.</p>"
    questions = "[]"

    class Meta:
        model = SelfCheckPage


class WorkshopIndexPageFactory(wagtail_factories.PageFactory):
    title = "Ateliers"
    slug = "ateliers"

    class Meta:
        model = WorkshopIndexPage


class WorkshopPageFactory(wagtail_factories.PageFactory):
    title = "Atelier photos"
    duration = 120
    mode = "in_person"
    place = "Salle des fêtes, place du Beffroi"
    capacity = 2
    level = "decouvrir"
    description = "<p>Venez avec votre téléphone.</p>"

    class Meta:
        model = WorkshopPage

    @classmethod
    def _create_instance(cls, model_class, parent, kwargs):
        return add_page(parent, workshop_page(**kwargs))


def confirm_by_email(client, message, host):
    """Open the confirmation link of the e-mail `message` and press its button, as the person would."""
    link = re.search(r"https?://[^/\s]+(/\S+/confirmation/)\?jeton=(\S+)", message.body)
    assert link, message.body
    return client.post(link[1], {"jeton": unquote(link[2])}, HTTP_HOST=host, follow=True)


__all__ = [
    "GuideIndexPageFactory",
    "GuidePageFactory",
    "SelfCheckPageFactory",
    "TopicFactory",
    "WorkshopIndexPageFactory",
    "WorkshopPageFactory",
    "confirm_by_email",
    "guide_body",
    "question",
    "step",
]

"""What `learning` opens in a new town (towns/towns.py `create_town`): the guides section, the
self-check and the workshops page, one builder each.

The guides section opens empty here; the shared guide library (`learning/library.py`) is what
fills it, so a guide is written once for every town.
"""

import json
import uuid

from home.town_setup import call_to_action
from learning.library import publish_library_guides
from learning.models import GuideIndexPage, SelfCheckPage, Topic, WorkshopIndexPage
from learning.starter_content import LEVEL_TEXTS, SELF_CHECK_QUESTIONS, TOPICS
from towns.towns import of_town, section


def stable_block_id(*parts):
    """A StreamField block id derived from its place, so that building twice writes the same content."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "proximite:" + ":".join(parts)))


def ensure_topics():
    """The shared topics (snippets), created when missing; by slug."""
    for position, (name, slug, description) in enumerate(TOPICS):
        Topic.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description, "sort_order": position * 10}
        )
    return {topic.slug: topic for topic in Topic.objects.all()}


def guide_section(town):
    """The town's “Se former” section, in the menu."""
    return section(
        town.home_page,
        GuideIndexPage,
        "se-former",
        title="Se former",
        show_in_menus=True,
        introduction=(
            f"Des guides courts, pas à pas, pour que les commerçants {of_town(town.name)} avancent à "
            "leur rythme dans le numérique. Choisissez votre niveau ou un sujet : chaque guide "
            "s'imprime facilement."
        ),
        listing_summary="Des guides pas à pas pour les commerçants, du premier pas à la maîtrise.",
    )


def _questions(topics):
    return [
        {
            "type": "question",
            "id": stable_block_id("self-check", str(position)),
            "value": {
                "question": question,
                "help": help_text,
                "topic": topics[topic_slug].pk,
                "answers": [
                    {
                        "type": "item",
                        "id": stable_block_id("self-check", str(position), str(number)),
                        "value": {"text": answer, "points": points},
                    }
                    for number, (answer, points) in enumerate(answers)
                ],
            },
        }
        for position, (question, help_text, topic_slug, answers) in enumerate(SELF_CHECK_QUESTIONS)
    ]


def self_check(town):
    """The town's self-check, “Où en êtes-vous avec le numérique ?”, with the starter questions."""
    return section(
        town.home_page,
        SelfCheckPage,
        "auto-diagnostic",
        title="Où en êtes-vous avec le numérique ?",
        introduction=(
            f"Commerçants {of_town(town.name)} : huit questions, trois minutes, sans compte ni nom, "
            "pour découvrir votre niveau et les guides faits pour vous."
        ),
        listing_summary="Un questionnaire rapide et anonyme pour savoir par où commencer.",
        questions=json.dumps(_questions(ensure_topics())),
        progress_from=6,
        master_from=12,
        **LEVEL_TEXTS,
    )


def workshop_section(town):
    """The town's “Ateliers” page, where its team publishes group workshops."""
    return section(
        town.home_page,
        WorkshopIndexPage,
        "ateliers",
        title="Ateliers",
        introduction=(
            f"Des ateliers gratuits, en petit groupe, animés par l'équipe de la mairie {of_town(town.name)} "
            "et des volontaires numériques. Venez avec votre téléphone."
        ),
        listing_summary="Ateliers collectifs gratuits pour les commerçants du centre-ville.",
    )


def open_town(town):
    # A new town starts with every guide of the shared library, as is; its team adapts them later.
    guides = guide_section(town)
    publish_library_guides(guides)
    call_to_action(
        town.home_page,
        "Se former",
        "Des guides pas à pas pour les commerçants : photos, réseaux sociaux, click & collect…",
        guides,
        "Voir les guides",
    )
    call_to_action(
        town.home_page,
        "Où en êtes-vous avec le numérique ?",
        "Huit questions pour connaître votre niveau et les guides faits pour vous.",
        self_check(town),
        "Faire le point",
    )
    workshop_section(town)
    return []

"""What `home` opens in a new town (towns/towns.py `create_town`): its home page and three legal pages.

Every French public website must publish a legal notice, how it processes personal data and an
accessibility statement, from its first day. A new town gets the three as published drafts that
name it, each topped by a framed « Texte à compléter par la mairie » and listed in the footer
(TownIdentity's legal page fields): the public sees that the text is coming, and `add_town` tells
the team which pages still carry the frame. The header's menu reads the sections other apps
open with “show in menus”; the footer reads these pages.
"""

import json

from django.utils.translation import gettext as _

from home.models import HomePage, StandardPage
from towns.models import TownIdentity
from towns.towns import child_page, of_town

DRAFT_TITLE = "Texte à compléter par la mairie"


def home_page(name, slug):
    """The town's home page, not saved yet: `create_town` puts it at the root of the town's site,
    and its staff rewrite these first words in the admin."""
    return HomePage(
        title=name,
        slug=slug,
        seo_title=f"{name} — commerces de proximité",
        hero_title=f"{name}, vos commerces de proximité",
        hero_text="Horaires, produits et services des commerces indépendants du centre-ville.",
    )


def body(*blocks):
    """A StreamField body in the JSON Wagtail stores, from `(kind, value)` pairs."""
    return json.dumps([{"type": kind, "value": value} for kind, value in blocks])


def paragraph(html):
    return ("paragraph", html)


def heading(text, level="h2"):
    return ("heading", {"text": text, "level": level})


def callout(title, html, tone="info"):
    return ("callout", {"tone": tone, "title": title, "text": html})


def _draft_notice(name, what):
    return callout(
        DRAFT_TITLE,
        f"<p>Ce texte est un modèle préparé pour la commune {of_town(name)}. La mairie {what}, "
        "puis retire cet encadré.</p>",
        "warning",
    )


def _legal_notice(name):
    return {
        "title": "Mentions légales",
        "listing_summary": "Éditeur, hébergeur et conditions d'utilisation du site.",
        "body": body(
            _draft_notice(name, "y indique son adresse, le directeur de la publication et l'hébergeur"),
            heading("Éditeur du site"),
            paragraph(
                f"<p>Ce site est édité par la commune {of_town(name)}. Directeur de la publication : "
                f"le maire {of_town(name)}.</p>"
            ),
            heading("Hébergement"),
            paragraph("<p>Nom, adresse et téléphone de l'hébergeur du site.</p>"),
            heading("Contenus des commerçants"),
            paragraph(
                "<p>Chaque commerçant est responsable des informations de sa page (horaires, prix, "
                "produits). La mairie les relit avant publication mais ne peut garantir leur "
                "exactitude à tout moment.</p>"
            ),
        ),
    }


def _privacy(name):
    return {
        "title": "Données personnelles",
        "listing_summary": "Quelles données nous recueillons, pourquoi, combien de temps, et vos droits.",
        "body": body(
            _draft_notice(name, "y indique comment joindre son délégué à la protection des données"),
            paragraph(
                f"<p>Le responsable du traitement est la commune {of_town(name)}. Le site ne recueille "
                "que les données nécessaires à chaque service : une demande de mise de côté "
                "(click &amp; collect), une demande d'aide ou une candidature de volontaire.</p>"
            ),
            heading("Vos droits"),
            paragraph(
                "<p>Vous pouvez consulter, corriger ou faire effacer vos données en écrivant à la "
                f"mairie {of_town(name)}. Vous pouvez aussi saisir la CNIL.</p>"
            ),
            heading("Mesure d'audience et cookies"),
            paragraph(
                "<p>Ce site ne dépose aucun cookie publicitaire ni de mesure d'audience. Seuls les "
                "cookies techniques nécessaires aux formulaires sont utilisés.</p>"
            ),
        ),
    }


def _accessibility(name):
    return {
        "title": "Déclaration d'accessibilité",
        "listing_summary": (
            "État de conformité du site au référentiel général d'amélioration de l'accessibilité (RGAA)."
        ),
        "body": body(
            _draft_notice(name, "y reporte le résultat de son audit et la date de la déclaration"),
            paragraph(
                f"<p>La commune {of_town(name)} s'engage à rendre son site accessible conformément à "
                "l'article 47 de la loi n° 2005-102 du 11 février 2005.</p>"
            ),
            heading("État de conformité"),
            paragraph(
                "<p>Le site n'a pas encore fait l'objet d'un audit de conformité au RGAA 4.1. Chaque "
                "page publique est vérifiée automatiquement avec l'outil axe-core à chaque évolution "
                "du site.</p>"
            ),
            heading("Retour d'information et contact"),
            paragraph(
                "<p>Si vous n'arrivez pas à accéder à un contenu ou à un service, écrivez à la mairie "
                f"{of_town(name)} : elle vous répondra et vous proposera une autre façon d'obtenir "
                "l'information.</p>"
            ),
            heading("Voies de recours"),
            paragraph(
                "<p>Si vous n'obtenez pas de réponse satisfaisante, vous pouvez saisir le Défenseur "
                "des droits.</p>"
            ),
        ),
    }


# The identity's field, the page's slug and its draft, in the footer's order.
LEGAL_PAGES = [
    ("legal_notice_page", "mentions-legales", _legal_notice),
    ("privacy_page", "donnees-personnelles", _privacy),
    ("accessibility_page", "accessibilite", _accessibility),
]


def call_to_action(home_page, title, text, page, link_text):
    """A door from the town's home page to one of its sections, unless one already leads there.

    Each app adds the doors to the sections it opens, so a new town's home page leads a visitor
    to shops, guides and help in one tap.
    """
    home_page = home_page.specific
    if any(block.value["page"] and block.value["page"].pk == page.pk for block in home_page.calls_to_action):
        return
    home_page.calls_to_action.append(
        ("call_to_action", {"title": title, "text": text, "page": page, "link_text": link_text})
    )
    home_page.save_revision().publish()


def is_draft(page):
    """Whether the page still carries the « Texte à compléter par la mairie » frame."""
    return any(
        block.block_type == "callout" and block.value["title"] == DRAFT_TITLE
        for block in getattr(page.specific, "body", [])
    )


def legal_pages(town):
    """The town's legal pages: the ones its identity names, or published drafts naming the town."""
    identity = TownIdentity.for_site(town.site)
    pages = []
    for field, slug, draft in LEGAL_PAGES:
        page = getattr(identity, field)
        if page is None:
            page = child_page(town.home_page, StandardPage, slug, **draft(town.name))
            setattr(identity, field, page)
            identity.save(update_fields=[field])
        pages.append(page)
    return pages


def open_town(town):
    return [
        _("Complete the text of “%(title)s” and remove its frame “%(frame)s”: %(url)s")
        % {"title": page.title, "frame": DRAFT_TITLE, "url": page.full_url}
        for page in legal_pages(town)
        if is_draft(page)
    ]

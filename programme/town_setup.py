"""What `programme` opens in a new town (towns/towns.py `create_town`): the coup de pouce pages
(the programme, asking for help, volunteering, the volunteers, the figures) and who processes
the data people give there."""

from wagtail.rich_text import RichText

from home.town_setup import call_to_action
from programme.models import (
    HelpRequestPage,
    ProgrammeFiguresPage,
    ProgrammePage,
    ProgrammeSettings,
    VolunteerApplicationPage,
    VolunteerListPage,
)
from towns.towns import of_town, section


def coup_de_pouce_pages(town):
    """The “Coup de pouce numérique” section, in the menu, and its four pages.

    Returns the section, the help request page and the volunteer sign-up page (the two doors
    a home page may lead to).
    """
    programme = section(
        town.home_page,
        ProgrammePage,
        "coup-de-pouce",
        title="Coup de pouce numérique",
        introduction=(
            "Vous tenez un commerce et le numérique vous prend du temps ? Un·e volontaire ou un·e "
            f"animateur·rice de la mairie {of_town(town.name)} vient vous aider gratuitement, environ "
            "deux heures, dans votre boutique, par téléphone ou en visio, puis reprend des nouvelles "
            "quelques semaines plus tard."
        ),
        listing_summary="Une aide gratuite et humaine pour les commerçants, par des volontaires.",
        show_in_menus=True,
        body=[
            ("heading", {"text": "Comment ça marche ?", "level": "h2"}),
            (
                "paragraph",
                RichText(
                    "<ol><li>Vous remplissez la demande en deux minutes.</li>"
                    "<li>La mairie vous met en relation avec la bonne personne.</li>"
                    "<li>Vous convenez ensemble d'un moment : environ deux heures.</li>"
                    "<li>Un suivi quelques semaines plus tard, pour que votre page reste à jour.</li></ol>"
                ),
            ),
        ],
    )
    help_page = section(
        programme,
        HelpRequestPage,
        "demander",
        title="Demander un coup de pouce",
        introduction=RichText(
            "<p>Gratuit, sans engagement : dites-nous sur quoi vous aimeriez avancer, "
            f"la mairie {of_town(town.name)} vous rappelle rapidement.</p>"
        ),
    )
    apply_page = section(
        programme,
        VolunteerApplicationPage,
        "devenir-volontaire",
        title="Devenir volontaire numérique",
        introduction=RichText(
            "<p>Vous êtes à l'aise avec le numérique et vous aimez transmettre ? Donnez quelques heures "
            f"par mois aux commerces du centre-ville {of_town(town.name)}. La mairie vous forme et vous "
            "accompagne.</p>"
        ),
    )
    section(
        programme,
        VolunteerListPage,
        "nos-volontaires",
        title="Nos volontaires",
        introduction=RichText(
            f"<p>Ils et elles donnent de leur temps pour les commerces {of_town(town.name)}.</p>"
        ),
    )
    section(
        programme,
        ProgrammeFiguresPage,
        "en-chiffres",
        title="Le programme en chiffres",
        introduction=f"Ce que les coups de pouce ont changé pour les commerces {of_town(town.name)}.",
    )
    return programme, help_page, apply_page


def programme_settings(town):
    """The town's programme settings; who processes the data is the town hall until staff say otherwise."""
    settings = ProgrammeSettings.for_site(town.site)
    if not settings.data_controller:
        settings.data_controller = f"Mairie {of_town(town.name)}, service commerce"
        settings.save()
    return settings


def open_town(town):
    programme_settings(town)
    _section, help_page, apply_page = coup_de_pouce_pages(town)
    call_to_action(
        town.home_page,
        "Demander un coup de pouce",
        "Une aide gratuite et humaine pour votre commerce : photos, réseaux sociaux, fiche en ligne…",
        help_page,
        "Demander un coup de pouce",
    )
    call_to_action(
        town.home_page,
        "Devenir volontaire numérique",
        "Quelques heures par mois pour aider les commerces de votre centre-ville.",
        apply_page,
        "Devenir volontaire",
    )
    return []

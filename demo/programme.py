"""Demo data of the coup de pouce programme: pages, settings, helpers, requests and sessions per town.

Everything is created only when missing, so a second run changes nothing, even on another day.
"""

import datetime

from django.utils import timezone
from django.utils.text import slugify

from demo.builders.programme import coaching_session
from demo.builders.programme import help_request as build_help_request
from demo.builders.programme import volunteer as build_volunteer
from demo.context import ensure_user
from learning.models import Topic
from programme.forms import town_shops
from programme.models import HelpRequest, Volunteer
from programme.views import volunteers_group

S = Volunteer.Status
R = HelpRequest.Status

# first name, last name, status, skills, modes, availability, public listing, animator
VOLUNTEERS = [
    (
        "Lucie",
        "Morel",
        S.ACTIVE,
        ["photos-de-produits", "reseaux-sociaux"],
        "boutique visio",
        ["lun-matin", "mer-apres-midi", "sam-matin"],
        True,
        False,
    ),
    (
        "Mathis",
        "Caron",
        S.ACTIVE,
        ["fiche-etablissement", "site-web", "securite"],
        "boutique telephone",
        ["mar-apres-midi", "jeu-apres-midi"],
        True,
        False,
    ),
    (
        "Odile",
        "Vasseur",
        S.ACTIVE,
        ["click-and-collect", "paiement"],
        "telephone",
        ["lun-apres-midi", "ven-matin"],
        False,
        False,
    ),
    (
        "Nadia",
        "Lefebvre",
        S.ACTIVE,
        ["reseaux-sociaux", "place-de-marche", "aides-publiques"],
        "boutique",
        ["mer-matin", "jeu-matin", "ven-apres-midi"],
        True,
        True,
    ),
    ("Hugo", "Dumont", S.PAUSED, ["site-web"], "visio", ["sam-matin"], True, False),
    ("Inès", "Roussel", S.APPLIED, ["photos-de-produits"], "boutique", ["mer-apres-midi"], False, False),
    ("Gérard", "Poulain", S.LEFT, ["securite"], "telephone", ["mar-matin"], False, False),
]

# shop, contact, status, topics, level, mode, sessions (days ago, minutes, before, after, follow-up offset)
REQUESTS = [
    ("Fleurs & Sens", "Sophie Lambert", R.NEW, ["photos-de-produits"], "decouvrir", "boutique", []),
    ("Le Comptoir du Thé", "Paul Renard", R.NEW, ["reseaux-sociaux", "photos-de-produits"], "", "", []),
    (
        "Cordonnerie Martin",
        "Jacques Martin",
        R.ASSIGNED,
        ["fiche-etablissement"],
        "decouvrir",
        "telephone",
        [],
    ),
    ("La Boîte à Jeux", "Emma Girard", R.SCHEDULED, ["click-and-collect"], "progresser", "boutique", []),
    (
        "Boucherie du Beffroi",
        "Marc Petit",
        R.DONE,
        ["fiche-etablissement", "paiement"],
        "decouvrir",
        "boutique",
        [(160, 120, "decouvrir", "progresser", None)],
    ),
    (
        "Mercerie Bouton d'Or",
        "Annie Leroy",
        R.DONE,
        ["reseaux-sociaux"],
        "decouvrir",
        "boutique",
        [(120, 120, "decouvrir", "decouvrir", None), (95, 90, "decouvrir", "progresser", -6)],
    ),
    (
        "Librairie des Remparts",
        "Claire Dubois",
        R.DONE,
        ["site-web", "securite"],
        "progresser",
        "visio",
        [(70, 120, "progresser", "maitriser", 2)],
    ),
    (
        "Fromagerie Lenoir",
        "Yves Lenoir",
        R.DONE,
        ["click-and-collect", "photos-de-produits"],
        "progresser",
        "boutique",
        [(40, 150, "progresser", "progresser", -12), (20, 60, "progresser", "maitriser", 5)],
    ),
    (
        "Optique Vision",
        "Julie Fontaine",
        R.DONE,
        ["place-de-marche"],
        "maitriser",
        "telephone",
        [(12, 60, "maitriser", "maitriser", 0)],
    ),
    (
        "Épicerie Fine Saveurs",
        "Karine Blanc",
        R.CLOSED,
        ["paiement"],
        "decouvrir",
        "boutique",
        [(175, 120, "decouvrir", "progresser", None)],
    ),
    (
        "Atelier Vélo",
        "Thomas Roger",
        R.CLOSED,
        ["reseaux-sociaux", "fiche-etablissement"],
        "decouvrir",
        "boutique",
        [(140, 120, "decouvrir", "progresser", None), (100, 90, "progresser", "progresser", None)],
    ),
]


def _topics(slugs):
    return list(Topic.objects.filter(slug__in=slugs))


def _volunteers(town):
    site = town.site
    helpers = []
    for index, (first, last, status, skills, modes, slots, listed, animator) in enumerate(VOLUNTEERS):
        email = f"{slugify(first)}.{slugify(last)}@{town.slug}.localhost"
        volunteer = Volunteer.objects.filter(site=site, email=email).first()
        if volunteer is None:
            volunteer = build_volunteer(
                site,
                first,
                last,
                email,
                phone=f"06 10 20 3{index} 4{index}",
                status=status,
                availability=slots,
                mode_in_shop="boutique" in modes,
                mode_phone="telephone" in modes,
                mode_video="visio" in modes,
                presentation=f"{first} aide les commerçants de {town.name} depuis un an.",
                is_staff_animator=animator,
                consent_public_listing=listed,
            )
            volunteer.save()
            volunteer.skills.set(_topics(skills))
        helpers.append(volunteer)
    return helpers


def _volunteer_account(context, town, volunteer):
    user = ensure_user(f"volontaire-{town.slug}", volunteer.email, volunteer.first_name, volunteer.last_name)
    user.groups.add(volunteers_group(town.site))
    if volunteer.user_id is None:
        volunteer.user = user
        volunteer.save(update_fields=["user"])
    context.add_account(user.username, "volontaire numérique", town)


def _requests(town, helpers):
    site = town.site
    today = timezone.localdate()
    shop_ids = [pk for pk, _title in town_shops(site)]
    active = [h for h in helpers if h.status == S.ACTIVE]
    for index, (shop, contact, status, topics, level, mode, sessions) in enumerate(REQUESTS):
        if HelpRequest.objects.filter(site=site, shop_name=shop).exists():
            continue
        first_session = max((s[0] for s in sessions), default=5)
        received = timezone.now() - datetime.timedelta(days=first_session + 4 + index % 5)
        helper = active[index % len(active)] if status != R.NEW else None
        help_request = build_help_request(
            site,
            received=received,
            shop_id=shop_ids[index % len(shop_ids)] if shop_ids and index % 2 == 0 else None,
            shop_name=shop,
            contact_name=contact,
            phone=f"03 21 5{index % 10} 00 1{index % 10}",
            email=f"contact@{slugify(shop)[:20]}.localhost",
            level=level,
            preferred_mode=mode,
            preferred_times=["mar-matin", "jeu-apres-midi"] if index % 2 else ["lun-apres-midi"],
            message="J'aimerais être plus visible en ligne sans y passer mes soirées.",
            status=status,
            helper=helper,
            assigned_at=received + datetime.timedelta(days=1) if helper else None,
            closed_at=timezone.now() - datetime.timedelta(days=30) if status == R.CLOSED else None,
        )
        help_request.save()
        help_request.topics.set(_topics(topics))
        for days_ago, minutes, before, after, follow_up in sessions:
            session = coaching_session(
                help_request,
                date=today - datetime.timedelta(days=days_ago),
                duration_minutes=minutes,
                level_before=before,
                level_after=after,
                outcome="Fiche mise à jour avec les horaires et trois photos ; le commerçant publie seul.",
                follow_up_date=today + datetime.timedelta(days=follow_up) if follow_up is not None else None,
                follow_up_done=follow_up is None,
            )
            session.save()
            session.topics_covered.set(_topics(topics))


def load(context):
    for town in context.towns.values():
        helpers = _volunteers(town)
        _volunteer_account(context, town, helpers[0])
        _requests(town, helpers)

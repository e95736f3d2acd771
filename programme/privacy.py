"""Personal data of the programme: what one person's export contains, and anonymisation.

Anonymising blanks names, contacts, messages and notes but keeps the town, dates, topics,
levels, durations and the shop key, so every figure of the dashboard stays the same.
"""

from django.db import transaction
from django.utils import timezone

from .models import CoachingSession, HelpRequest, ProgrammeSettings, Volunteer

ANONYMOUS = "—"


def _iso(value):
    return value.isoformat() if value else None


def volunteer_data(volunteer):
    return {
        "type": "volontaire",
        "id": volunteer.pk,
        "ville": volunteer.site.site_name or volunteer.site.hostname,
        "prenom": volunteer.first_name,
        "nom": volunteer.last_name,
        "email": volunteer.email,
        "telephone": volunteer.phone,
        "competences": [topic.name for topic in volunteer.skills.all()],
        "disponibilites": volunteer.availability,
        "modes": [str(mode) for mode in volunteer.modes],
        "presentation": volunteer.presentation,
        "statut": volunteer.status,
        "animateur_de_la_mairie": volunteer.is_staff_animator,
        "compte": volunteer.user.username if volunteer.user_id else None,
        "consentement_traitement_le": _iso(volunteer.consent_processing_at),
        "consentement_liste_publique": volunteer.consent_public_listing,
        "consentement_liste_publique_le": _iso(volunteer.consent_public_listing_at),
        "notes_de_la_mairie": volunteer.notes,
        "candidature_le": _iso(volunteer.created_at),
        "depart_le": _iso(volunteer.left_at),
        "seances": [
            {
                "date": _iso(session.date),
                "duree_minutes": session.duration_minutes,
                "demande": session.request_id,
                "compte_rendu": session.outcome,
            }
            for session in volunteer.sessions.all()
        ],
        "demandes_confiees": list(volunteer.assigned_requests.values_list("pk", flat=True)),
    }


def requests_of_same_person(help_request):
    """The person behind a request: all requests of the town with the same e-mail or phone."""
    condition = {"pk": help_request.pk}
    qs = HelpRequest.objects.filter(site_id=help_request.site_id, anonymised_at__isnull=True)
    from django.db.models import Q

    match = Q(**condition)
    if help_request.email:
        match |= Q(email__iexact=help_request.email)
    if help_request.phone:
        match |= Q(phone=help_request.phone)
    return qs.filter(match).order_by("created_at")


def request_data(help_request):
    return {
        "type": "demande",
        "id": help_request.pk,
        "ville": help_request.site.site_name or help_request.site.hostname,
        "commerce": help_request.shop_name,
        "contact": help_request.contact_name,
        "email": help_request.email,
        "telephone": help_request.phone,
        "sujets": [topic.name for topic in help_request.topics.all()],
        "niveau": help_request.level,
        "mode_souhaite": help_request.preferred_mode,
        "moments": help_request.preferred_times,
        "message": help_request.message,
        "statut": help_request.status,
        "intervenant": help_request.helper.first_name if help_request.helper_id else None,
        "notes_de_la_mairie": help_request.notes,
        "recue_le": _iso(help_request.created_at),
        "consentement_le": _iso(help_request.consent_at),
        "seances": [
            {
                "date": _iso(session.date),
                "duree_minutes": session.duration_minutes,
                "niveau_avant": session.level_before,
                "niveau_apres": session.level_after,
                "compte_rendu": session.outcome,
                "suivi_le": _iso(session.follow_up_date),
                "guides": [guide.title for guide in session.guides.all()],
            }
            for session in help_request.sessions.all()
        ],
    }


def person_export(kind, obj):
    if kind == "volontaire":
        return {"personne": volunteer_data(obj), "exporte_le": timezone.now().isoformat()}
    return {
        "demandes": [request_data(r) for r in requests_of_same_person(obj)],
        "exporte_le": timezone.now().isoformat(),
    }


@transaction.atomic
def anonymise_volunteer(volunteer):
    user = volunteer.user
    volunteer.first_name = ANONYMOUS
    volunteer.last_name = ""
    volunteer.email = ""
    volunteer.phone = ""
    volunteer.presentation = ""
    volunteer.notes = ""
    volunteer.availability = []
    volunteer.consent_public_listing = False
    volunteer.user = None
    volunteer.anonymised_at = timezone.now()
    volunteer.save()
    CoachingSession.objects.filter(helper=volunteer).update(outcome="", guides_used="")
    if user is not None:
        user.is_active = False
        user.first_name = ""
        user.last_name = ""
        user.email = ""
        user.username = f"anonyme-{user.pk}"
        user.set_unusable_password()
        user.save()
    return volunteer


@transaction.atomic
def anonymise_request(help_request):
    help_request.shop_name = ""
    help_request.contact_name = ""
    help_request.phone = ""
    help_request.email = ""
    help_request.message = ""
    help_request.notes = ""
    help_request.anonymised_at = timezone.now()
    help_request.save()
    help_request.sessions.update(outcome="")
    return help_request


def anonymise_person(kind, obj):
    if kind == "volontaire":
        anonymise_volunteer(obj)
        return 1
    requests = list(requests_of_same_person(obj))
    for help_request in requests:
        anonymise_request(help_request)
    return len(requests)


def months_ago(now, months):
    year, month = now.year, now.month - months
    while month <= 0:
        month += 12
        year -= 1
    day = min(now.day, 28)
    return now.replace(year=year, month=month, day=day)


def anonymise_expired(now=None):
    """Anonymise closed requests and volunteers who left, older than each town's retention delay."""
    from wagtail.models import Site

    now = now or timezone.now()
    counts = {"requests": 0, "volunteers": 0}
    for site in Site.objects.all():
        months = ProgrammeSettings.for_site(site).retention_months
        limit = months_ago(now, months)
        for help_request in HelpRequest.objects.filter(
            site=site, status=HelpRequest.Status.CLOSED, closed_at__lt=limit, anonymised_at__isnull=True
        ):
            anonymise_request(help_request)
            counts["requests"] += 1
        for volunteer in Volunteer.objects.filter(
            site=site, status=Volunteer.Status.LEFT, left_at__lt=limit, anonymised_at__isnull=True
        ):
            anonymise_volunteer(volunteer)
            counts["volunteers"] += 1
    return counts

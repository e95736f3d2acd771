"""Coup de pouce records: helpers, requests for help and the sessions given.

Unsaved, so that the scale loader inserts thousands with `bulk_create`; their topics and skills
(many-to-many) are set once saved.
"""

from django.utils import timezone

from programme.models import CoachingSession, HelpRequest, Volunteer
from programme.models.choices import Mode


def volunteer(site, first_name, last_name, email, *, joined=None, **fields):
    """A helper of `site` who signed up at `joined` (now unless given), active unless told otherwise.

    The consents are the ones the sign-up form records: to the processing, and to the public
    listing when `consent_public_listing` is given.
    """
    joined = joined or timezone.now()
    values = {"status": Volunteer.Status.ACTIVE, "consent_processing_at": joined, "created_at": joined}
    values.update(fields)
    if values.get("consent_public_listing"):
        values.setdefault("consent_public_listing_at", joined)
    return Volunteer(site=site, first_name=first_name, last_name=last_name, email=email, **values)


def help_request(site, *, received=None, **fields):
    """A request for a coup de pouce to `site`, received at `received` (now unless given).

    The consent is the one the public form records; the shop key is set as `save()` sets it, so
    that a bulk insert needs no save.
    """
    received = received or timezone.now()
    record = HelpRequest(site=site, **{"consent_at": received, "created_at": received, **fields})
    record.shop_key = record.compute_shop_key()
    return record


def coaching_session(request, **fields):
    """A session given for `request`, by its helper, the way the shopkeeper asked, today unless given."""
    values = {"mode": request.preferred_mode or Mode.IN_SHOP, "date": timezone.localdate()}
    if "helper" not in fields:
        values["helper_id"] = request.helper_id
    values.update(fields)
    return CoachingSession(request=request, **values)

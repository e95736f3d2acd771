"""What happens when a form is sent or a request assigned: records saved, people told."""

from django.db import transaction
from django.utils import timezone

from towns.emails import send_town_email, town_url
from towns.staff import PROGRAMME, staff_to_notify
from towns.towns import town_name

from .models import HelpRequest, Mode, Volunteer


def create_volunteer_application(form, site):
    data = form.cleaned_data
    now = timezone.now()
    modes = set(data["modes"])
    with transaction.atomic():
        volunteer = _create_volunteer(data, site, now, modes)
    context = {"volunteer": volunteer, "town": town_name(site), "admin_url": admin_url(site, volunteer)}
    staff = staff_to_notify(site, PROGRAMME)
    send_town_email(site, staff, "programme/emails/volunteer_applied_staff", context)
    send_town_email(site, volunteer.email, "programme/emails/volunteer_applied", context)
    return volunteer


def _create_volunteer(data, site, now, modes):
    volunteer = Volunteer.objects.create(
        site=site,
        first_name=data["first_name"].strip(),
        last_name=data["last_name"].strip(),
        email=data["email"],
        phone=data["phone"],
        availability=list(data["availability"]),
        mode_in_shop=Mode.IN_SHOP in modes,
        mode_phone=Mode.PHONE in modes,
        mode_video=Mode.VIDEO in modes,
        presentation=data["presentation"],
        status=Volunteer.Status.APPLIED,
        consent_processing_at=now,
        consent_public_listing=data["consent_public_listing"],
        consent_public_listing_at=now if data["consent_public_listing"] else None,
    )
    volunteer.skills.set(data["skills"])
    return volunteer


def create_help_request(form, site):
    data = form.cleaned_data
    with transaction.atomic():
        help_request = _create_help_request(form, data, site)
    context = {
        "help_request": help_request,
        "topics": ", ".join(topic.name for topic in data["topics"]),
        "town": town_name(site),
        "admin_url": admin_url(site, help_request),
    }
    send_town_email(site, staff_to_notify(site, PROGRAMME), "programme/emails/help_request_staff", context)
    send_town_email(site, help_request.email, "programme/emails/help_request_received", context)
    return help_request


def _create_help_request(form, data, site):
    shop_id = data.get("shop")
    help_request = HelpRequest.objects.create(
        site=site,
        shop_id=shop_id,
        shop_name=(form.picked_shop_title() or data.get("shop_name", "")).strip(),
        contact_name=data["contact_name"].strip(),
        phone=data["phone"],
        email=data["email"],
        level=data["level"],
        preferred_mode=data["preferred_mode"],
        preferred_times=list(data["preferred_times"]),
        message=data["message"],
        consent_at=timezone.now(),
    )
    help_request.topics.set(data["topics"])
    return help_request


def admin_url(site, instance):
    """The record's edit page in the admin, on the town's own host."""
    from wagtail_modeladmin.helpers import AdminURLHelper

    return town_url(site, AdminURLHelper(type(instance)).get_action_url("edit", instance.pk))


def notify_assignment(help_request):
    """Tell the helper (with the request's details) and the shopkeeper (with the helper's first name)."""
    helper = help_request.helper
    if helper is None:
        return
    context = {
        "help_request": help_request,
        "helper": helper,
        "topics": help_request.get_topics_display(),
        "town": town_name(help_request.site),
        "admin_url": admin_url(help_request.site, help_request) if helper.user_id else "",
    }
    send_town_email(help_request.site, helper.email, "programme/emails/assigned_helper", context)
    send_town_email(help_request.site, help_request.email, "programme/emails/assigned_shopkeeper", context)

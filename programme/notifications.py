"""E-mails of the programme, written in templates under programme/templates/programme/emails/."""

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string

from towns.models import TownIdentity

from .access import MANAGE_CODENAME


def staff_recipients(site):
    """The town's programme address (or contact e-mail) and the users who manage its programme."""
    from .models import ProgrammeSettings

    addresses = []
    settings = ProgrammeSettings.for_site(site)
    identity = TownIdentity.for_site(site)
    first = settings.notification_email or identity.contact_email
    if first:
        addresses.append(first)
    users = (
        get_user_model()
        .objects.filter(
            is_active=True,
            groups__site_permissions__site=site,
            groups__site_permissions__permission__codename=MANAGE_CODENAME,
        )
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )
    for email in users:
        if email not in addresses:
            addresses.append(email)
    return addresses


def send(template, recipients, context):
    """Send `emails/<template>_subject.txt` and `emails/<template>.txt` to `recipients`."""
    recipients = [address for address in recipients if address]
    if not recipients:
        return 0
    subject = " ".join(render_to_string(f"programme/emails/{template}_subject.txt", context).split())
    body = render_to_string(f"programme/emails/{template}.txt", context)
    return send_mail(subject, body, None, recipients)

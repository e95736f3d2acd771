"""The town's e-mail: every e-mail of the project goes through `send_town_email`.

Whoever receives it, an e-mail of the portal speaks for one town: written in French, sent
under the town's name (the project's DEFAULT_FROM_EMAIL address, so that mail servers accept
it), answered to the town's contact address, and with links that open on the town's own
host and port. Each e-mail is written in templates: `<template>_subject.txt` (one formal line),
`<template>.txt` (the text part) and, when one exists, `<template>.html`; otherwise the text
is shown in the town's HTML layout (towns/emails/layout.html). Every template receives
`site_url` (the town's home address) and `town_name` besides its own context.
"""

from email.headerregistry import Address
from email.utils import parseaddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import translation

from towns.models import TownIdentity
from towns.towns import town_name


def town_root_url(site):
    """The town's address, without a trailing slash: “https://commerces.arras.fr”.

    A town behind the HTTPS proxy of production (SECURE_SSL_REDIRECT) is read over https even
    though its Site says port 80; a laptop's town on another port keeps it.
    """
    secure = site.port == 443 or getattr(settings, "SECURE_SSL_REDIRECT", False)
    scheme = "https" if secure else "http"
    port = "" if site.port in (80, 443) else f":{site.port}"
    return f"{scheme}://{site.hostname}{port}"


def town_url(site, path="/"):
    """An absolute link on the town's own host and port, for a path such as reverse() gives."""
    if path.startswith(("http://", "https://")):
        return path
    return town_root_url(site) + path


def page_url(site, page):
    """The absolute link of a page of the town (a page of another town keeps its own host)."""
    return town_url(site, page.relative_url(site))


def sender(name):
    """“Arras <ne-pas-repondre@…>”: the town's name shown, the project's sending address used."""
    address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    # Address quotes what needs quoting; Django encodes non-ASCII names when it sends.
    return str(Address(display_name=name, addr_spec=address))


def _render_html(template, context):
    try:
        return render_to_string(f"{template}.html", context)
    except TemplateDoesNotExist:
        return render_to_string("towns/emails/layout.html", context)


def send_town_email(site, to, template, context, *, reply_to=None, attachments=()):
    """Send the e-mail `template` of `site`'s town to the addresses `to`; returns the number sent.

    `reply_to` replaces the town's contact address as the address answers go to (a shop,
    a visitor). `attachments` are (file name, content, MIME type) triples. Empty addresses
    are left out; without any, nothing is sent.
    """
    recipients = [address for address in ([to] if isinstance(to, str) else to) if address]
    if not recipients:
        return 0
    identity = TownIdentity.objects.filter(site=site).first()
    answer_to = reply_to or (identity.contact_email if identity else "")
    name = town_name(site, identity)  # one reading of the identity serves the sender and templates
    context = {"site_url": town_url(site), "town_name": name, **context}
    with translation.override("fr"):
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}.txt", context)
        html = _render_html(template, {**context, "subject": subject, "body": body})
    message = EmailMultiAlternatives(
        subject, body, sender(name), recipients, reply_to=[answer_to] if answer_to else None
    )
    message.attach_alternative(html, "text/html")
    for name, content, mimetype in attachments:
        message.attach(name, content, mimetype)
    return message.send()

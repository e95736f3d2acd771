"""`manage.py add_town "Arras" commerces.arras.fr --email commerce@arras.fr`: a town, ready to open.

It says what it made (the sections and their addresses) and what is left for the town's team:
the legal texts to complete, the agents' accounts, the identity.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from towns.towns import create_town


class Command(BaseCommand):
    help = (
        "Open a town: its site (host name), home page, identity, image collection, the group "
        "“Équipe de la mairie — <town>” (which may do everything in that town and nothing in the "
        "others) and every section: shops, guides, workshops, self-check, coup de pouce, legal "
        "pages. Run again, it completes what is missing and overwrites nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("name", help="The town's name, e.g. Arras.")
        parser.add_argument("hostname", help="The portal's host name, e.g. commerces.arras.fr.")
        parser.add_argument("--port", type=int, default=80, help="The public port (80, behind HTTPS).")
        parser.add_argument("--email", default="", help="The town hall's contact address for shopkeepers.")
        parser.add_argument(
            "--default", action="store_true", help="Serve this town for any unknown host name."
        )

    def handle(self, *args, name, hostname, port, email, default, **options):
        translation.activate(settings.LANGUAGE_CODE)
        if email:
            try:
                validate_email(email)
            except ValidationError:
                raise CommandError(_("“%(email)s” is not an e-mail address.") % {"email": email}) from None
        if not 1 <= port <= 65535:
            raise CommandError(
                _("There is no port %(port)s: give a number from 1 to 65535.") % {"port": port}
            )
        try:
            town, created = create_town(name, hostname, port=port, default=default, contact_email=email)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        site = town.site
        values = {
            "town": town.name,
            "url": f"http://{site.hostname}{'' if site.port in (80, 443) else f':{site.port}'}/",
            "group": town.staff_group.name,
        }
        if created:
            self.stdout.write(self.style.SUCCESS(_("Town “%(town)s” created: %(url)s") % values))
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    _("Town “%(town)s” was already there; what was missing is added: %(url)s") % values
                )
            )
        self.stdout.write(_("Its pages, online:"))
        for line in page_tree(town.home_page):
            self.stdout.write(line)
        self.stdout.write(
            _(
                "Group “%(group)s”: the town's pages, images and identity, the shops' staff-only fields, "
                "review of shopkeepers' changes, click & collect, guides and workshops, coup de pouce."
            )
            % values
        )
        self.stdout.write(_("Left for the town's team:"))
        for step in [
            *town.to_do,
            _("Add each agent's account to the group “%(group)s” (Settings › Users).") % values,
            _("Complete the town's identity: logo, colours, contact (Settings › Town identity)."),
        ]:
            self.stdout.write(f"  - {step}")


def page_tree(home_page, listed=6):
    """The live sections under the home page with their address, and the pages of each section when
    there are few of them (a directory's shops are counted, not listed)."""
    for section in home_page.get_children().live():
        yield f"  {section.title} : {section.full_url}"
        pages = section.get_children().live()
        count = pages.count()
        if count > listed:
            yield "    " + ngettext("(%(count)s page)", "(%(count)s pages)", count) % {"count": count}
            continue
        for page in pages:
            yield f"    {page.title} : {page.full_url}"

"""`manage.py add_town "Arras" commerces.arras.fr --email commerce@arras.fr`: a town, ready for its team."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.utils import translation
from django.utils.translation import gettext as _

from towns.towns import create_town


class Command(BaseCommand):
    help = (
        "Create a town: its site (host name), published home page, identity, image collection and "
        "the group “Équipe de la mairie — <town>”, which may do everything in that town and nothing "
        "in the others. Run again, it completes what is missing and overwrites nothing."
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
        self.stdout.write(
            _(
                "Group “%(group)s”: the town's pages, images and identity, the shops' staff-only fields, "
                "review of shopkeepers' changes, click & collect, guides and workshops, coup de pouce."
            )
            % values
        )
        self.stdout.write(
            _(
                "Next, in the admin: add each agent's account to this group (Settings › Users), complete "
                "the town's identity (Settings › Town identity), then create the sections under the home "
                "page: shops, learning, coup de pouce, legal pages."
            )
        )

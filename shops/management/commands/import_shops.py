"""manage.py import_shops <file.csv> --site <hostname> [--dry-run] [--publish]"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Site

from shops.csv_import import MAX_BYTES, ImportFailed, read_import, run_import
from shops.models import ShopIndexPage


class Command(BaseCommand):
    help = (
        "Import shops from a CSV file into a town's shop directory. Checks the whole file first; "
        "imports nothing if any line has an error."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The CSV file (UTF-8 or Windows-1252, separated by ; or ,).")
        parser.add_argument(
            "--site", required=True, help="Host name of the town's site, e.g. bethune.example.fr."
        )
        parser.add_argument(
            "--directory", help="Slug of the shop directory, when the town has more than one.", default=None
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Only check the file and list what would change."
        )
        parser.add_argument(
            "--publish", action="store_true", help="Publish at once (default: drafts to review)."
        )
        parser.add_argument("--user", help="Username recorded as the author of the revisions.", default=None)

    def handle(self, *args, **options):
        translation.activate("fr")
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(_("File not found: %(path)s") % {"path": path})
        if path.stat().st_size > MAX_BYTES:
            raise CommandError(_("The file is bigger than 2 MB: split it into several files."))
        site = Site.objects.filter(hostname=options["site"]).select_related("root_page").first()
        if site is None:
            known = ", ".join(Site.objects.values_list("hostname", flat=True))
            raise CommandError(
                _("No town has the host name “%(site)s”. Known: %(known)s")
                % {"site": options["site"], "known": known}
            )
        indexes = ShopIndexPage.objects.descendant_of(site.root_page)
        if options["directory"]:
            indexes = indexes.filter(slug=options["directory"])
        indexes = list(indexes)
        if len(indexes) != 1:
            raise CommandError(
                _("This town has no shop directory.")
                if not indexes
                else _("This town has several shop directories: give --directory <slug>.")
            )
        index = indexes[0]
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(_("Unknown user: %(user)s") % {"user": options["user"]})

        report = read_import(path.read_bytes(), index)
        for message in report.file_errors:
            self.stderr.write(_("File: %(message)s") % {"message": message})
        for error in report.errors:
            self.stderr.write(
                _("Line %(line)s, column “%(column)s”: %(message)s")
                % {"line": error.line, "column": error.column, "message": error.message}
            )
        if report.file_errors or report.errors:
            raise CommandError(
                _("%(count)s error(s): nothing was imported. Correct the file, then run the command again.")
                % {"count": len(report.file_errors) + len(report.errors)}
            )
        for plan in report.plans:
            action = _("creation") if plan.action == "create" else _("update")
            self.stdout.write(
                _("Line %(line)s: %(action)s — %(title)s")
                % {"line": plan.line, "action": action, "title": plan.title}
            )
        summary = _("%(created)s creation(s), %(updated)s update(s)") % {
            "created": len(report.creations),
            "updated": len(report.updates),
        }
        if options["dry_run"]:
            self.stdout.write(
                self.style.SUCCESS(_("Check only: %(summary)s. Nothing was written.") % {"summary": summary})
            )
            return
        try:
            run_import(report, index, publish=options["publish"], user=user)
        except ImportFailed as exc:
            raise CommandError(str(exc)) from exc
        state = _("published") if options["publish"] else _("as drafts, to review and publish")
        self.stdout.write(
            self.style.SUCCESS(
                _("Import done: %(summary)s (%(state)s).") % {"summary": summary, "state": state}
            )
        )

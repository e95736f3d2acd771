"""manage.py import_shops <file.csv> --site <hostname> [--dry-run] [--publish]"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
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
            raise CommandError(f"Fichier introuvable : {path}")
        if path.stat().st_size > MAX_BYTES:
            raise CommandError("Le fichier dépasse 2 Mo : découpez-le en plusieurs fichiers.")
        site = Site.objects.filter(hostname=options["site"]).select_related("root_page").first()
        if site is None:
            known = ", ".join(Site.objects.values_list("hostname", flat=True))
            raise CommandError(f"Aucune ville avec le nom d'hôte « {options['site']} ». Connus : {known}")
        indexes = ShopIndexPage.objects.descendant_of(site.root_page)
        if options["directory"]:
            indexes = indexes.filter(slug=options["directory"])
        indexes = list(indexes)
        if len(indexes) != 1:
            raise CommandError(
                "Cette ville n'a pas d'annuaire des commerces."
                if not indexes
                else "Cette ville a plusieurs annuaires : précisez --directory <slug>."
            )
        index = indexes[0]
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"Utilisateur inconnu : {options['user']}")

        report = read_import(path.read_bytes(), index)
        for message in report.file_errors:
            self.stderr.write(f"Fichier : {message}")
        for error in report.errors:
            self.stderr.write(f"Ligne {error.line}, colonne « {error.column} » : {error.message}")
        if report.file_errors or report.errors:
            raise CommandError(
                f"{len(report.file_errors) + len(report.errors)} erreur(s) : rien n'a été importé. "
                "Corrigez le fichier puis relancez."
            )
        for plan in report.plans:
            action = "création" if plan.action == "create" else "mise à jour"
            self.stdout.write(f"Ligne {plan.line} : {action} — {plan.title}")
        summary = f"{len(report.creations)} création(s), {len(report.updates)} mise(s) à jour"
        if options["dry_run"]:
            self.stdout.write(self.style.SUCCESS(f"Vérification seule : {summary}. Rien n'a été écrit."))
            return
        try:
            run_import(report, index, publish=options["publish"], user=user)
        except ImportFailed as exc:
            raise CommandError(str(exc)) from exc
        state = "publiées" if options["publish"] else "en brouillon, à relire et publier"
        self.stdout.write(self.style.SUCCESS(f"Import terminé : {summary} ({state})."))

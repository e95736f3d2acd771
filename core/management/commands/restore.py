from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from core.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Restore an archive written by `backup`: checks every checksum first, then replaces the "
        "database and the uploaded files."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The archive (.tar.gz) written by `manage.py backup`.")
        parser.add_argument(
            "--yes",
            action="store_true",
            help="Confirm replacing a database that already holds content.",
        )

    def handle(self, *args, file, yes, **options):
        try:
            manifest = restore_backup(file, confirmed=yes)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                _("Restored the backup of %(created)s (%(files)s files).")
                % {"created": manifest["created"], "files": len(manifest["files"])}
            )
        )

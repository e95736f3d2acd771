from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, create_backup


class Command(BaseCommand):
    help = (
        "Write one archive (database, uploaded files, manifest of checksums) into var/backups/. "
        "Safe while the site runs."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            help="Folder to write the archive into, or the archive's file name (ending in .tar.gz).",
        )

    def handle(self, *args, output=None, **options):
        try:
            path = create_backup(output)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(str(path)))

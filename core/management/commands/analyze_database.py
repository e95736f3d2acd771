from django.core.management.base import BaseCommand
from django.db import connection


class Command(BaseCommand):
    help = (
        "Refresh the database's statistics (ANALYZE) so searches keep a fast query plan as content grows. "
        "Run it daily, and after a large import."
    )

    def handle(self, *args, **options):
        # Without statistics, SQLite joins the search index the slow way round: for each of
        # thousands of indexed products it runs the full-text query again (seconds per search
        # instead of milliseconds). PostgreSQL's autovacuum keeps its own; running it there is harmless.
        with connection.cursor() as cursor:
            if connection.vendor == "sqlite":
                # Bounds the time ANALYZE takes on a large file; the estimates stay good enough.
                cursor.execute("PRAGMA analysis_limit = 1000")
            cursor.execute("ANALYZE")
        self.stdout.write("Database statistics refreshed.")

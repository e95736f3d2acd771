import os
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from core.page_cache import invalidate_all
from demo import scale
from demo.scale import TOWNS, ScaleContext
from demo.scale import learning as scale_learning
from demo.scale import programme as scale_programme
from demo.scale import shops as scale_shops

LOADERS = [scale, scale_shops, scale_learning, scale_programme]

DEFAULTS = {
    "towns": 5,
    "shops": 1250,
    "products": 25000,
    "guides": 150,
    "volunteers": 600,
    "help_requests": 5000,
    "sessions": 5000,
    "images": 100,
}
HELP = {
    "towns": f"Number of towns, each a site of its own such as arras.localhost (at most {len(TOWNS)}).",
    "shops": "Shops of the whole territory, spread over the towns.",
    "products": "Products of the whole territory, spread over the shops.",
    "guides": "Guides of the whole territory, spread over the towns.",
    "volunteers": "Volunteers of the whole territory, spread over the towns.",
    "help_requests": "Coup de pouce requests of the whole territory, spread over the towns.",
    "sessions": "Coaching sessions, spread over the requests that were helped.",
    "images": "Generated pictures shared by the pages of the towns (at least 3 per town).",
}


class Command(BaseCommand):
    help = (
        "Build a territory of towns with many shops, products, guides, volunteers and help requests, "
        "to measure the portal at scale. Running it again with the same options changes nothing; "
        "the demo towns are left as they are."
    )

    def add_arguments(self, parser):
        for name, default in DEFAULTS.items():
            parser.add_argument(
                "--" + name.replace("_", "-"),
                type=int,
                default=default,
                help=f"{HELP[name]} Default: {default}.",
            )
        parser.add_argument(
            "--port",
            type=int,
            default=int(os.environ.get("PORT", "8000")),
            help="Port the towns' sites answer on (default: $PORT or 8000).",
        )

    def handle(self, *args, port, **options):
        counts = {name: options[name] for name in DEFAULTS}
        if not 1 <= counts["towns"] <= len(TOWNS):
            raise CommandError(f"--towns must be between 1 and {len(TOWNS)}.")
        negative = [name for name, value in counts.items() if value < 0]
        if negative:
            raise CommandError(f"--{negative[0].replace('_', '-')} cannot be negative.")

        started = time.monotonic()
        context = ScaleContext(port=port, counts=counts)
        with transaction.atomic():
            for loader in LOADERS:
                loader.load(context)
            # Bulk inserts send no signals: the page cache learns of the new pages here.
            invalidate_all()
        # New tables of this size need fresh statistics for SQLite to plan searches well.
        call_command("analyze_database", stdout=self.stdout)

        elapsed = time.monotonic() - started
        self.stdout.write(self.style.SUCCESS(f"Scale data ready in {elapsed:.0f} s."))
        added = [name for name in DEFAULTS if name not in ("towns", "images")]
        summary = ", ".join(f"{context.created.get(name, 0)} {name.replace('_', ' ')}" for name in added)
        self.stdout.write(f"  Added: {summary}.")
        for town in context.towns.values():
            self.stdout.write(f"  {town.name}: {town.site.root_url}/")

import os

from django.core.management.base import BaseCommand
from django.db import transaction

from demo import context as towns
from demo import learning, programme, shops
from demo.context import DEMO_PASSWORD, DemoContext

# Lowest app first: the towns, then their shops, guides and coup de pouce programme.
LOADERS = [towns, shops, learning, programme]


class Command(BaseCommand):
    help = "Load the demo towns (Béthune, Beauvais) and their content. Running it again changes nothing."

    def add_arguments(self, parser):
        parser.add_argument(
            "--port",
            type=int,
            default=int(os.environ.get("PORT", "8000")),
            help="Port the towns' sites answer on (default: $PORT or 8000).",
        )

    def handle(self, *args, port, **options):
        context = DemoContext(port=port)
        with transaction.atomic():
            for loader in LOADERS:
                loader.load(context)

        self.stdout.write(self.style.SUCCESS("Demo data ready."))
        for town in context.towns.values():
            self.stdout.write(f"  {town.name}: {town.site.root_url}/")
        self.stdout.write(f"Demo accounts (password for all: {DEMO_PASSWORD}, local use only):")
        for username, role, town in context.accounts:
            self.stdout.write(f"  {username:<22} {role:<40} {town}")

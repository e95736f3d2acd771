import os

from django.core.management.base import BaseCommand
from django.db import transaction

from home.demo import DEMO_PASSWORD, DemoContext
from home.project_apps import contributions


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
            for module in contributions("demo"):
                if hasattr(module, "load"):
                    module.load(context)

        self.stdout.write(self.style.SUCCESS("Demo data ready."))
        for town in context.towns.values():
            self.stdout.write(f"  {town.name}: {town.site.root_url}/")
        self.stdout.write(f"Demo accounts (password for all: {DEMO_PASSWORD}, local use only):")
        for username, role, town in context.accounts:
            self.stdout.write(f"  {username:<22} {role:<40} {town}")

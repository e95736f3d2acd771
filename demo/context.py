"""Demo data for `manage.py load_demo`.

This module makes the towns with `create_town`, as `add_town` does; `demo/shops`,
`demo/learning.py` and `demo/programme.py` fill them, in that order
(demo/management/commands/load_demo.py).
Everything is created once: running the command again changes nothing.
"""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from home.models import StandardPage
from home.town_setup import call_to_action, is_draft
from towns.models import TownIdentity
from towns.towns import create_town

from .images import demo_image
from .towns import TOWNS

DEMO_PASSWORD = "proximite-demo"


@dataclass
class DemoContext:
    port: int
    towns: dict = field(default_factory=dict)
    accounts: list = field(default_factory=list)

    def add_account(self, username, role, town=None):
        self.accounts.append((username, role, town.name if town else "—"))


def ensure_user(username, email, first_name="", last_name="", superuser=False):
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=username,
        defaults={
            "email": email,
            "first_name": first_name,
            "last_name": last_name,
            "is_staff": superuser,
            "is_superuser": superuser,
        },
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    return user


def build_town(spec, port):
    """A demo town: opened by `create_town` as `add_town` opens a real one, then given the demo's words.

    Only a town created now gets the demo's home page and identity; its text pages are added when
    missing, and its legal pages take the demo's text while they are still drafts.
    """
    # A town loaded before on another port keeps its pages: it moves to this port.
    Site.objects.filter(hostname=spec["hostname"]).exclude(port=port).update(port=port)
    town, created = create_town(spec["name"], spec["hostname"], port=port, default=spec["default"])
    pages = demo_pages(town, spec["pages"])
    if created:
        present(town, spec, pages)
    home_page = town.home_page
    if not home_page.featured:
        home_page.featured = [
            (
                "featured",
                {
                    "title": item["title"],
                    "text": RichText(item["text"]),
                    "image": demo_image(item["title"], f"{spec['slug']}-{item['page']}", town.collection),
                    "page": pages[item["page"]],
                },
            )
            for item in spec["featured"]
        ]
        home_page.save_revision().publish()
    return town


def demo_pages(town, specs):
    """The demo's text pages, placed in the spec's order before the sections the apps opened."""
    pages, previous = {}, None
    for page_spec in specs:
        fields = {
            "title": page_spec["title"],
            "introduction": page_spec.get("introduction", ""),
            "listing_summary": page_spec.get("summary", ""),
            "show_in_menus": page_spec.get("menu", False),
            "body": page_spec["body"],
        }
        existing = town.home_page.get_children().filter(slug=page_spec["slug"]).first()
        if existing is None:
            page = StandardPage(slug=page_spec["slug"], **fields)
            if previous is None:
                town.home_page.get_first_child().add_sibling("first-sibling", instance=page)
            else:
                previous.add_sibling("right", instance=page)
            page.save_revision().publish()
        else:
            page = existing.specific
            if is_draft(page):  # a legal page as the town opened: the demo completes it
                for name, value in fields.items():
                    setattr(page, name, value)
                page.save_revision().publish()
        pages[page_spec["slug"]] = previous = page
    # Adding a sibling counts it in the home page's row, not in this copy, which is saved again later.
    town.home_page.refresh_from_db(fields=["numchild"])
    return pages


def present(town, spec, pages):
    """The demo's home page and identity of a town created now."""
    home_page = town.home_page
    home_page.hero_title = spec["hero_title"]
    home_page.hero_text = spec["hero_text"]
    home_page.intro = spec["intro"]
    home_page.listing_summary = spec["tagline"]
    home_page.hero_image = demo_image(
        f"Centre-ville de {spec['name']}", f"hero-{spec['slug']}", town.collection
    )
    home_page.save_revision().publish()

    identity = TownIdentity.for_site(town.site)
    identity.tagline = spec["tagline"]
    identity.palette = spec["palette"]
    identity.logo = demo_image(f"Logo de {spec['name']}", f"logo-{spec['slug']}", town.collection, 240, 240)
    for key, value in spec["contact"].items():
        setattr(identity, key, value)
    identity.footer_text = spec["footer_text"]
    identity.about_page = pages["a-propos"]
    identity.save()


def remove_wagtail_welcome_page():
    """The site Wagtail's first migration creates serves its welcome page: not a town, so both go.

    Other sites (the towns of `seed_scale`, towns created by staff) stay.
    """
    welcome = Page.objects.filter(depth=2, slug="home", content_type__app_label="wagtailcore")
    Site.objects.filter(root_page__in=welcome).delete()
    welcome.delete()


def load(context):
    remove_wagtail_welcome_page()
    for spec in TOWNS:
        town = build_town(spec, context.port)
        context.towns[town.slug] = town
        staff = ensure_user(
            spec["staff"]["username"],
            spec["staff"]["email"],
            spec["staff"]["first_name"],
            spec["staff"]["last_name"],
        )
        staff.groups.add(town.staff_group)
        context.add_account(staff.username, "équipe de la mairie", town)
        call_to_action(
            town.home_page,
            "Le projet",
            f"Pourquoi {town.name} crée son « internet de proximité », et comment y participer.",
            town.home_page.get_children().get(slug="a-propos"),
            "Découvrir le projet",
        )

    ensure_user("admin", "admin@proximite.localhost", "Administratrice", "Proximité", superuser=True)
    context.accounts.insert(0, ("admin", "administrateur (tous les droits)", "—"))

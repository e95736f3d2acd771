"""Demo data for `manage.py load_demo`.

This module makes the towns; `demo/shops`, `demo/learning.py` and `demo/programme.py` fill
them, in that order (demo/management/commands/load_demo.py).
Everything is created once: running the command again changes nothing.
"""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from wagtail.models import Collection, Page, Site
from wagtail.rich_text import RichText

from home.models import HomePage, StandardPage
from towns.models import TownIdentity
from towns.towns import Town, staff_group

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


def child_page(parent, page_class, slug, **fields):
    """The child of `parent` with this slug, created (and published) only if missing."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing:
        return existing.specific
    page = page_class(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


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


def build_town(spec, port, root_collection):
    root = Page.get_first_root_node()
    home_page = root.get_children().filter(slug=spec["slug"]).first()
    collection = root_collection.get_children().filter(name=spec["name"]).first()
    if collection is None:
        collection = root_collection.add_child(name=spec["name"])
    if home_page is None:
        home_page = HomePage(
            title=spec["name"],
            slug=spec["slug"],
            seo_title=f"{spec['name']} — commerces de proximité",
            hero_title=spec["hero_title"],
            hero_text=spec["hero_text"],
            intro=spec["intro"],
            listing_summary=spec["tagline"],
            hero_image=demo_image(f"Centre-ville de {spec['name']}", f"hero-{spec['slug']}", collection),
        )
        root.add_child(instance=home_page)
        home_page.save_revision().publish()
    home_page = home_page.specific

    site = Site.objects.filter(hostname=spec["hostname"]).first() or Site(hostname=spec["hostname"])
    site.port = port
    site.site_name = spec["name"]
    site.root_page = home_page
    site.is_default_site = spec["default"]
    site.save()
    if site.is_default_site:
        Site.objects.filter(is_default_site=True).exclude(pk=site.pk).update(is_default_site=False)

    pages = {}
    for page_spec in spec["pages"]:
        pages[page_spec["slug"]] = child_page(
            home_page,
            StandardPage,
            page_spec["slug"],
            title=page_spec["title"],
            introduction=page_spec.get("introduction", ""),
            listing_summary=page_spec.get("summary", ""),
            show_in_menus=page_spec.get("menu", False),
            body=page_spec["body"],
        )

    identity = TownIdentity.for_site(site)
    if not identity.town_name:
        identity.town_name = spec["name"]
        identity.tagline = spec["tagline"]
        identity.palette = spec["palette"]
        identity.logo = demo_image(f"Logo de {spec['name']}", f"logo-{spec['slug']}", collection, 240, 240)
        for key, value in spec["contact"].items():
            setattr(identity, key, value)
        identity.footer_text = spec["footer_text"]
        identity.about_page = pages["a-propos"]
        identity.legal_notice_page = pages["mentions-legales"]
        identity.privacy_page = pages["donnees-personnelles"]
        identity.accessibility_page = pages["accessibilite"]
        identity.save()

    if not home_page.featured:
        home_page.featured = [
            (
                "featured",
                {
                    "title": item["title"],
                    "text": RichText(item["text"]),
                    "image": demo_image(item["title"], f"{spec['slug']}-{item['page']}", collection),
                    "page": pages[item["page"]],
                },
            )
            for item in spec["featured"]
        ]
        home_page.save_revision().publish()

    return Town(spec["slug"], spec["name"], site, home_page, collection, staff_group(site))


def remove_wagtail_welcome_page():
    """The site Wagtail's first migration creates serves its welcome page: not a town, so both go.

    Other sites (the towns of `seed_scale`, towns created by staff) stay.
    """
    welcome = Page.objects.filter(depth=2, slug="home", content_type__app_label="wagtailcore")
    Site.objects.filter(root_page__in=welcome).delete()
    welcome.delete()


def add_call_to_action(home_page, title, text, page, link_text):
    """Add a call to action to a town's home page unless one already leads to `page`."""
    home_page = home_page.specific
    if any(block.value["page"] and block.value["page"].pk == page.pk for block in home_page.calls_to_action):
        return
    home_page.calls_to_action.append(
        ("call_to_action", {"title": title, "text": text, "page": page, "link_text": link_text})
    )
    home_page.save_revision().publish()


def load(context):
    root_collection = Collection.get_first_root_node()
    for spec in TOWNS:
        town = build_town(spec, context.port, root_collection)
        context.towns[town.slug] = town
        staff = ensure_user(
            spec["staff"]["username"],
            spec["staff"]["email"],
            spec["staff"]["first_name"],
            spec["staff"]["last_name"],
        )
        staff.groups.add(town.staff_group)
        context.add_account(staff.username, "équipe de la mairie", town)
        add_call_to_action(
            town.home_page,
            "Le projet",
            f"Pourquoi {town.name} crée son « internet de proximité », et comment y participer.",
            town.home_page.get_children().get(slug="a-propos"),
            "Découvrir le projet",
        )

    remove_wagtail_welcome_page()

    ensure_user("admin", "admin@proximite.localhost", "Administratrice", "Proximité", superuser=True)
    context.accounts.insert(0, ("admin", "administrateur (tous les droits)", "—"))

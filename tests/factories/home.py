"""Factories for the records every test needs: towns, pages, images, people."""

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from wagtail.models import Page, Site

from home.models import HomePage, StandardPage
from towns.models import TownIdentity


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"personne{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@exemple.localhost")
    first_name = "Claire"
    last_name = "Martin"
    password = factory.django.Password("motdepasse-de-test")

    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]


class ImageFactory(wagtail_factories.ImageFactory):
    title = factory.Sequence(lambda n: f"Photo {n}")


class HomePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Ville {n}")
    hero_title = "Vos commerces de proximité"
    hero_text = "Trouvez un commerce ouvert près de chez vous."

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Page {n}")
    introduction = "Une page d'information."

    class Meta:
        model = StandardPage


def make_town(name, hostname, *, default=False, port=80):
    """A town as the portal knows it: a Site, its HomePage and its identity."""
    root = Page.get_first_root_node()
    home_page = HomePageFactory(parent=root, title=name, slug=hostname.split(".")[0])
    site = Site.objects.create(
        hostname=hostname, port=port, root_page=home_page, is_default_site=default, site_name=name
    )
    TownIdentity.objects.create(site=site, town_name=name, tagline=f"Les commerces de {name}")
    return home_page

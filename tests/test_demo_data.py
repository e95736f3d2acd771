"""`manage.py load_demo`: two believable towns, and a second run changes nothing."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.images.models import Image
from wagtail.models import Page, PageLogEntry, Revision, Site

from home.models import HomePage, StandardPage, TownIdentity


def snapshot():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "log_entries": PageLogEntry.objects.count(),
        "images": Image.objects.count(),
        "users": get_user_model().objects.count(),
        "sites": Site.objects.count(),
    }


@pytest.fixture
def demo(db, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo", port=8000, stdout=StringIO())


def test_demo_builds_two_towns_with_their_own_home_page(demo):
    sites = {site.hostname: site for site in Site.objects.all()}
    assert set(sites) == {"localhost", "beauvais.localhost"}
    assert sites["localhost"].is_default_site
    assert isinstance(sites["beauvais.localhost"].root_page.specific, HomePage)
    assert TownIdentity.for_site(sites["beauvais.localhost"]).town_name == "Beauvais"


def test_each_town_has_about_a_dozen_french_pages_and_its_legal_pages(demo):
    for site in Site.objects.all():
        pages = site.root_page.get_descendants(inclusive=True).live()
        assert pages.count() >= 9
        identity = TownIdentity.for_site(site)
        titles = {page.title for page in identity.legal_pages}
        assert titles == {
            "À propos",
            "Mentions légales",
            "Données personnelles",
            "Déclaration d'accessibilité",
        }


def test_demo_images_are_real_pictures_with_titles(demo):
    assert Image.objects.count() >= 8
    image = Image.objects.first()
    assert image.width > 100 and image.height > 100 and image.title


def test_running_the_demo_twice_changes_nothing(demo):
    before = snapshot()
    call_command("load_demo", port=8000, stdout=StringIO())
    assert snapshot() == before


def test_demo_pages_render_for_visitors(demo, client):
    for page in StandardPage.objects.live():
        site = page.get_site()
        response = client.get(page.url_path.replace(site.root_page.url_path, "/", 1), HTTP_HOST=site.hostname)
        assert response.status_code == 200, page.title


def test_demo_prints_the_accounts_it_created(db, tmp_path, settings, capsys):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo", port=8000)
    out = capsys.readouterr().out
    assert "admin" in out and "mairie-bethune" in out and "mairie-beauvais" in out
    assert "proximite-demo" in out

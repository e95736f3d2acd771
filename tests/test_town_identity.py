"""Each town's identity (a per-site setting) shapes its pages, and only its pages."""

from tests.conftest import BEAUVAIS_HOST, BETHUNE_HOST
from tests.factories import StandardPageFactory
from towns.models import TownIdentity


def test_identity_sets_name_palette_contact_and_footer(client, towns):
    identity = TownIdentity.objects.get(site__hostname=BEAUVAIS_HOST)
    identity.palette = "prune"
    identity.contact_phone = "03 44 79 40 00"
    identity.contact_email = "commerce@beauvais.localhost"
    identity.instagram_url = "https://www.instagram.com/beauvais"
    identity.footer_text = "Un service de la ville de Beauvais."
    identity.save()

    html = client.get("/", HTTP_HOST=BEAUVAIS_HOST).text

    assert 'data-palette="prune"' in html
    assert 'href="tel:0344794000"' in html
    assert "mailto:commerce@beauvais.localhost" in html
    assert 'href="https://www.instagram.com/beauvais"' in html
    assert "Un service de la ville de Beauvais." in html
    assert "Un service de la ville de Beauvais." not in client.get("/", HTTP_HOST=BETHUNE_HOST).text


def test_footer_links_the_legal_pages_including_the_accessibility_statement(client, towns):
    statement = StandardPageFactory(parent=towns["bethune"], title="Déclaration d'accessibilité")
    legal = StandardPageFactory(parent=towns["bethune"], title="Mentions légales")
    identity = TownIdentity.objects.get(site__hostname=BETHUNE_HOST)
    identity.accessibility_page = statement
    identity.legal_notice_page = legal
    identity.save()

    footer = client.get("/", HTTP_HOST=BETHUNE_HOST).text.split("<footer", 1)[1]

    assert f'href="/{statement.slug}/"' in footer and "Déclaration d&#x27;accessibilité" in footer
    assert "Mentions légales" in footer


def test_unpublished_legal_page_is_not_linked(client, towns):
    draft = StandardPageFactory(parent=towns["bethune"], title="Mentions en cours", live=False)
    identity = TownIdentity.objects.get(site__hostname=BETHUNE_HOST)
    identity.legal_notice_page = draft
    identity.save()

    assert "Mentions en cours" not in client.get("/", HTTP_HOST=BETHUNE_HOST).text

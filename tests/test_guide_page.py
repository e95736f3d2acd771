"""A guide page: every teaching block renders, steps are numbered, a table of contents, neighbours."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.models import Page, PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase

from learning.models import GuideIndexPage, GuidePage, RelatedGuide
from tests.conftest import BEAUVAIS_HOST, BETHUNE_HOST
from tests.factories import GuideIndexPageFactory, GuidePageFactory, ImageFactory, UserFactory
from tests.factories.learning import TopicFactory, guide_body, step
from tests.factories.programme import programme_pages

VIDEO_URL = "https://www.youtube.com/watch?v=demo-proximite"


def image_value(image, alt):
    return {"image": image.pk, "alt_text": alt, "decorative": False, "caption": ""}


@pytest.fixture
def index(towns):
    return GuideIndexPageFactory(parent=towns["bethune"])


@pytest.fixture
def every_block_guide(index):
    image = ImageFactory()
    document = Document.objects.create(title="Fiche mémo", file=ContentFile(b"memo", name="memo.txt"))
    Embed.objects.create(
        url=VIDEO_URL,
        hash=get_embed_hash(VIDEO_URL, None, None),
        html='<iframe title="Vidéo de démonstration" src="https://www.youtube-nocookie.com/embed/x"></iframe>',
        type="video",
    )
    body = guide_body(
        {"type": "heading", "value": {"text": "Avant de commencer", "level": "h2"}},
        {"type": "paragraph", "value": "<p>Un téléphone suffit.</p>"},
        step("Ouvrez l'appareil photo", image=image, alt="L'icône de l'appareil photo sur l'écran"),
        {"type": "tip", "value": {"title": "", "text": "<p>Nettoyez l'objectif.</p>"}},
        {"type": "warning", "value": {"title": "Attention", "text": "<p>Pas de flash.</p>"}},
        {
            "type": "checklist",
            "value": {"title": "Avant de publier", "items": ["Photo nette", "Prix indiqué"]},
        },
        step("Cadrez le produit"),
        {
            "type": "video",
            "value": {
                "title": "Prendre une photo de produit",
                "embed": VIDEO_URL,
                "transcript": "Bonjour à tous.",
            },
        },
        {"type": "download", "value": {"document": document.pk, "label": "La fiche mémo"}},
        {
            "type": "before_after",
            "value": {
                "before": image_value(image, "Photo sombre prise au flash"),
                "after": image_value(image, "Photo lumineuse près de la fenêtre"),
            },
        },
        {
            "type": "testimonial",
            "value": {"quote": "Ça marche !", "name": "Nadia", "shop": "Fleurs des Halles"},
        },
        step("Publiez"),
    )
    return GuidePageFactory(parent=index, slug="photos", body=body)


def test_every_block_of_a_guide_renders(client, every_block_guide):
    html = client.get("/se-former/photos/", HTTP_HOST=BETHUNE_HOST).content.decode()
    assert '<h2 id="avant-de-commencer">Avant de commencer</h2>' in html
    assert "Un téléphone suffit." in html
    assert 'alt="L&#x27;icône de l&#x27;appareil photo sur l&#x27;écran"' in html
    assert "Astuce" in html and "Nettoyez l'objectif." in html
    assert "Attention" in html and "Pas de flash." in html
    assert "Avant de publier" in html and "<li>Photo nette</li>" in html
    assert "Prendre une photo de produit" in html and 'title="Vidéo de démonstration"' in html
    assert "Lire la transcription" in html and "Bonjour à tous." in html
    assert "La fiche mémo" in html and "(TXT" in html
    assert "Avant" in html and 'alt="Photo sombre prise au flash"' in html
    assert 'alt="Photo lumineuse près de la fenêtre"' in html
    assert "Ça marche !" in html and "Nadia, Fleurs des Halles" in html


def test_steps_are_numbered_and_listed_in_the_table_of_contents(client, every_block_guide):
    html = client.get("/se-former/photos/", HTTP_HOST=BETHUNE_HOST).content.decode()
    assert "Étape 1 sur 3" in html and "Étape 2 sur 3" in html and "Étape 3 sur 3" in html
    assert "Étape 4" not in html
    toc = html.split('class="guide-toc__list"')[1].split("</ol>")[0]
    assert '<a href="#avant-de-commencer">Avant de commencer</a>' in toc
    assert '<a href="#etape-1">Étape 1 : Ouvrez l&#x27;appareil photo</a>' in toc
    assert 'href="#etape-3"' in toc
    assert 'id="etape-1"' in html and 'id="etape-3"' in html


def test_a_step_screenshot_needs_a_text_alternative_or_decorative(index):
    from wagtail.blocks import StructBlockValidationError

    from learning.blocks import StepBlock

    image = ImageFactory()
    block = StepBlock()
    value = block.to_python(
        {
            "title": "Ouvrez",
            "text": "<p>x</p>",
            "illustration": {"image": image.pk, "alt_text": "", "decorative": False},
        }
    )
    with pytest.raises(StructBlockValidationError):
        block.clean(value)
    without_image = block.to_python({"title": "Ouvrez", "text": "<p>x</p>", "illustration": {"image": None}})
    assert block.clean(without_image)["title"] == "Ouvrez"


def test_a_video_needs_a_title_and_a_transcript():
    from learning.blocks import VideoBlock

    block = VideoBlock()
    assert block.child_blocks["title"].required
    assert block.child_blocks["transcript"].required


def test_previous_and_next_guide_share_the_main_topic(client, index):
    photos, social = TopicFactory(name="Photos", slug="photos"), TopicFactory(name="Réseaux", slug="reseaux")
    first = GuidePageFactory(parent=index, title="Premier", slug="premier", topics=[photos])
    GuidePageFactory(parent=index, title="Sans rapport", slug="autre", topics=[social])
    middle = GuidePageFactory(parent=index, title="Deuxième", slug="deuxieme", topics=[photos])
    last = GuidePageFactory(parent=index, title="Troisième", slug="troisieme", topics=[photos, social])

    assert middle.neighbours() == (first, last)
    assert first.neighbours() == (None, middle)
    html = client.get("/se-former/deuxieme/", HTTP_HOST=BETHUNE_HOST).content.decode()
    assert 'href="/se-former/premier/" rel="prev">Premier' in html
    assert 'href="/se-former/troisieme/" rel="next">Troisième' in html
    assert "Sans rapport" not in html


def test_a_guide_behind_a_restriction_is_never_offered_as_previous_or_next(client, index):
    photos = TopicFactory(name="Photos", slug="photos")
    GuidePageFactory(parent=index, title="Premier", slug="premier", topics=[photos])
    private = GuidePageFactory(parent=index, title="Réservé aux agents", slug="reserve", topics=[photos])
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    last = GuidePageFactory(parent=index, title="Troisième", slug="troisieme", topics=[photos])

    assert last.neighbours()[0].title == "Premier"
    html = client.get("/se-former/troisieme/", HTTP_HOST=BETHUNE_HOST).content.decode()
    assert 'href="/se-former/premier/" rel="prev">Premier' in html
    assert "Réservé aux agents" not in html


def test_guides_of_a_restricted_section_link_each_other_for_a_visitor_let_in(client, index):
    section = GuideIndexPageFactory(parent=index, title="Espace commerçants", slug="espace")
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    photos = TopicFactory(name="Photos", slug="photos")
    GuidePageFactory(parent=section, title="Premier", slug="premier", topics=[photos])
    second = GuidePageFactory(parent=section, title="Deuxième", slug="deuxieme", topics=[photos])

    # Read outside a visit (no route), the whole section is out of the public's reach.
    assert second.neighbours() == (None, None)
    client.force_login(UserFactory())
    html = client.get("/se-former/espace/deuxieme/", HTTP_HOST=BETHUNE_HOST).content.decode()
    assert 'href="/se-former/espace/premier/" rel="prev">Premier' in html


def test_related_guides_of_another_town_are_not_shown(client, towns, index):
    other_index = GuideIndexPageFactory(parent=towns["beauvais"])
    elsewhere = GuidePageFactory(parent=other_index, title="Guide de Beauvais", slug="ailleurs")
    nearby = GuidePageFactory(parent=index, title="Guide voisin", slug="voisin")
    guide = GuidePageFactory(parent=index, slug="principal")
    guide.related_guides = [RelatedGuide(guide=nearby), RelatedGuide(guide=elsewhere)]
    guide.save_revision().publish()

    html = client.get("/se-former/principal/", HTTP_HOST=BETHUNE_HOST).content.decode()
    assert "Guides liés" in html and "Guide voisin" in html
    assert "Guide de Beauvais" not in html


def test_the_help_link_preselects_the_guide_topics_when_the_town_has_a_help_form(client, towns, index):
    photos = TopicFactory(name="Photos", slug="photos-de-produits")
    GuidePageFactory(parent=index, slug="photos", topics=[photos], level="progresser")
    html = client.get("/se-former/photos/", HTTP_HOST=BETHUNE_HOST).content.decode()
    assert "Demandez un coup de pouce" not in html and "Demander un coup de pouce" not in html

    help_page = programme_pages(towns["bethune"])["help"]
    html = client.get("/se-former/photos/", HTTP_HOST=BETHUNE_HOST).content.decode()
    assert "Besoin d'aide pour le faire ?" in html and "Demandez un coup de pouce" in html
    assert (
        f'href="{help_page.relative_url(help_page.get_site())}?sujets=photos-de-produits&amp;niveau=progresser"'
        in html
    )


def test_guide_page_queries_are_bounded(client, index, django_assert_max_num_queries):
    topic = TopicFactory(slug="photos")
    for number in range(6):
        GuidePageFactory(parent=index, title=f"Guide {number}", slug=f"guide-{number}", topics=[topic])
    with django_assert_max_num_queries(40):
        assert client.get("/se-former/guide-3/", HTTP_HOST=BETHUNE_HOST).status_code == 200


class GuidePageTreeTests(WagtailPageTestCase):
    def test_guides_live_in_a_guide_index_under_a_town_home_page_or_in_the_library(self):
        from home.models import HomePage
        from learning.models import GuideLibraryPage, SelfCheckPage, WorkshopIndexPage, WorkshopPage

        self.assertAllowedParentPageTypes(GuideIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(GuidePage, {GuideIndexPage, GuideLibraryPage})
        self.assertAllowedParentPageTypes(GuideLibraryPage, {Page})
        self.assertAllowedSubpageTypes(GuideLibraryPage, {GuidePage})
        self.assertAllowedSubpageTypes(GuidePage, set())
        self.assertAllowedParentPageTypes(SelfCheckPage, {HomePage})
        self.assertAllowedParentPageTypes(WorkshopPage, {WorkshopIndexPage})


def test_guide_of_another_town_is_not_served_on_this_town(client, towns):
    other = GuideIndexPageFactory(parent=towns["beauvais"])
    GuidePageFactory(parent=other, slug="seulement-beauvais")
    assert client.get("/se-former/seulement-beauvais/", HTTP_HOST=BEAUVAIS_HOST).status_code == 200
    assert client.get("/se-former/seulement-beauvais/", HTTP_HOST=BETHUNE_HOST).status_code == 404

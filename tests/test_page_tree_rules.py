from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage, StandardPage
from tests.factories import StandardPageFactory, make_town


class PageTreeRulesTests(WagtailPageTestCase):
    def test_a_town_home_page_sits_at_the_top_of_the_tree(self):
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(StandardPage, HomePage)

    def test_standard_pages_go_under_a_home_page_or_another_standard_page(self):
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanCreateAt(StandardPage, StandardPage)
        self.assertCanNotCreateAt(Page, StandardPage)

    def test_every_page_type_renders(self):
        Site.objects.all().delete()
        home = make_town("Arras", "arras.localhost", default=True)
        page = StandardPageFactory(parent=home, title="À propos", slug="a-propos")
        self.assertPageIsRenderable(home)
        self.assertPageIsRenderable(page)

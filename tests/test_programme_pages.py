"""Where staff may place the programme's pages in a town's tree, and that they render."""

import pytest
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage, StandardPage
from programme.models import (
    HelpRequestPage,
    ProgrammeFiguresPage,
    ProgrammePage,
    VolunteerApplicationPage,
    VolunteerListPage,
)
from tests.factories import programme_pages

FORM_PAGES = [HelpRequestPage, VolunteerApplicationPage, VolunteerListPage, ProgrammeFiguresPage]


class ProgrammePageTreeTests(WagtailPageTestCase):
    def test_the_programme_page_goes_under_a_town_home_page(self):
        self.assertCanCreateAt(HomePage, ProgrammePage)
        self.assertCanNotCreateAt(StandardPage, ProgrammePage)

    def test_the_form_pages_go_under_the_home_page_or_the_programme_page(self):
        for page_class in FORM_PAGES:
            self.assertCanCreateAt(HomePage, page_class)
            self.assertCanCreateAt(ProgrammePage, page_class)
            self.assertCanNotCreateAt(StandardPage, page_class)
            self.assertAllowedSubpageTypes(page_class, {})


@pytest.mark.django_db
def test_the_programme_page_links_to_its_forms(client, towns):
    pages = programme_pages(towns["bethune"])
    html = client.get(pages["programme"].url, HTTP_HOST="bethune.localhost").content.decode()
    assert 'href="/coup-de-pouce/demander/"' in html
    assert 'href="/coup-de-pouce/devenir-volontaire/"' in html
    assert 'href="/coup-de-pouce/nos-volontaires/"' in html

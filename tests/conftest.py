import pytest
from wagtail.models import Page, Site

from tests.factories import make_town

BETHUNE_HOST = "bethune.localhost"
BEAUVAIS_HOST = "beauvais.localhost"


@pytest.fixture
def towns(db):
    """Two towns served by one install, as in the demo: Béthune (default) and Beauvais."""
    Site.objects.all().delete()
    Page.objects.filter(depth=2).delete()
    return {
        "bethune": make_town("Béthune", BETHUNE_HOST, default=True),
        "beauvais": make_town("Beauvais", BEAUVAIS_HOST),
    }

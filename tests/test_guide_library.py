"""The shared guide library: a guide written once, published as is or adapted by each town, which
sees when the library publishes a new version; each town acts on its own copies only."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from home.models import HomePage
from learning.library import ensure_guide_library, library_for_town, publish_library_guides
from learning.models import GuideLibraryPage, GuidePage, RelatedGuide
from tests.admin_answers import body, refused
from tests.conftest import BEAUVAIS_HOST, BETHUNE_HOST
from tests.factories import (
    GuideIndexPageFactory,
    GuidePageFactory,
    VolunteerFactory,
    shopkeeper_world,
    volunteer_account,
)
from towns.models import SharedPageCopy
from towns.towns import staff_group

LIBRARY = "/admin/bibliotheque-de-guides/"
# The admin's menu and session, the town, the library's guides and the town's copies: whatever their number.
MAX_QUERIES = 22


def republish(page, **changes):
    page = GuidePage.objects.get(pk=page.pk)
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return GuidePage.objects.get(pk=page.pk)


@pytest.fixture
def world(towns):
    world = shopkeeper_world(towns, workflow=False)
    staff_group(world.bethune)
    staff_group(world.beauvais)
    world.library = ensure_guide_library()
    world.photos = republish(
        GuidePageFactory(parent=world.library, title="Photographier ses produits", slug="photographier")
    )
    world.passwords = republish(
        GuidePageFactory(parent=world.library, title="Des mots de passe solides", slug="mots-de-passe")
    )
    world.photos = republish(world.photos, related_guides=[RelatedGuide(guide=world.passwords)])
    world.bethune_guides = GuideIndexPageFactory(parent=towns["bethune"])
    world.beauvais_guides = GuideIndexPageFactory(parent=towns["beauvais"])
    world.volunteer = volunteer_account(VolunteerFactory(site=world.bethune), "volontaire-bethune")
    return world


def url(name, site, guide):
    return reverse(f"learning_guide_library_{name}", args=[site.pk, guide.pk])


def status(site, guide):
    return next(item for item in library_for_town(site) if item.guide.pk == guide.pk).status


def copy_in(site, guide):
    return SharedPageCopy.objects.get(site=site, source=guide).copy.specific


def test_a_new_town_starts_with_every_library_guide_published_as_is(world):
    publish_library_guides(world.bethune_guides)

    photos = copy_in(world.bethune, world.photos)
    assert photos.live and photos.get_parent().pk == world.bethune_guides.pk
    assert photos.slug == "photographier"
    # The related guide is the town's own copy, not the library's page.
    assert [link.guide_id for link in photos.related_guides.all()] == [
        copy_in(world.bethune, world.passwords).pk
    ]
    assert status(world.bethune, world.photos) == "up_to_date"
    # A second call adds nothing.
    assert publish_library_guides(world.bethune_guides) == []
    assert GuidePage.objects.child_of(world.bethune_guides).count() == 2


def test_staff_publish_a_guide_as_is_and_visitors_read_it(client, world):
    client.force_login(world.staff_bethune)
    assert LIBRARY in body(client.get("/admin/", HTTP_HOST=BETHUNE_HOST))  # in their menu
    response = client.post(url("publish", world.bethune, world.photos), HTTP_HOST=BETHUNE_HOST)
    assert response.status_code == 302

    assert client.get("/se-former/photographier/", HTTP_HOST=BETHUNE_HOST).status_code == 200
    html = body(client.get(LIBRARY, HTTP_HOST=BETHUNE_HOST))
    assert "À jour" in html and "Pas encore dans votre site" in html


def test_a_copy_to_adapt_is_a_draft_and_counts_as_adapted_once_edited(client, world):
    client.force_login(world.staff_bethune)
    client.post(url("copy", world.bethune, world.photos), HTTP_HOST=BETHUNE_HOST)
    copy = copy_in(world.bethune, world.photos)
    assert not copy.live
    assert client.get("/se-former/photographier/", HTTP_HOST=BETHUNE_HOST).status_code == 404

    republish(copy, summary="Nos conseils pour les commerces de Béthune.")
    assert status(world.bethune, world.photos) == "adapted"
    assert "Adapté par la ville" in body(client.get(LIBRARY, HTTP_HOST=BETHUNE_HOST))


def test_a_new_library_version_shows_and_the_town_takes_it(client, world):
    publish_library_guides(world.bethune_guides)
    republish(world.photos, summary="Une lumière naturelle, un fond simple, et c'est tout.")
    assert status(world.bethune, world.photos) == "new_version"

    client.force_login(world.staff_bethune)
    html = body(client.get(LIBRARY, HTTP_HOST=BETHUNE_HOST))
    assert "Nouvelle version dans la bibliothèque" in html
    changes = body(client.get(url("changes", world.bethune, world.photos), HTTP_HOST=BETHUNE_HOST))
    assert "Une lumière naturelle" in changes
    # What changed in the text, not when each version went live.
    assert "publication" not in changes.lower().replace("nouvelle version", "")
    copy = copy_in(world.bethune, world.photos)
    edit = body(client.get(f"/admin/pages/{copy.pk}/edit/", HTTP_HOST=BETHUNE_HOST))
    assert "Nouvelle version dans la bibliothèque" in edit

    # Not adapted: taken at once, online at its own address, with its related guide kept local.
    assert client.post(url("update", world.bethune, world.photos), HTTP_HOST=BETHUNE_HOST).status_code == 302
    copy = copy_in(world.bethune, world.photos)
    assert copy.summary == "Une lumière naturelle, un fond simple, et c'est tout."
    assert copy.live and copy.slug == "photographier" and copy.get_parent().pk == world.bethune_guides.pk
    assert [link.guide_id for link in copy.related_guides.all()] == [
        copy_in(world.bethune, world.passwords).pk
    ]
    assert status(world.bethune, world.photos) == "up_to_date"
    visitors = body(client.get("/se-former/photographier/", HTTP_HOST=BETHUNE_HOST))
    assert "Une lumière naturelle" in visitors
    # The library's own page and links were left alone.
    assert list(world.photos.related_guides.values_list("guide_id", flat=True)) == [world.passwords.pk]


def test_taking_a_new_version_over_an_adapted_copy_asks_first(client, world):
    publish_library_guides(world.bethune_guides)
    republish(copy_in(world.bethune, world.photos), summary="Version de Béthune.")
    republish(world.photos, summary="Nouvelle version de la bibliothèque.")
    client.force_login(world.staff_bethune)

    confirm = body(client.get(url("update", world.bethune, world.photos), HTTP_HOST=BETHUNE_HOST))
    assert "remplace vos modifications" in confirm
    assert copy_in(world.bethune, world.photos).summary == "Version de Béthune."

    client.post(url("update", world.bethune, world.photos), HTTP_HOST=BETHUNE_HOST)
    assert copy_in(world.bethune, world.photos).summary == "Nouvelle version de la bibliothèque."


def test_staff_of_one_town_never_see_or_touch_another_towns_copies(client, world):
    publish_library_guides(world.bethune_guides)
    client.force_login(world.staff_beauvais)

    html = body(client.get(LIBRARY, HTTP_HOST=BEAUVAIS_HOST))
    assert "Béthune" not in html and "Pas encore dans votre site" in html
    assert (
        body(client.get(f"{LIBRARY}?ville={world.bethune.pk}", HTTP_HOST=BEAUVAIS_HOST)).count("Béthune") == 0
    )
    for name in ("publish", "copy", "update", "changes"):
        response = client.post(url(name, world.bethune, world.photos), HTTP_HOST=BEAUVAIS_HOST)
        assert refused(response), name
    bethune_copy = copy_in(world.bethune, world.photos)
    assert refused(client.get(f"/admin/pages/{bethune_copy.pk}/edit/", HTTP_HOST=BEAUVAIS_HOST))
    assert SharedPageCopy.objects.filter(site=world.beauvais).count() == 0


def test_town_staff_cannot_edit_the_library(client, world):
    client.force_login(world.staff_bethune)
    assert refused(client.get(f"/admin/pages/{world.photos.pk}/edit/", HTTP_HOST=BETHUNE_HOST))
    # They read it through the library screen.
    assert client.get(reverse("learning_guide_library_preview", args=[world.photos.pk])).status_code == 200


@pytest.mark.parametrize("role", ["keeper_a", "volunteer"])
def test_shopkeepers_and_volunteers_get_no_library(client, world, role):
    publish_library_guides(world.bethune_guides)
    client.force_login(getattr(world, role))
    assert LIBRARY not in body(client.get("/admin/", HTTP_HOST=BETHUNE_HOST))
    urls = [LIBRARY, reverse("learning_guide_library_preview", args=[world.photos.pk])]
    urls += [url(name, world.bethune, world.photos) for name in ("publish", "copy", "update", "changes")]
    for address in urls:
        assert refused(client.get(address, HTTP_HOST=BETHUNE_HOST)), address
        assert refused(client.post(address, HTTP_HOST=BETHUNE_HOST)), address
    assert SharedPageCopy.objects.filter(site=world.bethune).count() == 2  # the ones published above


def test_unknown_ids_answer_not_found(client, world):
    client.force_login(world.admin)
    town_guide = GuidePageFactory(parent=world.bethune_guides, slug="guide-de-la-ville")
    for address in [
        url("publish", world.bethune, town_guide),  # not a library guide
        reverse("learning_guide_library_publish", args=[999999, world.photos.pk]),
        reverse("learning_guide_library_changes", args=[world.bethune.pk, world.photos.pk]),  # no copy
        reverse("learning_guide_library_update", args=[world.bethune.pk, 999999]),
        reverse("learning_guide_library_preview", args=[999999]),
    ]:
        assert client.post(address, HTTP_HOST=BETHUNE_HOST).status_code == 404, address


def test_the_library_is_served_on_no_town_and_found_by_no_search(client, world):
    assert GuideLibraryPage.objects.count() == 1 and world.library.get_site() is None
    for host in (BETHUNE_HOST, BEAUVAIS_HOST, "inconnu.localhost"):
        assert client.get("/bibliotheque-de-guides/", HTTP_HOST=host).status_code == 404
        assert client.get("/bibliotheque-de-guides/photographier/", HTTP_HOST=host).status_code == 404
        assert client.get("/photographier/", HTTP_HOST=host).status_code == 404
        results = body(client.get("/recherche/", {"q": "mots de passe"}, HTTP_HOST=host))
        assert "Des mots de passe solides" not in results


def test_there_is_one_library_and_it_holds_guides_only(world):
    root = Page.get_first_root_node()
    assert not GuideLibraryPage.can_create_at(root)  # there is one already
    assert GuidePage.can_create_at(world.library)
    assert not HomePage.can_create_at(world.library)


def test_the_library_screen_reads_a_bounded_number_of_queries(client, world, django_assert_max_num_queries):
    for number in range(8):
        republish(GuidePageFactory(parent=world.library, title=f"Guide {number}", slug=f"guide-{number}"))
    publish_library_guides(world.bethune_guides)
    republish(world.photos, summary="Encore mieux.")
    client.force_login(world.staff_bethune)
    client.get(LIBRARY, HTTP_HOST=BETHUNE_HOST)
    with django_assert_max_num_queries(MAX_QUERIES):
        html = body(client.get(LIBRARY, HTTP_HOST=BETHUNE_HOST))
    assert html.count("À jour") == 9 and "Nouvelle version dans la bibliothèque" in html

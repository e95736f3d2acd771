"""Editing a shop in the Wagtail admin: page tree rules and plain-French validation of the hours."""

import datetime

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from home.models import HomePage, StandardPage
from shops.models import ShopIndexPage, ShopPage
from tests.factories import ShopCategoryFactory, ShopIndexPageFactory, UserFactory


class ShopPageTreeTests(WagtailPageTestCase):
    def test_directory_goes_under_a_town_home_page_only(self):
        self.assertCanCreateAt(HomePage, ShopIndexPage)
        self.assertCanNotCreateAt(Page, ShopIndexPage)
        self.assertCanNotCreateAt(StandardPage, ShopIndexPage)

    def test_shops_go_under_a_directory_only_and_have_no_children(self):
        self.assertAllowedParentPageTypes(ShopPage, {ShopIndexPage})
        self.assertAllowedSubpageTypes(ShopIndexPage, {ShopPage})
        self.assertAllowedSubpageTypes(ShopPage, set())


@pytest.fixture
def editor(client, towns):
    user = UserFactory(username="admin-test", is_superuser=True, is_staff=True)
    client.force_login(user)
    return client


@pytest.fixture
def directory(towns):
    return ShopIndexPageFactory(parent=towns["bethune"])


def shop_form(category, hours=(), **overrides):
    data = {
        "title": "Boulangerie du Beffroi",
        "slug": "boulangerie-du-beffroi",
        "pitch": "Pain au levain cuit sur place.",
        "category": category.pk,
        "description": rich_text("<p>Depuis 1952.</p>"),
        "tags": "pain, viennoiseries",
        "street": "3 Grand'Place",
        "postcode": "62400",
        "town": "Béthune",
        "latitude": "50.529900",
        "longitude": "2.640600",
        "siret": "",
        "opening_hours": inline_formset(list(hours)),
        "exceptional_openings": inline_formset([]),
        "pickup_slots": inline_formset([]),
        "gallery": inline_formset([]),
        "products": inline_formset([{"name": "Baguette tradition", "price": "1.30", "description": ""}]),
        "comments": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def create_url(directory):
    return reverse("wagtailadmin_pages:add", args=("shops", "shoppage", directory.pk))


def post(editor, directory, data):
    return editor.post(create_url(directory), data, HTTP_HOST="bethune.localhost")


def error_text(response):
    return response.content.decode()


def test_a_valid_shop_is_created_with_its_hours_and_products(editor, directory):
    category = ShopCategoryFactory()
    hours = [
        {"weekday": "0", "opens": "09:00", "closes": "12:00"},
        {"weekday": "0", "opens": "14:00", "closes": "19:00"},
    ]
    response = post(editor, directory, shop_form(category, hours))
    assert response.status_code == 302
    shop = ShopPage.objects.get(slug="boulangerie-du-beffroi")
    assert shop.opening_hours.count() == 2
    assert shop.products.get().name == "Baguette tradition"
    assert shop.osm_opening_hours() == "Mo 09:00-12:00,14:00-19:00"


def test_overlapping_ranges_on_one_day_are_refused_in_french(editor, directory):
    category = ShopCategoryFactory()
    hours = [
        {"weekday": "1", "opens": "09:00", "closes": "13:00"},
        {"weekday": "1", "opens": "12:00", "closes": "19:00"},
    ]
    response = post(editor, directory, shop_form(category, hours))
    assert response.status_code == 200
    html = error_text(response)
    assert "Cette plage horaire chevauche une autre plage du même jour" in html
    assert 'value="12:00"' in html  # what was typed is kept
    assert not ShopPage.objects.filter(slug="boulangerie-du-beffroi").exists()


def test_closing_before_opening_is_refused_unless_it_is_an_overnight_range(editor, directory):
    category = ShopCategoryFactory()
    response = post(
        editor, directory, shop_form(category, [{"weekday": "4", "opens": "18:00", "closes": "02:00"}])
    )
    assert response.status_code == 200
    assert "L&#x27;heure de fermeture est avant l&#x27;heure d&#x27;ouverture" in error_text(response)
    assert not ShopPage.objects.exists()

    overnight = [{"weekday": "4", "opens": "18:00", "closes": "02:00", "overnight": "on"}]
    response = post(editor, directory, shop_form(category, overnight))
    assert response.status_code == 302
    assert ShopPage.objects.get().osm_opening_hours() == "Fr 18:00-02:00"


def test_a_special_opening_may_end_after_midnight_when_ticked(editor, directory):
    category = ShopCategoryFactory()
    music_day = {"label": "fête de la musique", "start_date": "2027-06-21", "kind": "open", "opens": "18:00"}
    late = {**music_day, "closes": "01:00"}
    response = post(editor, directory, shop_form(category, exceptional_openings=inline_formset([late])))
    assert response.status_code == 200
    html = error_text(response)
    assert "L&#x27;heure de fermeture est avant l&#x27;heure d&#x27;ouverture" in html
    assert 'value="fête de la musique"' in html  # what was typed is kept

    ticked = {**late, "overnight": "on"}
    response = post(editor, directory, shop_form(category, exceptional_openings=inline_formset([ticked])))
    assert response.status_code == 302
    special = ShopPage.objects.get().exceptional_openings.get()
    assert (special.opens, special.closes, special.overnight) == (
        datetime.time(18),
        datetime.time(1),
        True,
    )


def test_invalid_siret_and_acceslibre_link_get_french_messages(editor, directory):
    category = ShopCategoryFactory()
    response = post(
        editor,
        directory,
        shop_form(category, siret="732 829 320 00075", acceslibre_url="https://exemple.fr/ma-boutique"),
    )
    html = error_text(response)
    assert "Ce numéro SIRET n&#x27;est pas valide : vérifiez chaque chiffre." in html
    assert "Le lien doit mener à une page d&#x27;acceslibre.beta.gouv.fr." in html
    assert not ShopPage.objects.exists()


def test_a_valid_siret_with_spaces_is_accepted_and_stored_without_them(editor, directory):
    category = ShopCategoryFactory()
    response = post(editor, directory, shop_form(category, siret="732 829 320 00074"))
    assert response.status_code == 302
    assert ShopPage.objects.get().siret == "73282932000074"


def test_photo_needs_a_description_or_the_decorative_flag(editor, directory):
    from tests.factories import ImageFactory

    category = ShopCategoryFactory()
    image = ImageFactory()
    data = shop_form(category, gallery=inline_formset([{"image": image.pk, "alt_text": ""}]))
    response = post(editor, directory, data)
    assert "Décrivez la photo, ou cochez « photo décorative »" in error_text(response)
    data = shop_form(
        category, gallery=inline_formset([{"image": image.pk, "alt_text": "", "decorative": "on"}])
    )
    assert post(editor, directory, data).status_code == 302


def test_the_editor_shows_the_shopkeeper_tabs_in_french(editor, directory):
    response = editor.get(create_url(directory), HTTP_HOST="bethune.localhost")
    html = response.content.decode()
    assert response.status_code == 200
    for tab in ["Ma boutique", "Adresse et contact", "Horaires", "Photos", "Produits", "Services"]:
        assert tab in html
    assert "Ajoutez une ligne par plage horaire" in html


def test_preview_shows_unsaved_hours_and_products_before_publishing(editor, directory):
    category = ShopCategoryFactory()
    url = reverse("wagtailadmin_pages:preview_on_add", args=("shops", "shoppage", directory.pk))
    data = shop_form(category, [{"weekday": "2", "opens": "10:00", "closes": "18:00"}])
    assert editor.post(url, data, HTTP_HOST="bethune.localhost").json()["is_valid"]
    html = editor.get(url, HTTP_HOST="bethune.localhost").content.decode()
    assert "Boulangerie du Beffroi" in html
    assert "Baguette tradition" in html
    assert "10h–18h" in html
    assert not ShopPage.objects.exists()


def test_pickup_slots_are_separate_from_hours_and_may_not_overlap(editor, directory):
    category = ShopCategoryFactory()
    slots = [
        {"weekday": "5", "starts": "10:00", "ends": "12:00"},
        {"weekday": "5", "starts": "11:00", "ends": "13:00"},
    ]
    response = post(editor, directory, shop_form(category, pickup_slots=inline_formset(slots)))
    assert "Cette plage horaire chevauche une autre plage du même jour" in error_text(response)
    slots[1] = {"weekday": "5", "starts": "12:00", "ends": "11:00"}
    response = post(editor, directory, shop_form(category, pickup_slots=inline_formset(slots)))
    assert "La fin du créneau doit être après son début." in error_text(response)
    assert not ShopPage.objects.exists()

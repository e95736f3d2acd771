"""The public “Demander un coup de pouce” form: pre-filled from guides, strict on bad input, e-mails sent."""

import pytest

from learning.levels import DigitalLevel
from programme.models import HelpRequest, ProgrammeSettings
from programme.shopkeeper_help import help_request_url
from tests.conftest import BEAUVAIS_HOST, BETHUNE_HOST
from tests.factories import TopicFactory, programme_pages, programme_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(towns):
    pages = programme_pages(towns["bethune"])
    photos = TopicFactory(name="Photos de produits", slug="photos-de-produits")
    social = TopicFactory(name="Réseaux sociaux", slug="reseaux-sociaux")
    return {"pages": pages, "photos": photos, "social": social, "towns": towns}


def valid_data(setup, **overrides):
    data = {
        "shop_name": "Fleurs de Béthune",
        "contact_name": "Jeanne Martin",
        "phone": "03 21 00 00 00",
        "email": "jeanne@fleurs.localhost",
        "topics": [setup["photos"].pk],
        "level": "decouvrir",
        "preferred_mode": "boutique",
        "preferred_times": ["lun-matin", "jeu-apres-midi"],
        "message": "Je voudrais mieux photographier mes bouquets.",
        "consent": "on",
        "site_web": "",
    }
    data.update(overrides)
    return data


def test_help_request_url_points_to_the_towns_live_page_with_topics_and_level(setup):
    site = setup["pages"]["help"].get_site()
    url = help_request_url(site, topics=["photos-de-produits", setup["social"]], level=DigitalLevel.DISCOVER)
    assert url == "/coup-de-pouce/demander/?sujets=photos-de-produits,reseaux-sociaux&niveau=decouvrir"
    assert help_request_url(site) == "/coup-de-pouce/demander/"


def test_help_request_url_is_none_without_a_live_page(setup):
    beauvais = setup["towns"]["beauvais"].get_site()
    assert help_request_url(beauvais, topics=["photos-de-produits"]) is None
    setup["pages"]["help"].unpublish()
    assert help_request_url(setup["pages"]["help"].get_site()) is None
    assert help_request_url(None) is None


def test_the_form_ticks_topics_and_level_from_the_address_and_ignores_unknown_values(client, setup):
    response = client.get(
        "/coup-de-pouce/demander/?sujets=photos-de-produits,inconnu,<script>&niveau=expert",
        HTTP_HOST=BETHUNE_HOST,
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert f'value="{setup["photos"].pk}" id="id_topics_0" checked' in html or (
        f'value="{setup["photos"].pk}"' in html and "checked" in html
    )
    assert 'value="decouvrir" id="id_level_1" checked' not in html
    response = client.get(
        "/coup-de-pouce/demander/?sujets=reseaux-sociaux&niveau=maitriser", HTTP_HOST=BETHUNE_HOST
    )
    form = response.context["form"]
    assert form.initial["topics"] == [setup["social"]]
    assert form.initial["level"] == "maitriser"
    assert "<script>" not in response.content.decode().split("<form")[1].split("</form>")[0]


def test_a_valid_request_is_saved_confirmed_and_emailed(client, setup, mailoutbox):
    programme_staff(setup["pages"]["help"].get_site(), "animatrice")
    response = client.post("/coup-de-pouce/demander/", valid_data(setup), HTTP_HOST=BETHUNE_HOST)
    assert response.status_code == 302
    assert response["Location"] == "/coup-de-pouce/demander/merci/"
    confirmation = client.get(response["Location"], HTTP_HOST=BETHUNE_HOST)
    assert "Votre demande a bien été reçue" in confirmation.content.decode()

    request = HelpRequest.objects.get()
    assert request.site.hostname == BETHUNE_HOST
    assert request.status == HelpRequest.Status.NEW
    assert request.shop_name == "Fleurs de Béthune"
    assert list(request.topics.all()) == [setup["photos"]]
    assert request.preferred_times == ["lun-matin", "jeu-apres-midi"]
    assert request.consent_at is not None

    subjects = {tuple(mail.to): mail.subject for mail in mailoutbox}
    assert subjects[("jeanne@fleurs.localhost",)].startswith("Votre demande de coup de pouce est bien reçue")
    assert any("animatrice@mairie.localhost" in mail.to for mail in mailoutbox)
    staff_mail = next(mail for mail in mailoutbox if "animatrice@mairie.localhost" in mail.to)
    assert "Fleurs de Béthune" in staff_mail.subject
    assert "&#x27;" not in staff_mail.body


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        ({"phone": "", "email": ""}, "phone", "Indiquez un numéro de téléphone ou une adresse e-mail"),
        ({"email": "pas-une-adresse"}, "email", "Saisissez une adresse e-mail au format nom@exemple.fr."),
        ({"phone": "12"}, "phone", "Saisissez un numéro de téléphone à 10 chiffres"),
        ({"consent": ""}, "consent", "Cochez cette case pour que nous puissions traiter votre demande."),
        ({"topics": []}, "topics", "Cochez au moins un sujet."),
        ({"shop_name": ""}, "shop_name", "Choisissez votre commerce dans la liste ou tapez son nom."),
        ({"contact_name": ""}, "contact_name", "Indiquez votre nom."),
    ],
)
def test_bad_input_gets_a_french_message_keeps_what_was_typed_and_saves_nothing(
    client, setup, mailoutbox, overrides, field, message
):
    data = valid_data(setup, **overrides)
    response = client.post("/coup-de-pouce/demander/", data, HTTP_HOST=BETHUNE_HOST)
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert "Merci de corriger les points suivants" in html
    assert 'aria-invalid="true"' in html or field in ("topics", "consent")
    assert "Je voudrais mieux photographier mes bouquets." in html
    if overrides.get("contact_name", None) is None:
        assert 'value="Jeanne Martin"' in html
    assert HelpRequest.objects.count() == 0
    assert mailoutbox == []


def test_a_bot_filling_the_honeypot_is_refused(client, setup):
    response = client.post(
        "/coup-de-pouce/demander/", valid_data(setup, site_web="http://spam.example"), HTTP_HOST=BETHUNE_HOST
    )
    assert response.status_code == 200
    assert HelpRequest.objects.count() == 0


def test_too_many_requests_from_one_address_are_refused_politely(client, setup):
    for _ in range(5):
        assert (
            client.post("/coup-de-pouce/demander/", valid_data(setup), HTTP_HOST=BETHUNE_HOST).status_code
            == 302
        )
    response = client.post("/coup-de-pouce/demander/", valid_data(setup), HTTP_HOST=BETHUNE_HOST)
    assert response.status_code == 429
    assert "Vous avez envoyé plusieurs formulaires" in response.content.decode()
    assert HelpRequest.objects.count() == 5


def test_the_form_states_who_processes_the_data_for_how_long_and_the_rights(client, setup):
    site = setup["pages"]["help"].get_site()
    settings = ProgrammeSettings.for_site(site)
    settings.data_controller = "Mairie de Béthune, service commerce"
    settings.retention_months = 12
    settings.rights_contact = "dpo@bethune.localhost"
    settings.save()
    html = client.get("/coup-de-pouce/demander/", HTTP_HOST=BETHUNE_HOST).content.decode()
    assert "Mairie de Béthune, service commerce traite les données" in html
    assert "12 mois" in html
    assert "dpo@bethune.localhost" in html


def test_another_town_has_no_form_of_its_own_until_it_creates_the_page(client, setup):
    assert client.get("/coup-de-pouce/demander/", HTTP_HOST=BEAUVAIS_HOST).status_code == 404


def test_a_shopkeeper_picks_their_shop_among_the_towns_live_shops(client, setup, towns):
    from tests.factories import ShopCategoryFactory, ShopIndexPageFactory, make_shop

    category = ShopCategoryFactory()

    index = ShopIndexPageFactory(parent=towns["bethune"])
    shop = make_shop(index, "Fromagerie Lenoir", category=category)
    make_shop(index, "Brouillon caché", publish=False, category=category)
    other_index = ShopIndexPageFactory(parent=towns["beauvais"])
    make_shop(other_index, "Épicerie de Beauvais", category=category)

    html = client.get("/coup-de-pouce/demander/", HTTP_HOST=BETHUNE_HOST).content.decode()
    assert "Fromagerie Lenoir" in html
    assert "Brouillon caché" not in html and "Épicerie de Beauvais" not in html

    response = client.post(
        "/coup-de-pouce/demander/", valid_data(setup, shop=shop.pk, shop_name=""), HTTP_HOST=BETHUNE_HOST
    )
    assert response.status_code == 302
    request = HelpRequest.objects.get()
    assert request.shop_id == shop.pk
    assert request.shop_name == "Fromagerie Lenoir"


def test_a_shop_of_another_town_cannot_be_forced_into_the_form(client, setup, towns):
    from tests.factories import ShopCategoryFactory, ShopIndexPageFactory, make_shop

    category = ShopCategoryFactory()

    make_shop(ShopIndexPageFactory(parent=towns["bethune"]), "Fromagerie Lenoir", category=category)
    far = make_shop(ShopIndexPageFactory(parent=towns["beauvais"]), "Épicerie de Beauvais", category=category)
    response = client.post(
        "/coup-de-pouce/demander/", valid_data(setup, shop=far.pk, shop_name=""), HTTP_HOST=BETHUNE_HOST
    )
    assert response.status_code == 200
    assert "Sélectionnez un choix valide" in response.content.decode()
    assert HelpRequest.objects.count() == 0

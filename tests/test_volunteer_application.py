"""“Devenir volontaire numérique” and “Nos volontaires”: consent recorded, only what was agreed shown."""

import pytest

from programme.models import Volunteer
from tests.conftest import BEAUVAIS_HOST, BETHUNE_HOST
from tests.factories import TopicFactory, VolunteerFactory, programme_pages, programme_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(towns):
    pages = programme_pages(towns["bethune"])
    return {
        "pages": pages,
        "photos": TopicFactory(name="Photos de produits", slug="photos-de-produits"),
        "site": pages["help"].get_site(),
        "towns": towns,
    }


def valid_data(setup, **overrides):
    data = {
        "first_name": "Karim",
        "last_name": "Benali",
        "email": "karim@exemple.localhost",
        "phone": "06 12 34 56 78",
        "skills": [setup["photos"].pk],
        "availability": ["mer-apres-midi", "sam-matin"],
        "modes": ["boutique", "visio"],
        "presentation": "Photographe amateur.",
        "consent": "on",
        "site_web": "",
    }
    data.update(overrides)
    return data


def test_an_application_creates_an_applied_volunteer_with_consent_dates_and_tells_the_staff(
    client, setup, mailoutbox
):
    programme_staff(setup["site"], "animatrice")
    response = client.post("/coup-de-pouce/devenir-volontaire/", valid_data(setup), HTTP_HOST=BETHUNE_HOST)
    assert response.status_code == 302
    confirmation = client.get(response["Location"], HTTP_HOST=BETHUNE_HOST)
    assert "Votre candidature a bien été reçue" in confirmation.content.decode()

    volunteer = Volunteer.objects.get()
    assert volunteer.site == setup["site"]
    assert volunteer.status == Volunteer.Status.APPLIED
    assert volunteer.availability == ["mer-apres-midi", "sam-matin"]
    assert volunteer.modes == ["boutique", "visio"]
    assert volunteer.consent_processing_at is not None
    assert volunteer.consent_public_listing is False
    assert volunteer.consent_public_listing_at is None
    staff_mail = next(mail for mail in mailoutbox if "animatrice@mairie.localhost" in mail.to)
    assert "Karim Benali" in staff_mail.subject
    assert any(mail.to == ["karim@exemple.localhost"] for mail in mailoutbox)


def test_consent_to_the_public_list_is_separate_and_dated(client, setup):
    client.post(
        "/coup-de-pouce/devenir-volontaire/",
        valid_data(setup, consent_public_listing="on"),
        HTTP_HOST=BETHUNE_HOST,
    )
    volunteer = Volunteer.objects.get()
    assert volunteer.consent_public_listing is True
    assert volunteer.consent_public_listing_at is not None


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"consent": ""}, "Cochez cette case pour que nous puissions traiter votre demande."),
        ({"email": ""}, "Indiquez votre adresse e-mail."),
        ({"modes": []}, "Cochez au moins une façon d’aider."),
        ({"skills": []}, "Cochez au moins un sujet."),
        ({"phone": "abc"}, "Saisissez un numéro de téléphone à 10 chiffres"),
        ({"availability": ["dim-soir"]}, "Sélectionnez un choix valide"),
    ],
)
def test_bad_input_is_refused_in_french_and_nothing_is_saved(client, setup, mailoutbox, overrides, message):
    response = client.post(
        "/coup-de-pouce/devenir-volontaire/", valid_data(setup, **overrides), HTTP_HOST=BETHUNE_HOST
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert 'value="Karim"' in html
    assert "Photographe amateur." in html
    assert Volunteer.objects.count() == 0
    assert mailoutbox == []


def test_the_availability_grid_keeps_ticked_half_days_after_an_error(client, setup):
    response = client.post(
        "/coup-de-pouce/devenir-volontaire/", valid_data(setup, consent=""), HTTP_HOST=BETHUNE_HOST
    )
    html = response.content.decode()
    assert 'value="mer-apres-midi" id="id_availability_mer_apres-midi" checked' in html
    assert 'value="lun-matin" id="id_availability_lun_matin">' in html


def test_the_public_list_shows_only_consenting_active_volunteers_of_the_town_first_name_only(client, setup):
    beauvais = setup["towns"]["beauvais"].get_site()
    VolunteerFactory(
        site=setup["site"],
        first_name="Aline",
        last_name="Secret",
        consent_public_listing=True,
        skills=[setup["photos"]],
        mode_phone=True,
    )
    VolunteerFactory(site=setup["site"], first_name="Bruno", consent_public_listing=False)
    VolunteerFactory(
        site=setup["site"], first_name="Chloé", consent_public_listing=True, status=Volunteer.Status.PAUSED
    )
    VolunteerFactory(
        site=setup["site"], first_name="Denis", consent_public_listing=True, status=Volunteer.Status.APPLIED
    )
    VolunteerFactory(site=beauvais, first_name="Émile", consent_public_listing=True)

    html = client.get("/coup-de-pouce/nos-volontaires/", HTTP_HOST=BETHUNE_HOST).content.decode()

    assert "Aline" in html
    assert "Photos de produits" in html
    assert "par téléphone" in html
    for hidden in (
        "Secret",
        "aline@volontaire.localhost",
        "06 12 34 56 78",
        "Bruno",
        "Chloé",
        "Denis",
        "Émile",
    ):
        assert hidden not in html


def test_the_public_list_needs_few_queries_whatever_the_number_of_volunteers(
    client, setup, django_assert_max_num_queries
):
    for index in range(15):
        VolunteerFactory(
            site=setup["site"], first_name=f"V{index}", consent_public_listing=True, skills=[setup["photos"]]
        )
    with django_assert_max_num_queries(25):
        response = client.get("/coup-de-pouce/nos-volontaires/", HTTP_HOST=BETHUNE_HOST)
    assert response.content.decode().count('class="card__title"') == 15


def test_the_list_page_of_one_town_is_not_served_for_the_other(client, setup):
    assert client.get("/coup-de-pouce/nos-volontaires/", HTTP_HOST=BEAUVAIS_HOST).status_code == 404

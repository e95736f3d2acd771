"""A visitor asks a shop to set products aside: the form, its checks, the e-mails, the confirmation."""

import datetime

import pytest
from django.utils import timezone

from shops.models import ClickCollectRequest
from tests.conftest import BEAUVAIS_HOST, BETHUNE_HOST
from tests.factories.shops_staff import make_shop, shop_index
from towns.models import TownIdentity


def next_day(weekdays, after=None):
    """The first day after today (or after `after`) whose weekday is in `weekdays`."""
    day = (after or timezone.localdate()) + datetime.timedelta(days=1)
    while day.weekday() not in weekdays:
        day += datetime.timedelta(days=1)
    return day


@pytest.fixture
def shop(towns):
    identity = TownIdentity.for_site(towns["bethune"].get_site())
    identity.contact_email = "commerce@mairie-bethune.localhost"
    identity.save()
    index = shop_index(towns["bethune"])
    return make_shop(
        index,
        products=[
            ("Baguette tradition", "1.20", True),
            ("Pain de campagne", "3.50", True),
            ("Gâteau", "25", False),
        ],
    )


def url(shop):
    """The form's address: the shop page's `reserver/` route."""
    return shop.relative_url(shop.get_site()) + "reserver/"


def valid_data(shop, **changes):
    first_product = shop.products.filter(click_collect=True).first()
    data = {
        f"quantite_{first_product.pk}": "2",
        "message": "",
        "pickup_date": next_day(range(6)).isoformat(),
        "pickup_time": "10:30",
        "contact_name": "Jeanne Dupont",
        "contact_phone": "",
        "contact_email": "jeanne@exemple.localhost",
        "consent": "on",
        "site_web": "",
    }
    data.update(changes)
    return data


def post(client, shop, data, host=BETHUNE_HOST, **extra):
    return client.post(url(shop), data, HTTP_HOST=host, **extra)


def test_the_form_lists_only_the_products_that_can_be_set_aside(client, shop):
    response = client.get(url(shop), HTTP_HOST=BETHUNE_HOST)

    content = response.content.decode()
    assert response.status_code == 200
    assert "Baguette tradition" in content
    assert "Pain de campagne" in content
    assert "Gâteau" not in content
    assert "la ville de Béthune" in content  # who processes the data
    assert 'name="consent"' in content


def test_a_product_chosen_on_the_shop_page_is_preselected(client, shop):
    baguette = shop.products.get(name="Baguette tradition")

    response = client.get(f"{url(shop)}?produit={baguette.pk}", HTTP_HOST=BETHUNE_HOST)

    assert f'name="quantite_{baguette.pk}" value="1"' in response.content.decode()


def test_a_request_is_saved_and_the_shop_the_town_and_the_visitor_get_an_email(client, shop, mailoutbox):
    response = post(client, shop, valid_data(shop, message="Bien cuite s'il vous plaît"))

    assert response.status_code == 302
    click_request = ClickCollectRequest.objects.get()
    assert click_request.shop_id == shop.pk
    assert click_request.status == "new"
    assert click_request.items == [
        {
            "product_id": shop.products.get(name="Baguette tradition").pk,
            "name": "Baguette tradition",
            "price": "1.20",
            "quantity": 2,
        }
    ]
    assert click_request.consent_at is not None
    assert click_request.status_changes.get().status == "new"

    recipients = [message.to for message in mailoutbox]
    assert recipients == [
        ["boutique@exemple.localhost"],
        ["commerce@mairie-bethune.localhost"],
        ["jeanne@exemple.localhost"],
    ]
    to_shop, to_staff, receipt = mailoutbox
    assert "Nouvelle demande de click & collect" in to_shop.subject
    assert "2 × Baguette tradition (1,20\u00a0€)" in to_shop.body
    assert "Bien cuite s'il vous plaît" in to_shop.body
    assert "jeanne@exemple.localhost" in to_shop.body
    assert to_shop.reply_to == ["jeanne@exemple.localhost"]
    assert "Boulangerie du Beffroi" in to_staff.body
    assert "Votre demande de click & collect" in receipt.subject
    assert "Boulangerie du Beffroi a bien reçu votre demande" in receipt.body

    confirmation = client.get(response["Location"], HTTP_HOST=BETHUNE_HOST)
    content = confirmation.content.decode()
    assert confirmation.status_code == 200
    assert "Demande envoyée" in content
    assert "Baguette tradition" in content
    assert click_request.reference in content


def test_the_confirmation_page_shows_neither_the_customers_name_nor_e_mail(client, shop):
    """Whoever holds the link (a forwarded e-mail, a shared computer) learns nothing about the customer."""
    response = post(client, shop, valid_data(shop, message="Appelez-moi au 06 12 34 56 78"))

    content = client.get(response["Location"], HTTP_HOST=BETHUNE_HOST).content.decode()
    assert "Boulangerie du Beffroi" in content and "Baguette tradition" in content
    assert ClickCollectRequest.objects.get().reference in content
    assert "Jeanne" not in content and "Dupont" not in content
    assert "jeanne@exemple.localhost" not in content
    assert "06 12 34 56 78" not in content


def test_a_visitor_may_write_free_text_and_give_only_a_phone(client, shop, mailoutbox):
    baguette = shop.products.get(name="Baguette tradition")
    data = valid_data(shop, message="Deux croissants", contact_email="", contact_phone="06 12 34 56 78")
    data[f"quantite_{baguette.pk}"] = ""

    response = post(client, shop, data)

    assert response.status_code == 302
    assert ClickCollectRequest.objects.get().items == []
    assert len(mailoutbox) == 2  # the shop and the town; no receipt without an e-mail address


def test_the_confirmation_page_cannot_be_guessed(client, shop):
    post(client, shop, valid_data(shop))
    click_request = ClickCollectRequest.objects.get()

    assert (
        client.get(f"/reserver/confirmation/{click_request.pk}/", HTTP_HOST=BETHUNE_HOST).status_code == 404
    )


def errors_of(response):
    return response.content.decode()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"contact_email": "", "contact_phone": ""}, "Indiquez un numéro de téléphone ou une adresse e-mail"),
        ({"contact_name": ""}, "Indiquez votre nom"),
        ({"consent": ""}, "Cochez la case pour donner votre accord"),
        ({"contact_email": "pas-une-adresse"}, "Saisissez une adresse e-mail"),
        ({"pickup_date": ""}, "Choisissez le jour"),
        ({"pickup_time": "25:99"}, "Saisissez une heure"),
        ({"pickup_time": "20:30"}, "les commandes peuvent être retirées à ces heures : 09:00–19:00"),
    ],
)
def test_bad_input_gets_a_french_message_keeps_what_was_typed_and_saves_nothing(
    client, shop, mailoutbox, changes, message
):
    data = valid_data(shop, message="Texte tapé par la personne", **changes)

    response = post(client, shop, data)

    content = errors_of(response)
    assert response.status_code == 400
    assert message in content
    assert "Votre demande n’a pas été envoyée" in content
    assert "Texte tapé par la personne" in content
    assert 'value="Jeanne Dupont"' in content or changes.get("contact_name") == ""
    assert ClickCollectRequest.objects.count() == 0
    assert mailoutbox == []


def test_a_past_day_is_refused(client, shop):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)

    response = post(client, shop, valid_data(shop, pickup_date=yesterday.isoformat()))

    assert response.status_code == 400
    assert "Ce jour est déjà passé" in errors_of(response)
    assert ClickCollectRequest.objects.count() == 0


def test_a_day_beyond_two_weeks_is_refused(client, shop):
    far = timezone.localdate() + datetime.timedelta(days=30)

    response = post(client, shop, valid_data(shop, pickup_date=far.isoformat()))

    assert "pour les 14 prochains jours seulement" in errors_of(response)
    assert ClickCollectRequest.objects.count() == 0


def test_a_day_the_shop_is_closed_is_refused(client, shop):
    sunday = next_day({6})

    response = post(client, shop, valid_data(shop, pickup_date=sunday.isoformat()))

    assert "Le commerce ne remet pas de commandes le dimanche" in errors_of(response)
    assert ClickCollectRequest.objects.count() == 0


def test_a_holiday_closure_is_refused_even_on_a_usual_day(client, towns):
    monday = next_day({0})
    shop = make_shop(
        shop_index(towns["bethune"]),
        products=[("Baguette tradition", "1.20", True)],
        closures=[(monday, monday + datetime.timedelta(days=2))],
    )

    response = post(client, shop, valid_data(shop, pickup_date=monday.isoformat()))

    assert "Le commerce ne remet pas de commandes le lundi" in errors_of(response)


def test_pick_up_slots_win_over_opening_hours(client, towns):
    shop = make_shop(
        shop_index(towns["bethune"]),
        products=[("Baguette tradition", "1.20", True)],
        pickup_slots=[(2, datetime.time(16), datetime.time(18))],
    )
    wednesday = next_day({2})
    thursday = next_day({3})

    during_hours = post(
        client, shop, valid_data(shop, pickup_date=wednesday.isoformat(), pickup_time="10:00")
    )
    other_day = post(client, shop, valid_data(shop, pickup_date=thursday.isoformat(), pickup_time="16:30"))
    in_slot = post(client, shop, valid_data(shop, pickup_date=wednesday.isoformat(), pickup_time="16:30"))

    assert "16:00–18:00" in errors_of(during_hours)
    assert "ne remet pas de commandes le jeudi" in errors_of(other_day)
    assert in_slot.status_code == 302
    assert ClickCollectRequest.objects.count() == 1


def test_nothing_chosen_and_nothing_written_is_refused(client, shop):
    baguette = shop.products.get(name="Baguette tradition")
    data = valid_data(shop)
    data[f"quantite_{baguette.pk}"] = "0"

    response = post(client, shop, data)

    assert "Choisissez au moins un produit" in errors_of(response)
    assert ClickCollectRequest.objects.count() == 0


@pytest.mark.parametrize(
    ("quantity", "message"),
    [("-3", "ne peut pas être négative"), ("999", "20 articles au plus"), ("beaucoup", "nombre entier")],
)
def test_tampered_quantities_are_refused(client, shop, quantity, message):
    baguette = shop.products.get(name="Baguette tradition")

    response = post(client, shop, valid_data(shop, **{f"quantite_{baguette.pk}": quantity}))

    assert response.status_code == 400
    assert message in errors_of(response)
    assert ClickCollectRequest.objects.count() == 0


def test_an_unknown_product_a_product_not_for_click_and_collect_or_of_another_shop_is_refused(
    client, shop, towns
):
    other_shop = make_shop(shop_index(towns["bethune"]), title="Épicerie", products=[("Piles", "4", True)])
    cake = shop.products.get(name="Gâteau")
    for product_id in [999999, cake.pk, other_shop.products.get().pk]:
        response = post(client, shop, valid_data(shop, **{f"quantite_{product_id}": "1"}))

        assert response.status_code == 400
        assert "ne peut plus être mis de côté" in errors_of(response)
    assert ClickCollectRequest.objects.count() == 0


def test_a_shop_without_click_and_collect_has_no_form(client, towns):
    shop = make_shop(shop_index(towns["bethune"]), click_collect=False, products=[("Piles", "4", True)])

    assert client.get(url(shop), HTTP_HOST=BETHUNE_HOST).status_code == 404
    assert post(client, shop, valid_data(shop, **{"message": "test"})).status_code == 404
    assert ClickCollectRequest.objects.count() == 0


def test_a_draft_shop_or_a_shop_of_another_town_has_no_form(client, towns):
    draft = make_shop(shop_index(towns["bethune"]), live=False, products=[("Piles", "4", True)])
    bethune_shop = make_shop(shop_index(towns["bethune"]), title="Mercerie", products=[("Fil", "2", True)])

    assert client.get(url(draft), HTTP_HOST=BETHUNE_HOST).status_code == 404
    assert client.get(url(bethune_shop), HTTP_HOST=BEAUVAIS_HOST).status_code == 404


def test_a_bot_filling_the_honeypot_is_refused_and_nothing_is_saved(client, shop, mailoutbox):
    response = post(client, shop, valid_data(shop, site_web="http://spam.example"))

    assert response.status_code == 400
    assert "n’a pas pu être envoyé" in errors_of(response)
    assert ClickCollectRequest.objects.count() == 0
    assert mailoutbox == []


def test_too_many_requests_from_one_address_get_a_friendly_message(client, shop, mailoutbox):
    for _ in range(5):
        assert post(client, shop, valid_data(shop), REMOTE_ADDR="203.0.113.9").status_code == 302

    response = post(client, shop, valid_data(shop, contact_name="Sixième"), REMOTE_ADDR="203.0.113.9")

    content = errors_of(response)
    assert response.status_code == 429
    assert "Vous avez envoyé plusieurs demandes en peu de temps" in content
    assert 'value="Sixième"' in content
    assert ClickCollectRequest.objects.count() == 5
    assert post(client, shop, valid_data(shop), REMOTE_ADDR="203.0.113.10").status_code == 302


def test_the_shop_page_offers_the_form_only_when_the_shop_does_click_and_collect(client, shop, towns):
    without = make_shop(shop_index(towns["bethune"]), title="Sans click", click_collect=False)

    with_link = client.get(shop.url, HTTP_HOST=BETHUNE_HOST).content.decode()
    without_link = client.get(without.url, HTTP_HOST=BETHUNE_HOST).content.decode()

    assert f'href="{url(shop)}"' in with_link
    assert "Faire mettre de côté" in with_link
    assert "/reserver/" not in without_link


def test_the_form_needs_a_bounded_number_of_queries_whatever_the_number_of_products(
    client, towns, django_assert_max_num_queries
):
    products = [(f"Produit {number}", "2.50", True) for number in range(80)]
    shop = make_shop(
        shop_index(towns["bethune"]),
        products=products,
        pickup_slots=[(2, datetime.time(16), datetime.time(18))],
    )

    with django_assert_max_num_queries(20):
        response = client.get(url(shop), HTTP_HOST=BETHUNE_HOST)

    assert "Produit 79" in response.content.decode()


def test_the_former_address_of_the_form_leads_to_the_shop_page_form(client, shop):
    response = client.get(f"/reserver/{shop.pk}/", HTTP_HOST=BETHUNE_HOST)

    assert response.status_code == 301
    assert response["Location"] == url(shop)
    assert client.get(response["Location"], HTTP_HOST=BETHUNE_HOST).status_code == 200

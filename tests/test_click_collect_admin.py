"""Town staff handle their town's click & collect requests; each status change tells the visitor."""

import datetime

import pytest
from django.utils import timezone

from shops.models import ClickCollectRequest
from tests.conftest import BETHUNE_HOST
from tests.factories import UserFactory
from tests.factories.shops_staff import make_shop, shop_index, town_staff

LIST_URL = "/admin/shops/clickcollectrequest/"


def make_request(shop, **fields):
    values = {
        "contact_name": "Jeanne Dupont",
        "contact_email": "jeanne@exemple.localhost",
        "items": [{"product_id": 1, "name": "Baguette tradition", "price": "1.20", "quantity": 2}],
        "pickup_date": timezone.localdate() + datetime.timedelta(days=2),
        "pickup_time": datetime.time(10, 30),
        "consent_at": timezone.now(),
    }
    values.update(fields)
    return ClickCollectRequest.objects.create(shop=shop, **values)


@pytest.fixture
def requests_of_both_towns(towns):
    bethune_shop = make_shop(shop_index(towns["bethune"]), title="Boulangerie du Beffroi")
    beauvais_shop = make_shop(
        shop_index(towns["beauvais"]), title="Fromagerie de la Cathédrale", postcode="60000", town="Beauvais"
    )
    return (
        make_request(bethune_shop, contact_name="Cliente de Béthune"),
        make_request(beauvais_shop, contact_name="Client de Beauvais"),
    )


@pytest.fixture
def bethune_staff(towns):
    return town_staff(towns["bethune"], "equipe-bethune")


def edit_url(click_request):
    return f"{LIST_URL}edit/{click_request.pk}/"


def change_status(client, click_request, status, reason="", note=""):
    return client.post(
        edit_url(click_request),
        {"status": status, "decline_reason": reason, "staff_note": note},
        HTTP_HOST=BETHUNE_HOST,
    )


def test_staff_see_only_their_own_towns_requests(client, requests_of_both_towns, bethune_staff):
    client.force_login(bethune_staff)

    response = client.get(LIST_URL, HTTP_HOST=BETHUNE_HOST)

    content = response.content.decode()
    assert response.status_code == 200
    assert "Cliente de Béthune" in content
    assert "Client de Beauvais" not in content
    assert "Fromagerie de la Cathédrale" not in content  # not even in the shop filter


def test_staff_cannot_open_change_or_delete_another_towns_request_by_guessing_its_address(
    client, requests_of_both_towns, bethune_staff, mailoutbox
):
    _bethune_request, beauvais_request = requests_of_both_towns
    client.force_login(bethune_staff)

    # Wagtail answers a refused admin page with a redirect to the dashboard and a message.
    refused = (302, 403, 404)
    for path in [edit_url(beauvais_request), f"{LIST_URL}inspect/{beauvais_request.pk}/"]:
        response = client.get(path, HTTP_HOST=BETHUNE_HOST)
        assert response.status_code in refused
        assert "Client de Beauvais" not in response.content.decode()
    assert change_status(client, beauvais_request, "declined", reason="Non").status_code in refused
    delete = client.post(f"{LIST_URL}delete/{beauvais_request.pk}/", HTTP_HOST=BETHUNE_HOST)
    assert delete.status_code in refused
    assert ClickCollectRequest.objects.filter(pk=beauvais_request.pk).exists()

    beauvais_request.refresh_from_db()
    assert beauvais_request.status == "new"
    assert mailoutbox == []


def test_a_superuser_sees_every_town(client, requests_of_both_towns):
    client.force_login(UserFactory(username="admin", is_superuser=True, is_staff=True))

    content = client.get(LIST_URL, HTTP_HOST=BETHUNE_HOST).content.decode()

    assert "Cliente de Béthune" in content
    assert "Client de Beauvais" in content


def test_a_person_without_the_permission_cannot_list_requests(client, requests_of_both_towns, towns):
    editor = town_staff(towns["bethune"], "redacteur", permissions=())
    client.force_login(editor)

    response = client.get(LIST_URL, HTTP_HOST=BETHUNE_HOST)

    assert response.status_code in (302, 403)
    assert "Cliente de Béthune" not in response.content.decode()


def test_the_list_filters_by_status_and_shop_and_searches(client, towns, bethune_staff):
    index = shop_index(towns["bethune"])
    bakery = make_shop(index, title="Boulangerie du Beffroi")
    grocer = make_shop(index, title="Épicerie Vrac")
    make_request(bakery, contact_name="Alice Nouvelle")
    make_request(bakery, contact_name="Bruno Prêt", status="ready")
    make_request(grocer, contact_name="Chloé Épicerie")
    client.force_login(bethune_staff)

    ready = client.get(f"{LIST_URL}?status__exact=ready", HTTP_HOST=BETHUNE_HOST).content.decode()
    by_shop = client.get(f"{LIST_URL}?shop={grocer.pk}", HTTP_HOST=BETHUNE_HOST).content.decode()
    searched = client.get(f"{LIST_URL}?q=Alice", HTTP_HOST=BETHUNE_HOST).content.decode()

    assert "Bruno Prêt" in ready and "Alice Nouvelle" not in ready
    assert "Chloé Épicerie" in by_shop and "Alice Nouvelle" not in by_shop
    assert "Alice Nouvelle" in searched and "Bruno Prêt" not in searched


def test_each_status_change_tells_the_visitor_and_is_recorded(
    client, requests_of_both_towns, bethune_staff, mailoutbox
):
    click_request, _other = requests_of_both_towns
    client.force_login(bethune_staff)

    assert change_status(client, click_request, "accepted").status_code == 302
    assert change_status(client, click_request, "ready").status_code == 302
    assert change_status(client, click_request, "collected").status_code == 302

    accepted, ready = mailoutbox  # “collected” sends nothing: the visitor has just been in the shop
    assert accepted.to == ["jeanne@exemple.localhost"]
    assert "accepte votre demande" in accepted.subject
    assert "Votre commande sera prête" in accepted.body
    assert "Votre commande est prête" in ready.subject
    assert "vous pouvez passer la chercher" in ready.body
    click_request.refresh_from_db()
    assert click_request.status == "collected"
    assert [change.status for change in click_request.status_changes.all()] == [
        "accepted",
        "ready",
        "collected",
    ]
    assert all(change.changed_by == bethune_staff for change in click_request.status_changes.all())


def test_declining_needs_a_reason_which_the_visitor_receives(
    client, requests_of_both_towns, bethune_staff, mailoutbox
):
    click_request, _other = requests_of_both_towns
    client.force_login(bethune_staff)

    refused = change_status(client, click_request, "declined")

    assert refused.status_code == 200
    assert "Expliquez au client pourquoi vous refusez" in refused.content.decode()
    click_request.refresh_from_db()
    assert click_request.status == "new"
    assert mailoutbox == []

    change_status(client, click_request, "declined", reason="Plus de baguettes ce jour-là, désolé.")

    (declined,) = mailoutbox
    assert "ne peut pas préparer votre demande" in declined.subject
    assert "Plus de baguettes ce jour-là, désolé." in declined.body


def test_saving_without_changing_the_status_sends_nothing(
    client, requests_of_both_towns, bethune_staff, mailoutbox
):
    click_request, _other = requests_of_both_towns
    client.force_login(bethune_staff)

    change_status(client, click_request, "new", note="Client habitué")

    click_request.refresh_from_db()
    assert click_request.staff_note == "Client habitué"
    assert mailoutbox == []


def test_the_edit_page_shows_the_request_and_no_visitor_without_email_gets_mail(
    client, towns, bethune_staff, mailoutbox
):
    shop = make_shop(shop_index(towns["bethune"]))
    click_request = make_request(
        shop, contact_email="", contact_phone="06 12 34 56 78", message="Deux éclairs"
    )
    client.force_login(bethune_staff)

    page = client.get(edit_url(click_request), HTTP_HOST=BETHUNE_HOST).content.decode()
    response = client.post(
        edit_url(click_request),
        {"status": "accepted", "decline_reason": "", "staff_note": ""},
        HTTP_HOST=BETHUNE_HOST,
        follow=True,
    )

    assert "2 × Baguette tradition" in page
    assert "Deux éclairs" in page
    assert "06 12 34 56 78" in page
    assert mailoutbox == []
    assert "appelez-le au 06 12 34 56 78" in response.content.decode()


def test_the_list_needs_the_same_number_of_queries_for_3_or_30_requests(client, towns, bethune_staff):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    shop = make_shop(shop_index(towns["bethune"]))
    client.force_login(bethune_staff)
    counts = []
    for total in (3, 30):
        ClickCollectRequest.objects.all().delete()
        for number in range(total):
            make_request(shop, contact_name=f"Personne {number}")
        client.get(LIST_URL, HTTP_HOST=BETHUNE_HOST)  # warm the caches of the admin menu
        with CaptureQueriesContext(connection) as queries:
            response = client.get(LIST_URL, HTTP_HOST=BETHUNE_HOST)
        assert f"Personne {total - 1}" in response.content.decode()
        counts.append(len(queries))

    assert counts[0] == counts[1]


def test_the_internal_note_never_reaches_the_visitor(
    client, requests_of_both_towns, bethune_staff, mailoutbox
):
    click_request, _other = requests_of_both_towns
    client.force_login(bethune_staff)

    change_status(client, click_request, "ready", note="Client difficile, bien vérifier")

    (ready,) = mailoutbox
    assert "Client difficile" not in ready.body

"""Two-factor sign-in: town staff and administrators give a code from their phone after their password."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_email.models import EmailDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from shops.shopkeepers import ensure_shop_group
from tests.conftest import BETHUNE_HOST
from tests.factories import VolunteerFactory, programme_staff, shopkeeper_world, volunteer_account

PASSWORD = "un-mot-de-passe-solide"
ENROL_URL = "/admin/deux-facteurs/activer/"
VERIFY_URL = "/admin/deux-facteurs/code/"


@pytest.fixture(autouse=True)
def two_factor_on(settings):
    settings.PROXIMITE_STAFF_2FA = True
    # No growing wait between codes here: a wrong code is followed at once by the right one.
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    settings.OTP_STATIC_THROTTLE_FACTOR = 0
    settings.OTP_EMAIL_THROTTLE_FACTOR = 0


@pytest.fixture
def world(towns):
    return shopkeeper_world(towns, workflow=False)


def sign_in(client, user, ip="192.0.2.20"):
    user.set_password(PASSWORD)
    user.save()
    response = client.post(
        "/admin/login/",
        {"username": user.username, "password": PASSWORD},
        HTTP_HOST=BETHUNE_HOST,
        REMOTE_ADDR=ip,
    )
    assert response.status_code == 302, "the password alone signs in"
    return client


def get(client, url, ip="192.0.2.20"):
    return client.get(url, HTTP_HOST=BETHUNE_HOST, REMOTE_ADDR=ip)


def post(client, url, data, ip="192.0.2.20"):
    return client.post(url, data, HTTP_HOST=BETHUNE_HOST, REMOTE_ADDR=ip)


def current_code(user, drift=0):
    """The app's code; drift=1 is the next 30-second one (accepted, unlike a code used already)."""
    device = TOTPDevice.objects.get(user=user)
    return f"{totp(device.bin_key, drift=drift):06d}"


def mailed_code(user):
    """The one-time code of the last enrolment e-mail sent to this person."""
    message = [message for message in mail.outbox if message.to == [user.email]][-1]
    return re.search(r"\b(\d{6})\b", message.body).group(1)


def enrol(client, user):
    """Open enrolment (which e-mails a code), then give that code and the app's."""
    get(client, ENROL_URL)
    return post(
        client, ENROL_URL, {"email_code": mailed_code(user), "code": current_code(user), "next": "/admin/"}
    )


def test_opening_enrolment_emails_a_one_time_code_to_the_account_address(client, world):
    user = world.staff_bethune
    sign_in(client, user)

    page = get(client, ENROL_URL).content.decode()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [user.email]
    assert re.fullmatch(r"\d{6}", mailed_code(user))
    assert "15 minutes" in message.body and "vous" in message.body
    assert "Bonjour" in message.body
    assert "code" in message.subject.lower()
    assert "reçu par e-mail" in page
    # Opening the page again while the code is valid sends no other e-mail.
    get(client, ENROL_URL)
    assert len(mail.outbox) == 1


def test_enrolment_without_the_emailed_code_is_refused(client, world):
    user = world.staff_bethune
    sign_in(client, user)
    get(client, ENROL_URL)

    response = post(client, ENROL_URL, {"code": current_code(user)})

    assert response.status_code == 200
    assert "Tapez le code reçu par e-mail" in response.content.decode()
    assert not TOTPDevice.objects.get(user=user).confirmed
    assert get(client, "/admin/")["Location"].startswith(ENROL_URL)


def test_enrolment_with_a_wrong_emailed_code_is_refused(client, world):
    user = world.staff_bethune
    sign_in(client, user)
    get(client, ENROL_URL)
    wrong = f"{(int(mailed_code(user)) + 1) % 1_000_000:06d}"

    response = post(client, ENROL_URL, {"email_code": wrong, "code": current_code(user)})

    assert response.status_code == 200
    assert "Ce code n’est pas celui reçu par e-mail" in response.content.decode()
    assert not TOTPDevice.objects.get(user=user).confirmed
    assert get(client, "/admin/")["Location"].startswith(ENROL_URL)
    # The right one, with the app's next code, then confirms the phone.
    post(client, ENROL_URL, {"email_code": mailed_code(user), "code": current_code(user, drift=1)})
    assert TOTPDevice.objects.get(user=user).confirmed


def test_an_emailed_code_works_once(client, world):
    user = world.staff_bethune
    sign_in(client, user)
    enrol(client, user)
    used = mailed_code(user)
    client.logout()
    call_command("reset_two_factor", user.username)
    sign_in(client, user)
    get(client, ENROL_URL)
    assert len(mail.outbox) == 2

    response = post(client, ENROL_URL, {"email_code": used, "code": current_code(user)})

    assert "Ce code n’est pas celui reçu par e-mail" in response.content.decode()
    assert not TOTPDevice.objects.get(user=user).confirmed


def test_an_emailed_code_expires_after_15_minutes(client, world):
    user = world.staff_bethune
    sign_in(client, user)
    get(client, ENROL_URL)
    EmailDevice.objects.filter(user=user).update(valid_until=timezone.now() - timedelta(seconds=1))

    response = post(client, ENROL_URL, {"email_code": mailed_code(user), "code": current_code(user)})

    assert "Ce code n’est pas celui reçu par e-mail" in response.content.decode()
    assert not TOTPDevice.objects.get(user=user).confirmed
    # Opening the page again sends a new one.
    get(client, ENROL_URL)
    assert len(mail.outbox) == 2


def test_staff_without_an_email_address_are_told_to_ask_an_administrator(client, world):
    user = world.staff_bethune
    user.email = ""
    user.save()
    sign_in(client, user)

    response = get(client, ENROL_URL)

    assert response.status_code == 200
    assert "n’a pas d’adresse e-mail" in response.content.decode()
    assert not mail.outbox
    post(client, ENROL_URL, {"email_code": "000000", "code": "000000"})
    assert get(client, "/admin/")["Location"].startswith(ENROL_URL)


def test_wrong_emailed_codes_count_as_failed_sign_ins_and_lock_the_account(client, world, settings):
    settings.AXES_FAILURE_LIMIT = 2
    user = world.staff_bethune
    sign_in(client, user)
    get(client, ENROL_URL)

    statuses = [
        post(client, ENROL_URL, {"email_code": "000000", "code": current_code(user, drift=drift)}).status_code
        for drift in (0, 1)
    ]

    assert statuses == [200, 429]
    assert "_auth_user_id" not in client.session
    assert not TOTPDevice.objects.get(user=user).confirmed


@pytest.mark.parametrize("who", ["staff_bethune", "admin"])
def test_staff_with_a_password_only_are_sent_to_enrolment_on_every_admin_page(client, world, who):
    sign_in(client, getattr(world, who))

    for url in ["/admin/", "/admin/pages/", f"/admin/pages/{world.shop_a.pk}/edit/", "/admin/users/"]:
        response = get(client, url)
        assert response.status_code == 302
        assert response["Location"].startswith(ENROL_URL)


def test_programme_staff_holding_a_town_setting_must_enrol(client, world, towns):
    user = programme_staff(world.bethune, "animatrice")
    sign_in(client, user)

    assert get(client, "/admin/")["Location"].startswith(ENROL_URL)


def test_enrolment_shows_a_qr_code_and_the_secret_in_text_then_recovery_codes(client, world):
    user = world.staff_bethune
    sign_in(client, user)

    page = get(client, ENROL_URL).content.decode()
    assert "<svg" in page
    secret = re.search(r'class="two-factor-secret">([A-Z2-7 ]+)<', page).group(1)
    assert len(secret.replace(" ", "")) >= 32

    response = post(
        client,
        ENROL_URL,
        {"email_code": mailed_code(user), "code": current_code(user), "next": "/admin/pages/"},
    )

    assert response.status_code == 200
    codes = re.findall(r"<li><code>([a-z2-7]+)</code></li>", response.content.decode())
    assert len(codes) == 10
    assert get(client, "/admin/").status_code == 200
    assert get(client, f"/admin/pages/{world.shop_a.pk}/edit/").status_code == 200


def test_a_wrong_code_is_refused_with_a_french_message_and_the_admin_stays_closed(client, world):
    user = world.staff_bethune
    sign_in(client, user)
    get(client, ENROL_URL)

    response = post(client, ENROL_URL, {"email_code": mailed_code(user), "code": "000000"})

    assert response.status_code == 200
    assert "Ce code n’est pas le bon" in response.content.decode()
    assert not TOTPDevice.objects.get(user=user).confirmed
    assert get(client, "/admin/")["Location"].startswith(ENROL_URL)


def test_next_sign_in_asks_for_the_code_and_accepts_each_recovery_code_once(client, world, django_user_model):
    user = world.staff_bethune
    sign_in(client, user)
    codes = re.findall(r"<li><code>([a-z2-7]+)</code></li>", enrol(client, user).content.decode())
    client.logout()

    sign_in(client, user)
    assert get(client, "/admin/")["Location"].startswith(VERIFY_URL)
    wrong = post(client, VERIFY_URL, {"code": "123456"})
    assert "Ce code n’est pas le bon" in wrong.content.decode()
    assert get(client, "/admin/").status_code == 302

    response = post(client, VERIFY_URL, {"code": codes[0], "next": "/admin/pages/"})
    assert response.status_code == 302 and response["Location"] == "/admin/pages/"
    assert get(client, "/admin/").status_code == 200

    client.logout()
    sign_in(client, user)
    assert "Ce code n’est pas le bon" in post(client, VERIFY_URL, {"code": codes[0]}).content.decode()
    assert post(client, VERIFY_URL, {"code": current_code(user, drift=1)}).status_code == 302
    assert get(client, "/admin/").status_code == 200


def test_the_code_page_does_not_send_people_to_another_site(client, world):
    user = world.staff_bethune
    sign_in(client, user)
    enrol(client, user)
    client.logout()
    sign_in(client, user)

    response = post(client, VERIFY_URL, {"code": current_code(user, drift=1), "next": "https://example.com/"})

    assert response["Location"] == "/admin/"


def test_wrong_codes_count_as_failed_sign_ins_and_lock_the_account(client, world, settings):
    settings.AXES_FAILURE_LIMIT = 3
    user = world.staff_bethune
    sign_in(client, user)
    enrol(client, user)
    client.logout()
    sign_in(client, user)

    statuses = [post(client, VERIFY_URL, {"code": "000000"}).status_code for _ in range(3)]

    assert statuses == [200, 200, 429]
    assert "_auth_user_id" not in client.session
    again = client.post(
        "/admin/login/",
        {"username": user.username, "password": PASSWORD},
        HTTP_HOST=BETHUNE_HOST,
        REMOTE_ADDR="192.0.2.20",
    )
    assert again.status_code == 429
    page = again.content.decode()
    assert "Un mot de passe ou un code du téléphone erroné a été saisi pour ce compte 3 fois" in page
    assert "perdu le téléphone qui donne vos codes" in page


def test_shopkeepers_and_volunteers_sign_in_with_their_password_alone(client, world, towns):
    volunteer = VolunteerFactory(site=world.bethune)
    people = [world.keeper_a, volunteer_account(volunteer, "volontaire")]
    for person in people:
        client.logout()
        sign_in(client, person)
        assert get(client, "/admin/").status_code == 200


def test_a_shopkeeper_with_several_shops_is_still_a_shopkeeper(client, world):
    ensure_shop_group(world.shop_b).group.user_set.add(world.keeper_a)
    sign_in(client, world.keeper_a)

    assert get(client, "/admin/").status_code == 200


def test_with_the_setting_off_staff_sign_in_with_their_password_alone(client, world, settings):
    settings.PROXIMITE_STAFF_2FA = False
    sign_in(client, world.staff_bethune)

    assert get(client, "/admin/").status_code == 200
    assert get(client, f"/admin/pages/{world.shop_a.pk}/edit/").status_code == 200


def test_an_administrator_can_reset_a_lost_phone(client, world):
    user = world.staff_bethune
    sign_in(client, user)
    enrol(client, user)
    client.logout()

    call_command("reset_two_factor", user.username)

    sign_in(client, user)
    assert get(client, "/admin/")["Location"].startswith(ENROL_URL)


RECOVERY_URL = "/admin/deux-facteurs/codes-de-secours/"
CODE_ITEM = re.compile(r"<li><code>([a-z2-7]+)</code></li>")


def test_staff_replace_their_recovery_codes_from_their_account_with_a_code_from_their_phone(client, world):
    user = world.staff_bethune
    sign_in(client, user)
    old_codes = CODE_ITEM.findall(enrol(client, user).content.decode())
    account = get(client, "/admin/account/").content.decode()
    assert "Nouveaux codes de secours" in account and RECOVERY_URL in account

    wrong = post(client, RECOVERY_URL, {"code": "000000"})
    assert "Ce code n’est pas le bon" in wrong.content.decode()
    assert not CODE_ITEM.findall(wrong.content.decode())

    renewed = post(client, RECOVERY_URL, {"code": current_code(user, drift=1)}).content.decode()
    new_codes = CODE_ITEM.findall(renewed)
    assert "les anciens ne fonctionnent plus" in renewed
    assert len(new_codes) == 10 and not set(new_codes) & set(old_codes)

    client.logout()
    sign_in(client, user)
    assert "Ce code n’est pas le bon" in post(client, VERIFY_URL, {"code": old_codes[1]}).content.decode()
    assert post(client, VERIFY_URL, {"code": new_codes[0]}).status_code == 302
    assert get(client, "/admin/").status_code == 200


def test_people_without_an_authenticator_have_no_recovery_codes_to_replace(client, world):
    sign_in(client, world.keeper_a)

    assert "Nouveaux codes de secours" not in get(client, "/admin/account/").content.decode()
    assert get(client, RECOVERY_URL).status_code == 404

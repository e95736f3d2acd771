"""A public form's e-mail to the address typed in it carries only facts, never the text typed.

Anybody may type somebody else's address in a public form: if the e-mail repeated the
name, message or shop name typed, the portal would carry a stranger's phishing text, signed
by the town, to any inbox. The shop's and the town's e-mails keep the text: they need it.
"""

import pytest

from tests.conftest import BETHUNE_HOST
from tests.public_forms import PUBLIC_FORMS
from towns.models import TownIdentity

VICTIM = "victime@exemple.localhost"
STAFF = "equipe@mairie-bethune.localhost"

# Each form's fields where the visitor types free text, and its field for the e-mail address.
FREE_TEXT = {
    "click-collect": (["contact_name", "message"], "contact_email"),
    "help-request": (["shop_name", "contact_name", "message"], "email"),
    "volunteer-application": (["first_name", "last_name", "presentation"], "email"),
    "workshop-registration": (["name", "shop_name"], "email"),
}


def phishing(field):
    return f"Urgent {field} : confirmez sur http://mairie-remboursement.example/{field}"


@pytest.mark.parametrize("name", FREE_TEXT)
def test_the_visitor_email_has_none_of_the_typed_text_and_the_staff_email_has_it(
    client, towns, mailoutbox, name
):
    identity = TownIdentity.for_site(towns["bethune"].get_site())
    identity.contact_email = STAFF
    identity.save()
    form = PUBLIC_FORMS[name](towns)
    fields, email_field = FREE_TEXT[name]
    data = {**form.data, email_field: VICTIM, **{field: phishing(field) for field in fields}}

    response = client.post(form.url, data, HTTP_HOST=BETHUNE_HOST)

    assert response.status_code in (200, 302), response.content.decode()[:2000]
    assert form.saved() == 1
    to_visitor = [message for message in mailoutbox if VICTIM in message.to]
    assert len(to_visitor) == 1
    sent = to_visitor[0].subject + to_visitor[0].body
    assert "http://mairie-remboursement.example" not in sent
    for field in fields:
        assert phishing(field) not in sent, field
    to_staff = [message for message in mailoutbox if VICTIM not in message.to]
    if to_staff:  # a workshop registration tells nobody at the town hall
        told = "".join(message.subject + message.body for message in to_staff)
        assert any(phishing(field) in told for field in fields)

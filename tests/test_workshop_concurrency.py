"""Many registrations at the same moment: nobody is overbooked, no address holds more than its share."""

import threading

import pytest
from django.db import connections
from django.utils import timezone

from learning.models.workshops import SEATS_PER_ADDRESS, TooManyRegistrations
from tests.factories import WorkshopIndexPageFactory, WorkshopPageFactory

PEOPLE = 8


def register_all_at_once(workshop, person):
    """PEOPLE threads register at the same moment, person(number) giving each one's name and
    e-mail; returns the numbers refused for their address, and any other error."""
    start = threading.Barrier(PEOPLE)
    refused, errors = [], []

    def register(number):
        name, email = person(number)
        try:
            start.wait(timeout=10)
            workshop.register(name=name, email=email, consent_at=timezone.now())
        except TooManyRegistrations:
            refused.append(number)
        except Exception as error:  # noqa: BLE001 - reported by the test
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=register, args=(number,)) for number in range(PEOPLE)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return refused, errors


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_simultaneous_registrations_never_overbook_a_workshop(towns):
    index = WorkshopIndexPageFactory(parent=towns["bethune"])
    workshop = WorkshopPageFactory(parent=index, slug="atelier-simultane", capacity=3)

    refused, errors = register_all_at_once(workshop, lambda n: (f"Personne {n}", f"p{n}@exemple.fr"))

    assert errors == [] and refused == []
    assert workshop.registrations.filter(status="pending").count() == 3  # seats held for their link
    assert workshop.registrations.filter(status="waiting").count() == PEOPLE - 3


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_one_address_registering_many_times_at_once_holds_two_places(towns):
    index = WorkshopIndexPageFactory(parent=towns["bethune"])
    workshop = WorkshopPageFactory(parent=index, slug="atelier-une-adresse", capacity=20)

    refused, errors = register_all_at_once(workshop, lambda n: (f"Prête-nom {n}", "meme@exemple.fr"))

    assert errors == []
    assert workshop.registrations.count() == SEATS_PER_ADDRESS
    assert len(refused) == PEOPLE - SEATS_PER_ADDRESS

"""“Relecture mairie”: shopkeepers submit, town staff approve or send back with a comment;
or, if the town chooses, shopkeepers publish at once."""

import pytest
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page, WorkflowPage

from shops.models import ModerationMode, ShopkeeperSettings
from shops.shopkeepers import ensure_town_workflow
from tests.conftest import BETHUNE_HOST
from tests.factories import shopkeeper_world
from tests.support.forms import PAGE_EDIT_FORM, form_data


@pytest.fixture
def world(towns):
    return shopkeeper_world(towns)


def submit_change(client, user, shop, pitch):
    client.force_login(user)
    url = reverse("wagtailadmin_pages:edit", args=[shop.pk])
    data = form_data(client.get(url, HTTP_HOST=BETHUNE_HOST).content.decode(), form_id=PAGE_EDIT_FORM)
    data["pitch"] = [pitch]
    data["action-submit"] = ["1"]
    response = client.post(url, data, HTTP_HOST=BETHUNE_HOST)
    assert response.status_code == 302, response.content.decode()[:2000]
    return Page.objects.get(pk=shop.pk).specific


def workflow_action(client, staff, shop, action, comment=""):
    client.force_login(staff)
    task_state = Page.objects.get(pk=shop.pk).current_workflow_task_state
    return client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[shop.pk, action, task_state.pk]),
        {"comment": comment},
        HTTP_HOST=BETHUNE_HOST,
    )


def test_each_town_has_its_workflow_on_its_shop_directory(world):
    bethune = WorkflowPage.objects.get(page=world.bethune_index.page_ptr).workflow
    beauvais = WorkflowPage.objects.get(page=world.beauvais_index.page_ptr).workflow
    assert bethune.name == "Relecture mairie — Béthune"
    assert beauvais.name == "Relecture mairie — Beauvais"
    assert list(bethune.tasks.get().specific.groups.all()) == [world.staff_group_bethune]
    ensure_town_workflow(world.bethune, world.staff_group_bethune)  # idempotent
    assert WorkflowPage.objects.filter(page=world.bethune_index.page_ptr).count() == 1


def test_a_change_waits_for_staff_who_are_told_then_approve_it(client, world, mailoutbox):
    shop = submit_change(client, world.keeper_a, world.shop_a, "Le meilleur pain de la ville")
    assert shop.pitch != "Le meilleur pain de la ville"  # not live yet
    assert shop.current_workflow_state is not None
    to_staff = [mail for mail in mailoutbox if world.staff_bethune.email in mail.to]
    assert to_staff, [mail.to for mail in mailoutbox]
    assert "Boulangerie Alpha" in to_staff[0].subject
    assert "Relecture mairie" in to_staff[0].body
    assert "a été soumise" in to_staff[0].subject or "soumis" in to_staff[0].body
    assert not [mail for mail in mailoutbox if world.staff_beauvais.email in mail.to]

    mailoutbox.clear()
    workflow_action(client, world.staff_bethune, shop, "approve")
    shop = Page.objects.get(pk=shop.pk).specific
    assert shop.pitch == "Le meilleur pain de la ville"
    public = client.get(shop.url, HTTP_HOST=BETHUNE_HOST)
    assert "Le meilleur pain de la ville" in public.content.decode()
    to_keeper = [mail for mail in mailoutbox if world.keeper_a.email in mail.to]
    assert to_keeper and "approuvé" in (to_keeper[0].subject + to_keeper[0].body)


def test_staff_send_back_a_change_with_a_comment(client, world, mailoutbox):
    submit_change(client, world.keeper_a, world.shop_a, "Ouvert 24 h sur 24")
    mailoutbox.clear()
    workflow_action(client, world.staff_bethune, world.shop_a, "reject", "Vos horaires semblent faux.")
    shop = Page.objects.get(pk=world.shop_a.pk).specific
    assert shop.pitch != "Ouvert 24 h sur 24"
    to_keeper = [mail for mail in mailoutbox if world.keeper_a.email in mail.to]
    assert to_keeper
    assert "Vos horaires semblent faux." in to_keeper[0].body
    assert "rejeté" in (to_keeper[0].subject + to_keeper[0].body)


def test_staff_of_another_town_cannot_approve(client, world):
    submit_change(client, world.keeper_a, world.shop_a, "Changement en attente")
    response = workflow_action(client, world.staff_beauvais, world.shop_a, "approve")
    assert response.status_code in {302, 403}
    assert Page.objects.get(pk=world.shop_a.pk).specific.pitch != "Changement en attente"


def test_switching_the_setting_gives_and_takes_the_publish_permission(world):
    def keeper():
        return type(world.keeper_a).objects.get(pk=world.keeper_a.pk)

    assert not world.shop_a.permissions_for_user(keeper()).can_publish()
    settings = ShopkeeperSettings.for_site(world.bethune)
    settings.moderation = ModerationMode.AT_ONCE
    settings.save()
    assert world.shop_a.permissions_for_user(keeper()).can_publish()
    assert not world.shop_c.permissions_for_user(world.keeper_c).can_publish()  # Beauvais unchanged
    settings.moderation = ModerationMode.AFTER_APPROVAL
    settings.save()
    assert not world.shop_a.permissions_for_user(keeper()).can_publish()
    assert (
        not GroupPagePermission.objects.filter(page=world.shop_a, permission__codename="publish_page")
        .exclude(group__name__startswith="Équipe")
        .exists()
    )

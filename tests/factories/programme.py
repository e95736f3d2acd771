"""Factories of the coup de pouce programme: pages, helpers, requests, sessions and accounts."""

import datetime

import factory
import wagtail_factories
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from wagtail.models import GroupSitePermission, Site

from demo.builders.programme import coaching_session, help_request, volunteer
from learning.models import Topic
from programme.models import (
    CoachingSession,
    HelpRequest,
    HelpRequestPage,
    ProgrammeFiguresPage,
    ProgrammePage,
    Volunteer,
    VolunteerApplicationPage,
    VolunteerListPage,
)
from towns.towns import staff_group_name

from .home import UserFactory


class TopicFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Sujet {n}")
    slug = factory.Sequence(lambda n: f"sujet-{n}")

    class Meta:
        model = Topic
        django_get_or_create = ["slug"]


class ProgrammePageFactory(wagtail_factories.PageFactory):
    title = "Coup de pouce numérique"
    slug = "coup-de-pouce"

    class Meta:
        model = ProgrammePage


class HelpRequestPageFactory(wagtail_factories.PageFactory):
    title = "Demander un coup de pouce"
    slug = "demander"

    class Meta:
        model = HelpRequestPage


class VolunteerApplicationPageFactory(wagtail_factories.PageFactory):
    title = "Devenir volontaire numérique"
    slug = "devenir-volontaire"

    class Meta:
        model = VolunteerApplicationPage


class VolunteerListPageFactory(wagtail_factories.PageFactory):
    title = "Nos volontaires"
    slug = "nos-volontaires"

    class Meta:
        model = VolunteerListPage


class ProgrammeFiguresPageFactory(wagtail_factories.PageFactory):
    title = "Le programme en chiffres"
    slug = "en-chiffres"

    class Meta:
        model = ProgrammeFiguresPage


class VolunteerFactory(factory.django.DjangoModelFactory):
    """A helper of the default town, active, signed up now (demo.builders.programme.volunteer)."""

    site = factory.LazyFunction(lambda: Site.objects.get(is_default_site=True))
    first_name = factory.Sequence(lambda n: f"Prénom{n}")
    last_name = "Volontaire"
    email = factory.LazyAttribute(lambda v: f"{v.first_name.lower()}@volontaire.localhost")
    phone = "06 12 34 56 78"
    mode_in_shop = True

    class Meta:
        model = Volunteer
        skip_postgeneration_save = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return saved(volunteer(**kwargs))

    @factory.post_generation
    def skills(self, create, extracted, **kwargs):
        if create and extracted:
            self.skills.set(extracted)


class HelpRequestFactory(factory.django.DjangoModelFactory):
    """A request for help to the default town, received now (demo.builders.programme.help_request)."""

    site = factory.LazyFunction(lambda: Site.objects.get(is_default_site=True))
    shop_name = factory.Sequence(lambda n: f"Boutique {n}")
    contact_name = "Jeanne Commerçante"
    email = factory.Sequence(lambda n: f"commerce{n}@exemple.localhost")
    phone = "03 21 00 00 00"
    message = "J'aimerais de l'aide."

    class Meta:
        model = HelpRequest
        skip_postgeneration_save = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return saved(help_request(**kwargs))

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.set(extracted)


class CoachingSessionFactory(factory.django.DjangoModelFactory):
    """A session given three days ago by the request's helper (demo.builders.programme.coaching_session)."""

    request = factory.SubFactory(HelpRequestFactory)
    date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=3))

    class Meta:
        model = CoachingSession

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return saved(coaching_session(**kwargs))


def saved(record):
    record.save()
    return record


def programme_staff(site, username):
    """A member of the town's staff group who manages the programme of `site` (and only that town)."""
    group, _ = Group.objects.get_or_create(name=staff_group_name(site))
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    GroupSitePermission.objects.get_or_create(
        group=group,
        site=site,
        permission=Permission.objects.get(
            content_type__app_label="programme", codename="change_programmesettings"
        ),
    )
    user = UserFactory(username=username, email=f"{username}@mairie.localhost")
    user.groups.add(group)
    return user


def volunteer_account(volunteer, username):
    """An admin account for `volunteer`, as the “Créer un compte” action gives."""
    group, _ = Group.objects.get_or_create(name=f"Volontaires — {volunteer.site.site_name}")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    user = UserFactory(username=username, email=volunteer.email)
    user.groups.add(group)
    volunteer.user = user
    volunteer.save()
    return user


def programme_pages(home_page):
    """The programme's public pages under a town's home page."""
    programme = ProgrammePageFactory(parent=home_page)
    return {
        "programme": programme,
        "help": HelpRequestPageFactory(parent=programme),
        "apply": VolunteerApplicationPageFactory(parent=programme),
        "list": VolunteerListPageFactory(parent=programme),
        "figures": ProgrammeFiguresPageFactory(parent=programme),
    }

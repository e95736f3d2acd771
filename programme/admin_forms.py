"""Admin forms of the programme: every choice list is limited to what the user may see."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Site

from . import access
from .models import SLOTS, HelpRequest, Volunteer
from .models.choices import slot_label


class VolunteerAdminForm(WagtailAdminModelForm):
    availability = forms.MultipleChoiceField(
        label=_("Availability"),
        required=False,
        choices=[(slot, slot_label(slot)) for slot in SLOTS],
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "site" in self.fields:
            sites = Site.objects.filter(id__in=access.staff_site_ids(self.for_user))
            self.fields["site"].queryset = sites
            if sites.count() == 1 and not self.instance.pk:
                self.fields["site"].initial = sites.first().pk

    def clean_availability(self):
        return list(self.cleaned_data.get("availability") or [])

    def save(self, commit=True):
        volunteer = super().save(commit=False)
        if volunteer.consent_public_listing and not volunteer.consent_public_listing_at:
            volunteer.consent_public_listing_at = timezone.now()
        if not volunteer.consent_public_listing:
            volunteer.consent_public_listing_at = None
        if commit:
            volunteer.save()
            self.save_m2m()
        return volunteer


class HelpRequestAdminForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "helper" in self.fields:
            site_id = self.instance.site_id if self.instance.pk else None
            helpers = Volunteer.objects.filter(site_id=site_id).exclude(status=Volunteer.Status.LEFT)
            self.fields["helper"].queryset = helpers
        if "site" in self.fields:
            self.fields["site"].queryset = Site.objects.filter(id__in=access.staff_site_ids(self.for_user))

    def clean(self):
        cleaned = super().clean()
        helper = cleaned.get("helper")
        status = cleaned.get("status")
        if status == HelpRequest.Status.NEW and helper is not None:
            cleaned["status"] = HelpRequest.Status.ASSIGNED
        if status in (HelpRequest.Status.ASSIGNED, HelpRequest.Status.SCHEDULED) and helper is None:
            self.add_error(
                "helper", _("Choose who gives this coup de pouce, or set the status back to “New”.")
            )
        return cleaned


class CoachingSessionAdminForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        requests = access.visible_requests(user).exclude(anonymised_at__isnull=False)
        if not self.instance.pk:
            requests = requests.exclude(status=HelpRequest.Status.CLOSED)
        self.fields["request"].queryset = requests.select_related("site")
        staff_sites = access.staff_site_ids(user)
        helpers = Volunteer.objects.filter(site_id__in=staff_sites)
        own = access.volunteer_of(user)
        if own is not None:
            helpers = helpers | Volunteer.objects.filter(pk=own.pk)
        self.fields["helper"].queryset = helpers.distinct()
        self.fields["helper"].required = False
        if "guides" in self.fields:
            self.fields["guides"].queryset = self.town_guides(user, staff_sites, own)
        if not staff_sites and own is not None:
            self.fields["helper"].initial = own.pk
            self.fields["helper"].disabled = True
        elif own is not None and not self.instance.pk:
            self.fields["helper"].initial = own.pk

    @staticmethod
    def town_guides(user, staff_sites, own):
        """Live guides of the towns the user works in (empty while the learning app has none)."""
        from django.apps import apps

        guide_model = apps.get_model("learning", "GuidePage")
        site_ids = set(staff_sites) | ({own.site_id} if own is not None else set())
        guides = guide_model.objects.none()
        for site in Site.objects.filter(id__in=site_ids):
            guides = guides | guide_model.objects.live().descendant_of(site.root_page)
        return guides.order_by("title")

    def clean(self):
        cleaned = super().clean()
        help_request = cleaned.get("request")
        helper = cleaned.get("helper")
        if help_request is not None and helper is None:
            cleaned["helper"] = help_request.helper
        chosen = cleaned.get("helper")
        if help_request is not None and chosen is not None and chosen.site_id != help_request.site_id:
            self.add_error("helper", _("This helper is not in the town of the request."))
        follow_up = cleaned.get("follow_up_date")
        date = cleaned.get("date")
        if follow_up and date and follow_up < date:
            self.add_error("follow_up_date", _("The follow-up cannot be before the session."))
        return cleaned

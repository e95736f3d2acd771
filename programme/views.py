"""Admin views of the programme: dashboard, assignment, volunteer accounts, personal data."""

import csv
import json

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.log_actions import log
from wagtail_modeladmin.helpers import AdminURLHelper

from towns.emails import send_town_email, town_url
from towns.towns import town_name

from . import access
from .charts import bar_chart
from .matching import candidates_for, rank_helpers
from .models import CoachingSession, HelpRequest, Volunteer
from .privacy import anonymise_person, person_export
from .services import notify_assignment
from .stats import dashboard_figures


def _staff_object(request, model, pk):
    """The record if the user manages its town; 404 otherwise (never tell what exists elsewhere)."""
    obj = get_object_or_404(model, pk=pk)
    if obj.site_id not in access.staff_site_ids(request.user):
        raise Http404
    return obj


def dashboard(request):
    sites = list(access.staff_sites(request.user))
    if not sites:
        raise PermissionDenied
    chosen = request.GET.get("ville", "")
    site = next((s for s in sites if str(s.pk) == chosen), sites[0])
    figures = dashboard_figures([site.pk])
    if request.GET.get("format") == "csv":
        return _dashboard_csv(site, figures)
    charts = [
        (
            "sessions",
            _("Sessions per month"),
            bar_chart(figures["monthly"], "sessions", _("Sessions per month"), "chart-sessions"),
        ),
        (
            "hours",
            _("Hours given per month"),
            bar_chart(figures["monthly"], "hours", _("Hours given per month"), "chart-hours"),
        ),
        (
            "shops",
            _("Shops helped per month"),
            bar_chart(figures["monthly"], "shops", _("Shops helped per month"), "chart-shops"),
        ),
    ]
    return TemplateResponse(
        request,
        "programme/admin/dashboard.html",
        {
            "site": site,
            "sites": sites,
            "town": town_name(site),
            "figures": figures,
            "charts": charts,
            "follow_ups_url": AdminURLHelper(CoachingSession).get_action_url("index") + "?suivi=a-faire",
        },
    )


def _dashboard_csv(site, figures):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="coup-de-pouce-{slugify(site.site_name)}.csv"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow([_("Figure"), _("Value")])
    writer.writerow([_("Shops helped"), figures["shops_helped"]])
    writer.writerow([_("Sessions"), figures["sessions"]])
    writer.writerow([_("Hours given"), figures["hours"]])
    writer.writerow([_("Median days from request to first session"), figures["median_wait_days"]])
    writer.writerow([_("Follow-ups due"), figures["follow_ups_due"]])
    writer.writerow([_("Follow-ups overdue"), figures["follow_ups_overdue"]])
    writer.writerow([_("Active volunteers"), figures["volunteers_active"]])
    if figures["updated_share"] is not None:
        writer.writerow(
            [_("Helped shops whose page was updated within 30 days (%)"), figures["updated_share"]]
        )
    for level in figures["levels"]:
        writer.writerow([_("Level before: %(level)s") % {"level": level["label"]}, level["before"]])
        writer.writerow([_("Level after: %(level)s") % {"level": level["label"]}, level["after"]])
    for name, count in figures["top_topics"]:
        writer.writerow([_("Topic: %(topic)s") % {"topic": name}, count])
    writer.writerow([])
    writer.writerow([_("Month"), _("Requests"), _("Sessions"), _("Hours given"), _("Shops helped")])
    for row in figures["monthly"]:
        writer.writerow(
            [row["month"].strftime("%Y-%m"), row["requests"], row["sessions"], row["hours"], row["shops"]]
        )
    return response


@require_http_methods(["GET", "POST"])
def assign(request, pk):
    help_request = _staff_object(request, HelpRequest, pk)
    if help_request.anonymised_at:
        raise Http404
    suggestions = rank_helpers(help_request, candidates_for(help_request))
    if request.method == "POST":
        helper_id = request.POST.get("helper", "")
        helper = next((s.helper for s in suggestions if str(s.helper.pk) == helper_id), None)
        if helper is None:
            messages.error(request, _("Choose a helper in the list."))
        else:
            help_request.helper = helper
            help_request.assigned_at = None
            if help_request.status == HelpRequest.Status.NEW:
                help_request.status = HelpRequest.Status.ASSIGNED
            help_request.save()
            log(help_request, "programme.assign", user=request.user)
            notify_assignment(help_request)
            messages.success(
                request,
                _("%(helper)s now gives this coup de pouce; both they and the shop were told by e-mail.")
                % {"helper": helper.first_name},
            )
            return redirect(AdminURLHelper(HelpRequest).get_action_url("inspect", help_request.pk))
    return TemplateResponse(
        request,
        "programme/admin/assign.html",
        {"help_request": help_request, "suggestions": suggestions},
    )


def volunteers_group(site):
    """The per-town group of volunteers: admin access, nothing else (their rights come from their record)."""
    group, _created = Group.objects.get_or_create(name=f"Volontaires — {town_name(site)}")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return group


def create_volunteer_account(volunteer):
    """A user for an active volunteer, in the town's volunteers group, with a link to choose a password."""
    User = get_user_model()
    base = slugify(f"{volunteer.first_name}-{volunteer.last_name}")[:100] or f"volontaire-{volunteer.pk}"
    username = base
    suffix = 1
    while User.objects.filter(username=username).exists():
        suffix += 1
        username = f"{base}-{suffix}"
    user = User.objects.create_user(
        username=username,
        email=volunteer.email,
        first_name=volunteer.first_name,
        last_name=volunteer.last_name,
    )
    user.set_unusable_password()
    user.save()
    user.groups.add(volunteers_group(volunteer.site))
    volunteer.user = user
    volunteer.save(update_fields=["user"])
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    reset_path = reverse("wagtailadmin_password_reset_confirm", args=[uid, token])
    site = volunteer.site
    send_town_email(
        site,
        volunteer.email,
        "programme/emails/account_created",
        {
            "volunteer": volunteer,
            "user": user,
            "town": town_name(site),
            "reset_url": town_url(site, reset_path),
            "login_url": town_url(site, reverse("wagtailadmin_login")),
        },
    )
    return user


@require_http_methods(["GET", "POST"])
def create_account(request, pk):
    volunteer = _staff_object(request, Volunteer, pk)
    index_url = AdminURLHelper(Volunteer).get_action_url("index")
    problem = None
    if volunteer.status != Volunteer.Status.ACTIVE:
        problem = _("Only an active volunteer can have an account. Change the status first.")
    elif volunteer.user_id:
        problem = _("This volunteer already has an account.")
    elif not volunteer.email:
        problem = _("This volunteer has no e-mail address: add one first.")
    if problem:
        messages.error(request, problem)
        return redirect(index_url)
    if request.method == "POST":
        user = create_volunteer_account(volunteer)
        log(volunteer, "programme.create_account", user=request.user)
        messages.success(
            request,
            _("Account “%(username)s” created. %(name)s has received an e-mail to choose a password.")
            % {"username": user.username, "name": volunteer.first_name},
        )
        return redirect(index_url)
    return TemplateResponse(request, "programme/admin/create_account.html", {"volunteer": volunteer})


PERSON_KINDS = {"volontaire": Volunteer, "demande": HelpRequest}


def _person(request, kind, pk):
    model = PERSON_KINDS.get(kind)
    if model is None:
        raise Http404
    obj = _staff_object(request, model, pk)
    if obj.anonymised_at:
        raise Http404
    return model, obj


def personal_data_export(request, kind, pk):
    _model, obj = _person(request, kind, pk)
    data = person_export(kind, obj)
    log(obj, "programme.export_personal_data", user=request.user)
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = f'attachment; filename="donnees-{kind}-{obj.pk}.json"'
    return response


@require_http_methods(["GET", "POST"])
def personal_data_erase(request, kind, pk):
    model, obj = _person(request, kind, pk)
    if request.method == "POST":
        label = str(obj)
        count = anonymise_person(kind, obj)
        log(obj, "programme.erase_personal_data", user=request.user, data={"records": count})
        messages.success(
            request,
            _("The personal data of “%(label)s” have been erased (%(count)s record(s)). Figures are kept.")
            % {"label": label, "count": count},
        )
        return redirect(AdminURLHelper(model).get_action_url("index"))
    return TemplateResponse(
        request,
        "programme/admin/erase_confirm.html",
        {
            "obj": obj,
            "kind": kind,
            "preview": json.dumps(person_export(kind, obj), ensure_ascii=False, indent=2),
        },
    )

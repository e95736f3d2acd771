"""Wagtail's reports, kept to the person's own town (an administrator still sees every town).

Wagtail already keeps most report lists to the pages a person may edit, but not everything:
“Types de pages” counts the pages of every town and names the last one edited, whichever town
it belongs to (a draft title of another town); the site history shows every change to a record
to whoever holds one permission on its model (another town's click & collect requests) and
lists in its “user” filter everybody who ever edited a page; the workflow and locked-page
filters list the people and review workflows of every town. Wagtail offers no hook for these querysets, so the
views below take the reports' addresses in front of Wagtail's own (`portal/urls.py`): the
names `wagtailadmin_reports:*` still reverse to these same addresses.
"""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Count, F, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Cast
from django.urls import path
from django.views.decorators.cache import never_cache
from django_filters import ModelChoiceFilter
from wagtail.admin.auth import require_admin_access
from wagtail.admin.filters import FilteredModelChoiceFilter
from wagtail.admin.views.reports import audit_logging, locked_pages, page_types_usage, workflows
from wagtail.log_actions import registry as log_action_registry
from wagtail.models import (
    Page,
    PageLogEntry,
    Task,
    Workflow,
    WorkflowState,
    get_default_page_content_type,
)
from wagtail.permissions import page_permission_policy
from wagtail.utils.urlpatterns import decorate_urlpatterns

from core.admin_records import records_in_reach


def pages_in_reach(user):
    """The pages a report may name to this person: those they may explore in the admin (their
    town's for its staff, their own shop for a shopkeeper); None for an administrator (all)."""
    if user.is_superuser:
        return None
    return page_permission_policy.explorable_instances(user)


def log_entries_in_reach(log_model, request):
    """The log entries of `log_model` this person may read in the site history.

    Pages: Wagtail's rule (the pages the person may explore). Other records: only those the
    person may open in the admin (`RecordAdmin` registrations, kept to their town or their own
    records); none of the others, whose town Wagtail cannot tell.
    """
    entries = log_model.objects.viewable_by_user(request.user)
    if request.user.is_superuser or issubclass(log_model, PageLogEntry):
        return entries
    in_reach = Q(pk__in=[])
    for content_type in ContentType.objects.filter(pk__in=entries.get_content_type_ids()):
        records = records_in_reach(content_type.model_class(), request)
        if records is not None:
            keys = records.annotate(key=Cast("pk", CharField())).values("key")
            in_reach |= Q(content_type=content_type, object_id__in=keys)
    return entries.filter(in_reach)


class TownPageTypesUsageView(page_types_usage.PageTypesUsageReportView):
    """Counts and “last edited page” of each page type, among the pages in the person's reach."""

    def get_queryset(self):
        pages = pages_in_reach(self.request.user)
        if pages is None:
            return super().get_queryset()
        # Wagtail's own query (page_types_usage.py), with the pages kept to the person's reach.
        queryset = ContentType.objects.filter(model__in=self.page_models)
        plain_page_type = ContentType.objects.get_for_model(Page)
        if not Page.objects.filter(depth__gt=1, content_type=plain_page_type).exists():
            queryset = queryset.exclude(pk=plain_page_type.pk)
        self.queryset = queryset
        queryset = self.filter_queryset(queryset)
        language_code = self.filters.form.cleaned_data.get("page_locale", None)
        site_root_path = self.filters.form.cleaned_data.get("site", None)
        latest_filter = {"pk__in": pages.values("pk")}
        count_filter = {"pages__in": pages.values("pk")}
        if language_code:
            latest_filter["locale__language_code"] = language_code
            count_filter["pages__locale__language_code"] = language_code
        if site_root_path:
            latest_filter["path__startswith"] = site_root_path
            count_filter["pages__path__startswith"] = site_root_path
        latest_edited_page = Page.objects.filter(content_type=OuterRef("pk"), **latest_filter).order_by(
            F("latest_revision_created_at").desc(nulls_last=True), "title", "-pk"
        )
        return queryset.annotate(
            count=Count("pages", filter=Q(**count_filter)),
            last_edited_page_id=Subquery(latest_edited_page.values("pk")[:1]),
        ).order_by("-count", "app_label", "model")


class TownSiteHistoryFilterSet(audit_logging.SiteHistoryReportFilterSet):
    def get_users_queryset(self):
        """The people who wrote the entries this person may read, not everyone who ever edited."""
        user_ids = set()
        for log_model in log_action_registry.get_log_entry_models():
            user_ids.update(log_entries_in_reach(log_model, self.request).get_user_ids())
        User = get_user_model()
        return User.objects.filter(pk__in=user_ids).order_by(User.USERNAME_FIELD)


class TownSiteHistoryView(audit_logging.LogEntriesView):
    filterset_class = TownSiteHistoryFilterSet

    def get_filtered_queryset(self):
        # Wagtail's own union of every log model (audit_logging.py), each kept to the person's reach.
        self.log_models = list(log_action_registry.get_log_entry_models())
        queryset = None
        for index, log_model in enumerate(self.log_models):
            entries = log_entries_in_reach(log_model, self.request).values("pk", "timestamp")
            entries = self.filter_queryset(
                entries.annotate(log_model_index=Value(index, output_field=IntegerField()))
            ).order_by()
            queryset = entries if queryset is None else queryset.union(entries, all=True)
        return queryset.order_by("-timestamp")


def workflow_requesters(request):
    """Who asked for a review of the pages this person may edit (the workflow report's own list)."""
    if request.user.is_superuser:
        return workflows.get_requested_by_queryset(request)
    states = WorkflowState.objects.filter(
        base_content_type_id=get_default_page_content_type().id,
        object_id__in=workflows.get_editable_page_ids_query(request),
    )
    User = get_user_model()
    return User.objects.filter(pk__in=states.values("requested_by")).order_by(User.USERNAME_FIELD)


def workflows_in_reach(request):
    """The review workflows of the pages this person may explore (their town's “Relecture mairie”)."""
    pages = pages_in_reach(request.user)
    if pages is None:
        return Workflow.objects.all()
    return Workflow.objects.filter(workflow_pages__page__in=pages.values("pk")).distinct()


def tasks_in_reach(request):
    if request.user.is_superuser:
        return Task.objects.all()
    return Task.objects.filter(workflow_tasks__workflow__in=workflows_in_reach(request)).distinct()


class TownWorkflowFilterSet(workflows.WorkflowReportFilterSet):
    workflow = ModelChoiceFilter(
        field_name="workflow",
        queryset=workflows_in_reach,
        label=workflows.WorkflowTasksReportFilterSet.base_filters["workflow"].label,
    )
    requested_by = ModelChoiceFilter(field_name="requested_by", queryset=workflow_requesters)


class TownWorkflowView(workflows.WorkflowView):
    filterset_class = TownWorkflowFilterSet


class TownWorkflowTasksFilterSet(workflows.WorkflowTasksReportFilterSet):
    workflow = ModelChoiceFilter(
        field_name="workflow_state__workflow",
        queryset=workflows_in_reach,
        label=workflows.WorkflowTasksReportFilterSet.base_filters["workflow"].label,
    )
    task = FilteredModelChoiceFilter(
        queryset=tasks_in_reach, filter_field="id_workflow", filter_accessor="workflows"
    )


class TownWorkflowTasksView(workflows.WorkflowTasksView):
    filterset_class = TownWorkflowTasksFilterSet


def page_lockers(request):
    """Who locked the pages this person may see in the locked pages report."""
    if request.user.is_superuser:
        return locked_pages.get_users_for_filter()
    pages = page_permission_policy.instances_user_has_permission_for(request.user, "change")
    User = get_user_model()
    lockers = Page.objects.filter(Q(pk__in=pages.values("pk")) | Q(locked_by=request.user), locked=True)
    return User.objects.filter(pk__in=lockers.values("locked_by")).order_by(User.USERNAME_FIELD)


class TownLockedPagesFilterSet(locked_pages.LockedPagesReportFilterSet):
    locked_by = ModelChoiceFilter(field_name="locked_by", queryset=page_lockers)


class TownLockedPagesView(locked_pages.LockedPagesView):
    filterset_class = TownLockedPagesFilterSet


def _report(view_class, address):
    return [
        path(address, view_class.as_view()),
        path(f"{address}results/", view_class.as_view(results_only=True)),
    ]


# Served under admin/reports/, before Wagtail's admin URLs, with the admin's own access check.
urlpatterns = decorate_urlpatterns(
    [
        *_report(TownPageTypesUsageView, "page-types-usage/"),
        *_report(TownSiteHistoryView, "site-history/"),
        *_report(TownWorkflowView, "workflow/"),
        *_report(TownWorkflowTasksView, "workflow_tasks/"),
        *_report(TownLockedPagesView, "locked/"),
    ],
    lambda view: never_cache(require_admin_access(view)),
)

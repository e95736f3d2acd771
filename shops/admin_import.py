"""“Importer des commerces” in the admin: upload a CSV, read the preview, confirm."""

import secrets

from django import forms
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.permission_policies.pages import PagePermissionPolicy

from .csv_import import ADMIN_MAX_ROWS, COLUMNS, MAX_BYTES, ImportFailed, read_import, run_import
from .models import ShopIndexPage

CACHE_PREFIX = "shops-import:"
CACHE_SECONDS = 60 * 60
ACCEPTED_EXTENSIONS = (".csv", ".txt")


def importable_directories(user):
    """The shop directories this person may add shops to (their town's)."""
    pages = PagePermissionPolicy().instances_user_has_permission_for(user, "add")
    return ShopIndexPage.objects.filter(pk__in=pages.values("pk")).order_by("path")


def user_can_import(user):
    return importable_directories(user).exists()


class ShopImportForm(forms.Form):
    csv_file = forms.FileField(
        label=gettext_lazy("CSV file"),
        help_text=format_lazy(
            gettext_lazy(
                "Save your spreadsheet as “CSV” (UTF-8 or Windows), separated by semicolons or commas. "
                "At most 2 MB and {rows} shops."
            ),
            rows=ADMIN_MAX_ROWS,
        ),
        error_messages={"required": gettext_lazy("Choose the CSV file to import.")},
    )
    directory = forms.ModelChoiceField(
        label=gettext_lazy("Shop directory"),
        queryset=ShopIndexPage.objects.none(),
        empty_label=None,
        help_text=gettext_lazy("The new shops are added to this directory."),
    )
    publish = forms.BooleanField(
        label=gettext_lazy("Publish at once"),
        required=False,
        help_text=gettext_lazy(
            "Unticked: new shops and changes are saved as drafts that you review and publish."
        ),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["directory"].queryset = importable_directories(user)
        self.fields["csv_file"].widget.attrs["accept"] = ".csv,text/csv"

    def clean_csv_file(self):
        upload = self.cleaned_data["csv_file"]
        if not upload.name.lower().endswith(ACCEPTED_EXTENSIONS):
            raise forms.ValidationError(
                _("This is not a CSV file: in your spreadsheet, choose “Save as” then “CSV”.")
            )
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The file is too big: at most 2 MB. Split it into several files."))
        return upload


def import_form(request):
    if not user_can_import(request.user):
        raise PermissionDenied
    if request.method == "POST":
        form = ShopImportForm(request.POST, request.FILES, user=request.user)
        if form.is_valid():
            data = form.cleaned_data["csv_file"].read(MAX_BYTES + 1)
            index = form.cleaned_data["directory"]
            publish = (
                form.cleaned_data["publish"]
                and index.permissions_for_user(request.user).can_publish_subpage()
            )
            report = read_import(data, index, max_rows=ADMIN_MAX_ROWS)
            token = ""
            if report.ok:
                token = secrets.token_urlsafe(16)
                cache.set(
                    CACHE_PREFIX + token,
                    {"data": data, "index": index.pk, "publish": publish, "user": request.user.pk},
                    CACHE_SECONDS,
                )
            return render(
                request,
                "shops/admin/import_preview.html",
                {
                    "report": report,
                    "index": index,
                    "publish": publish,
                    "token": token,
                    "file_name": form.cleaned_data["csv_file"].name,
                    "page_title": _("Import shops: check before importing"),
                },
            )
    else:
        form = ShopImportForm(user=request.user)
    return render(
        request,
        "shops/admin/import_form.html",
        {"form": form, "columns": COLUMNS, "page_title": _("Import shops from a CSV file")},
    )


@require_POST
def import_confirm(request):
    if not user_can_import(request.user):
        raise PermissionDenied
    token = request.POST.get("token", "")
    stored = cache.get(CACHE_PREFIX + token) if token else None
    if not stored or stored["user"] != request.user.pk:
        messages.error(request, _("This import has expired: upload the file again."))
        return redirect("shops_import")
    index = importable_directories(request.user).filter(pk=stored["index"]).first()
    if index is None:
        raise PermissionDenied
    # The directory may have changed since the preview.
    report = read_import(stored["data"], index, max_rows=ADMIN_MAX_ROWS)
    if not report.ok:
        return render(
            request,
            "shops/admin/import_preview.html",
            {
                "report": report,
                "index": index,
                "publish": stored["publish"],
                "token": "",
                "page_title": _("Import shops: check before importing"),
            },
        )
    try:
        created, updated = run_import(report, index, publish=stored["publish"], user=request.user)
    except ImportFailed as exc:
        messages.error(request, str(exc))
        return redirect("shops_import")
    cache.delete(CACHE_PREFIX + token)
    if stored["publish"]:
        message = _("Import done: %(created)s shops created and %(updated)s updated, all published.")
    else:
        message = _(
            "Import done: %(created)s shops created and %(updated)s updated, as drafts: "
            "review them, then publish."
        )
    messages.success(request, message % {"created": created, "updated": updated})
    return redirect(reverse("wagtailadmin_explore", args=[index.pk]))

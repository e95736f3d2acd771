"""Cells of the CSV files we hand out, read by a spreadsheet program as text, never as a formula.

Text typed by visitors or shopkeepers ends up in the admin's exports and the open data. A cell
such as `=HYPERLINK("http://…","Cliquez")` or `@SUM(…)` would run as a formula when a town's
staff member opens the file in Excel or LibreOffice (OWASP “CSV injection”): text starting
with one of the characters below gets a leading apostrophe, which both programs show as text.
Numbers stay numbers, so the columns of prices, counts, hours and coordinates still add up;
a number typed as text in a free field (“-5”) is text, and is quoted like any other. One
character alone is no formula: the admin's “-” for an empty value stays as it is.
"""

from core.admin_lists import IndexView as RecordIndexView

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """`value` as written in a CSV cell: numbers as they are, text that could be a formula quoted."""
    if isinstance(value, str) and len(value) > 1 and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeCsvExportMixin:
    """For Wagtail's export views (SpreadsheetExportMixin): every CSV cell goes through safe_cell.

    Wagtail already writes XLSX formulas back as text; its CSV writer leaves cells as they are.
    """

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return safe_cell(value) if export_format == self.FORMAT_CSV else value


class SafeExportIndexView(SafeCsvExportMixin, RecordIndexView):
    """The list of a wagtail-modeladmin record, whose CSV export is safe to open in a spreadsheet."""

"""Bulk import of shops from the spreadsheet a town already keeps (CSV).

Two steps, used by the admin view and by `manage.py import_shops`:

1. `read_import(data, index)` checks the whole file and writes nothing. It returns every
   error (line, column, what is wrong, in French) and, when there is none, what would be
   created and what would be updated.
2. `run_import(report, index, publish, user)` applies it, all or nothing, in one transaction:
   a file with any error imports nothing, so a town never ends up with half a file.

A row updates an existing shop of the same directory when the SIRET matches, otherwise when
the name and the address (street and postcode) match once accents, case and spaces are set
aside; otherwise it creates a shop. On update, an empty cell leaves the page's value as it
is (the shopkeeper may have filled it in); a filled cell replaces it.
"""

import csv
import datetime
import html
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from .directory import fold
from .models import SERVICES, ShopCategory, ShopPage, WeeklyOpening
from .models.shop import phone_validator
from .validators import validate_siret

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 2000
# What the admin imports within one request, well inside gunicorn's 30-s timeout: measured on
# SQLite, 300 shops took 22 s published (11 s as drafts), 2,000 over a minute. A town centre fits
# (Dinan: 120 shops); bigger files go to the import_shops command.
ADMIN_MAX_ROWS = 150

# (column, required) in the documented order; the sample file uses exactly these headers.
COLUMNS = [
    ("nom", True),
    ("accroche", False),
    ("categorie", True),
    ("adresse", True),
    ("code_postal", True),
    ("ville", True),
    ("latitude", False),
    ("longitude", False),
    ("telephone", False),
    ("email", False),
    ("site_web", False),
    ("siret", False),
    ("services", False),
    ("horaires", False),
    ("description", False),
]
COLUMN_NAMES = [name for name, _required in COLUMNS]
REQUIRED_COLUMNS = [name for name, required in COLUMNS if required]

DAYS = {
    "lun": 0, "lundi": 0, "mar": 1, "mardi": 1, "mer": 2, "mercredi": 2, "jeu": 3, "jeudi": 3,
    "ven": 4, "vendredi": 4, "sam": 5, "samedi": 5, "dim": 6, "dimanche": 6,
}  # fmt: skip
CLOSED_WORDS = {"ferme", "fermee", "ferme toute la journee"}

# Words a town may type in the “services” column, once accents and case are set aside.
SERVICE_ALIASES = {
    "click_collect": ["click & collect", "click and collect", "click-and-collect", "click et collect", "c&c"],
    "delivery": ["livraison", "livraison a domicile"],
    "delivery_paid_by_town": ["livraison payee par la ville", "livraison offerte par la ville"],
    "local_drive": ["drive", "drive local"],
    "in_shop_pickup": ["retrait en boutique", "retrait des commandes en boutique", "retrait en magasin"],
    "accessible_entrance": ["entree accessible", "accessible", "acces pmr"],
    "card_payment": ["carte bancaire", "cb", "paiement par carte"],
    "contactless_payment": ["sans contact", "paiement sans contact"],
}

TIME_PATTERN = re.compile(r"^(\d{1,2})(?:[:h](\d{2})?)?$")
POSTCODE_PATTERN = re.compile(r"^\d{5}$")


def normalise(text):
    """Folded as the directory's filter folds text (`fold`), single spaces, one apostrophe: how
    two spellings of one name are compared."""
    return " ".join(fold(text or "").replace("’", "'").split())


def _service_lookup():
    lookup = {}
    for name, label in SERVICES:
        lookup[normalise(name)] = name
        lookup[normalise(str(label))] = name
        for alias in SERVICE_ALIASES.get(name, []):
            lookup[normalise(alias)] = name
    return lookup


@dataclass
class RowError:
    line: int
    column: str
    message: str


@dataclass
class RowPlan:
    line: int
    action: str  # "create" or "update"
    title: str
    existing: ShopPage | None
    values: dict
    category: ShopCategory
    services: dict | None
    hours: list | None
    description: str | None


@dataclass
class ImportReport:
    file_errors: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    plans: list = field(default_factory=list)
    ignored_columns: list = field(default_factory=list)
    encoding: str = ""
    delimiter: str = ""

    @property
    def ok(self):
        return not self.file_errors and not self.errors and bool(self.plans)

    @property
    def creations(self):
        return [plan for plan in self.plans if plan.action == "create"]

    @property
    def updates(self):
        return [plan for plan in self.plans if plan.action == "update"]


# Reading the file ---------------------------------------------------------------------------------


def decode(data):
    """(text, encoding name) of a UTF-8 (with or without BOM) or Windows-1252 file; ValueError otherwise."""
    if b"\x00" in data[:4096]:
        raise ValueError(_("The file is not a CSV text file (is it a UTF-16 file or a spreadsheet?)."))
    try:
        return data.decode("utf-8-sig"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        raise ValueError(
            _("The characters of the file cannot be read: save it as “CSV UTF-8” and try again.")
        ) from None


def sniff_delimiter(first_line):
    counts = {delimiter: first_line.count(delimiter) for delimiter in (";", ",", "\t")}
    return max(counts, key=counts.get) if any(counts.values()) else ";"


def read_import(data, index, max_rows=MAX_ROWS):
    """Check a whole file against the shops of `index` (a ShopIndexPage); nothing is written."""
    report = ImportReport()
    if not data or not data.strip():
        report.file_errors.append(_("The file is empty."))
        return report
    if len(data) > MAX_BYTES:
        report.file_errors.append(
            _("The file is too big (%(size)s MB): at most 2 MB, i.e. about %(rows)s shops.")
            % {"size": f"{len(data) / 1024 / 1024:.1f}".replace(".", ","), "rows": MAX_ROWS}
        )
        return report
    try:
        text, report.encoding = decode(data)
    except ValueError as error:
        report.file_errors.append(str(error))
        return report

    first_line = text.lstrip().splitlines()[0] if text.strip() else ""
    report.delimiter = sniff_delimiter(first_line)
    reader = csv.reader(io.StringIO(text.lstrip("\n\r")), delimiter=report.delimiter)
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        report.file_errors.append(_("The file is empty."))
        return report
    columns = [normalise(name).replace(" ", "_").replace("-", "_") for name in header]
    missing = [name for name in REQUIRED_COLUMNS if name not in columns]
    if missing:
        report.file_errors.append(
            _("Missing columns: %(missing)s. The first line must name the columns, e.g. %(expected)s.")
            % {"missing": ", ".join(missing), "expected": ";".join(COLUMN_NAMES)}
        )
        return report
    report.ignored_columns = [
        header[i] for i, name in enumerate(columns) if name not in COLUMN_NAMES and name
    ]

    checker = RowChecker(index)
    seen = {}
    row_count = 0
    try:
        # Line numbers are the spreadsheet's row numbers: the header is line 1.
        for line, row in enumerate(reader, start=2):
            if not any(cell.strip() for cell in row):
                continue
            row_count += 1
            if row_count > max_rows:
                message = _("The file has more than %(max)s shops: split it into several files.")
                if max_rows < MAX_ROWS:
                    message = _(
                        "The file has more than %(max)s shops, more than one import here can take: "
                        "split it into files of %(max)s shops, or ask an administrator to import it "
                        "with the import_shops command."
                    )
                report.file_errors.append(message % {"max": max_rows})
                return report
            cells = {name: (row[i].strip() if i < len(row) else "") for i, name in enumerate(columns)}
            plan, errors = checker.check(line, cells)
            report.errors.extend(errors)
            if plan is None:
                continue
            key = plan.existing.pk if plan.existing else checker.identity_key(plan.values)
            if key in seen:
                report.errors.append(
                    RowError(
                        line,
                        "nom",
                        _("Same shop as line %(line)s: keep only one line.") % {"line": seen[key]},
                    )
                )
                continue
            seen[key] = line
            report.plans.append(plan)
    except csv.Error as error:
        report.file_errors.append(
            _("Line %(line)s cannot be read (%(error)s): check the quotes.")
            % {"line": reader.line_num, "error": error}
        )
    if row_count == 0 and not report.file_errors:
        report.file_errors.append(_("The file has a header line but no shop."))
    return report


class RowChecker:
    """Checks one row at a time; knows the directory's existing shops and the categories."""

    def __init__(self, index):
        self.index = index
        self.categories = {}
        for category in ShopCategory.objects.all():
            self.categories[normalise(category.name)] = category
            self.categories[normalise(category.slug)] = category
        self.category_names = ", ".join(category.name for category in ShopCategory.objects.all())
        self.services = _service_lookup()
        self.by_siret = {}
        self.by_identity = {}
        for shop in ShopPage.objects.child_of(index).only("pk", "title", "siret", "street", "postcode"):
            if shop.siret:
                self.by_siret[shop.siret.replace(" ", "")] = shop
            self.by_identity[
                self.identity_key({"title": shop.title, "street": shop.street, "postcode": shop.postcode})
            ] = shop

    @staticmethod
    def identity_key(values):
        return (normalise(values["title"]), normalise(values["street"]), values["postcode"])

    def check(self, line, cells):
        errors = []

        def error(column, message):
            errors.append(RowError(line, column, message))

        values = {}
        name = cells.get("nom", "")
        if not name:
            error("nom", _("The name of the shop is missing."))
        elif len(name) > 255:
            error("nom", _("The name is too long (255 characters at most)."))
        values["title"] = name

        pitch = cells.get("accroche", "")
        if len(pitch) > 160:
            error("accroche", _("The pitch is too long (160 characters at most)."))
        values["pitch"] = pitch

        category = None
        category_cell = cells.get("categorie", "")
        if not category_cell:
            error("categorie", _("The category is missing."))
        else:
            category = self.categories.get(normalise(category_cell))
            if category is None:
                error(
                    "categorie",
                    _("Unknown category “%(value)s”. Known categories: %(known)s.")
                    % {"value": category_cell, "known": self.category_names},
                )

        street = cells.get("adresse", "")
        if not street:
            error("adresse", _("The address (number and street) is missing."))
        elif len(street) > 150:
            error("adresse", _("The address is too long (150 characters at most)."))
        values["street"] = street

        postcode = cells.get("code_postal", "").replace(" ", "")
        if len(postcode) == 4 and postcode.isdigit():
            postcode = "0" + postcode  # spreadsheets drop the leading zero of 01000–09999
        if not POSTCODE_PATTERN.match(postcode):
            error(
                "code_postal",
                _("“%(value)s” is not a postcode: 5 digits, e.g. 62400.")
                % {"value": cells.get("code_postal", "")},
            )
        values["postcode"] = postcode

        town = cells.get("ville", "")
        if not town:
            error("ville", _("The town is missing."))
        values["town"] = town[:80]

        self._check_coordinates(cells, values, error)

        phone = cells.get("telephone", "")
        if phone:
            try:
                phone_validator(phone)
            except ValidationError:
                error(
                    "telephone",
                    _("“%(value)s” is not a phone number, e.g. 03 21 00 00 00.") % {"value": phone},
                )
        values["phone"] = phone

        email = cells.get("email", "")
        if email:
            try:
                EmailValidator()(email)
            except ValidationError:
                error("email", _("“%(value)s” is not an e-mail address.") % {"value": email})
        values["email"] = email

        website = cells.get("site_web", "")
        if website:
            if not re.match(r"^https?://", website, re.IGNORECASE):
                website = "https://" + website
            try:
                URLValidator()(website)
            except ValidationError:
                error(
                    "site_web", _("“%(value)s” is not a web address.") % {"value": cells.get("site_web", "")}
                )
        values["website"] = website

        siret = cells.get("siret", "").replace(" ", "").replace(".", "")
        if siret:
            try:
                validate_siret(siret)
            except ValidationError as exc:
                error("siret", " ".join(str(message) for message in exc.messages))
        values["siret"] = siret

        services = self._check_services(cells.get("services", ""), error)
        hours = self._check_hours(cells.get("horaires", ""), error)
        description = cells.get("description", "")

        if errors:
            return None, errors
        existing = (self.by_siret.get(siret) if siret else None) or self.by_identity.get(
            self.identity_key(values)
        )
        if not values["pitch"] and existing is None:
            values["pitch"] = category.name
        return (
            RowPlan(
                line=line,
                action="update" if existing else "create",
                title=name,
                existing=existing,
                values=values,
                category=category,
                services=services,
                hours=hours,
                description=description or None,
            ),
            [],
        )

    def _check_coordinates(self, cells, values, error):
        found = {}
        for column, limit in (("latitude", 90), ("longitude", 180)):
            raw = cells.get(column, "").replace(",", ".")
            values[column] = None
            if not raw:
                continue
            found[column] = True
            try:
                number = Decimal(raw)
            except InvalidOperation:
                error(column, _("“%(value)s” is not a number, e.g. 50.5298.") % {"value": cells.get(column)})
                continue
            if not number.is_finite() or abs(number) > limit:
                error(
                    column,
                    _("%(column)s must be between -%(limit)s and %(limit)s.")
                    % {"column": column.capitalize(), "limit": limit},
                )
                continue
            values[column] = number.quantize(Decimal("0.000001"))
        if len(found) == 1:
            missing = "longitude" if "latitude" in found else "latitude"
            error(missing, _("Give both the latitude and the longitude, or neither."))

    def _check_services(self, cell, error):
        if not cell:
            return None
        chosen = {}
        for token in re.split(r"[,|/]", cell):
            if not token.strip():
                continue
            name = self.services.get(normalise(token))
            if name is None:
                error(
                    "services",
                    _("Unknown service “%(value)s”. Accepted: %(known)s.")
                    % {
                        "value": token.strip(),
                        "known": ", ".join(str(label).lower() for _n, label in SERVICES),
                    },
                )
                continue
            chosen[name] = True
        if chosen.get("delivery_paid_by_town") and not chosen.get("delivery"):
            error("services", _("“Delivery paid by the town” needs “home delivery” too."))
        return {name: chosen.get(name, False) for name, _label in SERVICES}

    def _check_hours(self, cell, error):
        if not cell:
            return None
        try:
            return parse_hours(cell)
        except ValueError as exc:
            error("horaires", str(exc))
            return None


def _parse_time(text):
    match = TIME_PATTERN.match(text.strip().lower())
    if not match:
        raise ValueError(text)
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if hour == 24 and minute == 0:
        return datetime.time(23, 59)
    if hour > 23 or minute > 59:
        raise ValueError(text)
    return datetime.time(hour, minute)


def _parse_days(text):
    days = []
    for part in text.split(","):
        part = normalise(part).rstrip(".")
        if not part:
            continue
        if "-" in part:
            first, last = (piece.strip() for piece in part.split("-", 1))
            if first not in DAYS or last not in DAYS:
                raise ValueError(part)
            start, end = DAYS[first], DAYS[last]
            if end < start:
                raise ValueError(part)
            days.extend(range(start, end + 1))
        elif part in DAYS:
            days.append(DAYS[part])
        else:
            raise ValueError(part)
    return days


def parse_hours(cell):
    """“lun-ven 9:00-12:00 14:00-19:00; sam 9h-18h; dim fermé” → [(weekday, opens, closes)].

    ValueError with a French message when the text cannot be understood, a range closes
    before it opens, or two ranges of a day overlap.
    """
    example = "lun-ven 9:00-12:00 14:00-19:00; sam 9:00-18:00"
    ranges = {}
    for group in cell.split(";"):
        group = group.strip()
        if not group:
            continue
        match = re.match(r"^(.*?)\s+(\d.*|ferm.*)$", group, re.IGNORECASE)
        if not match:
            raise ValueError(
                _("“%(value)s” cannot be read: write the days then the hours, e.g. %(example)s.")
                % {"value": group, "example": example}
            )
        day_text, times_text = match.group(1), match.group(2)
        try:
            days = _parse_days(day_text.replace(" ", ""))
        except ValueError:
            raise ValueError(
                _("Unknown day in “%(value)s”: use lun, mar, mer, jeu, ven, sam, dim (e.g. lun-ven).")
                % {"value": group}
            ) from None
        if normalise(times_text) in CLOSED_WORDS:
            for day in days:
                ranges.setdefault(day, [])
            continue
        for time_range in times_text.replace("–", "-").split():
            pieces = time_range.split("-")
            try:
                if len(pieces) != 2:
                    raise ValueError(time_range)
                opens, closes = _parse_time(pieces[0]), _parse_time(pieces[1])
            except ValueError:
                raise ValueError(
                    _("“%(value)s” is not a time range: write e.g. 9:00-12:00.") % {"value": time_range}
                ) from None
            if closes <= opens:
                raise ValueError(_("In “%(value)s” the shop closes before it opens.") % {"value": time_range})
            for day in days:
                ranges.setdefault(day, []).append((opens, closes))
    result = []
    for day, day_ranges in sorted(ranges.items()):
        day_ranges.sort()
        for (_o1, c1), (o2, _c2) in zip(day_ranges, day_ranges[1:], strict=False):
            if o2 < c1:
                raise ValueError(
                    _("Two time ranges overlap on the same day (%(day)s): check the hours.")
                    % {"day": [name for name, number in DAYS.items() if number == day and len(name) > 3][0]}
                )
        result.extend((day, opens, closes) for opens, closes in day_ranges)
    return result


# Writing ------------------------------------------------------------------------------------------


def description_html(text):
    paragraphs = [part.strip() for part in re.split(r"\n\s*\n", text) if part.strip()]
    return "".join(f"<p>{html.escape(paragraph).replace(chr(10), '<br/>')}</p>" for paragraph in paragraphs)


def _unique_slug(index, title, taken):
    base = slugify(title)[:80] or "commerce"
    slug = base
    number = 2
    while slug in taken:
        slug = f"{base}-{number}"
        number += 1
    taken.add(slug)
    return slug


@transaction.atomic
def run_import(report, index, publish=False, user=None):
    """Create and update the pages of a checked report. Returns (created, updated) counts.

    Without `publish`, new shops are drafts and updates are saved as draft revisions that
    the town's team reviews and publishes; with it, everything goes live at once.
    """
    if not report.ok:
        raise ValueError("Refusing to import a file with errors.")
    taken = set(ShopPage.objects.child_of(index).values_list("slug", flat=True))
    taken |= set(index.get_children().values_list("slug", flat=True))
    created = updated = 0
    for plan in report.plans:
        try:
            was_created = _import_row(plan, index, taken, publish, user)
        except ValidationError as exc:
            raise ImportFailed(plan.line, exc) from exc
        created += was_created
        updated += not was_created
    return created, updated


class ImportFailed(Exception):
    """A row passed the checks but the page refused it; nothing of the file was imported."""

    def __init__(self, line, error):
        self.line = line
        self.messages = error.messages
        super().__init__(
            _("Line %(line)s: %(errors)s Nothing was imported.")
            % {"line": line, "errors": " ".join(error.messages)}
        )


def _import_row(plan, index, taken, publish, user):
    """Create or update the page of one row; True when it was created."""
    if plan.existing is None:
        page = ShopPage(slug=_unique_slug(index, plan.title, taken), live=False)
        _apply(page, plan)
        index.add_child(instance=page)
    else:
        page = plan.existing.specific.get_latest_revision_as_object()
        _apply(page, plan, updating=True)
    revision = page.save_revision(user=user, log_action=True)
    if publish:
        revision.publish(user=user)
    return plan.existing is None


def _apply(page, plan, updating=False):
    for name, value in plan.values.items():
        if updating and (value is None or value == ""):
            continue  # an empty cell keeps what the page says
        setattr(page, name, value)
    page.category = plan.category
    if plan.services is not None:
        for name, value in plan.services.items():
            setattr(page, name, value)
    if plan.description is not None:
        page.description = description_html(plan.description)
    if plan.hours is not None:
        page.opening_hours = [
            WeeklyOpening(weekday=day, opens=opens, closes=closes, sort_order=position)
            for position, (day, opens, closes) in enumerate(plan.hours)
        ]

"""Opening hours as plain data: is the shop open now, when does it open next, the week table.

Nothing here touches the database: `ShopHours.from_rows()` takes rows already loaded
(prefetched for a whole directory page) and every answer is computed in Python, in
Europe/Paris time, comparing instants in UTC so that daylight-saving change days are right.
"""

import datetime
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.utils import dateformat
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from shops.models.opening import Weekday

PARIS = ZoneInfo("Europe/Paris")
UTC = datetime.UTC
OSM_DAYS = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]
SCHEMA_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
WEEKDAYS_IN_SENTENCE = [
    pgettext_lazy("weekday inside a sentence", "Monday"),
    pgettext_lazy("weekday inside a sentence", "Tuesday"),
    pgettext_lazy("weekday inside a sentence", "Wednesday"),
    pgettext_lazy("weekday inside a sentence", "Thursday"),
    pgettext_lazy("weekday inside a sentence", "Friday"),
    pgettext_lazy("weekday inside a sentence", "Saturday"),
    pgettext_lazy("weekday inside a sentence", "Sunday"),
]
# How far ahead we look for the next opening (long holidays included).
LOOKAHEAD_DAYS = 62
LAST_MINUTE = datetime.time(23, 59)


@dataclass(frozen=True)
class TimeRange:
    opens: datetime.time
    closes: datetime.time
    overnight: bool = False

    def osm(self):
        return f"{self.opens:%H:%M}-{self.closes:%H:%M}"

    def label(self):
        return f"{format_time(self.opens)}–{format_time(self.closes)}"


@dataclass(frozen=True)
class Exceptional:
    """Dates on which the usual week does not apply: closed, or open with its own hours."""

    start: datetime.date
    end: datetime.date
    closed: bool
    ranges: tuple = ()
    label: str = ""

    def covers(self, day):
        return self.start <= day <= self.end


@dataclass(frozen=True)
class Status:
    is_open: bool
    message: str
    exceptional: bool = False


@dataclass
class DayRow:
    day: datetime.date
    name: str
    ranges: list
    is_today: bool
    note: str = ""

    @property
    def is_closed(self):
        return not self.ranges


def format_time(value):
    """French clock style: 9h, 9h30, 19h."""
    return f"{value.hour}h" if value.minute == 0 else f"{value.hour}h{value.minute:02d}"


def _at(day, time):
    return datetime.datetime.combine(day, time, tzinfo=PARIS).astimezone(UTC)


@dataclass
class ShopHours:
    weekly: dict = field(default_factory=dict)  # weekday (0 = Monday) -> list of TimeRange
    exceptions: list = field(default_factory=list)

    @classmethod
    def from_rows(cls, opening_rows, exception_rows=()):
        """Build from WeeklyOpening-like and ExceptionalOpening-like objects (already loaded)."""
        weekly = {}
        for row in opening_rows:
            weekly.setdefault(row.weekday, []).append(TimeRange(row.opens, row.closes, row.overnight))
        for ranges in weekly.values():
            ranges.sort(key=lambda item: item.opens)
        exceptions = []
        for row in exception_rows:
            closed = row.kind == "closed"
            ranges = ()
            if not closed and row.opens and row.closes:
                ranges = (TimeRange(row.opens, row.closes, row.overnight),)
            end = row.end_date or row.start_date
            exceptions.append(Exceptional(row.start_date, end, closed, ranges, row.label))
        return cls(weekly, exceptions)

    # What applies on a given date

    def exception_on(self, day):
        found = None
        for exception in self.exceptions:
            if exception.covers(day):
                found = exception
        return found

    def ranges_on(self, day):
        """The time ranges that start on this local date, exceptions applied."""
        exception = self.exception_on(day)
        if exception is not None:
            return list(exception.ranges)
        return list(self.weekly.get(day.weekday(), []))

    def openings(self, first_day, last_day):
        """(start, end, opening day) of every opening between the two dates, in UTC, in order,
        one day at a time: a question answered in the first days stops there instead of
        converting two months of openings to UTC."""
        day = first_day
        while day <= last_day:
            found = []
            for time_range in self.ranges_on(day):
                end_day = day + datetime.timedelta(days=1) if time_range.overnight else day
                closes = time_range.closes
                if closes == LAST_MINUTE and not time_range.overnight:
                    # “Until 23:59” means until midnight: no one-minute gap before the next day.
                    end_day, closes = day + datetime.timedelta(days=1), datetime.time(0)
                found.append((_at(day, time_range.opens), _at(end_day, closes), day))
            # Every opening of a day starts before those of the next: sorting each day sorts all.
            yield from sorted(found)
            day += datetime.timedelta(days=1)

    @property
    def is_empty(self):
        return not any(self.weekly.values()) and not any(e.ranges for e in self.exceptions)

    # Questions a visitor asks

    def is_open(self, now):
        today = now.astimezone(PARIS).date()
        moment = now.astimezone(UTC)
        return any(
            start <= moment < end
            for start, end, _day in self.openings(today - datetime.timedelta(days=1), today)
        )

    def status(self, now):
        """Open or closed now, and a sentence saying until when or from when."""
        local = now.astimezone(PARIS)
        today = local.date()
        moment = now.astimezone(UTC)
        openings = self.openings(
            today - datetime.timedelta(days=1), today + datetime.timedelta(LOOKAHEAD_DAYS)
        )
        current = upcoming = None
        for start, end, _day in openings:
            if start > moment:
                upcoming = start
                break
            if moment < end:
                current = end
                break
        if current is not None:
            closes = current
            # The openings after this one that touch or overlap it: the shop stays open through them.
            for start, end, _day in openings:
                if start > closes + datetime.timedelta(minutes=1):
                    break
                closes = max(closes, end)
            if closes - moment > datetime.timedelta(days=LOOKAHEAD_DAYS - 2):
                return Status(True, _("Open 24 hours a day"))
            return Status(True, _("Open now — closes %(when)s") % {"when": self._when(closes, today, True)})

        exception = self.exception_on(today)
        if exception is not None and exception.closed:
            if upcoming is None:
                return Status(False, _("Closed exceptionally"), True)
            values = {"label": exception.label, "when": self._when(upcoming, today, False, exceptional=True)}
            if exception.label:
                return Status(False, _("Closed exceptionally (%(label)s) — reopens %(when)s") % values, True)
            return Status(False, _("Closed exceptionally — reopens %(when)s") % values, True)
        if upcoming is None:
            return Status(False, _("Closed"))
        return Status(False, _("Closed — opens %(when)s") % {"when": self._when(upcoming, today, False)})

    @staticmethod
    def _when(moment, today, closing, exceptional=False):
        local = moment.astimezone(PARIS)
        values = {"time": format_time(local.time()), "date": dateformat.format(local, "j F")}
        days = (local.date() - today).days
        if days == 0:
            return (_("at %(time)s") if closing else _("today at %(time)s")) % values
        if days == 1:
            return _("tomorrow at %(time)s") % values
        if exceptional:
            return _("on %(date)s") % values
        if days < 7:
            values["weekday"] = WEEKDAYS_IN_SENTENCE[local.weekday()]
            return _("%(weekday)s at %(time)s") % values
        return _("on %(date)s at %(time)s") % values

    def week(self, now):
        """The seven days of the current week (Monday first), exceptions applied, today flagged."""
        today = now.astimezone(PARIS).date()
        monday = today - datetime.timedelta(days=today.weekday())
        rows = []
        for offset in range(7):
            day = monday + datetime.timedelta(days=offset)
            exception = self.exception_on(day)
            note = ""
            if exception is not None:
                note = exception.label or (
                    _("exceptional closure") if exception.closed else _("special hours")
                )
            rows.append(
                DayRow(
                    day=day,
                    name=str(Weekday(day.weekday()).label),
                    ranges=[time_range.label() for time_range in self.ranges_on(day)],
                    is_today=day == today,
                    note=note,
                )
            )
        return rows

    def upcoming_exceptions(self, now):
        today = now.astimezone(PARIS).date()
        return sorted((e for e in self.exceptions if e.end >= today), key=lambda e: e.start)

    # Machine-readable forms

    def osm(self):
        """The usual week in OpenStreetMap `opening_hours` syntax."""
        rules = {}
        for weekday in range(7):
            ranges = self.weekly.get(weekday)
            if ranges:
                rules.setdefault(",".join(r.osm() for r in ranges), []).append(weekday)
        parts = []
        for hours, days in sorted(rules.items(), key=lambda item: item[1][0]):
            parts.append(f"{_day_runs(days)} {hours}")
        return "; ".join(parts)

    def schema_org(self):
        """openingHoursSpecification entries of the usual week (one per range, days grouped)."""
        grouped = {}
        for weekday in range(7):
            for time_range in self.weekly.get(weekday, []):
                grouped.setdefault((time_range.opens, time_range.closes), []).append(weekday)
        return [
            {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": [f"https://schema.org/{SCHEMA_DAYS[day]}" for day in days],
                "opens": f"{opens:%H:%M}",
                "closes": f"{closes:%H:%M}",
            }
            for (opens, closes), days in sorted(grouped.items(), key=lambda item: (item[1][0], item[0]))
        ]

    def schema_org_special(self, now):
        """specialOpeningHoursSpecification entries: closures as 00:00-00:00, as schema.org advises."""
        entries = []
        for exception in self.upcoming_exceptions(now):
            ranges = exception.ranges or (TimeRange(datetime.time(0), datetime.time(0)),)
            for time_range in ranges:
                entry = {
                    "@type": "OpeningHoursSpecification",
                    "validFrom": exception.start.isoformat(),
                    "validThrough": exception.end.isoformat(),
                    "opens": f"{time_range.opens:%H:%M}",
                    "closes": f"{time_range.closes:%H:%M}",
                }
                if exception.label:
                    entry["name"] = exception.label
                entries.append(entry)
        return entries


def _day_runs(days):
    """[0, 1, 2, 4] -> "Mo-We,Fr"."""
    runs = []
    for day in days:
        if runs and runs[-1][1] == day - 1:
            runs[-1][1] = day
        else:
            runs.append([day, day])
    return ",".join(
        OSM_DAYS[first] if first == last else f"{OSM_DAYS[first]}-{OSM_DAYS[last]}" for first, last in runs
    )

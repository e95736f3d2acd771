"""Property-based tests: opening hours answer consistently at any instant, CSV rows never crash the import."""

import csv
import datetime
import io
from types import SimpleNamespace

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from shops.csv_import import COLUMN_NAMES, RowError, parse_hours, read_import
from shops.hours import PARIS, ShopHours
from tests.factories.shops_staff import shop_category, shop_index

DAY_NAMES = ["lun", "mar", "mer", "jeu", "ven", "sam", "dim"]


@st.composite
def day_ranges(draw):
    """Up to three non-overlapping (opens, closes) ranges of one day, in minutes, in order."""
    points = draw(st.lists(st.integers(0, 23 * 60 + 59), min_size=0, max_size=6, unique=True))
    points.sort()
    if len(points) % 2:
        points.pop()
    return [
        (datetime.time(*divmod(a, 60)), datetime.time(*divmod(b, 60)))
        for a, b in zip(points[::2], points[1::2], strict=True)
    ]


weeks = st.fixed_dictionaries({day: day_ranges() for day in range(7)})
instants = st.datetimes(
    min_value=datetime.datetime(2024, 1, 1),
    max_value=datetime.datetime(2030, 12, 31),
    timezones=st.just(PARIS),
    allow_imaginary=False,
)


@st.composite
def exception_rows(draw):
    start = draw(st.dates(datetime.date(2024, 1, 1), datetime.date(2030, 12, 31)))
    closed = draw(st.booleans())
    opens = draw(st.times()).replace(second=0, microsecond=0)
    closes = draw(st.times()).replace(second=0, microsecond=0)
    return SimpleNamespace(
        kind="closed" if closed else "open",
        start_date=start,
        end_date=start + datetime.timedelta(days=draw(st.integers(0, 20))),
        opens=None if closed else opens,
        closes=None if closed else closes,
        # What the editor accepts: “closes after midnight” ticked exactly when it closes before it opens.
        overnight=not closed and closes < opens,
        label=draw(st.text(max_size=30)),
    )


def hours_of(week, exceptions=(), overnight=False):
    rows = [
        SimpleNamespace(weekday=day, opens=opens, closes=closes, overnight=overnight and closes < opens)
        for day, ranges in week.items()
        for opens, closes in ranges
    ]
    return ShopHours.from_rows(rows, exceptions)


def same_offset_all_day(day):
    """False on the two days a year when the clocks change in Paris."""
    start = datetime.datetime.combine(day, datetime.time(0), tzinfo=PARIS)
    end = datetime.datetime.combine(day, datetime.time(23, 59), tzinfo=PARIS)
    return start.utcoffset() == end.utcoffset()


@given(week=weeks, now=instants)
def test_a_shop_is_open_exactly_within_the_ranges_of_the_day(week, now):
    assume(same_offset_all_day(now.date()))
    local = now.time().replace(tzinfo=None)
    expected = any(
        opens <= local and (local < closes or closes == datetime.time(23, 59))
        for opens, closes in week[now.weekday()]
    )

    assert hours_of(week).is_open(now) is expected


@given(week=weeks, exceptions=st.lists(exception_rows(), max_size=4), now=instants, overnight=st.booleans())
def test_the_status_sentence_agrees_with_open_now_whatever_happens(week, exceptions, now, overnight):
    hours = hours_of(week, exceptions, overnight)

    status = hours.status(now)

    assert status.is_open is hours.is_open(now)
    assert status.message.strip()


@given(week=weeks, exceptions=st.lists(exception_rows(), max_size=4), now=instants)
def test_the_week_table_has_seven_days_from_monday_and_flags_today_only(week, exceptions, now):
    rows = hours_of(week, exceptions).week(now)

    assert [row.day.weekday() for row in rows] == list(range(7))
    assert [row.day for row in rows if row.is_today] == [now.date()]


def hours_text(week):
    groups = []
    for day, ranges in week.items():
        times = " ".join(f"{opens:%H:%M}-{closes:%H:%M}" for opens, closes in ranges)
        groups.append(f"{DAY_NAMES[day]} {times or 'fermé'}")
    return "; ".join(groups)


@given(week=weeks)
def test_hours_written_as_in_the_import_file_read_back_exactly(week):
    assume(all(opens < closes for ranges in week.values() for opens, closes in ranges))

    parsed = parse_hours(hours_text(week))

    assert parsed == [
        (day, opens, closes) for day, ranges in sorted(week.items()) for opens, closes in ranges
    ]


@given(cell=st.text(max_size=200))
def test_any_hours_cell_is_read_or_refused_with_a_message(cell):
    try:
        parse_hours(cell)
    except ValueError as error:
        assert str(error).strip()


@pytest.fixture
def directory(towns):
    shop_category("Alimentation")
    return shop_index(towns["bethune"])


cells = st.one_of(
    st.text(max_size=60),
    st.text(min_size=200, max_size=400),
    st.sampled_from(
        ["Alimentation", "62400", "50,53", "lun-ven 9h-12h", "click-collect", "", "\x00", "=1+1"]
    ),
)


def csv_bytes(header, rows, delimiter, encoding):
    output = io.StringIO()
    writer = csv.writer(output, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    return output.getvalue().encode(encoding, errors="replace")


@given(
    rows=st.lists(st.lists(cells, min_size=0, max_size=len(COLUMN_NAMES) + 2), min_size=1, max_size=5),
    delimiter=st.sampled_from([";", ",", "\t"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]),
)
def test_any_rows_under_the_right_header_are_checked_without_crashing(directory, rows, delimiter, encoding):
    report = read_import(csv_bytes(COLUMN_NAMES, rows, delimiter, encoding), directory)

    for error in report.errors:
        assert isinstance(error, RowError) and error.line >= 2 and str(error.message).strip()
    assert all(message.strip() for message in map(str, report.file_errors))
    assert report.ok == (not report.errors and not report.file_errors and bool(report.plans))


@given(data=st.binary(max_size=2000))
def test_any_bytes_as_a_file_get_an_answer_not_a_crash(directory, data):
    report = read_import(data, directory)

    assert report.file_errors or report.errors or report.plans

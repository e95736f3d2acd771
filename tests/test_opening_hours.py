"""Opening-hours logic: open now, next opening, exceptions, overnight ranges, DST days."""

import datetime
from types import SimpleNamespace as Row

import pytest
from django.utils import translation

from shops.hours import PARIS, UTC, ShopHours

T = datetime.time


@pytest.fixture(autouse=True)
def french():
    with translation.override("fr"):
        yield


def weekly(*rows):
    return [
        Row(weekday=day, opens=opens, closes=closes, overnight=overnight)
        for day, opens, closes, overnight in rows
    ]


def exception(start, end=None, kind="closed", opens=None, closes=None, label="", overnight=False):
    return Row(
        start_date=start,
        end_date=end,
        kind=kind,
        opens=opens,
        closes=closes,
        label=label,
        overnight=overnight,
    )


def paris(*args):
    return datetime.datetime(*args, tzinfo=PARIS)


# A bakery: Tuesday to Saturday 7:00-13:00 and 15:00-19:30, Sunday morning, closed Monday.
BAKERY = weekly(
    *[(day, T(7), T(13), False) for day in range(1, 6)],
    *[(day, T(15), T(19, 30), False) for day in range(1, 6)],
    (6, T(7), T(12, 30), False),
)


def test_open_in_a_range_and_the_sentence_says_when_it_closes():
    hours = ShopHours.from_rows(BAKERY)
    status = hours.status(paris(2026, 11, 24, 10, 0))  # a Tuesday
    assert status.is_open
    assert status.message == "Ouvert maintenant — ferme à 13h"


def test_lunch_break_between_two_ranges_of_a_day():
    hours = ShopHours.from_rows(BAKERY)
    status = hours.status(paris(2026, 11, 24, 13, 30))
    assert not status.is_open
    assert status.message == "Fermé — ouvre aujourd’hui à 15h".replace("’", "'")


def test_closing_minute_itself_is_closed_and_next_opening_is_tomorrow():
    hours = ShopHours.from_rows(BAKERY)
    assert hours.status(paris(2026, 11, 24, 19, 29)).is_open
    status = hours.status(paris(2026, 11, 24, 19, 30))
    assert not status.is_open
    assert status.message == "Fermé — ouvre demain à 7h"


def test_next_opening_after_a_closed_day_names_the_weekday():
    hours = ShopHours.from_rows(BAKERY)
    status = hours.status(paris(2026, 11, 29, 14, 0))  # Sunday afternoon, closed Monday
    assert status.message == "Fermé — ouvre mardi à 7h"


def test_next_opening_a_week_away_gives_the_date():
    hours = ShopHours.from_rows(weekly((0, T(9, 30), T(12), False)))
    status = hours.status(paris(2026, 11, 23, 12, 0))  # Monday at closing time
    assert status.message == "Fermé — ouvre le 30 novembre à 9h30"


def test_overnight_range_is_open_after_midnight_and_closes_the_next_day():
    bar = ShopHours.from_rows(weekly((4, T(18), T(2), True)))  # Friday 18:00 to Saturday 2:00
    assert bar.status(paris(2026, 11, 27, 23, 0)).message == "Ouvert maintenant — ferme demain à 2h"
    saturday_night = bar.status(paris(2026, 11, 28, 1, 15))
    assert saturday_night.is_open
    assert saturday_night.message == "Ouvert maintenant — ferme à 2h"
    assert not bar.is_open(paris(2026, 11, 28, 2, 0))


def test_exceptional_closure_wins_and_says_when_the_shop_reopens():
    hours = ShopHours.from_rows(
        BAKERY, [exception(datetime.date(2026, 12, 28), datetime.date(2027, 1, 2), label="inventaire")]
    )
    status = hours.status(paris(2026, 12, 29, 10, 0))
    assert not status.is_open
    assert status.exceptional
    assert status.message == "Fermé exceptionnellement (inventaire) — réouvre le 3 janvier"


def test_exceptional_closure_ending_today_reopens_tomorrow():
    hours = ShopHours.from_rows(BAKERY, [exception(datetime.date(2026, 11, 24))])
    assert (
        hours.status(paris(2026, 11, 24, 10, 0)).message == "Fermé exceptionnellement — réouvre demain à 7h"
    )


def test_exceptional_opening_on_a_usually_closed_day():
    hours = ShopHours.from_rows(
        BAKERY, [exception(datetime.date(2026, 12, 21), kind="open", opens=T(10), closes=T(18), label="Noël")]
    )
    status = hours.status(paris(2026, 12, 21, 11, 0))  # a Monday
    assert status.is_open
    assert status.message == "Ouvert maintenant — ferme à 18h"
    week = hours.week(paris(2026, 12, 21, 11, 0))
    assert week[0].ranges == ["10h–18h"]
    assert week[0].note == "Noël"
    assert week[0].is_today


def test_a_special_opening_after_midnight_stays_open_into_the_next_morning():
    music_day = exception(
        datetime.date(2027, 6, 21),
        kind="open",
        opens=T(18),
        closes=T(1),
        label="fête de la musique",
        overnight=True,
    )
    hours = ShopHours.from_rows(BAKERY, [music_day])

    assert hours.status(paris(2027, 6, 21, 23, 30)).message == "Ouvert maintenant — ferme demain à 1h"
    assert hours.status(paris(2027, 6, 22, 0, 30)).is_open
    assert not hours.status(paris(2027, 6, 22, 1, 0)).is_open
    assert hours.week(paris(2027, 6, 21, 12, 0))[0].ranges == ["18h–1h"]


def test_shop_open_around_the_clock():
    hours = ShopHours.from_rows(weekly(*[(day, T(0), T(23, 59), False) for day in range(7)]))
    status = hours.status(paris(2026, 11, 24, 23, 59, 30))
    assert status.is_open
    assert status.message == "Ouvert 24 h/24"


def test_a_closure_of_several_weeks_names_the_day_the_shop_reopens():
    hours = ShopHours.from_rows(
        BAKERY, [exception(datetime.date(2027, 1, 4), datetime.date(2027, 2, 14), label="travaux")]
    )
    status = hours.status(paris(2027, 1, 5, 10, 0))
    assert not status.is_open
    assert status.message == "Fermé exceptionnellement (travaux) — réouvre le 16 février"


def test_ranges_that_follow_each_other_over_days_close_at_the_last_one():
    # A market stall open non-stop from Friday 6:00 to Sunday 14:00, written day by day.
    hours = ShopHours.from_rows(
        weekly((4, T(6), T(23, 59), False), (5, T(0), T(23, 59), False), (6, T(0), T(14), False))
    )
    status = hours.status(paris(2026, 11, 27, 9, 0))  # a Friday
    assert status.message == "Ouvert maintenant — ferme dimanche à 14h"


def test_no_hours_at_all_says_closed():
    assert ShopHours.from_rows([]).status(paris(2026, 11, 24, 10, 0)).message == "Fermé"


def test_spring_forward_day_uses_summer_time():
    # Sunday 29 March 2026: clocks go from 2:00 to 3:00. Opens 9:00 local = 7:00 UTC.
    hours = ShopHours.from_rows(weekly((6, T(9), T(12), False)))
    assert not hours.is_open(datetime.datetime(2026, 3, 29, 6, 59, tzinfo=UTC))
    assert hours.is_open(datetime.datetime(2026, 3, 29, 7, 0, tzinfo=UTC))
    assert hours.status(datetime.datetime(2026, 3, 29, 9, 30, tzinfo=UTC)).message == (
        "Ouvert maintenant — ferme à 12h"
    )


def test_overnight_range_across_the_spring_forward_night():
    # Saturday 28 March 22:00 to Sunday 4:00: the night is one hour shorter.
    bar = ShopHours.from_rows(weekly((5, T(22), T(4), True)))
    assert bar.is_open(datetime.datetime(2026, 3, 29, 1, 30, tzinfo=UTC))  # 3:30 summer time
    assert not bar.is_open(datetime.datetime(2026, 3, 29, 2, 0, tzinfo=UTC))  # 4:00 summer time
    assert (
        bar.status(datetime.datetime(2026, 3, 29, 0, 30, tzinfo=UTC)).message
        == "Ouvert maintenant — ferme à 4h"
    )


def test_fall_back_day_uses_winter_time():
    # Sunday 25 October 2026: clocks go from 3:00 back to 2:00. Opens 9:00 local = 8:00 UTC.
    hours = ShopHours.from_rows(weekly((6, T(9), T(12), False)))
    assert not hours.is_open(datetime.datetime(2026, 10, 25, 7, 30, tzinfo=UTC))
    assert hours.is_open(datetime.datetime(2026, 10, 25, 8, 0, tzinfo=UTC))
    assert not hours.is_open(datetime.datetime(2026, 10, 25, 11, 0, tzinfo=UTC))  # 12:00 local


def test_overnight_range_across_the_fall_back_night():
    bar = ShopHours.from_rows(weekly((5, T(22), T(4), True)))  # Saturday 24 October 22:00 to 4:00
    assert bar.is_open(datetime.datetime(2026, 10, 25, 2, 30, tzinfo=UTC))  # 3:30 winter time
    assert not bar.is_open(datetime.datetime(2026, 10, 25, 3, 0, tzinfo=UTC))  # 4:00 winter time


def test_week_table_starts_monday_and_flags_today():
    week = ShopHours.from_rows(BAKERY).week(paris(2026, 11, 26, 8, 0))  # a Thursday
    assert [row.name for row in week] == [
        "Lundi",
        "Mardi",
        "Mercredi",
        "Jeudi",
        "Vendredi",
        "Samedi",
        "Dimanche",
    ]
    assert week[0].is_closed
    assert week[1].ranges == ["7h–13h", "15h–19h30"]
    assert [row.is_today for row in week].index(True) == 3


def test_openstreetmap_string_groups_days_with_the_same_hours():
    hours = ShopHours.from_rows(
        weekly(
            *[(day, T(9), T(12), False) for day in range(5)],
            *[(day, T(14), T(19), False) for day in range(5)],
            (5, T(9), T(19), False),
            (3, T(20), T(1), True),
        )
    )
    assert hours.osm() == (
        "Mo-We,Fr 09:00-12:00,14:00-19:00; Th 09:00-12:00,14:00-19:00,20:00-01:00; Sa 09:00-19:00"
    )
    assert ShopHours.from_rows(BAKERY).osm() == "Tu-Sa 07:00-13:00,15:00-19:30; Su 07:00-12:30"

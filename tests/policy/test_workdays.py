"""Working days by the official calendar, across real holidays (National Day week, Spring
Festival with its make-up working days), the staff's table, and past the known years."""

from __future__ import annotations

from datetime import date

import pytest

from policy.deadlines import load_deadlines
from policy.workdays import LIBRARY_LAST_YEAR, Calendar

D = date.fromisoformat

CASES = [
    # start, n, due — DATE itself never counts
    ("2026-09-30", 1, "2026-10-08"),  # National Day 10-01..07 off
    ("2026-09-18", 1, "2026-09-20"),  # Saturday 19th off, Sunday 20th a make-up working day
    ("2026-09-19", 1, "2026-09-20"),  # from a day off: the next working day
    ("2026-10-01", 1, "2026-10-08"),  # from inside the holiday
    ("2026-10-08", 2, "2026-10-10"),  # Saturday 10th: made up
    ("2026-09-29", 3, "2026-10-09"),  # 30th, 8th, 9th
    ("2026-02-13", 1, "2026-02-14"),  # Spring Festival: Saturday 14th made up
    ("2026-02-14", 1, "2026-02-24"),  # 15th–23rd off
    ("2026-02-24", 4, "2026-02-28"),  # 25, 26, 27, and Saturday 28th made up
    ("2026-02-27", 1, "2026-02-28"),
    ("2026-02-28", 1, "2026-03-02"),  # Sunday 1st off
    ("2026-12-30", 1, "2026-12-31"),
    ("2026-04-30", 1, "2026-05-06"),  # Labour Day 05-01..05
    ("2026-05-08", 1, "2026-05-09"),  # Saturday 9th made up
]


@pytest.mark.parametrize(("start", "n", "due"), CASES)
def test_working_days_across_the_holidays(start, n, due):
    result = Calendar().add_working_days(D(start), n)
    assert result.on == D(due) and not result.provisional


def test_past_the_known_calendar_weekends_only_and_provisional():
    assert LIBRARY_LAST_YEAR == 2026
    result = Calendar().add_working_days(D("2026-12-31"), 1)
    assert (result.on, result.provisional) == (D("2027-01-01"), True)  # 元旦 not known yet
    assert Calendar().add_working_days(D("2027-01-08"), 1).on == D("2027-01-11")


def test_the_days_staff_enter_count_and_make_the_year_known():
    staff = Calendar({D("2027-01-01"): False, D("2027-02-06"): True})
    assert staff.add_working_days(D("2026-12-31"), 1) == staff.add_working_days(D("2027-01-01"), 1)
    result = staff.add_working_days(D("2026-12-31"), 1)
    assert (result.on, result.provisional) == (D("2027-01-04"), False)
    assert staff.is_working_day(D("2027-02-06"))  # a Saturday made up
    assert staff.last_known_year == 2027


@pytest.mark.parametrize("n", [0, -1, 3661, 1.5, True, "2"])
def test_a_bad_number_is_refused(n):
    with pytest.raises(ValueError):
        Calendar().add_working_days(D("2026-01-05"), n)


def test_the_deadlines_are_dated_settings_with_sources_unconfirmed_for_the_county():
    deadlines = load_deadlines()
    assert {name: d.on(D("2026-01-01")).days for name, d in deadlines.items()} == {
        "investigation_start": 3, "publicity": 7, "county_approval": 10,
        "whole_procedure": 30, "whole_procedure_special": 45,
    }  # fmt: skip
    assert deadlines["publicity"].unit == "calendar_days"
    for deadline in deadlines.values():
        assert all(v.source and not v.confirmed for v in deadline.values)
    calendar = Calendar()
    assert deadlines["publicity"].due(D("2026-09-28"), calendar).on == D("2026-10-05")  # 7 days
    assert deadlines["investigation_start"].due(D("2026-09-28"), calendar).on == D("2026-10-08")

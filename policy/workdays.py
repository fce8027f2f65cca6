"""The official working-day calendar (工作日): weekends, the State Council's public holidays
and their make-up working days (调休上班), as the `chinese-calendar` library knows them from
the State Council's yearly notices (国务院办公厅关于部分节假日安排的通知), plus the days county
staff add when the next year's notice comes out (``extra``).

Past the last year anyone knows, only weekends are days off, and every date computed across
such a day is **provisional** (``Due.provisional``): staff see it flagged until the year's
notice is entered.

    calendar = Calendar()
    calendar.add_working_days(date(2026, 9, 30), 1)  # Due(on=date(2026, 10, 8), provisional=False)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from types import MappingProxyType

import chinese_calendar
from chinese_calendar import constants

#: The years the library's holiday data covers (its first and last State Council notice).
LIBRARY_FIRST_YEAR = min(constants.holidays).year
LIBRARY_LAST_YEAR = max(constants.holidays).year
#: A deadline further than this is refused (no rule counts years of working days).
MAX_DAYS = 3660


@dataclass(frozen=True, slots=True)
class Due:
    """A computed date; ``provisional`` when a day it crossed is past the known calendar."""

    on: date
    provisional: bool = False


@dataclass(frozen=True)
class Calendar:
    """Working days by the official calendar; ``extra`` are the staff's days (True: a
    working day, e.g. a make-up Saturday; False: a day off), which win over the library.
    A year with at least one staff day counts as known (its notice was entered)."""

    extra: Mapping[date, bool] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "extra", MappingProxyType(dict(self.extra)))
        object.__setattr__(self, "_staff_years", frozenset(day.year for day in self.extra))

    @property
    def last_known_year(self) -> int:
        return max([LIBRARY_LAST_YEAR, *self._staff_years])

    def known(self, day: date) -> bool:
        """The day's year is covered by a State Council notice (library or staff)."""
        in_library = LIBRARY_FIRST_YEAR <= day.year <= LIBRARY_LAST_YEAR
        return in_library or day.year in self._staff_years

    def is_working_day(self, day: date) -> bool:
        if day in self.extra:
            return self.extra[day]
        if LIBRARY_FIRST_YEAR <= day.year <= LIBRARY_LAST_YEAR:
            return chinese_calendar.is_workday(day)
        return day.weekday() < 5

    def holiday_name(self, day: date) -> str | None:
        """The library's name of the holiday a day belongs to (off or made up), if any."""
        if not LIBRARY_FIRST_YEAR <= day.year <= LIBRARY_LAST_YEAR:
            return None
        return chinese_calendar.get_holiday_detail(day)[1]

    def add_working_days(self, day: date, count: int) -> Due:
        """The ``count``-th working day after ``day`` (``day`` itself never counts, whether
        or not it is a working day); ``count`` ≥ 1."""
        _check(count)
        if day > date.max - timedelta(days=2 * count + 7):
            raise ValueError("the date is too late to count from")
        provisional, current, left = False, day, count
        while left:
            current += timedelta(days=1)
            provisional = provisional or not self.known(current)
            if self.is_working_day(current):
                left -= 1
        return Due(current, provisional)

    def add_calendar_days(self, day: date, count: int) -> Due:
        """``day`` plus ``count`` calendar days (公示7天); never provisional."""
        if count < 0 or count > MAX_DAYS:
            raise ValueError(f"days must be between 0 and {MAX_DAYS}")
        if day > date.max - timedelta(days=count):
            raise ValueError("the date is too late to count from")
        return Due(day + timedelta(days=count), False)

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after ``start`` up to and including ``end`` (0 when end ≤ start)."""
        days, current = 0, start
        while current < end:
            current += timedelta(days=1)
            days += self.is_working_day(current)
        return days


def _check(count: int) -> None:
    if isinstance(count, bool) or not isinstance(count, int):
        raise ValueError("the number of working days must be a whole number")
    if not 1 <= count <= MAX_DAYS:
        raise ValueError(f"the number of working days must be between 1 and {MAX_DAYS}")

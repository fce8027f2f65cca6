"""Deadlines of the procedure (办理时限) as dated settings with their source
(``deadlines.yaml``), and the due date of a step by the official calendar (``workdays``).

    rule = load_deadlines()["investigation_start"]
    rule.due(received_on, Calendar())  # the 3rd working day after 受理
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml

from policy.workdays import Calendar, Due

HERE = Path(__file__).parent
UNITS = ("working_days", "calendar_days")


@dataclass(frozen=True, slots=True)
class DeadlineValue:
    effective_from: date
    days: int
    source: str
    confirmed: bool


@dataclass(frozen=True, slots=True)
class Deadline:
    """One deadline: how many days (counted as ``unit``) from the day its step starts."""

    name: str
    label: str
    unit: str
    values: tuple[DeadlineValue, ...]

    def on(self, day: date) -> DeadlineValue:
        """The value in force on ``day`` (the first one before its date)."""
        dates = [value.effective_from for value in self.values]
        index = bisect.bisect_right(dates, day)
        return self.values[max(index - 1, 0)]

    def due(self, start: date, calendar: Calendar) -> Due:
        days = self.on(start).days
        if self.unit == "working_days":
            return calendar.add_working_days(start, days)
        return calendar.add_calendar_days(start, days)


def read_deadlines(path: Path) -> dict[str, Deadline]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    deadlines = {}
    for name, entry in data.items():
        if entry["unit"] not in UNITS:
            raise ValueError(f"{name}: unit must be one of {', '.join(UNITS)}")
        values = []
        for day, value in (entry.get("values") or {}).items():
            if type(day) is not date:
                raise ValueError(f"{name}: {day!r} is not a date (YYYY-MM-DD)")
            days = value["value"]
            if isinstance(days, bool) or not isinstance(days, int) or days < 1:
                raise ValueError(f"{name}: value must be a whole number of days ≥ 1")
            values.append(DeadlineValue(day, days, str(value["source"]), bool(value["confirmed"])))
        if not values:
            raise ValueError(f"{name}: no values")
        values.sort(key=lambda value: value.effective_from)
        deadlines[name] = Deadline(name, str(entry["label"]), entry["unit"], tuple(values))
    return deadlines


@lru_cache
def load_deadlines() -> dict[str, Deadline]:
    return read_deadlines(HERE / "deadlines.yaml")

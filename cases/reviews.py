"""动态管理: approved 低保 households are reviewed on a cycle set by their class (分类施保,
三(三)2) — A every 12 months, B every 6, C every 3. The list of reviews falling due is
``cases.reports.due``."""

from __future__ import annotations

import calendar
from datetime import date

from policy.parameters import ParameterSet

#: The review cycles the county's text fixes (months), used when the rule set has no class.
REVIEW_MONTHS = {"A": 12, "B": 6, "C": 3}
CLASSES = tuple(REVIEW_MONTHS)


def review_months(klass: str, parameters: ParameterSet | None = None) -> int:
    """How often a household of class ``klass`` is reviewed, from the 分类施保 rule."""
    if klass not in REVIEW_MONTHS:
        raise ValueError(f"class must be one of {', '.join(CLASSES)}")
    for rule in parameters.dibao_classes if parameters else ():
        if rule.klass == klass:
            return rule.review_every_months
    return REVIEW_MONTHS[klass]


def add_months(day: date, months: int) -> date:
    """``day`` plus ``months`` calendar months, clamped to the month's end (31 Aug + 6 → 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def next_review_date(day: date, klass: str, parameters: ParameterSet | None = None) -> date:
    return add_months(day, review_months(klass, parameters))

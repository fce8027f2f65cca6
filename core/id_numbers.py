"""Resident identity numbers (居民身份证号码, GB 11643-1999): 6-digit region, 8-digit birth
date, 3-digit sequence, and a check character computed with ISO 7064 MOD 11-2. The one
check of a number's form, for the readers of residents' words and for the rosters alike."""

from __future__ import annotations

import re
from datetime import date
from operator import mul

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"
_FORM = re.compile(r"\d{17}[\dX]")


def check_character(first17: str) -> str:
    if len(first17) != 17:
        raise ValueError("the check character is computed from 17 digits")
    return _CHECK[sum(map(mul, map(int, first17), _WEIGHTS)) % 11]


def birth_date(number: str) -> date | None:
    try:
        return date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return None


def check(number: str) -> str | None:
    """None when `number` is a valid identity number, else what is wrong:
    "length", "birth_date" or "check_digit"."""
    number = number.upper()
    if not _FORM.fullmatch(number):
        return "length"
    if birth_date(number) is None:
        return "birth_date"
    if check_character(number[:17]) != number[17]:
        return "check_digit"
    return None


def age_on(number: str, day: date) -> int | None:
    """Age in whole years on `day` by the birth date in the number; None when unreadable."""
    born = birth_date(number)
    if born is None:
        return None
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))

"""Resident identity numbers (居民身份证号码, GB 11643-1999): 6-digit region, 8-digit birth
date, 3-digit sequence, and a check character computed with ISO 7064 MOD 11-2."""

from __future__ import annotations

import re
from datetime import date

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"
CANDIDATE = re.compile(r"(?<!\d)(\d{17}[\dXx]|\d{15,16}|\d{19,20})(?!\d)")


def check_character(first17: str) -> str:
    return _CHECK[sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True)) % 11]


def birth_date(number: str) -> date | None:
    try:
        return date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return None


def check(number: str) -> str | None:
    """None when `number` is a valid identity number, else what is wrong:
    "length", "birth_date" or "check_digit"."""
    number = number.upper()
    if not re.fullmatch(r"\d{17}[\dX]", number):
        return "length"
    if birth_date(number) is None:
        return "birth_date"
    if check_character(number[:17]) != number[17]:
        return "check_digit"
    return None


# Digits as said on the phone, radio style included: 幺 1, 两 2, 拐 7, 勾 9, 洞 0; 叉 X.
_SPOKEN_DIGITS = "零〇洞幺一两二三四五六拐七八勾九"
_SPOKEN_RUN = re.compile(rf"[{_SPOKEN_DIGITS}叉xX*＊\d\s，,、]{{15,}}")


def _digits(run: str) -> str:
    table = dict(zip(_SPOKEN_DIGITS, "0001122345677899", strict=True))
    cleaned = re.sub(r"[\s，,、]", "", run)
    return (
        "".join(table.get(c, c) for c in cleaned)
        .replace("叉", "X")
        .replace("*", "X")
        .replace("＊", "X")
    )


def normalise(text: str) -> str:
    """Digits as said on the phone ("五零零二三六…", "幺") or keyed in (* for X) as digits.
    Only a run of mostly spoken digits is converted: "李四 500236…" keeps its name."""
    text = re.sub(r"(?<!\d)(\d{17})[*＊]", r"\1X", text)
    return _SPOKEN_RUN.sub(
        lambda m: (
            _digits(m.group(0))
            if len(re.findall(rf"[{_SPOKEN_DIGITS}]", m.group(0))) >= 6
            else m.group(0)
        ),
        text,
    )


def find(text: str) -> tuple[str | None, str | None]:
    """(number, problem) for the identity number in `text`: (number, None) when valid,
    (candidate, problem) when something that looks like one is wrong, (None, None) if absent.
    Eleven-digit mobile numbers are not candidates."""
    match = CANDIDATE.search(normalise(text).replace(" ", ""))
    if not match:
        return None, None
    candidate = match.group(1).upper()
    return candidate, check(candidate)


def age_on(number: str, day: date) -> int | None:
    born = birth_date(number)
    if born is None:
        return None
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))

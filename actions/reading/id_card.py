"""Resident identity numbers (居民身份证号码, GB 11643-1999): 6-digit region, 8-digit birth
date, 3-digit sequence, and a check character computed with ISO 7064 MOD 11-2 (the check
itself is ``core.id_numbers``, shared with the rosters); here, finding one in what a
resident says or types."""

from __future__ import annotations

import re

from core.id_numbers import age_on, birth_date, check, check_character

__all__ = ["CANDIDATE", "age_on", "birth_date", "check", "check_character", "find", "normalise"]

CANDIDATE = re.compile(r"(?<!\d)(\d{17}[\dXx]|\d{15,16}|\d{19,20})(?!\d)")


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

"""Building households for tests: POLICY.md's example with only the differences spelled out."""

from __future__ import annotations

import copy
from typing import Any

MEMBER: dict[str, Any] = {
    "age": 45,
    "relation": "applicant",
    "disability_grade": None,
    "needs_long_term_care": False,
    "serious_illness": False,
    "bedridden": False,
    "in_school": False,
    "able_to_work": True,
}
HOUSEHOLD: dict[str, Any] = {
    "assessed_on": "2025-08-01",
    "members": [MEMBER],
    "income": {
        "wages": 0,
        "poverty_project_wages": 0,
        "agriculture": 0,
        "business": 0,
        "basic_pension": 0,
        "other_pension": 0,
        "transfers": 0,
        "other": 0,
    },
    "rigid_expenses": {"medical": 0, "disability_care": 0, "education": 0},
    "assets": {"deposits": 0, "vehicles": 0, "houses": 1, "commercial_property": False},
    "registered_poor": False,
    "receiving_dibao": False,
    "receiving_tekun": False,
    "returned_to_poverty": False,
    "three_guarantees_unmet": [],
    "hardship": None,
}


def member(**changes: Any) -> dict[str, Any]:
    """A member: the example's 45-year-old applicant with ``changes``."""
    return {**MEMBER, **changes}


def household(**changes: Any) -> dict[str, Any]:
    """A household: POLICY.md's example with ``changes``; dict values (income, assets …) are
    merged key by key and each member is merged with the default member."""
    result = copy.deepcopy(HOUSEHOLD)
    for key, value in changes.items():
        if key == "members":
            result["members"] = [member(**m) for m in value]
        elif isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = {**result[key], **value}
        else:
            result[key] = value
    return result

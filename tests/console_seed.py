"""Cases for the console's tests: a household of POLICY.md's shape, filed and assessed."""

from __future__ import annotations

import copy
from typing import Any

from sqlmodel import Session

from cases import store
from cases.identity import IdentityCipher
from policy import assess

MEMBER: dict[str, Any] = {
    "age": 45, "relation": "applicant", "disability_grade": None, "needs_long_term_care": False,
    "serious_illness": False, "bedridden": False, "in_school": False, "able_to_work": True,
}  # fmt: skip
HOUSEHOLD: dict[str, Any] = {
    "assessed_on": "2025-08-01",
    "members": [MEMBER],
    "income": {"wages": 0, "poverty_project_wages": 0, "agriculture": 0, "business": 0,
               "basic_pension": 0, "other_pension": 0, "transfers": 0, "other": 0},
    "rigid_expenses": {"medical": 0, "disability_care": 0, "education": 0},
    "assets": {"deposits": 0, "vehicles": 0, "houses": 1, "commercial_property": False},
    "registered_poor": False, "receiving_dibao": False, "receiving_tekun": False,
    "returned_to_poverty": False, "three_guarantees_unmet": [], "hardship": None,
}  # fmt: skip


def household(members: int = 3, agriculture: int = 6000, **changes: Any) -> dict[str, Any]:
    """A poor household: ``members`` people, the applicant 45 and able to work, the others
    70-year-old parents, with ``agriculture`` yuan a year."""
    result = copy.deepcopy(HOUSEHOLD)
    result["members"] = [dict(MEMBER)] + [
        {**MEMBER, "age": 70, "relation": "parent", "able_to_work": False}
        for _ in range(members - 1)
    ]
    result["income"]["agriculture"] = agriculture
    result.update(changes)
    return result


def file_assessed(
    session: Session,
    cipher: IdentityCipher,
    *,
    name: str = "张小明",
    township: str = "吐祥镇",
    phone: str | None = "+8613800000001",
    id_number: str | None = "500236199001011234",
    village: str | None = "龙门村",
    **household_changes: Any,
):
    data = household(**household_changes)
    case = store.file_case(
        session,
        cipher=cipher,
        name=name,
        township=township,
        phone=phone,
        facts={"household_size": len(data["members"]), "annual_income": 6000},
        household=data,
        assessment=assess(data).model_dump(mode="json"),
        id_number=id_number,
        village=village,
        conversation_id=phone,
    )
    session.flush()
    return case

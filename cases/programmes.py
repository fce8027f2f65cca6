"""The programmes a case may get (救助项目), indexed from its latest assessment so the queue,
the dashboard and the 公示 lists can filter and count without reading assessment JSON."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete
from sqlmodel import Session

from cases.models import CaseProgramme
from policy.assessment import PROGRAMMES
from policy.explain import PROGRAMME_NAMES, STATUS_WORDS

#: Programme field names in POLICY.md's order, with their Chinese names.
NAMES: dict[str, str] = {name: PROGRAMME_NAMES[name] for name in PROGRAMMES}
#: The statuses that put a case on a programme's lists.
COUNTED = ("eligible", "needs_review")

__all__ = ["COUNTED", "NAMES", "STATUS_WORDS", "index_assessment", "suggested_class"]


def index_assessment(session: Session, *, case_id: int, assessment: dict[str, Any] | None) -> None:
    """Replace the case's programme rows with those of ``assessment`` (JSON form)."""
    session.exec(delete(CaseProgramme).where(CaseProgramme.case_id == case_id))
    for name in NAMES:
        result = (assessment or {}).get(name)
        if isinstance(result, dict) and result.get("status") in COUNTED:
            session.add(
                CaseProgramme(
                    case_id=case_id,
                    programme=name,
                    status=result["status"],
                    monthly_amount=result.get("monthly_amount"),
                )
            )
    session.flush()


def suggested_class(assessment: dict[str, Any] | None) -> str | None:
    """The 低保 class (A/B/C) the assessment proposes, if any."""
    dibao = (assessment or {}).get("dibao") or {}
    klass = dibao.get("class")
    return klass if klass in ("A", "B", "C") else None

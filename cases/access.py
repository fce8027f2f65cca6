"""Who may see which case: county admins every case, township staff their township's only
(another township's case is "not found"), the helpline a case's status by reference only."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel
from sqlmodel import Session, select

from cases.models import Case, CaseStatus
from accounts.models import Role, User
from cases.procedure import LABELS


class CaseStatusPublic(BaseModel):
    """What the helpline may tell a caller: no personal data."""

    reference: str
    status: CaseStatus
    status_label: str
    township: str
    created_at: datetime
    updated_at: datetime


def can_read_cases(user: User) -> bool:
    return user.role in (Role.county_admin, Role.township_staff)


def visible_case(session: Session, user: User, case_id: int) -> Case | None:
    """The case if ``user`` may open it, else None (the caller answers 404)."""
    if not can_read_cases(user) or not 0 < case_id < 2**63:
        return None
    case = session.get(Case, case_id)
    if case is None or (user.role == Role.township_staff and case.township != user.township):
        return None
    return case


def status_by_reference(session: Session, user: User, reference: str) -> CaseStatusPublic | None:
    reference = reference.strip().upper()
    if not reference or len(reference) > 16:
        return None
    case = session.exec(select(Case).where(Case.reference == reference)).first()
    if case is None or (user.role == Role.township_staff and case.township != user.township):
        return None
    return CaseStatusPublic(
        reference=case.reference,
        status=case.status,
        status_label=LABELS[case.status],
        township=case.township,
        created_at=case.created_at,
        updated_at=case.updated_at,
    )

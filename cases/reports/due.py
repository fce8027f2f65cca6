"""Reviews falling due (到期复查): approved 低保 households whose next review date (set by
their class, ``cases.reviews``) is near or past."""

from __future__ import annotations

from datetime import date, timedelta

from sqlmodel import Session, col, select

from cases.models import Applicant, Case, CaseStatus
from cases.shapes import DueCase
from core.security import mask_name


def due_for_review(
    session: Session,
    *,
    township: str | None = None,
    on: date | None = None,
    within_days: int = 30,
    limit: int = 500,
) -> list[DueCase]:
    """Approved cases whose review date is on or before ``on + within_days``, soonest first."""
    on = on or date.today()
    horizon = on + timedelta(days=within_days)
    query = (
        select(Case, Applicant.name)
        .join(Applicant, Applicant.id == Case.applicant_id)
        .where(Case.status == CaseStatus.approved, col(Case.next_review_on) <= horizon)
    )
    if township:
        query = query.where(Case.township == township)
    rows = session.exec(query.order_by(col(Case.next_review_on), col(Case.id)).limit(limit)).all()
    return [
        DueCase(
            id=case.id,
            reference=case.reference,
            township=case.township,
            village=case.village,
            applicant_name_masked=mask_name(name),
            dibao_class=case.dibao_class,
            next_review_on=case.next_review_on,
            overdue=case.next_review_on < on,
        )
        for case, name in rows
    ]

"""The review list (复查) and a review's detail for staff: names masked, township-scoped by
the caller (``cases.access``)."""

from __future__ import annotations

from sqlmodel import Session, col, select

from cases.dynamic.clock import today as local_today
from cases.dynamic.models import Review, ReviewStatus
from cases.dynamic.shapes import ReviewDetail, ReviewItem
from cases.models import Applicant, AssessmentRecord, Case
from core.security import mask_name

#: The list's order: what staff must act on first.
ORDER = {ReviewStatus.answered: 0, ReviewStatus.no_reply: 1, ReviewStatus.reminded: 2,
         ReviewStatus.asked: 3, ReviewStatus.planned: 4, ReviewStatus.decided: 5}  # fmt: skip


def _item(review: Review, case: Case, name: str | None) -> ReviewItem:
    return ReviewItem(
        id=review.id, case_id=case.id, reference=case.reference, township=case.township,
        village=case.village, applicant_name_masked=mask_name(name),
        dibao_class=case.dibao_class, due_on=review.due_on, status=review.status,
        started_by=review.started_by, asked_at=review.asked_at, answered_at=review.answered_at,
        no_reply_reason=review.no_reply_reason,
        overdue=review.status in ReviewStatus.OPEN and review.due_on < local_today(),
    )  # fmt: skip


def review_list(
    session: Session, *, township: str | None = None, status: str | None = None,
    include_decided: bool = False, limit: int = 500,
) -> list[ReviewItem]:  # fmt: skip
    """Reviews to act on first (answered, 未回复, …), then by review date."""
    query = (
        select(Review, Case, Applicant.name)
        .join(Case, col(Case.id) == Review.case_id)
        .join(Applicant, col(Applicant.id) == Case.applicant_id)
    )
    if township:
        query = query.where(Case.township == township)
    if status:
        query = query.where(Review.status == status)
    elif not include_decided:
        query = query.where(col(Review.status).in_(ReviewStatus.OPEN))
    rows = session.exec(query.order_by(col(Review.due_on), col(Review.id)).limit(limit)).all()
    items = [_item(review, case, name) for review, case, name in rows]
    items.sort(key=lambda item: ORDER.get(item.status, 9))
    return items


def review_detail(session: Session, review: Review) -> ReviewDetail:
    case = session.get(Case, review.case_id)
    applicant = session.get(Applicant, case.applicant_id)

    def assessment(record_id: int | None):
        record = session.get(AssessmentRecord, record_id) if record_id else None
        return record.assessment if record else None

    return ReviewDetail(
        review=_item(review, case, applicant.name if applicant else None),
        changes=review.changes, before=assessment(review.before_assessment_id),
        after=assessment(review.after_assessment_id), decision=review.decision,
        decision_note=review.decision_note,
    )  # fmt: skip


def reviews_of_case(session: Session, case_id: int) -> list[Review]:
    return list(
        session.exec(
            select(Review).where(Review.case_id == case_id).order_by(col(Review.id).desc())
        ).all()
    )

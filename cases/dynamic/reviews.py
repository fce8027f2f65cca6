"""复查 (三(三)2): reviews of approved 低保 households, from opening to the staff's decision.

    planned ──(the scheduler asks by SMS)──> asked ──(no answer: reminded once)──> reminded
       │                                      │                                    │
       │ no phone / 退订                       └──────── answered (re-assessed) <───┘
       ▼                                                     │             no answer
    no_reply (未回复: staff visit) <─────────────────────────┼──────────────────┘
                                                             ▼
                                    decided: continue · change (amount or class) · exit

A review opens ``review_notice_days`` before the case's review date (the scheduler), when
staff start one (``start_now``) or when the cross-check's 应退未退 calls
``procedure.request_review`` (the date falls due today, the scheduler opens it). The answer
re-assesses the household (a new revision, source "review"); staff see the assessment
before and after side by side and decide."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import or_
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col, select

from cases import procedure
from cases.audit import record_audit
from cases.dynamic import exits, jobs, notices
from cases.dynamic.clock import today as local_today
from cases.dynamic.models import Review, ReviewStatus
from cases.models import Applicant, AssessmentRecord, Case, CaseStatus
from cases.parameters import current_parameters
from cases.revisions import latest_household, revise_household
from core.database import utcnow
from core.quiet_hours import next_sending_time
from core.settings import Settings
from policy.glossary import REVIEW_DECISIONS

R = ReviewStatus
INVITE, REMINDER = "review_invite", "review_reminder"


class ReviewError(procedure.ProcedureError):
    """A review step that cannot be taken; ``field`` names the input at fault."""


def open_review_of(session: Session, case_id: int) -> Review | None:
    return session.exec(
        select(Review)
        .where(Review.case_id == case_id, col(Review.status).in_(R.OPEN))
        .order_by(col(Review.id).desc())
    ).first()


def latest_assessment_id(session: Session, case_id: int) -> int | None:
    return session.exec(
        select(AssessmentRecord.id)
        .where(AssessmentRecord.case_id == case_id)
        .order_by(col(AssessmentRecord.id).desc())
    ).first()


def open_review(
    session: Session, case: Case, *, started_by: str, settings: Settings,
    due_on: date | None = None, reason: str | None = None, now: datetime | None = None,
) -> Review:  # fmt: skip
    """Open a review of an approved case (the open one if there is one) and plan its SMS
    for the first moment outside the quiet hours; without a phone, or after 退订, it is
    未回复 at once (staff visit)."""
    if case.status != CaseStatus.approved:
        raise ReviewError("only an approved case is reviewed (复查)")
    existing = open_review_of(session, case.id)
    if existing is not None:
        return existing
    now = now or utcnow()
    due_on = due_on or case.next_review_on or local_today()
    review_id = _insert_once(session, case_id=case.id, due_on=due_on, started_by=started_by[:64],
                             reason=(reason or None) and reason[:1000], now=now,
                             before_assessment_id=latest_assessment_id(session, case.id))  # fmt: skip
    if review_id is None:  # another worker opened it meanwhile
        raise AlreadyOpened()
    review = session.get(Review, review_id)
    why = notices.why_unreachable(session, case)
    if why:
        review.status, review.no_reply_reason = R.no_reply, why
        session.add(review)
    else:
        jobs.plan(session, kind=INVITE, key=f"{INVITE}:{review.id}", case_id=case.id,
                  review_id=review.id, run_at=next_sending_time(now, settings))  # fmt: skip
    record_audit(session, actor=started_by[:64], action="review_opened", case_id=case.id,
                 review_id=review.id, due_on=review.due_on.isoformat())  # fmt: skip
    session.flush()
    return review


class AlreadyOpened(ReviewError):
    def __init__(self) -> None:
        super().__init__("a review of this case and date was opened meanwhile")


def _insert_once(session: Session, **values: Any) -> int | None:
    """INSERT … ON CONFLICT DO NOTHING on (case_id, due_on): the new id, or None."""
    dialect = {"postgresql": postgresql, "sqlite": sqlite}[session.get_bind().dialect.name]
    now = values.pop("now")
    statement = (
        dialect.insert(Review.__table__)
        .values(status=R.planned, created_at=now, updated_at=now, **values)
        .on_conflict_do_nothing(index_elements=["case_id", "due_on"])
        .returning(Review.__table__.c.id)
    )
    row = session.connection().execute(statement).first()
    return row[0] if row else None


def start_now(session: Session, case: Case, *, actor: str, settings: Settings,
              reason: str | None = None) -> Review:  # fmt: skip
    """Staff start a review at any time: the case falls due today and the household is asked."""
    existing = open_review_of(session, case.id)
    if existing is not None:
        return existing
    procedure.request_review(session, case, actor=actor, reason=reason or "工作人员发起复查",
                             today=local_today())  # fmt: skip
    return open_review(session, case, started_by=actor, settings=settings, reason=reason,
                       due_on=case.next_review_on)  # fmt: skip


def open_due_reviews(session: Session, *, settings: Settings, today: date | None = None,
                     now: datetime | None = None, limit: int = 200) -> int:  # fmt: skip
    """Open a review for every approved case whose date is within ``review_notice_days``
    and that has none open; safe to run in several workers at once (one review per case
    and date: the loser's insert is refused and skipped)."""
    today = today or local_today()
    horizon = today + timedelta(days=settings.review_notice_days)
    has_open = select(Review.case_id).where(col(Review.status).in_(R.OPEN))
    has_this = select(Review.id).where(Review.case_id == Case.id,
                                       Review.due_on == Case.next_review_on)  # fmt: skip
    cases = session.exec(
        select(Case)
        .where(
            Case.status == CaseStatus.approved,
            col(Case.next_review_on) <= horizon,
            ~col(Case.id).in_(has_open),
            ~has_this.exists(),
        )  # fmt: skip
        .order_by(col(Case.next_review_on), col(Case.id))
        .limit(limit)
    ).all()
    opened = 0
    for case in cases:
        try:
            open_review(session, case, started_by="schedule", settings=settings, now=now)
            opened += 1
        except AlreadyOpened:
            continue  # another worker opened it meanwhile
    return opened


def plan_reminders(session: Session, *, settings: Settings, now: datetime | None = None) -> int:
    """Reviews asked ``review_reminder_days`` ago with no answer: a reminder, once (its job
    key is the review's); reminded ``review_no_reply_days`` ago: 未回复, for a visit."""
    now = now or utcnow()
    planned = 0
    for review in session.exec(
        select(Review).where(
            Review.status == R.asked,
            col(Review.asked_at) <= now - timedelta(days=settings.review_reminder_days),
        )
    ).all():
        planned += jobs.plan(session, kind=REMINDER, key=f"{REMINDER}:{review.id}",
                             case_id=review.case_id, review_id=review.id,
                             run_at=next_sending_time(now, settings))  # fmt: skip
    for review in session.exec(
        select(Review).where(
            Review.status == R.reminded,
            col(Review.reminded_at) <= now - timedelta(days=settings.review_no_reply_days),
        )
    ).all():
        review.status, review.no_reply_reason, review.updated_at = R.no_reply, "no_answer", now
        session.add(review)
    session.flush()
    return planned


def review_for_phone(
    session: Session, phone: str | None, *, conversation_id: str | None = None
) -> tuple[Review, Case] | None:
    """The review a resident's message answers: the newest one asked of their number (or of
    the WeChat conversation the case was filed from)."""
    if not (phone or conversation_id):
        return None
    row = session.exec(
        select(Review, Case)
        .join(Case, col(Case.id) == Review.case_id)
        .join(Applicant, col(Applicant.id) == Case.applicant_id)
        .where(
            or_(Applicant.phone == phone, Case.conversation_id == conversation_id),
            col(Review.status).in_((R.planned, R.asked, R.reminded, R.no_reply)),
        )  # fmt: skip
        .order_by(col(Review.id).desc())
    ).first()
    return (row[0], row[1]) if row else None


def household_of(session: Session, case_id: int) -> tuple[dict[str, Any] | None, dict]:
    """(the latest Household JSON, the latest facts) of a case."""
    record = latest_household(session, case_id)
    return (record.household, dict(record.facts or {})) if record else (None, {})


def record_answers(
    session: Session, review: Review, *, household: dict[str, Any], changes: dict[str, Any],
    actor: str = "resident",
) -> AssessmentRecord:  # fmt: skip
    """The household's answers: a new revision (source "review"), assessed with the values
    in force; the review waits for staff (answered)."""
    case = session.get(Case, review.case_id)
    stored = revise_household(session, case, household=household, actor=actor, source="review",
                              parameters=current_parameters(session))  # fmt: skip
    review.after_assessment_id = stored.id
    review.changes = changes
    review.status, review.answered_at, review.updated_at = R.answered, utcnow(), utcnow()
    review.no_reply_reason = None
    session.add(review)
    record_audit(session, actor=actor, action="review_answered", case_id=case.id,
                 review_id=review.id, changed=sorted(changes.get("topics") or []))  # fmt: skip
    session.flush()
    return stored


def decide(
    session: Session, review: Review, *, decision: str, actor: str, settings: Settings,
    klass: str | None = None, note: str | None = None, exit_reason: str | None = None,
    effective_on: date | None = None,
) -> Review:  # fmt: skip
    """Staff decide: ``continue`` (same class, next date from it), ``change`` (the amount of
    the newest assessment and/or another class) or ``exit`` (退出低保 with its reason)."""
    if review.status not in R.OPEN:
        raise ReviewError("this review is already decided")
    if decision not in REVIEW_DECISIONS:
        raise ReviewError(f"the decision must be one of {', '.join(REVIEW_DECISIONS)}",
                          field="decision")  # fmt: skip
    case = session.get(Case, review.case_id)
    parameters = current_parameters(session)
    if decision == "continue":
        procedure.record_review(session, case, klass=case.dibao_class or "B", actor=actor,
                                note=note or "复查：继续保障", parameters=parameters)  # fmt: skip
    elif decision == "change":
        procedure.record_review(session, case, klass=klass or "", actor=actor,
                                note=note or "复查：调整", parameters=parameters)  # fmt: skip
    else:
        exits.exit_case(session, case, reason=exit_reason or "", actor=actor, note=note,
                        settings=settings, effective_on=effective_on)  # fmt: skip
    review.status, review.decision, review.decided_by = R.decided, decision, actor
    review.decided_at = review.updated_at = utcnow()
    review.decision_note = (note or "").strip()[:1000] or None
    session.add(review)
    record_audit(session, actor=actor, action="review_decided", case_id=case.id,
                 review_id=review.id, decision=decision)  # fmt: skip
    session.flush()
    return review

"""退出低保 (三(三)2, 应退则退): exit is a procedure step with its reason and clause. The case
keeps its history (its transitions, revisions and assessments) and stays visible for
monitoring (返贫监测); the resident is told by SMS why, from when, and how to ask for a
re-check (复核)."""

from __future__ import annotations

from datetime import date, datetime, timezone

from sqlalchemy import update
from sqlmodel import Session, col

from cases.audit import record_audit
from cases.dynamic import notices
from cases.dynamic.clock import today as local_today
from cases.models import Case, CaseStatus, CaseTransition
from cases.procedure import MAX_REASON, ProcedureError, StaleCase
from core.settings import Settings
from policy.glossary import EXIT_REASONS

#: 动态管理 … 应退则退: the clause every exit rests on.
EXIT_CLAUSE = "三(三)2"


def first_of_next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def exit_case(
    session: Session,
    case: Case,
    *,
    reason: str,
    actor: str,
    settings: Settings,
    note: str | None = None,
    effective_on: date | None = None,
    today: date | None = None,
) -> CaseTransition:
    """Take an approved case out of 低保 from ``effective_on`` (default: the first day of
    next month) and tell the resident. Raises ``ProcedureError`` naming the field."""
    if case.status != CaseStatus.approved:
        raise ProcedureError("only an approved case leaves 低保 (退出)")
    if reason not in EXIT_REASONS:
        raise ProcedureError(f"the reason must be one of {', '.join(EXIT_REASONS)}",
                             field="reason")  # fmt: skip
    note = (note or "").strip() or None
    if note and len(note) > MAX_REASON:
        raise ProcedureError(f"at most {MAX_REASON} characters", field="note")
    today = today or local_today()
    effective_on = effective_on or first_of_next_month(today)
    if effective_on < today:
        raise ProcedureError("the exit cannot take effect before today", field="effective_on")
    now = datetime.now(timezone.utc)
    result = session.exec(
        update(Case)
        .where(col(Case.id) == case.id, col(Case.status) == CaseStatus.approved)
        .values(status=CaseStatus.exited, next_review_on=None, decided_at=now, updated_at=now)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        raise StaleCase()
    detail = {"exit_reason": reason, "clause": EXIT_CLAUSE,
              "effective_on": effective_on.isoformat()}  # fmt: skip
    text = EXIT_REASONS[reason] + (f"；{note}" if note else "")
    transition = CaseTransition(case_id=case.id, from_status=CaseStatus.approved,
                                to_status=CaseStatus.exited, actor=actor, reason=text,
                                detail=detail, created_at=now)  # fmt: skip
    session.add(transition)
    session.refresh(case)
    sent = notices.exited(session, case, reason=reason, effective_on=effective_on,
                          settings=settings, actor=actor)  # fmt: skip
    record_audit(session, actor=actor, action="exit", case_id=case.id,
                 notified=bool(sent), **detail)  # fmt: skip
    session.flush()
    return transition

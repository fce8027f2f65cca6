"""The procedure at the township window (一门受理) as a state machine with who and when.

    受理 received → 入户调查 visited → 民主评议 appraised → 公示 publicised → 审批 approved
                                                                          ↘ 不予批准 rejected

Any open step can be refused (不予批准, a reason is required) or paused: 需补充材料
(info_requested, the applicant is asked by SMS) or 已转人工 (callback_requested, the resident
asked for a person). A paused case resumes at the step it was paused in. Approval records the
低保 class (分类施保) and the next review date. Every step is a ``CaseTransition`` row and an
audit event; a step that is not allowed raises ``IllegalTransition``.
"""

from __future__ import annotations

from datetime import date, datetime, timezone

from sqlalchemy import update
from sqlmodel import Session, col, select

from cases import notices
from cases.audit import record_audit
from cases.dynamic.clock import set_clock
from cases.models import Applicant, Case, CaseStatus, CaseTransition
from cases.reviews import CLASSES, next_review_date
from channels.models import OutboundMessage
from policy.errors import InputError
from policy.glossary import PROCEDURE_STEPS
from policy.parameters import ParameterSet

S = CaseStatus

LABELS: dict[CaseStatus, str] = {status: PROCEDURE_STEPS[status.value] for status in CaseStatus}
MAIN_PATH = (S.received, S.visited, S.appraised, S.publicised, S.approved)
PAUSES = (S.info_requested, S.callback_requested)
TERMINAL = (S.approved, S.rejected, S.exited)
#: The next step of the main path from each open step.
_FORWARD = {a: b for a, b in zip(MAIN_PATH, MAIN_PATH[1:], strict=False)}
MAX_REASON = 1000
MAX_MESSAGE = 500


class ProcedureError(InputError):
    """A step that cannot be taken; ``field`` names the input at fault when there is one
    (without one, the step is not allowed now: the API answers 409)."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(field, message)


class IllegalTransition(ProcedureError):
    def __init__(self, current: CaseStatus, wanted: CaseStatus):
        super().__init__(
            f"a case in {current.value} ({LABELS[current]}) cannot move to "
            f"{wanted.value} ({LABELS[wanted]})"
        )
        self.current, self.wanted = current, wanted


class StaleCase(ProcedureError):
    """Someone else moved the case meanwhile."""

    def __init__(self) -> None:
        super().__init__("the case was changed by someone else; reload it")


def resume_status(session: Session, case: Case) -> CaseStatus:
    """The open step a paused case returns to: the last one before the pause began."""
    steps = session.exec(
        select(CaseTransition.from_status)
        .where(CaseTransition.case_id == case.id)
        .order_by(col(CaseTransition.id).desc())
    ).all()
    for step in steps:
        if step not in PAUSES:
            return step
    return S.received


def allowed_next(session: Session, case: Case) -> list[CaseStatus]:
    """The steps a case may take now, in the order the pages offer them."""
    current = case.status
    if current in TERMINAL:
        return []
    if current in PAUSES:
        other = next(p for p in PAUSES if p != current)
        return [resume_status(session, case), other, S.rejected]
    return [_FORWARD[current], *PAUSES, S.rejected]


def move(
    session: Session,
    case: Case,
    *,
    to: CaseStatus,
    actor: str,
    reason: str | None = None,
    klass: str | None = None,
    today: date | None = None,
    parameters: ParameterSet | None = None,
    notify: bool = True,
) -> CaseTransition:
    """Take one step; refused unless ``allowed_next`` offers it. Rejection needs a reason;
    approval needs the 低保 class (A/B/C) and sets the next review date. The applicant gets
    the step's notice (decision, 补充材料) unless `notify` is False."""
    reason = (reason or "").strip() or None
    if reason and len(reason) > MAX_REASON:
        raise ProcedureError(f"at most {MAX_REASON} characters", field="reason")
    if to not in allowed_next(session, case):
        raise IllegalTransition(case.status, to)
    now = datetime.now(timezone.utc)
    values: dict = {"status": to, "updated_at": now}
    detail: dict = {}
    if to == S.rejected and not reason:
        raise ProcedureError("a rejection needs a reason (不予批准的理由)", field="reason")
    if to == S.approved:
        if klass not in CLASSES:
            raise ProcedureError("approval needs the 低保 class: A, B or C", field="class")
        today = today or date.today()
        review_on = next_review_date(today, klass, parameters)
        values |= {"dibao_class": klass, "next_review_on": review_on, "decided_at": now}
        detail = {"class": klass, "next_review_on": review_on.isoformat()}
    elif to == S.rejected:
        values |= {"decided_at": now, "next_review_on": None}
    _update(session, case, expected=case.status, values=values)
    transition = CaseTransition(
        case_id=case.id,
        from_status=case.status,
        to_status=to,
        actor=actor,
        reason=reason,
        detail=detail,
        created_at=now,
    )
    session.add(transition)
    record_audit(session, actor=actor, action="transition", case_id=case.id,
                 **{"from": case.status.value, "to": to.value, **detail})  # fmt: skip
    session.flush()
    session.refresh(case)
    set_clock(session, case, started_on=today)  # the new step's due date (办理时限)
    if notify:
        notices.step_taken(session, case, actor=actor)
    return transition


def request_callback(session: Session, case: Case, *, actor: str) -> CaseTransition | None:
    """The resident asked for a person (转人工). An open case pauses at 已转人工 through
    ``move`` (a transition, resumed later at its step); a decided case (approved, rejected)
    or one already waiting for a call keeps its status, and the request is recorded on it
    (the flag staff see and an audit event) — it never leaves the 公示 list or the review
    schedule."""
    case.handoff_requested = True
    session.add(case)
    if S.callback_requested in allowed_next(session, case):
        return move(session, case, to=S.callback_requested, actor=actor,
                    reason="居民要求人工回电")  # fmt: skip
    record_audit(session, actor=actor, action="callback_request", case_id=case.id,
                 status=case.status.value)  # fmt: skip
    session.flush()
    return None


def record_review(
    session: Session,
    case: Case,
    *,
    klass: str,
    actor: str,
    note: str | None = None,
    today: date | None = None,
    parameters: ParameterSet | None = None,
) -> CaseTransition:
    """复查 of an approved household: the class may change; the next date is set from it."""
    if case.status != S.approved:
        raise ProcedureError("only an approved case is reviewed (复查)")
    if klass not in CLASSES:
        raise ProcedureError("the 低保 class must be A, B or C", field="class")
    note = (note or "").strip() or None
    if note and len(note) > MAX_REASON:
        raise ProcedureError(f"at most {MAX_REASON} characters", field="note")
    today = today or date.today()
    review_on = next_review_date(today, klass, parameters)
    now = datetime.now(timezone.utc)
    _update(session, case, expected=S.approved,
            values={"dibao_class": klass, "next_review_on": review_on, "updated_at": now})  # fmt: skip
    detail = {"review": True, "class": klass, "next_review_on": review_on.isoformat()}
    transition = CaseTransition(case_id=case.id, from_status=S.approved, to_status=S.approved,
                                actor=actor, reason=note, detail=detail, created_at=now)  # fmt: skip
    session.add(transition)
    record_audit(session, actor=actor, action="review", case_id=case.id, **detail)
    session.flush()
    session.refresh(case)
    return transition


def request_review(
    session: Session, case: Case, *, actor: str, reason: str, today: date | None = None
) -> CaseTransition:
    """发起复查 outside the cycle (e.g. 信息比对 finds the household at or above the standard):
    an approved case falls due today, so it heads the reviews due; the step says why."""
    if case.status != S.approved:
        raise ProcedureError("only an approved case is reviewed (复查)")
    today = today or date.today()
    due = min(case.next_review_on or today, today)
    now = datetime.now(timezone.utc)
    _update(session, case, expected=S.approved, values={"next_review_on": due, "updated_at": now})
    detail = {"review_requested": True, "next_review_on": due.isoformat()}
    transition = CaseTransition(case_id=case.id, from_status=S.approved, to_status=S.approved,
                                actor=actor, reason=reason[:MAX_REASON], detail=detail,
                                created_at=now)  # fmt: skip
    session.add(transition)
    record_audit(session, actor=actor, action="review_requested", case_id=case.id, **detail)
    session.flush()
    session.refresh(case)
    return transition


def ask_applicant(session: Session, case: Case, *, body: str, actor: str) -> OutboundMessage:
    """ "Ask the applicant" (请申请人补充): the staff-question notice through the outbox
    (WeChat, template SMS or Twilio); an open case becomes 需补充材料 until staff resume it."""
    body = (body or "").strip()
    if not body:
        raise ProcedureError("the message is empty", field="body")
    if len(body) > MAX_MESSAGE:
        raise ProcedureError(f"at most {MAX_MESSAGE} characters", field="body")
    applicant = session.get(Applicant, case.applicant_id)
    if applicant is None or not (applicant.phone or case.conversation_id):
        raise ProcedureError("the applicant left no phone number", field="body")
    message = notices.staff_question(session, case, question=body, actor=actor)
    record_audit(session, actor=actor, action="ask_applicant", case_id=case.id,
                 outbound_id=message.id)  # fmt: skip
    if case.status != S.info_requested and S.info_requested in allowed_next(session, case):
        move(session, case, to=S.info_requested, actor=actor, reason=body, notify=False)
    return message


def _update(session: Session, case: Case, *, expected: CaseStatus, values: dict) -> None:
    """Write ``values`` only if the case is still in ``expected`` (no lost updates)."""
    result = session.exec(
        update(Case)
        .where(col(Case.id) == case.id, col(Case.status) == expected)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        raise StaleCase()

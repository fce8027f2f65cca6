"""The clock (办理时限): every open case's current step has a due date, in working days by the
official calendar (``policy.workdays``: the State Council's holidays and make-up days, plus
the days county staff entered in the holiday table) or in calendar days where the rule
says days (公示7天); the deadlines themselves are dated settings (``policy/deadlines.yaml``).

    受理 received      → 启动调查: investigation_start working days after the day of 受理
    公示 publicised     → 县级审批: publicity calendar days, then county_approval working days
    other open steps   → the whole procedure: whole_procedure working days from 受理
    paused steps       → no step deadline (the whole-procedure date stays)

``set_clock`` runs on every step (``cases.procedure.move`` and filing); decided cases have
no clock (their next date is the review's). ``ensure_clocks`` fills in the cases filed
before the clock existed.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import delete, func
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from cases.dynamic.models import CalendarDay, CaseClock
from cases.dynamic.shapes import StepDue
from cases.models import Applicant, Case, CaseStatus, CaseTransition
from core.database import utcnow
from core.security import mask_name
from policy.deadlines import load_deadlines
from policy.errors import InputError
from policy.workdays import Calendar, Due

S = CaseStatus
ZONE = ZoneInfo("Asia/Shanghai")
OPEN = (S.received, S.visited, S.appraised, S.publicised, S.info_requested, S.callback_requested)
PAUSED = (S.info_requested, S.callback_requested)
MAX_NAME = 64


class CalendarError(InputError):
    def __init__(self, message: str, field: str):
        super().__init__(field, message)


def local_day(moment: datetime) -> date:
    """The day in Fengjie (Asia/Shanghai) of a stored moment (UTC)."""
    return moment.astimezone(ZONE).date() if moment.tzinfo else moment.date()


def today() -> date:
    return local_day(utcnow())


# -- the holiday table county staff extend ---------------------------------------------------


def read_staff_days(engine: Engine) -> dict[date, bool]:
    with Session(engine) as session:
        return staff_days(session)


def staff_days(session: Session) -> dict[date, bool]:
    return {row.day: row.working for row in session.exec(select(CalendarDay)).all()}


def staff_calendar(session: Session) -> Calendar:
    return Calendar(staff_days(session))


def add_day(session: Session, *, day: date, working: bool, name: str, actor: str) -> CalendarDay:
    """A day of a State Council notice (a day off, or a make-up working day); replaces the
    same day entered before."""
    name = (name or "").strip()
    if not name:
        raise CalendarError("the holiday's name is required (e.g. 春节)", field="name")
    if len(name) > MAX_NAME:
        raise CalendarError(f"at most {MAX_NAME} characters", field="name")
    if not 2000 <= day.year <= 2100:
        raise CalendarError("the day must be between 2000 and 2100", field="day")
    row = session.get(CalendarDay, day) or CalendarDay(day=day, working=working, name=name,
                                                       added_by=actor)  # fmt: skip
    row.working, row.name, row.added_by, row.created_at = working, name, actor, utcnow()
    session.add(row)
    session.flush()
    return row


def remove_day(session: Session, *, day: date) -> bool:
    result = session.exec(delete(CalendarDay).where(col(CalendarDay.day) == day))
    session.flush()
    return result.rowcount == 1


# -- due dates of the steps -------------------------------------------------------------------


def step_due(
    status: CaseStatus, started_on: date, received_on: date, calendar: Calendar
) -> tuple[str | None, Due | None, Due]:
    """(deadline name, the step's due date, the whole procedure's due date)."""
    deadlines = load_deadlines()
    overall = deadlines["whole_procedure"].due(received_on, calendar)
    if status == S.received:
        return (
            "investigation_start",
            deadlines["investigation_start"].due(started_on, calendar),
            overall,
        )
    if status == S.publicised:
        ends = deadlines["publicity"].due(started_on, calendar)
        approval = deadlines["county_approval"].due(ends.on, calendar)
        return (
            "county_approval",
            Due(approval.on, ends.provisional or approval.provisional),
            overall,
        )
    if status in PAUSED:
        return None, None, overall
    return "whole_procedure", overall, overall


def publicity_ends(started_on: date, calendar: Calendar) -> Due:
    return load_deadlines()["publicity"].due(started_on, calendar)


def set_clock(
    session: Session, case: Case, *, started_on: date | None = None,
    calendar: Calendar | None = None,
) -> CaseClock | None:  # fmt: skip
    """The case's clock for the step it is in now; none once it is decided."""
    if case.status not in OPEN:
        session.exec(delete(CaseClock).where(col(CaseClock.case_id) == case.id))
        return None
    calendar = calendar or staff_calendar(session)
    started_on = started_on or today()
    received_on = local_day(case.created_at)
    name, due, overall = step_due(case.status, started_on, received_on, calendar)
    row = session.get(CaseClock, case.id) or CaseClock(case_id=case.id, step=case.status.value,
                                                       step_started_on=started_on)  # fmt: skip
    row.step, row.step_started_on, row.deadline = case.status.value, started_on, name
    row.step_due_on = due.on if due else None
    row.overall_due_on = overall.on
    row.provisional = bool(due and due.provisional) or overall.provisional
    row.updated_at = utcnow()
    session.add(row)
    session.flush()
    return row


def ensure_clocks(session: Session, *, limit: int = 500) -> int:
    """Clocks for open cases that have none (filed before the clock, or by an older
    process): the step started on the day of its last transition."""
    missing = session.exec(
        select(Case)
        .where(col(Case.status).in_(OPEN), ~col(Case.id).in_(select(CaseClock.case_id)))
        .limit(limit)
    ).all()
    if not missing:
        return 0
    calendar = staff_calendar(session)
    for case in missing:
        moved = session.exec(
            select(func.max(CaseTransition.created_at)).where(CaseTransition.case_id == case.id)
        ).one()
        set_clock(session, case, started_on=local_day(moved or case.created_at), calendar=calendar)
    return len(missing)


def due_steps(
    session: Session, *, township: str | None = None, on: date | None = None,
    within_days: int = 3, limit: int = 200,
) -> list[StepDue]:  # fmt: skip
    """Open cases whose step falls due by ``on + within_days``, overdue first."""
    on = on or today()
    query = (
        select(Case, Applicant.name, CaseClock)
        .join(CaseClock, col(CaseClock.case_id) == Case.id)
        .join(Applicant, Applicant.id == Case.applicant_id)
        .where(col(CaseClock.step_due_on) <= on + timedelta(days=within_days))
    )
    if township:
        query = query.where(Case.township == township)
    rows = session.exec(query.order_by(col(CaseClock.step_due_on), col(Case.id)).limit(limit)).all()
    return [
        StepDue(
            id=case.id,
            reference=case.reference,
            township=case.township,
            village=case.village,
            applicant_name_masked=mask_name(name),
            status=case.status.value,
            deadline=clock.deadline,
            due_on=clock.step_due_on,
            overdue=clock.step_due_on < on,
            provisional=clock.provisional,
        )  # fmt: skip
        for case, name, clock in rows
    ]


def counts_by_township(session: Session, *, on: date | None = None) -> dict[str, dict[str, int]]:
    """Per township: steps overdue and due within 3 days, reviews overdue and due within 30."""
    on = on or today()
    result: dict[str, dict[str, int]] = {}

    def bump(township: str, key: str, count: int) -> None:
        row = result.setdefault(township, {"steps_overdue": 0, "steps_due": 0,
                                           "reviews_overdue": 0, "reviews_due": 0})  # fmt: skip
        row[key] += count

    # Grouped by date, split in Python: a comparison in GROUP BY would carry a second bound
    # parameter, which PostgreSQL does not take for the one in the select list.
    due = col(CaseClock.step_due_on)
    for township, day, count in session.exec(
        select(Case.township, due, func.count())
        .join(CaseClock, col(CaseClock.case_id) == Case.id)
        .where(due <= on + timedelta(days=3))
        .group_by(Case.township, due)
    ).all():
        bump(township, "steps_overdue" if day < on else "steps_due", count)
    review = col(Case.next_review_on)
    for township, day, count in session.exec(
        select(Case.township, review, func.count())
        .where(Case.status == S.approved, review <= on + timedelta(days=30))
        .group_by(Case.township, review)
    ).all():
        bump(township, "reviews_overdue" if day < on else "reviews_due", count)
    return result

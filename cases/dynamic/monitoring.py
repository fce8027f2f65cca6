"""返贫监测 (三(一) 定期复查、返贫监测; 三(二)4 临时救助): village or township staff record an
event on a household — illness, accident, disaster, loss of work — or the resident tells it
by SMS ("家里出事了"). The event re-assesses the household with the hardship (临时救助, 低保
and the linked help) and shows in the monitoring list with the household's history. A
household that left 低保 stays here."""

from __future__ import annotations

import copy
from datetime import date

from sqlalchemy import or_
from sqlmodel import Session, col, select

from cases.audit import record_audit
from cases.dynamic.clock import today as local_today
from cases.dynamic.models import MonitoringEvent
from cases.dynamic.shapes import MonitoringItem
from cases.models import Applicant, AssessmentRecord, Case, CaseStatus
from cases.parameters import current_parameters
from cases.revisions import latest_household, revise_household
from core.database import utcnow
from core.masking import mask_personal
from core.security import mask_name
from policy.errors import InputError
from policy.glossary import MONITORING_EVENTS

#: The rules engine's hardship kinds (POLICY.md ``hardship.kind``) for each event.
HARDSHIP_KIND = {"illness": "illness", "accident": "accident", "disaster": "disaster",
                 "job_loss": "other", "other": "other"}  # fmt: skip
MAX_NOTE = 1000


class MonitoringError(InputError):
    def __init__(self, message: str, field: str | None = None):
        super().__init__(field, message)


def record_event(
    session: Session, case: Case, *, kind: str, actor: str, source: str = "staff",
    note: str | None = None, occurred_on: date | None = None,
    basic_living_unsustainable: bool = False,
) -> MonitoringEvent:  # fmt: skip
    """Record the event and re-assess the household with it (a revision, source
    "monitoring"); the new assessment carries 临时救助 (三(二)4)."""
    if kind not in MONITORING_EVENTS:
        raise MonitoringError(f"kind must be one of {', '.join(MONITORING_EVENTS)}", field="kind")
    note = (note or "").strip() or None
    if note and len(note) > MAX_NOTE:
        raise MonitoringError(f"at most {MAX_NOTE} characters", field="note")
    note = mask_personal(note) if note else None  # no phone or identity number in the list
    today = local_today()
    occurred_on = occurred_on or today
    if occurred_on > today:
        raise MonitoringError("the event cannot be in the future", field="occurred_on")
    previous = latest_household(session, case.id)
    if previous is None or not previous.household:
        raise MonitoringError("the case has no household to re-assess", field="case")
    household = copy.deepcopy(previous.household)
    household["assessed_on"] = today.isoformat()
    household["hardship"] = {"kind": HARDSHIP_KIND[kind],
                             "basic_living_unsustainable": bool(basic_living_unsustainable)}  # fmt: skip
    if case.status == CaseStatus.approved:
        household["receiving_dibao"] = True
    elif case.status == CaseStatus.exited:
        household["receiving_dibao"] = False
        household["returned_to_poverty"] = True  # left 低保 and fell back (返贫)
    stored = revise_household(session, case, household=household, actor=actor,
                              source="monitoring", parameters=current_parameters(session))  # fmt: skip
    event = MonitoringEvent(case_id=case.id, kind=kind, note=note, source=source,
                            recorded_by=actor[:64], occurred_on=occurred_on,
                            basic_living_unsustainable=bool(basic_living_unsustainable),
                            assessment_id=stored.id)  # fmt: skip
    session.add(event)
    session.flush()
    record_audit(session, actor=actor[:64], action="monitoring_event", case_id=case.id,
                 event_id=event.id, kind=kind, source=source)  # fmt: skip
    return event


def mark_handled(session: Session, event: MonitoringEvent, *, actor: str) -> None:
    event.handled_at, event.handled_by = utcnow(), actor[:64]
    session.add(event)
    record_audit(session, actor=actor[:64], action="monitoring_handled", case_id=event.case_id,
                 event_id=event.id)  # fmt: skip
    session.flush()


def case_of_phone(
    session: Session, phone: str | None, *, conversation_id: str | None = None
) -> Case | None:
    """The household a resident's number (or WeChat conversation) belongs to: its approved
    case first, then one that left 低保, then the newest."""
    if not (phone or conversation_id):
        return None
    cases = session.exec(
        select(Case)
        .join(Applicant, col(Applicant.id) == Case.applicant_id)
        .where(or_(Applicant.phone == phone, Case.conversation_id == conversation_id))
        .order_by(col(Case.id).desc())
    ).all()
    for status in (CaseStatus.approved, CaseStatus.exited):
        for case in cases:
            if case.status == status:
                return case
    return cases[0] if cases else None


def monitoring_list(
    session: Session, *, township: str | None = None, open_only: bool = False, limit: int = 500
) -> list[MonitoringItem]:
    """Events newest first, unhandled ones first, names masked."""
    query = (
        select(MonitoringEvent, Case, Applicant.name)
        .join(Case, col(Case.id) == MonitoringEvent.case_id)
        .join(Applicant, col(Applicant.id) == Case.applicant_id)
    )
    if township:
        query = query.where(Case.township == township)
    if open_only:
        query = query.where(col(MonitoringEvent.handled_at).is_(None))
    rows = session.exec(query.order_by(col(MonitoringEvent.id).desc()).limit(limit)).all()
    ids = [event.assessment_id for event, _, _ in rows if event.assessment_id]
    statuses = {
        record.id: ((record.assessment or {}).get("temporary_assistance") or {}).get("status")
        for record in session.exec(
            select(AssessmentRecord).where(col(AssessmentRecord.id).in_(ids))
        ).all()
    } if ids else {}  # fmt: skip
    items = [
        MonitoringItem(
            id=event.id,
            case_id=case.id,
            reference=case.reference,
            township=case.township,
            village=case.village,
            applicant_name_masked=mask_name(name),
            case_status=case.status.value,
            kind=event.kind,
            source=event.source,
            occurred_on=event.occurred_on,
            basic_living_unsustainable=event.basic_living_unsustainable,
            note=event.note,
            temporary_assistance=statuses.get(event.assessment_id),
            handled=event.handled_at is not None,
            created_at=event.created_at,
        )  # fmt: skip
        for event, case, name in rows
    ]
    items.sort(key=lambda item: item.handled)  # stable: unhandled first, newest first
    return items

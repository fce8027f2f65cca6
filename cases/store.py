"""Data functions for cases: file, list, read. Keyword-only, one session passed in."""

from __future__ import annotations

import secrets
from typing import Any

from sqlmodel import Session, col, select

from core.security import IdentityCipher, mask_id_number
from cases.models import Applicant, AssessmentRecord, AuditEvent, Case, CaseStatus, HouseholdRecord
from channels.models import Message
from cases.programmes import index_assessment
from cases.public import ApplicantPublic, CasePublic, MessagePublic

# No 0/O, 1/I/L: a reference is read aloud on the phone and typed on old handsets.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def new_reference() -> str:
    """FJ + six characters, e.g. FJ7KQ2MX."""
    return "FJ" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(6))


def file_case(
    session: Session,
    *,
    cipher: IdentityCipher,
    name: str,
    township: str,
    phone: str | None,
    facts: dict[str, Any],
    household: dict[str, Any] | None = None,
    assessment: dict[str, Any] | None = None,
    id_number: str | None = None,
    village: str | None = None,
    channel: str = "chat",
    conversation_id: str | None = None,
    handoff_requested: bool = False,
    transcript: list[tuple[str, str]] = (),
) -> Case:
    """Store a new application with its applicant, facts, assessment and conversation."""
    applicant = Applicant(name=name, phone=phone)
    if id_number:
        applicant.id_number_encrypted = cipher.encrypt(id_number)
        applicant.id_number_hash = cipher.lookup_hash(id_number)
        applicant.id_number_masked = mask_id_number(id_number)
    session.add(applicant)
    session.flush()
    reference = new_reference()
    while session.exec(select(Case.id).where(Case.reference == reference)).first():
        reference = new_reference()
    case = Case(
        reference=reference,
        township=township,
        village=village,
        applicant_id=applicant.id,
        channel=channel,
        conversation_id=conversation_id,
        handoff_requested=handoff_requested,
        status=CaseStatus.callback_requested if handoff_requested else CaseStatus.received,
    )
    session.add(case)
    session.flush()
    record = HouseholdRecord(case_id=case.id, facts=facts, household=household)
    session.add(record)
    session.flush()
    if assessment is not None:
        session.add(
            AssessmentRecord(case_id=case.id, household_record_id=record.id, assessment=assessment)
        )
        index_assessment(session, case_id=case.id, assessment=assessment)
    recorded = (
        session.exec(
            select(Message.id).where(
                Message.conversation_id == conversation_id, col(Message.case_id).is_(None)
            )
        ).all()
        if conversation_id
        else []
    )
    if recorded:
        # The channel (SMS, voice) stored the conversation as it happened: link it.
        for message in session.exec(select(Message).where(col(Message.id).in_(recorded))):
            message.case_id = case.id
            session.add(message)
        transcript = ()
    for direction, text in transcript:
        session.add(
            Message(
                conversation_id=conversation_id or reference,
                case_id=case.id,
                direction=direction,
                channel=channel,
                text=text,
            )
        )
    session.add(
        AuditEvent(case_id=case.id, actor="assistant", action="filed", detail={"channel": channel})
    )
    session.flush()
    return case


def get_case(session: Session, *, case_id: int) -> CasePublic | None:
    """The whole case: applicant (identity number masked), latest facts and assessment,
    and the conversation oldest first."""
    case = session.get(Case, case_id)
    if case is None:
        return None
    applicant = session.get(Applicant, case.applicant_id)
    record = session.exec(
        select(HouseholdRecord)
        .where(HouseholdRecord.case_id == case.id)
        .order_by(col(HouseholdRecord.id).desc())
    ).first()
    assessment = session.exec(
        select(AssessmentRecord)
        .where(AssessmentRecord.case_id == case.id)
        .order_by(col(AssessmentRecord.id).desc())
    ).first()
    messages = session.exec(
        select(Message)
        .where(Message.case_id == case.id)
        .order_by(col(Message.created_at), col(Message.id))
    ).all()
    return CasePublic(
        id=case.id,
        reference=case.reference,
        status=case.status,
        township=case.township,
        village=case.village,
        channel=case.channel,
        handoff_requested=case.handoff_requested,
        created_at=case.created_at,
        updated_at=case.updated_at,
        applicant=ApplicantPublic(
            name=applicant.name, phone=applicant.phone, id_number_masked=applicant.id_number_masked
        ),
        facts=record.facts if record else {},
        household=record.household if record else None,
        assessment=assessment.assessment if assessment else None,
        messages=[
            MessagePublic(
                direction=m.direction, channel=m.channel, text=m.text, created_at=m.created_at
            )
            for m in messages
        ],
    )


def record_audit(
    session: Session, *, actor: str, action: str, case_id: int | None = None, **detail: Any
) -> None:
    session.add(AuditEvent(case_id=case_id, actor=actor, action=action, detail=detail))

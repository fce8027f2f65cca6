"""Filing an application (立案): the applicant, the case with its reference, the household
facts, the first assessment, the conversation and the 受理 notice, in the caller's
transaction."""

from __future__ import annotations

import secrets
from typing import Any

from sqlalchemy import and_, or_
from sqlmodel import Session, col, select

from cases import notices
from cases.assessment import index_assessment
from cases.audit import record_audit
from cases.dynamic.clock import set_clock
from cases.models import Applicant, AssessmentRecord, Case, CaseStatus, HouseholdRecord
from channels.models import Message
from channels.wechat.followers import linked_since
from core.masking import mask_personal
from core.security import IdentityCipher, mask_id_number

# No 0/O, 1/I/L: a reference is read aloud on the phone and typed on old handsets.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def new_reference() -> str:
    """FJ + six characters, e.g. FJ7KQ2MX."""
    return "FJ" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(6))


def _of_conversation(session: Session, conversation_id: str, cipher: IdentityCipher):
    """The messages of the conversation: its own, and on WeChat those the linked phone
    number sent (SMS, phone line) since the link, which went on in the same conversation."""
    own = Message.conversation_id == conversation_id
    linked = linked_since(session, conversation_id=conversation_id, cipher=cipher)
    if linked is None:
        return own
    phone, since = linked
    return or_(own, and_(Message.conversation_id == phone, col(Message.created_at) >= since))


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
    actor: str = "assistant",
    source: str = "resident",
) -> Case:
    """Store a new application with its applicant, facts, assessment and conversation;
    ``actor`` files it (the assistant, or staff turning a finding into a case) and
    ``source`` says who gave the household facts (``policy.glossary.SOURCES``)."""
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
    record = HouseholdRecord(case_id=case.id, source=source, facts=facts, household=household)
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
                _of_conversation(session, conversation_id, cipher), col(Message.case_id).is_(None)
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
                text=mask_personal(text),  # the words as said live only in Rasa's memory
            )
        )
    record_audit(session, actor=actor, action="filed", case_id=case.id, channel=channel)
    set_clock(session, case)  # 受理: the investigation's due date (办理时限)
    if actor == "assistant":  # the resident applied: the 受理 notice with the reference
        notices.filed(session, case)
    session.flush()
    return case

"""A case's file (案卷) for staff: the case, its procedure history with who and when, every
household revision and assessment, the messages staff sent, and the resident's answers.

Answers to "ask the applicant" arrive as inbound messages of the resident's conversation;
``collect_replies`` links those that came after a question to the case, so they appear with
the case's conversation (here and in ``GET /api/cases/{id}``).
"""

from __future__ import annotations

from sqlmodel import Session, col, select

from cases.models import (
    Applicant,
    AssessmentRecord,
    Case,
    CaseTransition,
    HouseholdRecord,
)
from cases.procedure import LABELS, allowed_next
from cases.shapes import (
    ApplicantPublic,
    AssessmentPublic,
    CaseHistory,
    CasePublic,
    OutboundPublic,
    RevisionPublic,
    TransitionPublic,
)
from channels.models import Message, MessagePublic, OutboundMessage


def collect_replies(session: Session, case: Case) -> int:
    """Link the resident's messages that answer a staff question to the case; how many."""
    first_question = session.exec(
        select(OutboundMessage)
        .where(OutboundMessage.case_id == case.id, OutboundMessage.sent_by != "assistant")
        .order_by(col(OutboundMessage.id))
    ).first()
    if first_question is None:
        return 0
    applicant = session.get(Applicant, case.applicant_id)
    conversations = {c for c in (case.conversation_id, first_question.conversation_id,
                                 applicant.phone if applicant else None) if c}  # fmt: skip
    replies = session.exec(
        select(Message).where(
            col(Message.conversation_id).in_(conversations),
            col(Message.case_id).is_(None),
            Message.direction == "in",
            Message.created_at >= first_question.created_at,
        )
    ).all()
    for message in replies:
        message.case_id = case.id
        session.add(message)
    session.flush()
    return len(replies)


def link_reply(
    session: Session, *, message_id: int, phone: str, conversations: list[str] = ()
) -> int | None:
    """Link a resident's message (a reply by SMS to a notice) to their newest case: the
    case of the applicant's phone or of one of their `conversations`; its id, or None."""
    case_id = session.exec(
        select(Case.id)
        .join(Applicant, col(Applicant.id) == Case.applicant_id)
        .where((Applicant.phone == phone) | col(Case.conversation_id).in_([phone, *conversations]))
        .order_by(col(Case.id).desc())
    ).first()
    message = session.get(Message, message_id)
    if case_id is None or message is None:
        return None
    message.case_id = case_id
    session.add(message)
    session.flush()
    return case_id


def history(session: Session, case: Case) -> CaseHistory:
    transitions = session.exec(
        select(CaseTransition)
        .where(CaseTransition.case_id == case.id)
        .order_by(col(CaseTransition.id))
    ).all()
    revisions = session.exec(
        select(HouseholdRecord)
        .where(HouseholdRecord.case_id == case.id)
        .order_by(col(HouseholdRecord.id))
    ).all()
    assessments = session.exec(
        select(AssessmentRecord)
        .where(AssessmentRecord.case_id == case.id)
        .order_by(col(AssessmentRecord.id))
    ).all()
    outbound = session.exec(
        select(OutboundMessage)
        .where(OutboundMessage.case_id == case.id)
        .order_by(col(OutboundMessage.id))
    ).all()
    return CaseHistory(
        case_id=case.id,
        reference=case.reference,
        status=case.status,
        status_label=LABELS[case.status],
        dibao_class=case.dibao_class,
        next_review_on=case.next_review_on,
        decided_at=case.decided_at,
        allowed_next=allowed_next(session, case),
        transitions=[TransitionPublic.model_validate(t, from_attributes=True) for t in transitions],
        revisions=[RevisionPublic.model_validate(r, from_attributes=True) for r in revisions],
        assessments=[AssessmentPublic.model_validate(a, from_attributes=True) for a in assessments],
        outbound=[
            OutboundPublic(
                id=o.id,
                body=o.body,
                status=o.status.value,
                sent_by=o.sent_by,
                created_at=o.created_at,
                channel=o.channel,
                notice_kind=o.notice_kind,
                error=o.error,
            )  # fmt: skip
            for o in outbound
        ],
    )


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

"""未处理的短信: inbound messages the assistant never answered, kept for staff so that none is
lost silently — `failed` (Rasa refused it, or took it and never answered it
MAX_MESSAGE_TRIES times: `channels.handover`), `limited` (sent over the per-number limit:
`channels.inbox`) and `reply` (a reply by domestic SMS to a notice, which the assistant
cannot answer by template: `channels.notices.callbacks`). Staff read them, deal with them (call back, answer by SMS) and mark them
handled; the mark is audited and the message is then `resolved`.

A message belongs to a case — and so to the case's township — when it is linked to the case
or comes from the case's number (the conversation the case was filed from, or the
applicant's phone). Township staff see the messages of their township's cases; county staff
see every one, numbers without a case too. Keyword-only data functions; they never commit.
"""

from __future__ import annotations

from sqlalchemy import and_, func, or_, update
from sqlmodel import Session, col, select

from cases.audit import record_audit
from cases.models import Applicant, Case
from cases.shapes import UnhandledList, UnhandledMessage
from channels.models import Message
from channels.records import InboundStatus
from core.database import MAX_ROW_ID
from core.security import mask_phone
from policy.errors import InputError

UNHANDLED = (InboundStatus.failed.value, InboundStatus.limited.value, InboundStatus.reply.value)
MAX_LISTED = 200


class AlreadyHandled(InputError):
    """The message was marked handled before (by someone else, or in another tab)."""

    def __init__(self) -> None:
        super().__init__("message", "already marked handled")


def _belonging():
    """Each message with the case it belongs to (or none): (Message, case id, reference,
    township), newest message first, a message of several cases once per case."""
    cases = (
        select(Case.id, Case.reference, Case.township, Case.conversation_id, Applicant.phone)
        .join(Applicant, col(Applicant.id) == Case.applicant_id)
        .subquery()
    )
    number = or_(cases.c.conversation_id == Message.conversation_id,
                 cases.c.phone == Message.conversation_id)  # fmt: skip
    belongs = or_(cases.c.id == Message.case_id, and_(col(Message.case_id).is_(None), number))
    query = (
        select(Message, cases.c.id, cases.c.reference, cases.c.township)
        .outerjoin(cases, belongs)
        .where(Message.direction == "in")
    )
    return query, cases


def _shape(message: Message, case_id, reference, township) -> UnhandledMessage:
    return UnhandledMessage(
        id=message.id, received_at=message.created_at, channel=message.channel,
        phone_masked=mask_phone(message.conversation_id), text=message.text,
        status=message.status, case_id=case_id, reference=reference, township=township,
    )  # fmt: skip


def _scoped(query, cases, township: str | None):
    query = query.where(col(Message.status).in_(UNHANDLED))
    return query if township is None else query.where(cases.c.township == township)


def unhandled_messages(
    session: Session, *, township: str | None, limit: int = MAX_LISTED
) -> UnhandledList:
    """The messages still waiting for staff, newest first: of `township`'s cases, or every
    one (None, for county staff; ``cases.access.township_scope`` gives the scope)."""
    query, cases = _belonging()
    query = _scoped(query, cases, township)
    newest = query.with_only_columns(Message.id).distinct().order_by(col(Message.id).desc())
    ids = [row[0] for row in session.exec(newest.limit(limit)).all()]
    rows = session.exec(
        query.where(col(Message.id).in_(ids)).order_by(col(Message.id).desc(), cases.c.id.desc())
    ).all()
    items: dict[int, UnhandledMessage] = {}
    for message, case_id, reference, case_township in rows:
        # a number with several cases: the newest of them (in the township asked for)
        items.setdefault(message.id, _shape(message, case_id, reference, case_township))
    return UnhandledList(
        items=list(items.values()), total=count_unhandled(session, township=township)
    )


def count_unhandled(session: Session, *, township: str | None) -> int:
    query, cases = _belonging()
    ids = _scoped(query, cases, township).with_only_columns(Message.id).distinct().subquery()
    return session.exec(select(func.count()).select_from(ids)).one()


def mark_handled(
    session: Session, *, message_id: int, township: str | None, actor: str
) -> UnhandledMessage | None:
    """Mark an unhandled message handled (audited). None when `actor` cannot see it (another
    township's, no such message, not one the assistant left); raises ``AlreadyHandled``
    when someone marked it first (one conditional UPDATE: twice is impossible)."""
    if not 0 < message_id <= MAX_ROW_ID:
        return None
    query, cases = _belonging()
    query = query.where(Message.id == message_id).where(
        col(Message.status).in_((*UNHANDLED, InboundStatus.resolved.value))
    )
    if township is not None:
        query = query.where(cases.c.township == township)
    row = session.exec(query.order_by(cases.c.id.desc())).first()
    if row is None:
        return None
    message, case_id, reference, case_township = row
    was = message.status
    marked = session.exec(
        update(Message)
        .where(col(Message.id) == message_id, col(Message.status).in_(UNHANDLED))
        .values(status=InboundStatus.resolved.value)
    )
    if marked.rowcount != 1:
        raise AlreadyHandled()
    session.refresh(message)
    record_audit(session, actor=actor, action="message_resolved", case_id=case_id,
                 message_id=message.id, was=was)  # fmt: skip
    session.flush()
    return _shape(message, case_id, reference, case_township)

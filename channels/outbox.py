"""The outbox (发件箱): every SMS to a resident is first a row here (``enqueue``, or the
replies ``channels.records`` writes), then workers claim due messages, record what Twilio
said, retry with exponential backoff, and take Twilio's status callbacks — a status never
moves backwards. Without Twilio credentials (development) rows stay `queued` and the staff
pages show them. Claims are `SELECT … FOR UPDATE SKIP LOCKED` on PostgreSQL (several workers
in several API processes) and a conditional `UPDATE … WHERE status = 'queued'` per row on
SQLite (one writer at a time); either way a message is claimed only with every earlier
unsent message to its number, so a reply's segments never overtake one another."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import and_, exists, or_, update
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from channels.models import ChannelContact, OutboundMessage, OutboxStatus
from core.database import utcnow

# Later states win; the last three are final.
RANK = {
    OutboxStatus.queued: 0,
    OutboxStatus.sending: 1,
    OutboxStatus.sent: 2,
    OutboxStatus.delivered: 3,
    OutboxStatus.undelivered: 3,
    OutboxStatus.failed: 3,
}
# Twilio's MessageStatus values → ours; the others (accepted, queued, sending …) say
# nothing we do not know once Twilio has accepted the message.
TWILIO_STATUS = {
    "sent": OutboxStatus.sent,
    "delivered": OutboxStatus.delivered,
    "read": OutboxStatus.delivered,
    "undelivered": OutboxStatus.undelivered,
    "failed": OutboxStatus.failed,
    "canceled": OutboxStatus.failed,
}
OPTED_OUT = "opted_out"


@dataclass(frozen=True)
class Claimed:
    id: int
    to_number: str
    body: str
    attempts: int
    channel: str = "sms"


def claim_due(
    session: Session, *, limit: int = 20, channels: list[str] | None = None
) -> list[Claimed]:
    """Claim queued messages that are due, oldest first, skipping numbers whose earlier
    messages are being sent or wait for a retry (so a reply's segments stay in order);
    only rows of `channels` (those with a sender configured), when given."""
    now = utcnow()
    earlier = aliased(OutboundMessage)
    blocked = exists().where(
        earlier.to_number == OutboundMessage.to_number,
        earlier.id < OutboundMessage.id,
        or_(
            earlier.status == OutboxStatus.sending,
            and_(earlier.status == OutboxStatus.queued, earlier.next_attempt_at > now),
        ),
    )
    query = (
        select(OutboundMessage)
        .where(
            OutboundMessage.status == OutboxStatus.queued,
            OutboundMessage.next_attempt_at <= now,
            ~blocked,
            *([col(OutboundMessage.channel).in_(channels)] if channels is not None else []),
        )
        .order_by(col(OutboundMessage.id))
        .limit(limit)
    )
    claimed = []
    if session.get_bind().dialect.name == "postgresql":
        rows = session.exec(query.with_for_update(skip_locked=True)).all()
        for row in _first_in_line(session, rows, channels):
            row.status, row.attempts, row.updated_at = OutboxStatus.sending, row.attempts + 1, now
            session.add(row)
            claimed.append(Claimed(row.id, row.to_number, row.body, row.attempts, row.channel))
    else:
        lost: set[str] = set()  # numbers with a message another worker took meanwhile
        for row in _first_in_line(session, session.exec(query).all(), channels):
            if row.to_number in lost:
                continue
            attempts, channel = row.attempts + 1, row.channel  # (before the UPDATE refreshes)
            result = session.execute(
                update(OutboundMessage)
                .where(
                    col(OutboundMessage.id) == row.id, OutboundMessage.status == OutboxStatus.queued
                )
                .values(
                    status=OutboxStatus.sending,
                    attempts=OutboundMessage.attempts + 1,
                    updated_at=now,
                )
            )
            if result.rowcount == 1:
                claimed.append(Claimed(row.id, row.to_number, row.body, attempts, channel))
            else:
                lost.add(row.to_number)
    session.commit()
    return claimed


def _first_in_line(
    session: Session, rows: list[OutboundMessage], channels: list[str] | None = None
) -> list[OutboundMessage]:
    """Of the rows this worker selected (and on PostgreSQL locked), those whose earlier
    unsent messages to the same number are all among them. Another worker's claim is not
    yet visible as `sending` while its transaction runs: its rows still read `queued`, and
    without this check a later segment skipped past them would go out first. (A row of a
    channel no sender is configured for waits for staff and blocks nothing.)"""
    if not rows:
        return []
    mine = {row.id for row in rows}
    unsent = session.exec(
        select(OutboundMessage.id, OutboundMessage.to_number)
        .where(
            col(OutboundMessage.to_number).in_({row.to_number for row in rows}),
            col(OutboundMessage.status).in_([OutboxStatus.queued, OutboxStatus.sending]),
            col(OutboundMessage.id) <= max(mine),
            *([col(OutboundMessage.channel).in_(channels)] if channels is not None else []),
        )
        .order_by(col(OutboundMessage.id))
    ).all()
    cut: dict[str, int] = {}  # a number's first unsent message that is not ours
    for message_id, number in unsent:
        if message_id not in mine:
            cut.setdefault(number, message_id)
    return [row for row in rows if row.id < cut.get(row.to_number, row.id + 1)]


def mark_sent(
    session: Session, *, outbox_id: int, twilio_sid: str | None, carrier_ref: str | None = None
) -> None:
    """Twilio (or the carrier, or WeChat) accepted it. A status callback may already have
    moved it further: keep that."""
    session.execute(
        update(OutboundMessage)
        .where(col(OutboundMessage.id) == outbox_id, OutboundMessage.status == OutboxStatus.sending)
        .values(status=OutboxStatus.sent, updated_at=utcnow(), error=None)
    )
    session.execute(
        update(OutboundMessage)
        .where(col(OutboundMessage.id) == outbox_id)
        .values(twilio_sid=twilio_sid, carrier_ref=carrier_ref)
    )
    session.commit()


def mark_retry(
    session: Session,
    *,
    outbox_id: int,
    error: str,
    attempts: int,
    max_attempts: int,
    backoff_seconds: float,
) -> OutboxStatus:
    """A failed try: queued again after backoff · 2^(attempts-1) s, or failed after the last."""
    now = utcnow()
    if attempts >= max_attempts:
        values = {"status": OutboxStatus.failed}
    else:
        delay = backoff_seconds * 2 ** (attempts - 1)
        values = {"status": OutboxStatus.queued, "next_attempt_at": now + timedelta(seconds=delay)}
    session.execute(
        update(OutboundMessage)
        .where(col(OutboundMessage.id) == outbox_id, OutboundMessage.status == OutboxStatus.sending)
        .values(error=error[:500], updated_at=now, **values)
    )
    session.commit()
    return values["status"]


def mark_failed(session: Session, *, outbox_id: int, error: str) -> None:
    session.execute(
        update(OutboundMessage)
        .where(
            col(OutboundMessage.id) == outbox_id,
            col(OutboundMessage.status).in_([OutboxStatus.queued, OutboxStatus.sending]),
        )
        .values(status=OutboxStatus.failed, error=error[:500], updated_at=utcnow())
    )
    session.commit()


def record_status(
    session: Session,
    *,
    twilio_status: str,
    outbox_id: int | None = None,
    twilio_sid: str | None = None,
    error: str | None = None,
) -> bool:
    """A status callback: move the message forward, never back. True if it moved."""
    status = TWILIO_STATUS.get((twilio_status or "").lower())
    if status is None or (outbox_id is None and not twilio_sid):
        return False
    lower = [state for state, rank in RANK.items() if rank < RANK[status]]
    target = (
        col(OutboundMessage.id) == outbox_id
        if outbox_id is not None
        else OutboundMessage.twilio_sid == twilio_sid
    )
    values = {"status": status, "updated_at": utcnow()}
    if error:
        values["error"] = error[:500]
    if twilio_sid and outbox_id is not None:
        values["twilio_sid"] = twilio_sid
    result = session.execute(
        update(OutboundMessage)
        .where(target, col(OutboundMessage.status).in_(lower))
        .values(**values)
    )
    session.commit()
    return result.rowcount == 1


def is_opted_out(session: Session, *, phone: str) -> bool:
    contact = session.get(ChannelContact, phone)
    return bool(contact and contact.opted_out)


def cancel_opted_out(session: Session) -> int:
    """Queued messages to numbers that opted out (退订) are never sent."""
    opted_out = select(ChannelContact.phone).where(col(ChannelContact.opted_out).is_(True))
    result = session.execute(
        update(OutboundMessage)
        .where(
            OutboundMessage.status == OutboxStatus.queued,
            col(OutboundMessage.to_number).in_(opted_out),
        )
        .values(status=OutboxStatus.failed, error=OPTED_OUT, updated_at=utcnow())
    )
    session.commit()
    return result.rowcount


def requeue_stale(session: Session, *, older_than_seconds: float) -> int:
    """Messages left `sending` by a worker that died are tried again (at least once)."""
    cutoff = utcnow() - timedelta(seconds=older_than_seconds)
    result = session.execute(
        update(OutboundMessage)
        .where(OutboundMessage.status == OutboxStatus.sending, OutboundMessage.updated_at < cutoff)
        .values(status=OutboxStatus.queued, next_attempt_at=utcnow())
    )
    session.commit()
    return result.rowcount


def unclaim(session: Session, *, outbox_ids: list[int]) -> None:
    """Put claimed messages back untried (an earlier one to the same number must go first)."""
    if not outbox_ids:
        return
    session.execute(
        update(OutboundMessage)
        .where(
            col(OutboundMessage.id).in_(outbox_ids), OutboundMessage.status == OutboxStatus.sending
        )
        .values(status=OutboxStatus.queued, attempts=OutboundMessage.attempts - 1)
    )
    session.commit()


def enqueue(
    session: Session,
    *,
    to_number: str,
    body: str,
    case_id: int | None = None,
    conversation_id: str | None = None,
    reply_to_id: int | None = None,
    sent_by: str = "assistant",
) -> OutboundMessage:
    """Queue one message to a resident; the caller's transaction commits it."""
    message = OutboundMessage(
        to_number=to_number,
        body=body,
        case_id=case_id,
        conversation_id=conversation_id or to_number,
        reply_to_id=reply_to_id,
        sent_by=sent_by,
    )
    session.add(message)
    session.flush()
    return message

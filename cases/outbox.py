"""The outbox (发件箱): every outbound SMS is first a row here, then sent by a worker. Without
Twilio credentials (development) rows stay `queued` and the staff pages show them."""

from __future__ import annotations

from sqlmodel import Session

from cases.models import OutboundMessage


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

"""The per-number lease (租约): one worker at a time, in any API process, hands a phone
number's messages to the assistant, in order. Taking the lease is one atomic conditional
`UPDATE` of the number's `ChannelContact` row, so it works on SQLite and PostgreSQL alike and
expires when a worker dies. Each function commits its own short transaction."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlmodel import Session

from channels.inbox import Inbound, next_pending
from channels.records import COUNT_TRY, LEASE, RELEASE, C
from core.database import utcnow


def _lease_params(phone: str, owner: str, seconds: float) -> dict[str, Any]:
    now = utcnow()
    return {
        "k_phone": phone,
        "k_owner": owner,
        "k_now": now,
        "k_until": now + timedelta(seconds=seconds),
    }


def release_lease(session: Session, *, phone: str, owner: str) -> None:
    session.connection().execute(RELEASE, {"k_phone": phone, "k_owner": owner})
    session.commit()


def take_next(
    session: Session, *, phone: str, owner: str, seconds: float
) -> tuple[Inbound, list[str] | None] | None:
    """In one transaction: take (or renew) the number's lease, then claim its oldest pending
    message with this try counted (`Inbound.attempts` counts the tries before) and the
    choices last offered. With nothing pending the lease is released. None when there is
    nothing to do here (nothing pending, or another worker holds the number)."""
    connection = session.connection()
    leased = connection.execute(
        LEASE.returning(C.c.choices), _lease_params(phone, owner, seconds)
    ).first()
    if leased is None:
        session.rollback()
        return None
    message = next_pending(session, phone=phone)
    if message is None:
        release_lease(session, phone=phone, owner=owner)
        return None
    connection.execute(COUNT_TRY, {"k_id": message.id})
    session.commit()
    return message, leased.choices

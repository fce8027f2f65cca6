"""The template-SMS carrier's callbacks (Aliyun's HTTP push, 消息回执): delivery receipts
(SmsReport) move outbox rows forward, never back; replies (上行, SmsUp) are stored as the
resident's messages of their phone's conversation, kept for staff (the assistant cannot
answer by template), an unsubscribe word (退订, TD, T) recorded as opting out.
The HTTP side answers first and records after (Aliyun waits at most a moment):
``api.routes.aliyun_sms``. Each function commits its own short transaction."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, or_, select, update
from sqlmodel import Session, col

from channels import wording
from channels.models import ChannelContact, OutboundChannel, OutboundMessage, OutboxStatus
from channels.outbox import RANK
from channels.records import InboundStatus, M, ensure_contact, insert_ignore
from core.database import utcnow
from core.masking import mask_personal
from core.phones import normalise_phone
from core.security import IdentityCipher

log = logging.getLogger(__name__)
MAX_ITEMS = 500
# Besides 退订/TD: the letter carriers print as "回T退订". Not "N": a resident may mean "no".
STOP_WORDS = {"T"}


class Unreadable(ValueError):
    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class Report:
    biz_id: str
    out_id: str | None
    delivered: bool
    error: str | None


@dataclass(frozen=True)
class Reply:
    phone: str  # E.164
    text: str
    sequence_id: str


def _items(body: Any) -> list[dict]:
    if not isinstance(body, list) or not all(isinstance(item, dict) for item in body):
        raise Unreadable("body", "a JSON array of objects")
    if len(body) > MAX_ITEMS:
        raise Unreadable("body", f"at most {MAX_ITEMS} items")
    return body


def _text(item: dict, name: str, longest: int, required: bool = True) -> str | None:
    value = item.get(name)
    if value is None or value == "":
        if required:
            raise Unreadable(name, "required")
        return None
    value = str(value)
    if len(value) > longest:
        raise Unreadable(name, f"at most {longest} characters")
    return value


def _each(body: Any, read) -> tuple[list, list[str]]:
    """Each item read; one that cannot be (why, by its place in the batch) is left out and
    said, not the batch refused: Aliyun would push the same batch again, and the rest with
    it would never be stored."""
    read_items, problems = [], []
    for index, item in enumerate(_items(body)):
        try:
            read_items.append(read(item))
        except Unreadable as error:
            problems.append(f"item {index}: {error.field} {error}")
    return read_items, problems


def _report(item: dict) -> Report:
    success = item.get("success")
    if not isinstance(success, bool):
        raise Unreadable("success", "true or false")
    return Report(
        biz_id=_text(item, "biz_id", 64), out_id=_text(item, "out_id", 32, required=False),
        delivered=success,
        error=None if success else f"{item.get('err_code')}: {item.get('err_msg')}"[:200],
    )  # fmt: skip


def _reply(item: dict) -> Reply:
    phone = normalise_phone(_text(item, "phone_number", 20))
    if phone is None:
        raise Unreadable("phone_number", "not a phone number")
    # An empty SMS is still the resident's message (staff see that one came).
    text = (_text(item, "content", 2000, required=False) or "").strip()[:1600]
    return Reply(phone, text, _text(item, "sequence_id", 32))


def read_reports(body: Any) -> tuple[list[Report], list[str]]:
    """The batch's delivery receipts, and what could not be read in it."""
    return _each(body, _report)


def read_replies(body: Any) -> tuple[list[Reply], list[str]]:
    """The batch's replies, and what could not be read in it."""
    return _each(body, _reply)


def record_reports(session: Session, *, reports: list[Report]) -> int:
    """Move each row forward to delivered or undelivered; how many moved. A row is found by
    the carrier's BizId, or — a receipt that came before the send's BizId was stored — by
    our own id the carrier gives back (`out_id`); a receipt of no row is logged."""
    moved, unknown = 0, 0
    for report in reports:
        status = OutboxStatus.delivered if report.delivered else OutboxStatus.undelivered
        lower = [state for state, rank in RANK.items() if rank < RANK[status]]
        values: dict = {"status": status, "updated_at": utcnow()}
        if report.error:
            values["error"] = report.error
        found = OutboundMessage.carrier_ref == report.biz_id
        if report.out_id and report.out_id.isdigit():
            early = and_(
                col(OutboundMessage.id) == int(report.out_id),
                col(OutboundMessage.carrier_ref).is_(None),
                OutboundMessage.channel == OutboundChannel.template_sms.value,
            )  # fmt: skip
            found = or_(found, early)
            values["carrier_ref"] = report.biz_id
        result = session.execute(
            update(OutboundMessage)
            .where(found, col(OutboundMessage.status).in_(lower))
            .values(**values)
        )
        if result.rowcount == 0 and not _known(session, report.biz_id):
            unknown += 1
        moved += result.rowcount
    session.commit()
    if unknown:
        log.warning("%d delivery receipts of no outbox row", unknown)
    return moved


def _known(session: Session, biz_id: str) -> bool:
    """A row with this BizId (a receipt that came again, or after a later state)."""
    return (
        session.execute(select(OutboundMessage.id).where(OutboundMessage.carrier_ref == biz_id))
        .first() is not None
    )  # fmt: skip


def store_replies(
    session: Session, *, replies: list[Reply], cipher: IdentityCipher
) -> list[tuple[int, str]]:
    """Store each reply once (by the carrier's sequence id) in the phone's conversation;
    the (message id, phone) of those stored now, for linking to the resident's case."""
    stored = []
    for reply in replies:
        ensure_contact(session, phone=reply.phone)
        stop = wording.command(reply.text) is wording.Command.stop or (
            reply.text.strip().upper() in STOP_WORDS
        )
        masked = mask_personal(reply.text)
        inserted = insert_ignore(session, M, {
            "conversation_id": reply.phone, "direction": "in", "channel": "sms",
            "text": masked, "text_encrypted": cipher.encrypt(reply.text) if masked != reply.text else None,
            "external_id": f"smsup:{reply.sequence_id}", "created_at": utcnow(),
            "status": (InboundStatus.handled if stop else InboundStatus.reply).value,
            "reply_via": None, "attempts": 0,
        })  # fmt: skip
        if not inserted:
            continue
        if stop:
            contact = session.get(ChannelContact, reply.phone)
            contact.opted_out, contact.opted_out_at, contact.updated_at = True, utcnow(), utcnow()
            session.add(contact)
        message_id = (
            session.connection()
            .execute(select(M.c.id).where(M.c.external_id == f"smsup:{reply.sequence_id}"))
            .scalar_one()
        )
        stored.append((message_id, reply.phone))
    session.commit()
    return stored

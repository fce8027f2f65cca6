"""What the SMS and voice channels record (渠道记录): the states of an inbound message, the
tables' statements built once (SQLAlchemy Core with bound parameters: they run for every
message), and replies as conversation messages and outbox rows."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, bindparam, case, insert, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session

from channels.models import ChannelContact, Message, OutboundMessage, OutboxStatus
from core.database import utcnow


class InboundStatus(str, enum.Enum):
    """`Message.status` of an inbound message."""

    pending = "pending"  # stored, not yet answered by the assistant
    answered = "answered"  # the assistant answered it, once
    handled = "handled"  # a keyword the channel answered itself (退订, 订阅, 帮助)
    ignored = "ignored"  # from a number that opted out: kept, not answered
    failed = "failed"  # the assistant refused it (Rasa answered 4xx): kept for staff
    reply = "reply"  # a reply by domestic SMS (上行): for staff, the assistant cannot answer
    limited = "limited"  # over the per-number limit (see `inbox`): kept for staff, not answered
    resolved = "resolved"  # failed or limited, then marked handled by staff (cases.unhandled)


class ReplyVia(str, enum.Enum):
    """How an inbound message's replies go out."""

    twiml = "twiml"  # in the SMS webhook's answer, while it waits
    voice = "voice"  # said on the call, while it waits
    wechat = "wechat"  # WeChat's passive reply (被动回复), while its request waits
    outbox = "outbox"  # through the outbox (late, replayed, or after a call): SMS, 客服消息


BOT, NOTICE = "bot", "notice"  # `Message.status` of outbound messages
# A WeChat follower's conversation id: this prefix and letters (`channels.wechat.followers`).
WECHAT_PREFIX = "wx-"
PASSIVE = "passive"  # `OutboundMessage.via` of a WeChat passive reply


def is_wechat(conversation_id: str) -> bool:
    return conversation_id.startswith(WECHAT_PREFIX)


PENDING, ANSWERED = InboundStatus.pending.value, InboundStatus.answered.value


@dataclass(frozen=True)
class Ref:
    """The inbound message replies point at."""

    id: int
    phone: str
    case_id: int | None


M, C, OUT = Message.__table__, ChannelContact.__table__, OutboundMessage.__table__


def _p(name: str, column) -> Any:
    return bindparam(name, type_=column.type)


# RETURNING tells whether the row went in: a driver's rowcount of an INSERT is not to be
# trusted (psycopg 3 through SQLAlchemy gives -1).
INSERT_IGNORE = {
    dialect.__name__.rsplit(".", 1)[-1]: {
        table.name: dialect.insert(table)
        .on_conflict_do_nothing()
        .returning(*table.primary_key.columns)
        for table in (M, C)
    }
    for dialect in (sqlite, postgresql)
}
RECEIVED = (
    select(M.c.id, M.c.status, M.c.reply_via, M.c.case_id, C.c.opted_out)
    .join(C, C.c.phone == M.c.conversation_id)
    .where(M.c.external_id == bindparam("k_external_id"))
)
LEASE_FREE = or_(
    C.c.lease_until.is_(None),
    C.c.lease_until < _p("k_now", C.c.lease_until),
    C.c.lease_owner == bindparam("k_owner"),
)
LEASE = (
    update(C)
    .where(C.c.phone == bindparam("k_phone"), LEASE_FREE)
    .values(lease_owner=bindparam("k_owner"), lease_until=_p("k_until", C.c.lease_until))
)
RELEASE = (
    update(C)
    .where(C.c.phone == bindparam("k_phone"), C.c.lease_owner == bindparam("k_owner"))
    .values(lease_owner=None, lease_until=None)
)
NEXT = (
    select(
        M.c.id,
        M.c.external_id,
        M.c.text,
        M.c.text_encrypted,
        M.c.channel,
        M.c.attempts,
        M.c.reply_via,
    )
    .where(
        M.c.conversation_id == bindparam("k_phone"), M.c.direction == "in", M.c.status == PENDING
    )
    .order_by(M.c.id)
    .limit(1)
)
COUNT_TRY = update(M).where(M.c.id == bindparam("k_id")).values(attempts=M.c.attempts + 1)
ANSWER = (
    update(M)
    .where(M.c.id == bindparam("k_id"), M.c.status == PENDING)
    .values(
        status=ANSWERED,
        reply_via=case(
            (
                and_(
                    M.c.reply_via == ReplyVia.twiml.value,
                    M.c.created_at > _p("k_twiml_after", M.c.created_at),
                ),
                ReplyVia.twiml.value,
            ),
            (
                and_(
                    M.c.reply_via == ReplyVia.voice.value,
                    M.c.created_at > _p("k_voice_after", M.c.created_at),
                ),
                ReplyVia.voice.value,
            ),
            (
                and_(
                    M.c.reply_via == ReplyVia.wechat.value,
                    M.c.created_at > _p("k_wechat_after", M.c.created_at),
                ),
                ReplyVia.wechat.value,
            ),
            else_=ReplyVia.outbox.value,
        ),
    )
    .returning(M.c.reply_via, M.c.conversation_id, M.c.case_id)
)
CONTACT_ANSWERED = update(C).where(C.c.phone == bindparam("k_phone"))
GIVE_UP = (
    update(M)
    .where(M.c.id == bindparam("k_id"), M.c.status == PENDING)
    .values(reply_via=ReplyVia.outbox.value)
    .returning(M.c.conversation_id, M.c.case_id)
)
NOTIFY = (
    update(C)
    .where(C.c.phone == bindparam("k_phone"), C.c.outage_notified_at.is_(None))
    .values(outage_notified_at=_p("k_now", C.c.outage_notified_at))
)


def insert_ignore(session: Session, table, values: dict[str, Any]) -> bool:
    """INSERT … ON CONFLICT DO NOTHING (SQLite, PostgreSQL); True if a row was inserted."""
    statement = INSERT_IGNORE[session.get_bind().dialect.name][table.name]
    return session.connection().execute(statement, values).first() is not None


def ensure_contact(session: Session, *, phone: str) -> None:
    insert_ignore(session, C, {"phone": phone, "opted_out": False, "updated_at": utcnow()})


def record_replies(
    session: Session, *, message: Ref, texts: list[str], via: ReplyVia, kind: str
) -> None:
    """Replies to `message`: conversation messages, and SMS or 客服消息 in the outbox (already
    sent when they go in the webhook's TwiML answer or WeChat's passive reply)."""
    if not texts:
        return
    now, connection = utcnow(), session.connection()
    wechat = is_wechat(message.phone)
    channel = "voice" if via is ReplyVia.voice else "wechat" if wechat else "sms"
    connection.execute(
        insert(M),
        [
            {
                "conversation_id": message.phone,
                "case_id": message.case_id,
                "direction": "out",
                "channel": channel,
                "text": text,
                "created_at": now,
                "status": kind,
                "attempts": 0,
                "reply_to_id": message.id,
                "external_id": None,
                "reply_via": None,
            }
            for text in texts
        ],
    )
    answered = None  # the rows that go back in the webhook's own answer
    extra: dict = {}
    if channel == "sms" and message.phone.startswith("+"):
        answered = via is ReplyVia.twiml
        marker = "twiml"
    elif wechat:
        answered = via is ReplyVia.wechat
        marker, extra = PASSIVE, {"channel": "wechat"}
    if answered is None:
        return
    connection.execute(
        insert(OUT),
        [
            {
                "to_number": message.phone,
                "body": text,
                "case_id": message.case_id,
                "conversation_id": message.phone,
                "reply_to_id": message.id,
                "status": OutboxStatus.sent if answered else OutboxStatus.queued,
                "attempts": 0,
                "next_attempt_at": now,
                "sent_by": "assistant",
                "created_at": now,
                "updated_at": now,
                "via": marker if answered else None,
                **extra,
                "twilio_sid": None,
                "error": None,
            }
            for text in texts
        ],
    )


def live_replies(session: Session, *, message_id: int, reply_via: str | None) -> list[str]:
    """What went out for a message in a webhook's answer (TwiML or said on the call)."""
    if reply_via == ReplyVia.twiml.value:
        query = (
            select(OUT.c.body)
            .where(OUT.c.reply_to_id == message_id, OUT.c.via == "twiml")
            .order_by(OUT.c.id)
        )
    elif reply_via == ReplyVia.wechat.value:
        query = (
            select(OUT.c.body)
            .where(OUT.c.reply_to_id == message_id, OUT.c.via == PASSIVE)
            .order_by(OUT.c.id)
        )
    elif reply_via == ReplyVia.voice.value:
        query = (
            select(M.c.text)
            .where(M.c.reply_to_id == message_id, M.c.channel == "voice")
            .order_by(M.c.id)
        )
    else:
        return []
    return list(session.connection().execute(query).scalars().all())

"""The SMS and voice channels' records (短信、电话渠道). Every inbound message is stored before
anything else happens, deduplicated by Twilio's id, answered once and in order per phone
number (a lease on the number's `ChannelContact` row serialises the workers of all
processes), and its replies are recorded as conversation messages and, for SMS, in the
outbox. Keyword-only data functions; each commits its own short transaction. The statements
on the hot path are built once (Core, with bound parameters): they run for every message."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, bindparam, case, insert, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session

from cases import messaging
from cases.models import ChannelContact, Message, OutboundMessage, OutboxStatus, utcnow


class InboundStatus(str, enum.Enum):
    """`Message.status` of an inbound message."""

    pending = "pending"  # stored, not yet answered by the assistant
    answered = "answered"  # the assistant answered it, once
    handled = "handled"  # a keyword the channel answered itself (退订, 订阅, 帮助)
    ignored = "ignored"  # from a number that opted out: kept, not answered
    failed = "failed"  # the assistant refused it (Rasa answered 4xx): kept for staff


class ReplyVia(str, enum.Enum):
    """How an inbound message's replies go out."""

    twiml = "twiml"  # in the SMS webhook's answer, while it waits
    voice = "voice"  # said on the call, while it waits
    outbox = "outbox"  # by SMS through the outbox (late, replayed, or after a call)


BOT, NOTICE = "bot", "notice"  # `Message.status` of outbound messages
PENDING, ANSWERED = InboundStatus.pending.value, InboundStatus.answered.value


@dataclass(frozen=True)
class Inbound:
    id: int
    external_id: str
    phone: str
    text: str
    channel: str
    attempts: int
    reply_via: str


@dataclass(frozen=True)
class Received:
    message_id: int
    pending: bool  # to be handed to the assistant
    texts: list[str]  # to answer now (keywords, or a repeated id already answered)
    duplicate: bool = False


@dataclass(frozen=True)
class _Ref:
    """The inbound message replies point at."""

    id: int
    phone: str
    case_id: int | None


# -- statements ---------------------------------------------------------------------------

M, C, OUT = Message.__table__, ChannelContact.__table__, OutboundMessage.__table__


def _p(name: str, column) -> Any:
    return bindparam(name, type_=column.type)


_INSERT_IGNORE = {
    dialect.__name__.rsplit(".", 1)[-1]: {
        table.name: dialect.insert(table).on_conflict_do_nothing() for table in (M, C)
    }
    for dialect in (sqlite, postgresql)
}
_RECEIVED = (
    select(M.c.id, M.c.status, M.c.reply_via, M.c.case_id, C.c.opted_out)
    .join(C, C.c.phone == M.c.conversation_id)
    .where(M.c.external_id == bindparam("k_external_id"))
)
_LEASE_FREE = or_(
    C.c.lease_until.is_(None),
    C.c.lease_until < _p("k_now", C.c.lease_until),
    C.c.lease_owner == bindparam("k_owner"),
)
_LEASE = (
    update(C)
    .where(C.c.phone == bindparam("k_phone"), _LEASE_FREE)
    .values(lease_owner=bindparam("k_owner"), lease_until=_p("k_until", C.c.lease_until))
)
_RELEASE = (
    update(C)
    .where(C.c.phone == bindparam("k_phone"), C.c.lease_owner == bindparam("k_owner"))
    .values(lease_owner=None, lease_until=None)
)
_NEXT = (
    select(M.c.id, M.c.external_id, M.c.text, M.c.channel, M.c.attempts, M.c.reply_via)
    .where(M.c.conversation_id == bindparam("k_phone"), M.c.direction == "in",
           M.c.status == PENDING)
    .order_by(M.c.id)
    .limit(1)
)
_COUNT_TRY = update(M).where(M.c.id == bindparam("k_id")).values(attempts=M.c.attempts + 1)
_ANSWER = (
    update(M)
    .where(M.c.id == bindparam("k_id"), M.c.status == PENDING)
    .values(
        status=ANSWERED,
        reply_via=case(
            (and_(M.c.reply_via == ReplyVia.twiml.value,
                  M.c.created_at > _p("k_twiml_after", M.c.created_at)), ReplyVia.twiml.value),
            (and_(M.c.reply_via == ReplyVia.voice.value,
                  M.c.created_at > _p("k_voice_after", M.c.created_at)), ReplyVia.voice.value),
            else_=ReplyVia.outbox.value,
        ),
    )
    .returning(M.c.reply_via, M.c.conversation_id, M.c.case_id)
)
_CONTACT_ANSWERED = update(C).where(C.c.phone == bindparam("k_phone"))
_GIVE_UP = (
    update(M)
    .where(M.c.id == bindparam("k_id"), M.c.status == PENDING)
    .values(reply_via=ReplyVia.outbox.value)
    .returning(M.c.conversation_id, M.c.case_id)
)
_NOTIFY = (
    update(C)
    .where(C.c.phone == bindparam("k_phone"), C.c.outage_notified_at.is_(None))
    .values(outage_notified_at=_p("k_now", C.c.outage_notified_at))
)


def _insert_ignore(session: Session, table, values: dict[str, Any]) -> bool:
    """INSERT … ON CONFLICT DO NOTHING (SQLite, PostgreSQL); True if a row was inserted."""
    statement = _INSERT_IGNORE[session.get_bind().dialect.name][table.name]
    return session.connection().execute(statement, values).rowcount == 1


def ensure_contact(session: Session, *, phone: str) -> None:
    _insert_ignore(session, C, {"phone": phone, "opted_out": False, "updated_at": utcnow()})


# -- inbound --------------------------------------------------------------------------------


def receive(
    session: Session,
    *,
    external_id: str,
    phone: str,
    text: str,
    channel: str,
    reply_via: ReplyVia,
    helpline: str,
) -> Received:
    """Store an inbound message (once per `external_id`) and answer keywords and opted-out
    numbers; anything else is left `pending` for the assistant."""
    ensure_contact(session, phone=phone)
    inserted = _insert_ignore(session, M, {
        "conversation_id": phone, "direction": "in", "channel": channel, "text": text,
        "external_id": external_id, "created_at": utcnow(), "status": PENDING,
        "reply_via": reply_via.value, "attempts": 0,
    })
    row = session.connection().execute(_RECEIVED, {"k_external_id": external_id}).one()
    message = _Ref(row.id, phone, row.case_id)
    if not inserted:
        texts = live_replies(session, message_id=row.id, reply_via=row.reply_via)
        session.commit()
        return Received(row.id, pending=False, texts=texts, duplicate=True)
    kind = messaging.command(text) if channel == "sms" else None
    if kind is not None:
        contact = session.get(ChannelContact, phone)
        if kind is messaging.Command.stop:
            contact.opted_out, contact.opted_out_at = True, utcnow()
            texts = [messaging.STOPPED_NOTICE]
        elif kind is messaging.Command.start:
            contact.opted_out = False
            texts = [messaging.STARTED_NOTICE]
        else:
            texts = [messaging.HELP_NOTICE.format(helpline=helpline)]
        contact.updated_at = utcnow()
        session.add(contact)
        _set_status(session, row.id, InboundStatus.handled)
        _record_replies(session, message=message, texts=texts, via=ReplyVia.twiml, kind=NOTICE)
        session.commit()
        return Received(row.id, pending=False, texts=texts)
    if row.opted_out and channel == "sms":
        _set_status(session, row.id, InboundStatus.ignored)
        session.commit()
        return Received(row.id, pending=False, texts=[])
    session.commit()
    return Received(row.id, pending=True, texts=[])


def _set_status(session: Session, message_id: int, status: InboundStatus) -> None:
    session.connection().execute(
        update(M).where(M.c.id == message_id, M.c.status == PENDING).values(status=status.value)
    )


def mark_failed(session: Session, *, message_id: int) -> None:
    _set_status(session, message_id, InboundStatus.failed)
    session.commit()


def next_pending(session: Session, *, phone: str) -> Inbound | None:
    """The oldest inbound message of `phone` that the assistant has not answered."""
    row = session.connection().execute(_NEXT, {"k_phone": phone}).first()
    if row is None:
        return None
    return Inbound(
        id=row.id, external_id=row.external_id or str(row.id), phone=phone, text=row.text,
        channel=row.channel, attempts=row.attempts,
        reply_via=row.reply_via or ReplyVia.outbox.value,
    )


def phones_with_pending(session: Session, *, limit: int = 100) -> list[str]:
    """Numbers with messages waiting for the assistant and no worker holding them."""
    now = utcnow()
    return list(
        session.connection().execute(
            select(M.c.conversation_id)
            .join(C, C.c.phone == M.c.conversation_id)
            .where(M.c.direction == "in", M.c.status == PENDING,
                   or_(C.c.lease_until.is_(None), C.c.lease_until < now))
            .group_by(M.c.conversation_id)
            .order_by(M.c.conversation_id)
            .limit(limit)
        ).scalars().all()
    )


# -- the lease: one worker at a time hands a number's messages over -------------------------


def _lease_params(phone: str, owner: str, seconds: float) -> dict[str, Any]:
    now = utcnow()
    return {"k_phone": phone, "k_owner": owner, "k_now": now,
            "k_until": now + timedelta(seconds=seconds)}


def acquire_lease(session: Session, *, phone: str, owner: str, seconds: float) -> bool:
    """Take (or renew) the number's lease."""
    result = session.connection().execute(_LEASE, _lease_params(phone, owner, seconds))
    session.commit()
    return result.rowcount == 1


def release_lease(session: Session, *, phone: str, owner: str) -> None:
    session.connection().execute(_RELEASE, {"k_phone": phone, "k_owner": owner})
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
        _LEASE.returning(C.c.choices), _lease_params(phone, owner, seconds)
    ).first()
    if leased is None:
        session.rollback()
        return None
    message = next_pending(session, phone=phone)
    if message is None:
        release_lease(session, phone=phone, owner=owner)
        return None
    connection.execute(_COUNT_TRY, {"k_id": message.id})
    session.commit()
    return message, leased.choices


# -- answers --------------------------------------------------------------------------------


def _record_replies(
    session: Session, *, message: _Ref, texts: list[str], via: ReplyVia, kind: str
) -> None:
    """Replies to `message`: conversation messages, and SMS in the outbox (already sent when
    they go in the webhook's TwiML answer)."""
    if not texts:
        return
    now, connection = utcnow(), session.connection()
    channel = "voice" if via is ReplyVia.voice else "sms"
    connection.execute(insert(M), [
        {"conversation_id": message.phone, "case_id": message.case_id, "direction": "out",
         "channel": channel, "text": text, "created_at": now, "status": kind, "attempts": 0,
         "reply_to_id": message.id, "external_id": None, "reply_via": None}
        for text in texts
    ])
    if channel == "sms" and message.phone.startswith("+"):
        twiml = via is ReplyVia.twiml
        connection.execute(insert(OUT), [
            {"to_number": message.phone, "body": text, "case_id": message.case_id,
             "conversation_id": message.phone, "reply_to_id": message.id,
             "status": OutboxStatus.sent if twiml else OutboxStatus.queued, "attempts": 0,
             "next_attempt_at": now, "sent_by": "assistant", "created_at": now,
             "updated_at": now, "via": "twiml" if twiml else None, "twilio_sid": None,
             "error": None}
            for text in texts
        ])


@dataclass(frozen=True)
class Answer:
    live: list[str] | None  # the replies to give the waiting webhook; None: by the outbox
    more: bool  # more messages of the number are pending (else its lease was released)


def record_answer(
    session: Session,
    *,
    message_id: int,
    replies: list[dict[str, Any]],
    live_seconds: dict[str, float],
) -> list[str] | None:
    """Mark the message answered and record the assistant's replies. They go out live (the
    returned texts) while a webhook still waits for them — within `live_seconds[reply_via]`
    of the message and unless it gave up — else by SMS through the outbox (None)."""
    answer = record_answer_and_look_ahead(
        session, message_id=message_id, replies=replies, live_seconds=live_seconds
    )
    return answer.live


def record_answer_and_look_ahead(
    session: Session,
    *,
    message_id: int,
    replies: list[dict[str, Any]],
    live_seconds: dict[str, float],
    lease_owner: str | None = None,
) -> Answer:
    """`record_answer`, and in the same transaction: are more of the number's messages
    pending? If not, the lease of `lease_owner` is released."""
    now = utcnow()
    never = now + timedelta(days=1)
    answered = session.connection().execute(_ANSWER, {
        "k_id": message_id,
        "k_twiml_after": now - timedelta(seconds=live_seconds["twiml"])
        if "twiml" in live_seconds else never,
        "k_voice_after": now - timedelta(seconds=live_seconds["voice"])
        if "voice" in live_seconds else never,
    }).first()
    if answered is None:  # answered before: never twice
        session.rollback()
        return Answer(live=None, more=True)
    via = ReplyVia(answered.reply_via)
    message = _Ref(message_id, answered.conversation_id, answered.case_id)
    if via is ReplyVia.voice:
        spoken = messaging.render_voice(replies)
        texts = [spoken] if spoken else []
    else:
        texts = messaging.render_sms(replies)
    _record_replies(session, message=message, texts=texts, via=via, kind=BOT)
    values: dict[str, Any] = {
        "choices": messaging.choices_of(replies),
        "outage_notified_at": None,  # the assistant answers again: this outage is over
        "updated_at": now,
    }
    if via is ReplyVia.voice and texts:
        values["voice_prompt"] = texts[-1]
    session.connection().execute(_CONTACT_ANSWERED.values(**values), {"k_phone": message.phone})
    more = True
    if lease_owner is not None and next_pending(session, phone=message.phone) is None:
        session.connection().execute(_RELEASE, {"k_phone": message.phone, "k_owner": lease_owner})
        more = False
    session.commit()
    return Answer(live=texts if via is not ReplyVia.outbox else None, more=more)


def live_replies(session: Session, *, message_id: int, reply_via: str | None) -> list[str]:
    """What went out for a message in a webhook's answer (TwiML or said on the call)."""
    if reply_via == ReplyVia.twiml.value:
        query = (select(OUT.c.body).where(OUT.c.reply_to_id == message_id, OUT.c.via == "twiml")
                 .order_by(OUT.c.id))
    elif reply_via == ReplyVia.voice.value:
        query = (select(M.c.text).where(M.c.reply_to_id == message_id, M.c.channel == "voice")
                 .order_by(M.c.id))
    else:
        return []
    return list(session.connection().execute(query).scalars().all())


def reply_state(session: Session, *, message_id: int) -> tuple[str, list[str]]:
    """An inbound message's status and the replies that went out live for it."""
    status, reply_via = session.connection().execute(
        select(M.c.status, M.c.reply_via).where(M.c.id == message_id)
    ).one()
    return status, live_replies(session, message_id=message_id, reply_via=reply_via)


def give_up_waiting(session: Session, *, message_id: int, notice: str | None) -> list[str]:
    """A webhook stops waiting: the replies will go by the outbox, and the resident gets the
    outage notice, once per outage. If the assistant answered in the meantime, its live
    replies are returned instead."""
    still_pending = session.connection().execute(_GIVE_UP, {"k_id": message_id}).first()
    if still_pending is not None:
        message = _Ref(message_id, still_pending.conversation_id, still_pending.case_id)
        notify_outage(session, message=message, notice=notice)
        session.commit()
        return []
    _status, texts = reply_state(session, message_id=message_id)
    session.commit()
    return texts


def notify_outage(session: Session, *, message: _Ref, notice: str | None) -> bool:
    """Tell the resident we will reply later — once until the assistant answers again."""
    result = session.connection().execute(_NOTIFY, {"k_phone": message.phone, "k_now": utcnow()})
    if result.rowcount != 1:
        return False
    if notice:
        _record_replies(session, message=message, texts=[notice], via=ReplyVia.outbox, kind=NOTICE)
    return True


# -- voice ----------------------------------------------------------------------------------


def set_voice_prompt(session: Session, *, phone: str, prompt: str) -> None:
    ensure_contact(session, phone=phone)
    session.connection().execute(
        update(C).where(C.c.phone == phone).values(voice_prompt=prompt, updated_at=utcnow())
    )
    session.commit()


def voice_prompt(session: Session, *, phone: str) -> str | None:
    contact = session.get(ChannelContact, phone)
    return contact.voice_prompt if contact else None


def last_bot_reply(session: Session, *, phone: str, since: datetime) -> str | None:
    """The assistant's last reply to `phone` since `since`, to carry on a conversation."""
    return session.connection().execute(
        select(M.c.text)
        .where(M.c.conversation_id == phone, M.c.direction == "out", M.c.status == BOT,
               M.c.created_at >= since)
        .order_by(M.c.id.desc())
        .limit(1)
    ).scalar()

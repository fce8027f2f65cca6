"""The SMS and voice channels' records (短信、电话渠道). Every inbound message is stored before
anything else happens, deduplicated by Twilio's id, answered once and in order per phone
number (a lease on the number's `ChannelContact` row serialises the workers of all
processes), and its replies are recorded as conversation messages and, for SMS, in the
outbox. Keyword-only data functions; each commits its own short transaction."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, or_, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col, select

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


def _insert_ignore(session: Session, model: type, values: dict[str, Any]) -> bool:
    """INSERT … ON CONFLICT DO NOTHING (SQLite, PostgreSQL); True if a row was inserted."""
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    result = session.execute(insert(model).values(**values).on_conflict_do_nothing())
    return result.rowcount == 1


def ensure_contact(session: Session, *, phone: str) -> ChannelContact:
    _insert_ignore(
        session, ChannelContact, {"phone": phone, "opted_out": False, "updated_at": utcnow()}
    )
    return session.get(ChannelContact, phone)


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
    contact = ensure_contact(session, phone=phone)
    inserted = _insert_ignore(
        session,
        Message,
        {
            "conversation_id": phone,
            "direction": "in",
            "channel": channel,
            "text": text,
            "external_id": external_id,
            "created_at": utcnow(),
            "status": InboundStatus.pending.value,
            "reply_via": reply_via.value,
            "attempts": 0,
        },
    )
    message = session.exec(select(Message).where(Message.external_id == external_id)).one()
    if not inserted:
        texts = live_replies(session, message=message)
        session.commit()
        return Received(message.id, pending=False, texts=texts, duplicate=True)
    kind = messaging.command(text) if channel == "sms" else None
    if kind is not None:
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
        message.status = InboundStatus.handled.value
        _record_replies(session, message=message, texts=texts, via=ReplyVia.twiml, kind=NOTICE)
        session.commit()
        return Received(message.id, pending=False, texts=texts)
    if contact.opted_out and channel == "sms":
        message.status = InboundStatus.ignored.value
        session.add(message)
        session.commit()
        return Received(message.id, pending=False, texts=[])
    session.commit()
    return Received(message.id, pending=True, texts=[])


def _record_replies(
    session: Session, *, message: Message, texts: list[str], via: ReplyVia, kind: str
) -> None:
    """Replies to `message`: conversation messages, and SMS in the outbox (already sent when
    they go in the webhook's TwiML answer)."""
    channel = "voice" if via is ReplyVia.voice else "sms"
    for text in texts:
        session.add(
            Message(
                conversation_id=message.conversation_id,
                case_id=message.case_id,
                direction="out",
                channel=channel,
                text=text,
                status=kind,
                reply_to_id=message.id,
            )
        )
        if channel == "sms" and message.conversation_id.startswith("+"):
            twiml = via is ReplyVia.twiml
            session.add(
                OutboundMessage(
                    to_number=message.conversation_id,
                    body=text,
                    case_id=message.case_id,
                    conversation_id=message.conversation_id,
                    reply_to_id=message.id,
                    status=OutboxStatus.sent if twiml else OutboxStatus.queued,
                    via="twiml" if twiml else None,
                )
            )
    session.add(message)


def live_replies(session: Session, *, message: Message) -> list[str]:
    """What went out for `message` in a webhook's answer (TwiML or said on the call)."""
    if message.reply_via == ReplyVia.twiml.value:
        return list(
            session.exec(
                select(OutboundMessage.body)
                .where(OutboundMessage.reply_to_id == message.id, OutboundMessage.via == "twiml")
                .order_by(col(OutboundMessage.id))
            ).all()
        )
    if message.reply_via == ReplyVia.voice.value:
        return list(
            session.exec(
                select(Message.text)
                .where(Message.reply_to_id == message.id, Message.channel == "voice")
                .order_by(col(Message.id))
            ).all()
        )
    return []


def reply_state(session: Session, *, message_id: int) -> tuple[str, list[str]]:
    """An inbound message's status and the replies that went out live for it."""
    message = session.get(Message, message_id)
    return message.status, live_replies(session, message=message)


def claim_next(session: Session, *, phone: str) -> tuple[Inbound, list[str] | None] | None:
    """The oldest pending message of `phone`, with this try counted (`attempts` says how
    many tries came before it), and the choices last offered to the number."""
    message = next_pending(session, phone=phone)
    if message is None:
        return None
    mark_attempt(session, message_id=message.id)
    return message, contact_choices(session, phone=phone)


def next_pending(session: Session, *, phone: str) -> Inbound | None:
    """The oldest inbound message of `phone` that the assistant has not answered."""
    message = session.exec(
        select(Message)
        .where(
            Message.conversation_id == phone,
            Message.direction == "in",
            Message.status == InboundStatus.pending.value,
        )
        .order_by(col(Message.id))
    ).first()
    if message is None:
        return None
    return Inbound(
        id=message.id,
        external_id=message.external_id or str(message.id),
        phone=phone,
        text=message.text,
        channel=message.channel,
        attempts=message.attempts,
        reply_via=message.reply_via or ReplyVia.outbox.value,
    )


def pending_ids(session: Session, *, phone: str) -> list[int]:
    return list(
        session.exec(
            select(Message.id).where(
                Message.conversation_id == phone,
                Message.direction == "in",
                Message.status == InboundStatus.pending.value,
            )
        ).all()
    )


def phones_with_pending(session: Session, *, limit: int = 100) -> list[str]:
    """Numbers with messages waiting for the assistant and no worker holding them."""
    now = utcnow()
    return list(
        session.exec(
            select(Message.conversation_id)
            .join(ChannelContact, col(ChannelContact.phone) == col(Message.conversation_id))
            .where(
                Message.direction == "in",
                Message.status == InboundStatus.pending.value,
                or_(col(ChannelContact.lease_until).is_(None), ChannelContact.lease_until < now),
            )
            .group_by(Message.conversation_id)
            .order_by(col(Message.conversation_id))
            .limit(limit)
        ).all()
    )


def acquire_lease(session: Session, *, phone: str, owner: str, seconds: float) -> bool:
    """Take (or renew) the number's lease: one worker at a time hands its messages over."""
    now = utcnow()
    result = session.execute(
        update(ChannelContact)
        .where(
            col(ChannelContact.phone) == phone,
            or_(
                col(ChannelContact.lease_until).is_(None),
                ChannelContact.lease_until < now,
                ChannelContact.lease_owner == owner,
            ),
        )
        .values(lease_owner=owner, lease_until=now + timedelta(seconds=seconds))
    )
    session.commit()
    return result.rowcount == 1


def release_lease(session: Session, *, phone: str, owner: str) -> None:
    session.execute(
        update(ChannelContact)
        .where(col(ChannelContact.phone) == phone, ChannelContact.lease_owner == owner)
        .values(lease_owner=None, lease_until=None)
    )
    session.commit()


def mark_attempt(session: Session, *, message_id: int) -> None:
    """Counted before each hand-over: a count above zero means the assistant may have it."""
    session.execute(
        update(Message).where(col(Message.id) == message_id).values(attempts=Message.attempts + 1)
    )
    session.commit()


def mark_failed(session: Session, *, message_id: int) -> None:
    session.execute(
        update(Message)
        .where(col(Message.id) == message_id, Message.status == InboundStatus.pending.value)
        .values(status=InboundStatus.failed.value)
    )
    session.commit()


def contact_choices(session: Session, *, phone: str) -> list[str] | None:
    contact = session.get(ChannelContact, phone)
    return contact.choices if contact else None


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
    message = session.get(Message, message_id)
    if message is None or message.status != InboundStatus.pending.value:
        return None
    via = ReplyVia(message.reply_via or ReplyVia.outbox.value)
    fresh = message.created_at > utcnow() - timedelta(seconds=live_seconds.get(via.value, 0))
    answered = False
    if via is not ReplyVia.outbox and fresh:
        answered = _set_answered(session, message_id, where_via=via) == 1
    if not answered:
        via = ReplyVia.outbox
        if _set_answered(session, message_id, where_via=None) != 1:
            session.rollback()
            return None
    session.refresh(message)
    if via is ReplyVia.voice:
        spoken = messaging.render_voice(replies)
        texts = [spoken] if spoken else []
    else:
        texts = messaging.render_sms(replies)
    _record_replies(session, message=message, texts=texts, via=via, kind=BOT)
    contact = ensure_contact(session, phone=message.conversation_id)
    contact.choices = messaging.choices_of(replies)
    contact.outage_notified_at = None  # the assistant answers again: this outage is over
    if via is ReplyVia.voice and texts:
        contact.voice_prompt = texts[-1]
    contact.updated_at = utcnow()
    session.add(contact)
    session.commit()
    return texts if via is not ReplyVia.outbox else None


def _set_answered(session: Session, message_id: int, *, where_via: ReplyVia | None) -> int:
    condition = and_(col(Message.id) == message_id, Message.status == InboundStatus.pending.value)
    if where_via is not None:
        condition = and_(condition, Message.reply_via == where_via.value)
    values: dict[str, Any] = {"status": InboundStatus.answered.value}
    if where_via is None:
        values["reply_via"] = ReplyVia.outbox.value
    return session.execute(update(Message).where(condition).values(**values)).rowcount


def give_up_waiting(session: Session, *, message_id: int, notice: str | None) -> list[str]:
    """A webhook stops waiting: the replies will go by the outbox, and the resident gets the
    outage notice, once per outage. If the assistant answered in the meantime, its live
    replies are returned instead."""
    result = session.execute(
        update(Message)
        .where(col(Message.id) == message_id, Message.status == InboundStatus.pending.value)
        .values(reply_via=ReplyVia.outbox.value)
    )
    message = session.get(Message, message_id)
    if result.rowcount == 1:
        notify_outage(session, message=message, notice=notice)
        session.commit()
        return []
    texts = live_replies(session, message=message)
    session.commit()
    return texts


def notify_outage(session: Session, *, message: Message, notice: str | None) -> bool:
    """Tell the resident we will reply later — once until the assistant answers again."""
    result = session.execute(
        update(ChannelContact)
        .where(
            col(ChannelContact.phone) == message.conversation_id,
            col(ChannelContact.outage_notified_at).is_(None),
        )
        .values(outage_notified_at=utcnow())
    )
    if result.rowcount != 1:
        return False
    if notice:
        _record_replies(session, message=message, texts=[notice], via=ReplyVia.outbox, kind=NOTICE)
    return True


def set_voice_prompt(session: Session, *, phone: str, prompt: str) -> None:
    contact = ensure_contact(session, phone=phone)
    contact.voice_prompt, contact.updated_at = prompt, utcnow()
    session.add(contact)
    session.commit()


def voice_prompt(session: Session, *, phone: str) -> str | None:
    contact = session.get(ChannelContact, phone)
    return contact.voice_prompt if contact else None


def last_bot_reply(session: Session, *, phone: str, since: datetime) -> str | None:
    """The assistant's last reply to `phone` since `since`, to carry on a conversation."""
    return session.exec(
        select(Message.text)
        .where(
            Message.conversation_id == phone,
            Message.direction == "out",
            Message.status == BOT,
            Message.created_at >= since,
        )
        .order_by(col(Message.id).desc())
    ).first()

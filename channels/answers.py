"""The assistant's answers on the SMS and voice channels (答复): recorded once, given live to
the webhook that still waits for them or else sent by the outbox; a webhook that stops
waiting; the one "we will reply soon" notice per outage."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from channels import wording
from channels.inbox import next_pending
from channels.records import (
    ANSWER,
    BOT,
    CONTACT_ANSWERED,
    GIVE_UP,
    NOTICE,
    NOTIFY,
    RELEASE,
    M,
    Ref,
    ReplyVia,
    is_wechat,
    live_replies,
    record_replies,
)
from core.database import utcnow


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
    lease_owner: str | None = None,
) -> Answer:
    """Mark the message answered and record the assistant's replies. They go out live
    (`Answer.live`) while a webhook still waits for them — within `live_seconds[reply_via]`
    of the message and unless it gave up — else by SMS through the outbox (None). In the
    same transaction: are more of the number's messages pending (`Answer.more`)? If not,
    the lease of `lease_owner` is released."""
    now = utcnow()
    never = now + timedelta(days=1)
    answered = (
        session.connection()
        .execute(
            ANSWER,
            {
                "k_id": message_id,
                "k_twiml_after": now - timedelta(seconds=live_seconds["twiml"])
                if "twiml" in live_seconds
                else never,
                "k_voice_after": now - timedelta(seconds=live_seconds["voice"])
                if "voice" in live_seconds
                else never,
                "k_wechat_after": now - timedelta(seconds=live_seconds["wechat"])
                if "wechat" in live_seconds
                else never,
            },
        )
        .first()
    )
    if answered is None:  # answered before: never twice
        session.rollback()
        return Answer(live=None, more=True)
    via = ReplyVia(answered.reply_via)
    message = Ref(message_id, answered.conversation_id, answered.case_id)
    if via is ReplyVia.voice:
        spoken = wording.render_voice(replies)
        texts = [spoken] if spoken else []
    elif is_wechat(message.phone):
        shown = wording.render_wechat(replies)
        texts = [shown] if shown else []
    else:
        texts = wording.render_sms(replies)
    record_replies(session, message=message, texts=texts, via=via, kind=BOT)
    values: dict[str, Any] = {
        "choices": wording.choices_of(replies),
        "outage_notified_at": None,  # the assistant answers again: this outage is over
        "updated_at": now,
    }
    if via is ReplyVia.voice and texts:
        values["voice_prompt"] = texts[-1]
    session.connection().execute(CONTACT_ANSWERED.values(**values), {"k_phone": message.phone})
    more = True
    if lease_owner is not None and next_pending(session, phone=message.phone) is None:
        session.connection().execute(RELEASE, {"k_phone": message.phone, "k_owner": lease_owner})
        more = False
    session.commit()
    return Answer(live=texts if via is not ReplyVia.outbox else None, more=more)


def reply_state(
    session: Session, *, message_id: int, conversation_id: str | None = None
) -> tuple[str | None, list[str]]:
    """An inbound message's status and the replies that went out live for it; (None, [])
    when there is no such message (of that conversation, when one is given)."""
    query = select(M.c.status, M.c.reply_via).where(M.c.id == message_id)
    if conversation_id is not None:
        query = query.where(M.c.conversation_id == conversation_id)
    row = session.connection().execute(query).first()
    if row is None:
        return None, []
    status, reply_via = row
    return status, live_replies(session, message_id=message_id, reply_via=reply_via)


def still_live(session: Session, *, message_id: int) -> bool:
    """Is the message's reply still to go in a webhook's answer (no request gave up on it)?"""
    reply_via = (
        session.connection().execute(select(M.c.reply_via).where(M.c.id == message_id)).scalar()
    )
    return reply_via in (ReplyVia.twiml.value, ReplyVia.voice.value, ReplyVia.wechat.value)


def give_up_waiting(session: Session, *, message_id: int, notice: str | None) -> list[str]:
    """A webhook stops waiting: the replies will go by the outbox, and the resident gets the
    outage notice, once per outage. If the assistant answered in the meantime, its live
    replies are returned instead."""
    still_pending = session.connection().execute(GIVE_UP, {"k_id": message_id}).first()
    if still_pending is not None:
        message = Ref(message_id, still_pending.conversation_id, still_pending.case_id)
        notify_outage(session, message=message, notice=notice)
        session.commit()
        return []
    _status, texts = reply_state(session, message_id=message_id)
    session.commit()
    return texts


def notify_outage(session: Session, *, message: Ref, notice: str | None) -> bool:
    """Tell the resident we will reply later — once until the assistant answers again."""
    result = session.connection().execute(NOTIFY, {"k_phone": message.phone, "k_now": utcnow()})
    if result.rowcount != 1:
        return False
    if notice:
        record_replies(session, message=message, texts=[notice], via=ReplyVia.outbox, kind=NOTICE)
    return True

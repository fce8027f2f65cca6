"""The SMS and voice channels' inbound side (短信、电话渠道): every inbound message is stored
before anything else happens, deduplicated by Twilio's id, and handed to the assistant once
and in order per phone number (under the number's lease: `channels.leases`). Keyword-only
data functions; each commits its own short transaction. Answers: `channels.answers`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, or_, select, update
from sqlmodel import Session

from channels import wording
from channels.models import ChannelContact
from channels.records import (
    BOT,
    NEXT,
    NOTICE,
    PENDING,
    RECEIVED,
    C,
    InboundStatus,
    M,
    Ref,
    ReplyVia,
    ensure_contact,
    insert_ignore,
    live_replies,
    record_replies,
)
from core.database import utcnow
from core.masking import mask_personal
from core.security import IdentityCipher


@dataclass(frozen=True)
class Inbound:
    id: int
    external_id: str
    phone: str
    text: str  # masked
    channel: str
    attempts: int
    reply_via: str
    sealed: str | None = None  # the words as sent, encrypted, when masking changed them

    def words(self, cipher: IdentityCipher) -> str:
        """What the resident sent, for the assistant to read."""
        return cipher.decrypt(self.sealed) if self.sealed else self.text


@dataclass(frozen=True)
class Received:
    message_id: int
    pending: bool  # to be handed to the assistant
    texts: list[str]  # to answer now (keywords, or a repeated id already answered)
    duplicate: bool = False


def receive(
    session: Session,
    *,
    external_id: str,
    phone: str,
    text: str,
    channel: str,
    reply_via: ReplyVia,
    helpline: str,
    cipher: IdentityCipher,
) -> Received:
    """Store an inbound message (once per `external_id`) and answer keywords and opted-out
    numbers; anything else is left `pending` for the assistant. Identity and phone numbers
    are masked where the message enters; the words as sent are kept only encrypted."""
    ensure_contact(session, phone=phone)
    masked = mask_personal(text)
    recent = _recent_from(session, phone)
    inserted = insert_ignore(
        session,
        M,
        {
            "conversation_id": phone,
            "direction": "in",
            "channel": channel,
            "text": masked,
            "text_encrypted": cipher.encrypt(text) if masked != text else None,
            "external_id": external_id,
            "created_at": utcnow(),
            "status": PENDING,
            "reply_via": reply_via.value,
            "attempts": 0,
        },
    )
    row = session.connection().execute(RECEIVED, {"k_external_id": external_id}).one()
    message = Ref(row.id, phone, row.case_id)
    if not inserted:
        texts = live_replies(session, message_id=row.id, reply_via=row.reply_via)
        session.commit()
        return Received(row.id, pending=False, texts=texts, duplicate=True)
    kind = wording.command(text) if channel == "sms" else None
    if kind is not None:
        contact = session.get(ChannelContact, phone)
        if kind is wording.Command.stop:
            contact.opted_out, contact.opted_out_at = True, utcnow()
            texts = [wording.STOPPED_NOTICE]
        elif kind is wording.Command.start:
            contact.opted_out = False
            texts = [wording.STARTED_NOTICE]
        else:
            texts = [wording.HELP_NOTICE.format(helpline=helpline)]
        contact.updated_at = utcnow()
        session.add(contact)
        _set_status(session, row.id, InboundStatus.handled)
        record_replies(session, message=message, texts=texts, via=reply_via, kind=NOTICE)
        session.commit()
        return Received(row.id, pending=False, texts=texts)
    if row.opted_out and channel == "sms":
        _set_status(session, row.id, InboundStatus.ignored)
        session.commit()
        return Received(row.id, pending=False, texts=[])
    if recent >= MAX_PER_WINDOW and channel != "voice":
        # A number sending faster than anyone types (a loop, a script): kept for staff, not
        # handed to the assistant; told once per window, so that no SMS loop can grow.
        first = recent == MAX_PER_WINDOW
        texts = [wording.TOO_FAST_NOTICE.format(helpline=helpline)] if first else []
        _set_status(session, row.id, InboundStatus.limited)
        if texts:
            record_replies(session, message=message, texts=texts, via=reply_via, kind=NOTICE)
        session.commit()
        return Received(row.id, pending=False, texts=texts)
    session.commit()
    return Received(row.id, pending=True, texts=[])


# More messages from one number in the window than a person sends: the rest wait for staff.
MAX_PER_WINDOW = 30
WINDOW = timedelta(minutes=10)


def _recent_from(session: Session, phone: str) -> int:
    """How many messages `phone` sent in the last `WINDOW`."""
    since = utcnow() - WINDOW
    return (
        session.connection()
        .execute(
            select(func.count())
            .select_from(M)
            .where(M.c.conversation_id == phone, M.c.direction == "in", M.c.created_at > since)
        )
        .scalar_one()
    )


def _set_status(session: Session, message_id: int, status: InboundStatus) -> None:
    session.connection().execute(
        update(M).where(M.c.id == message_id, M.c.status == PENDING).values(status=status.value)
    )


def mark_failed(session: Session, *, message_id: int) -> None:
    _set_status(session, message_id, InboundStatus.failed)
    session.commit()


def next_pending(session: Session, *, phone: str) -> Inbound | None:
    """The oldest inbound message of `phone` that the assistant has not answered."""
    row = session.connection().execute(NEXT, {"k_phone": phone}).first()
    if row is None:
        return None
    return Inbound(
        id=row.id,
        external_id=row.external_id or str(row.id),
        phone=phone,
        text=row.text,
        channel=row.channel,
        attempts=row.attempts,
        reply_via=row.reply_via or ReplyVia.outbox.value,
        sealed=row.text_encrypted,
    )


def phones_with_pending(session: Session, *, limit: int = 100) -> list[str]:
    """Numbers with messages waiting for the assistant and no worker holding them."""
    now = utcnow()
    return list(
        session.connection()
        .execute(
            select(M.c.conversation_id)
            .join(C, C.c.phone == M.c.conversation_id)
            .where(
                M.c.direction == "in",
                M.c.status == PENDING,
                or_(C.c.lease_until.is_(None), C.c.lease_until < now),
            )
            .group_by(M.c.conversation_id)
            .order_by(M.c.conversation_id)
            .limit(limit)
        )
        .scalars()
        .all()
    )


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
    return (
        session.connection()
        .execute(
            select(M.c.text)
            .where(
                M.c.conversation_id == phone,
                M.c.direction == "out",
                M.c.status == BOT,
                M.c.created_at >= since,
            )
            .order_by(M.c.id.desc())
            .limit(1)
        )
        .scalar()
    )

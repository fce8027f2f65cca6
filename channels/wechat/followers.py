"""WeChat followers (微信粉丝): a resident on the 公众号, known by the OpenID WeChat gives.

An OpenID is an identifier: it is kept only encrypted (the 客服消息 API needs it) with a
keyed hash to find the follower; the conversation goes by a pseudonym made from that hash
("wx-" and 16 letters, no digit for a redactor to mask), which is what Rasa, the messages
and the logs see. A phone number said in the conversation links the follower to it, so that
notices, staff and the follower's cases meet the resident's SMS and phone history.
Keyword-only data functions; each commits its own short transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session

from channels.models import OutboundMessage, OutboxStatus, WechatFollower
from channels.records import PASSIVE, WECHAT_PREFIX
from core.database import utcnow
from core.security import IdentityCipher, mask_phone

F = WechatFollower.__table__
OUT = OutboundMessage.__table__
_LETTERS = str.maketrans("0123456789", "ghijklmnop")
# 客服消息 a follower's one message allows (WeChat's rule since June 2023: 5 in 48 hours).
MESSAGES_PER_WINDOW = 5


@dataclass(frozen=True)
class Follower:
    id: int
    conversation_id: str
    subscribed: bool
    last_message_at: datetime | None
    phone_linked: bool


def openid_hash(cipher: IdentityCipher, openid: str) -> str:
    """The keyed hash an OpenID is found by (hex of its bytes: an OpenID's case counts)."""
    return cipher.lookup_hash("wechat:" + openid.encode().hex())


def conversation_of(hashed: str) -> str:
    return WECHAT_PREFIX + hashed[:16].translate(_LETTERS)


def _shape(row) -> Follower:
    return Follower(
        row.id, row.conversation_id, row.subscribed, row.last_message_at, bool(row.phone_hash)
    )


def seen(
    session: Session,
    *,
    openid: str,
    cipher: IdentityCipher,
    subscribed: bool | None = None,
    message: bool = True,
) -> Follower:
    """The follower (made on first contact), with this contact recorded: a message or a
    subscription opens the 客服消息 window again; `subscribed` sets 关注 or 取消关注."""
    hashed, now = openid_hash(cipher, openid), utcnow()
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    session.connection().execute(
        dialect.insert(F)
        .values(
            openid_hash=hashed,
            openid_encrypted=cipher.encrypt(openid),
            conversation_id=conversation_of(hashed),
            subscribed=True,
            created_at=now,
            updated_at=now,
        )
        .on_conflict_do_nothing()
    )
    values: dict = {"updated_at": now}
    if message:
        values["last_message_at"] = now
    if subscribed is not None:
        values["subscribed"] = subscribed
    row = (
        session.connection()
        .execute(update(F).where(F.c.openid_hash == hashed).values(**values).returning(*F.c))
        .one()
    )
    session.commit()
    return _shape(row)


def link_phone(
    session: Session, *, conversation_id: str, phone: str, cipher: IdentityCipher
) -> bool:
    """Link the follower to the phone number the resident said (the latest one said wins).
    True if the link changed."""
    hashed = cipher.lookup_hash(phone)
    result = session.connection().execute(
        update(F)
        .where(F.c.conversation_id == conversation_id)
        .where((F.c.phone_hash.is_(None)) | (F.c.phone_hash != hashed))
        .values(
            phone_hash=hashed,
            phone_encrypted=cipher.encrypt(phone),
            phone_masked=mask_phone(phone),
            linked_at=utcnow(),
            updated_at=utcnow(),
        )
    )
    session.commit()
    return result.rowcount == 1


def by_conversation(session: Session, *, conversation_id: str) -> WechatFollower | None:
    return (
        session.connection()
        .execute(select(F).where(F.c.conversation_id == conversation_id))
        .first()
    )


def by_phone(session: Session, *, phone: str, cipher: IdentityCipher) -> WechatFollower | None:
    """The follower most recently linked to `phone`, if any."""
    return (
        session.connection()
        .execute(
            select(F)
            .where(F.c.phone_hash == cipher.lookup_hash(phone))
            .order_by(F.c.linked_at.desc(), F.c.id.desc())
            .limit(1)
        )
        .first()
    )


def continued_conversation(
    session: Session, *, conversation_id: str, cipher: IdentityCipher
) -> str:
    """The assistant's conversation a message of `conversation_id` goes on in: a phone number
    a WeChat follower has linked continues that follower's conversation (the application
    begun on WeChat goes on by SMS or on the phone line, as SMS and voice share one); any
    other conversation is its own."""
    if not conversation_id.startswith("+"):
        return conversation_id
    follower = by_phone(session, phone=conversation_id, cipher=cipher)
    return follower.conversation_id if follower is not None else conversation_id


def linked_since(session: Session, *, conversation_id: str, cipher: IdentityCipher):
    """(phone, linked_at) of the WeChat conversation's linked number, or None: the messages
    that number sent since then belong to this conversation."""
    follower = by_conversation(session, conversation_id=conversation_id)
    if follower is None or not follower.phone_encrypted or follower.linked_at is None:
        return None
    return phone_of(follower, cipher), follower.linked_at


def phone_of(follower, cipher: IdentityCipher) -> str | None:
    return cipher.decrypt(follower.phone_encrypted) if follower.phone_encrypted else None


def openid_of(follower, cipher: IdentityCipher) -> str:
    return cipher.decrypt(follower.openid_encrypted)


def window_open(session: Session, follower, *, hours: float, now: datetime | None = None) -> bool:
    """May a 客服消息 go to the follower now: subscribed, their last message within `hours`,
    and fewer than MESSAGES_PER_WINDOW 客服消息 since it."""
    now = now or utcnow()
    last = follower.last_message_at
    if not follower.subscribed or last is None or now - last >= timedelta(hours=hours):
        return False
    sent = (
        session.connection()
        .execute(
            select(OUT.c.id)
            .where(
                OUT.c.conversation_id == follower.conversation_id,
                OUT.c.channel == "wechat",
                OUT.c.status.in_([OutboxStatus.sent, OutboxStatus.delivered]),
                (OUT.c.via.is_(None)) | (OUT.c.via != PASSIVE),
                OUT.c.updated_at >= last,
            )
            .limit(MESSAGES_PER_WINDOW)
        )
        .all()
    )
    return len(sent) < MESSAGES_PER_WINDOW


def close_window(session: Session, *, follower_id: int) -> None:
    """WeChat says the window is shut: no 客服消息 until the follower writes again."""
    session.connection().execute(
        update(F).where(F.c.id == follower_id).values(last_message_at=None, updated_at=utcnow())
    )
    session.commit()

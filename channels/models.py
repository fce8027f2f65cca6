"""The SMS and voice channels' tables: the conversation's messages (inbound and outbound,
from every channel, linked to a case once one is filed), the outbox of SMS to residents and
its states, and what the channels know of a resident's number.

Messages are a model family (SQLModel's pattern): ``MessageBase`` (no table) declares what
staff read of a message once; ``Message`` (table) and ``MessagePublic`` subclass it."""

from __future__ import annotations

import enum
from datetime import datetime

from pydantic import ConfigDict
from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel

from core.database import utcnow


class MessageBase(SQLModel):
    """What staff read of a message: which way it went, on which channel, what and when."""

    direction: str = Field(max_length=8)  # "in" | "out"
    channel: str = Field(default="chat", max_length=16)
    text: str
    created_at: datetime = Field(default_factory=utcnow, index=True)


class Message(MessageBase, table=True):
    """One message of the conversation, inbound (resident) or outbound (assistant/staff)."""

    id: int | None = Field(default=None, primary_key=True)
    conversation_id: str = Field(index=True, max_length=64)
    case_id: int | None = Field(default=None, foreign_key="case.id", index=True)
    external_id: str | None = Field(default=None, unique=True, max_length=64)
    # Channel bookkeeping (SMS, voice; see `channels.inbox`): an inbound message's
    # InboundStatus, how its replies go out (ReplyVia), the tries to hand it to the bot;
    # an outbound one points at the inbound message it answers.
    status: str | None = Field(default=None, index=True, max_length=16)
    reply_via: str | None = Field(default=None, max_length=8)
    attempts: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    reply_to_id: int | None = Field(default=None, foreign_key="message.id")
    # `text` is stored with identity and phone numbers masked (core.masking); the words as
    # sent, encrypted with DATA_KEY, only when masking changed them: the assistant reads them.
    text_encrypted: str | None = None


class MessagePublic(MessageBase):
    """A message of the conversation as a case shows it (``cases.shapes.CasePublic``)."""

    # In the OpenAPI schema of an answer, the fields with a default are required too.
    model_config = ConfigDict(json_schema_serialization_defaults_required=True)


class OutboxStatus(str, enum.Enum):
    """Outbound message states, in order; a status never moves backwards (see `outbox`)."""

    queued = "queued"  # waiting to be sent (or kept, in development without Twilio)
    sending = "sending"  # claimed by a worker
    sent = "sent"  # accepted by Twilio
    delivered = "delivered"
    failed = "failed"  # gave up after retries, or Twilio reported failure
    undelivered = "undelivered"


class OutboundMessage(SQLModel, table=True):
    """The outbox: every message to a resident goes through here, replies and staff alike."""

    id: int | None = Field(default=None, primary_key=True)
    to_number: str = Field(index=True, max_length=32)
    body: str
    case_id: int | None = Field(default=None, foreign_key="case.id", index=True)
    conversation_id: str | None = Field(default=None, index=True, max_length=64)
    reply_to_id: int | None = Field(default=None, foreign_key="message.id")
    status: OutboxStatus = Field(default=OutboxStatus.queued, index=True)
    attempts: int = 0
    next_attempt_at: datetime = Field(default_factory=utcnow, index=True)
    twilio_sid: str | None = Field(default=None, unique=True, max_length=64)
    error: str | None = None
    sent_by: str = Field(default="assistant", max_length=64)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    # "twiml" when it went out in the webhook's answer (recorded as sent); None: REST API.
    via: str | None = Field(default=None, max_length=8)


class ChannelContact(SQLModel, table=True):
    """A resident's phone number (E.164) as the SMS and voice channels know it: opt-out
    (退订), the one "we will reply soon" notice per outage, the lease of the worker that
    hands its messages to the bot in order, and the numbered choices last offered."""

    phone: str = Field(primary_key=True, max_length=32)
    opted_out: bool = False
    opted_out_at: datetime | None = None
    outage_notified_at: datetime | None = None
    lease_owner: str | None = Field(default=None, max_length=32)
    lease_until: datetime | None = None
    choices: list[str] | None = Field(default=None, sa_column=Column(JSON))
    voice_prompt: str | None = None
    updated_at: datetime = Field(default_factory=utcnow)

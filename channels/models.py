"""The channels' tables: the conversation's messages (inbound and outbound, from every
channel, linked to a case once one is filed), the outbox of messages to residents and its
states, what the channels know of a resident's number, the WeChat followers (微信粉丝), and
the notice templates (短信模板) registered with the domestic SMS carrier.

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
    # "passive": WeChat's passive reply (被动回复), recorded as sent.
    via: str | None = Field(default=None, max_length=8)
    # The way it goes (OutboundChannel): chosen when queued for a reply, when sent for a
    # notice (`notice` until then), and kept on the row.
    channel: str = Field(default="sms", max_length=16, sa_column_kwargs={"server_default": "sms"})
    # A notice (通知): its kind (a NoticeTemplate) and the template's parameters.
    notice_kind: str | None = Field(default=None, max_length=32)
    template_params: dict[str, str] | None = Field(default=None, sa_column=Column(JSON))
    template_code: str | None = Field(default=None, max_length=32)  # as sent to the carrier
    carrier_ref: str | None = Field(default=None, index=True, max_length=64)  # Aliyun's BizId


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


class OutboundChannel(str, enum.Enum):
    """How an outbox row reaches the resident (`OutboundMessage.channel`)."""

    sms = "sms"  # Twilio's Messages API: free text (outside China; the phone line)
    wechat = "wechat"  # WeChat's customer-service message (客服消息), within its window
    template_sms = "template_sms"  # domestic SMS: an approved template filled (Aliyun)
    notice = "notice"  # a notice whose way is chosen when it is sent


class WechatFollower(SQLModel, table=True):
    """A resident on the county's WeChat 公众号 (微信粉丝), known by OpenID. The OpenID is
    an identifier: kept only encrypted (to send 客服消息) with a keyed hash to find it; the
    conversation goes by a pseudonym (`conversation_id`, "wx-" and letters). A phone number
    said in the conversation links the follower to it (its hash, encrypted, masked)."""

    id: int | None = Field(default=None, primary_key=True)
    openid_hash: str = Field(unique=True, max_length=64)
    openid_encrypted: str
    conversation_id: str = Field(unique=True, max_length=32)
    subscribed: bool = True
    # The resident's last message (消息 or 关注): 客服消息 may follow within the window.
    last_message_at: datetime | None = None
    phone_hash: str | None = Field(default=None, index=True, max_length=64)
    phone_encrypted: str | None = None
    phone_masked: str | None = Field(default=None, max_length=32)
    linked_at: datetime | None = None
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class TemplateState(str, enum.Enum):
    """Where a template stands with the carrier (审核状态)."""

    unregistered = "unregistered"  # not yet submitted: the code is unknown
    pending = "pending"  # submitted, 审核中
    approved = "approved"  # 审核通过: notices of this kind may be sent
    rejected = "rejected"  # 审核未通过


class NoticeTemplate(SQLModel, table=True):
    """A notice's template as registered with the domestic SMS carrier (短信模板): its text
    with ${parameters}, the carrier's code and whether it is approved. County staff see and
    keep these; a notice goes by template SMS only with an approved one."""

    kind: str = Field(primary_key=True, max_length=32)
    text: str = Field(max_length=500)
    parameters: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    code: str | None = Field(default=None, max_length=32)
    state: str = Field(default=TemplateState.unregistered.value, max_length=16)
    updated_by: str = Field(default="system", max_length=64)
    updated_at: datetime = Field(default_factory=utcnow)

"""SQLModel tables and their public shapes: cases (案件), applicants (申请人), household facts,
assessments, the conversation's messages, audit events and staff users."""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Column, Index
from sqlmodel import Field, SQLModel

from core.database import utcnow



class CaseStatus(str, enum.Enum):
    """The procedure at the township window (一门受理)."""

    received = "received"  # 受理
    visited = "visited"  # 入户调查
    appraised = "appraised"  # 民主评议
    publicised = "publicised"  # 公示
    approved = "approved"  # 审批
    rejected = "rejected"  # 不予批准
    info_requested = "info_requested"  # 需补充材料
    callback_requested = "callback_requested"  # 已转人工




class Applicant(SQLModel, table=True):
    """申请人. The identity number is kept only encrypted, with a keyed hash for look-up."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=64, index=True)
    phone: str | None = Field(default=None, index=True, max_length=32)
    id_number_encrypted: str | None = None
    id_number_hash: str | None = Field(default=None, index=True, max_length=64)
    id_number_masked: str | None = Field(default=None, max_length=32)
    created_at: datetime = Field(default_factory=utcnow)


class Case(SQLModel, table=True):
    """案件: one application, routed to the applicant's township."""

    id: int | None = Field(default=None, primary_key=True)
    reference: str = Field(index=True, unique=True, max_length=16)
    status: CaseStatus = Field(default=CaseStatus.received, index=True)
    township: str = Field(index=True, max_length=32)
    village: str | None = Field(default=None, max_length=64)
    applicant_id: int = Field(foreign_key="applicant.id", index=True)
    channel: str = Field(default="chat", max_length=16)
    conversation_id: str | None = Field(default=None, index=True, max_length=64)
    handoff_requested: bool = False
    created_at: datetime = Field(default_factory=utcnow, index=True)
    updated_at: datetime = Field(default_factory=utcnow)
    # The console's decision (分类施保): class A/B/C on approval and the next review date.
    dibao_class: str | None = Field(default=None, max_length=1, index=True)
    next_review_on: date | None = Field(default=None, index=True)
    decided_at: datetime | None = None

    # The staff queue walks these newest first (id descending) per township and status.
    __table_args__ = (
        Index("ix_case_township_id", "township", "id"),
        Index("ix_case_township_status_id", "township", "status", "id"),
        Index("ix_case_township_next_review_on", "township", "next_review_on"),
    )


class HouseholdRecord(SQLModel, table=True):
    """The household facts of a case; a new row for each revision (e.g. after a visit)."""

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="case.id", index=True)
    source: str = Field(default="resident", max_length=16)
    facts: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    household: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))
    created_at: datetime = Field(default_factory=utcnow)


class AssessmentRecord(SQLModel, table=True):
    """An assessment of a household revision; earlier ones are kept."""

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="case.id", index=True)
    household_record_id: int = Field(foreign_key="householdrecord.id")
    assessment: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(default_factory=utcnow)


class Message(SQLModel, table=True):
    """One message of the conversation, inbound (resident) or outbound (assistant/staff)."""

    id: int | None = Field(default=None, primary_key=True)
    conversation_id: str = Field(index=True, max_length=64)
    case_id: int | None = Field(default=None, foreign_key="case.id", index=True)
    direction: str = Field(max_length=8)  # "in" | "out"
    channel: str = Field(default="chat", max_length=16)
    text: str
    external_id: str | None = Field(default=None, unique=True, max_length=64)
    created_at: datetime = Field(default_factory=utcnow, index=True)
    # Channel bookkeeping (SMS, voice; see `cases.channel`): an inbound message's
    # InboundStatus, how its replies go out (ReplyVia), the tries to hand it to the bot;
    # an outbound one points at the inbound message it answers.
    status: str | None = Field(default=None, index=True, max_length=16)
    reply_via: str | None = Field(default=None, max_length=8)
    attempts: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    reply_to_id: int | None = Field(default=None, foreign_key="message.id")


class AuditEvent(SQLModel, table=True):
    """Who saw or changed what, and when."""

    id: int | None = Field(default=None, primary_key=True)
    case_id: int | None = Field(default=None, foreign_key="case.id", index=True)
    actor: str = Field(max_length=64)
    action: str = Field(max_length=32)
    detail: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(default_factory=utcnow, index=True)


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


class CaseTransition(SQLModel, table=True):
    """One step of the procedure (受理 → 入户调查 → …): who moved the case, when, and why."""

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="case.id", index=True)
    from_status: CaseStatus
    to_status: CaseStatus
    actor: str = Field(max_length=64)
    reason: str | None = None
    detail: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(default_factory=utcnow)


class CaseProgramme(SQLModel, table=True):
    """The programmes a case's latest assessment finds it eligible for (or to verify), kept
    apart so the queue can filter and count by programme without reading assessments."""

    case_id: int = Field(foreign_key="case.id", primary_key=True)
    programme: str = Field(primary_key=True, max_length=32)
    status: str = Field(max_length=16)
    monthly_amount: int | None = None

    __table_args__ = (Index("ix_caseprogramme_programme_case_id", "programme", "case_id"),)


class ParameterValue(SQLModel, table=True):
    """A dated parameter value added by county staff; merged over the shipped YAML values."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True, max_length=64)
    effective_from: date
    value: str = Field(max_length=32)  # an exact decimal, as text
    source: str = Field(max_length=500)
    confirmed: bool = False
    note: str | None = Field(default=None, max_length=500)
    added_by: str = Field(max_length=64)
    created_at: datetime = Field(default_factory=utcnow)


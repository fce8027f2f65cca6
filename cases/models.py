"""The case file's SQLModel tables: cases (案件), applicants (申请人), household facts,
assessments, the procedure's transitions, the programme index, dated parameter values and
audit events.

Cases and applicants are model families (SQLModel's pattern): ``CaseBase`` and
``ApplicantBase`` (no table) declare the shared fields once; the tables here and the public
shapes in ``cases.shapes`` (``CasePublic``, ``CaseSummary``, ``ApplicantPublic``) subclass
them."""

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
    exited = "exited"  # 退出低保 (after approval: cases.dynamic.exits)


class ApplicantBase(SQLModel):
    """What staff may see of an applicant (申请人): the identity number only masked."""

    name: str = Field(max_length=64, index=True)
    phone: str | None = Field(default=None, index=True, max_length=32)
    id_number_masked: str | None = Field(default=None, max_length=32)


class Applicant(ApplicantBase, table=True):
    """申请人. The identity number is kept only encrypted, with a keyed hash for look-up."""

    id: int | None = Field(default=None, primary_key=True)
    id_number_encrypted: str | None = None
    id_number_hash: str | None = Field(default=None, index=True, max_length=64)
    created_at: datetime = Field(default_factory=utcnow)


class CaseBase(SQLModel):
    """What every shape of a case begins with: its id, reference (案件编号), step and
    township. ``id`` comes first, as in the API's JSON; it is None only before the first
    flush, and the public shapes declare it ``int``."""

    id: int | None = Field(default=None, primary_key=True)
    reference: str = Field(index=True, unique=True, max_length=16)
    status: CaseStatus = Field(default=CaseStatus.received, index=True)
    township: str = Field(index=True, max_length=32)


class Case(CaseBase, table=True):
    """案件: one application, routed to the applicant's township."""

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
    # Unused since the scheduler reminds of reviews (0008); kept, as SQLite cannot drop a
    # column of a table other tables point to without rebuilding them.
    review_reminded_on: date | None = None

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


class AuditEvent(SQLModel, table=True):
    """Who saw or changed what, and when."""

    id: int | None = Field(default=None, primary_key=True)
    case_id: int | None = Field(default=None, foreign_key="case.id", index=True)
    actor: str = Field(max_length=64)
    action: str = Field(max_length=32)
    detail: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(default_factory=utcnow, index=True)


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

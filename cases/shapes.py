"""Every shape the case file is read in (pydantic, built from the tables; personal data
masked), by subject: a case and its lists, the case file's history, the reports, the
parameters and the audit log. The API returns them as they are; the staff pages render them.

``CasePublic``, ``CaseSummary`` and ``ApplicantPublic`` subclass the tables' bases
(``cases.models.CaseBase``, ``ApplicantBase``) and ``MessagePublic`` is the channels' own
(``channels.models``), so their shared fields are declared once. The tables' defaults
come with them; ``ALWAYS_PRESENT`` keeps those fields required in the OpenAPI schema of
the answers, since an answer always carries them.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict

from cases.models import ApplicantBase, CaseBase, CaseStatus
from channels.models import MessagePublic

ALWAYS_PRESENT = ConfigDict(json_schema_serialization_defaults_required=True)

# A case and its lists


class ApplicantPublic(ApplicantBase):
    """The applicant as staff see them: name, phone, identity number masked."""

    model_config = ALWAYS_PRESENT


class CaseSummary(CaseBase):
    """A case in a list: name and phone masked."""

    model_config = ALWAYS_PRESENT

    id: int
    applicant_name_masked: str | None
    phone_masked: str | None
    handoff_requested: bool
    created_at: datetime


class CaseList(BaseModel):
    items: list[CaseSummary]
    total: int
    offset: int
    limit: int


class QueueItem(CaseSummary):
    """A case in the staff queue (待办案件)."""

    village: str | None = None
    dibao_class: str | None = None
    next_review_on: date | None = None
    programmes: list[str] = []


class QueuePage(CaseList):
    """A page of the queue; ``next_cursor`` fetches the next page (null on the last)."""

    items: list[QueueItem]
    next_cursor: int | None = None


class CasePublic(CaseBase):
    """The whole case: applicant, latest facts and assessment, the conversation."""

    model_config = ALWAYS_PRESENT

    id: int
    village: str | None
    channel: str
    handoff_requested: bool
    created_at: datetime
    updated_at: datetime
    applicant: ApplicantPublic
    facts: dict[str, Any]
    household: dict[str, Any] | None
    assessment: dict[str, Any] | None
    messages: list[MessagePublic]


class CaseStatusPublic(BaseModel):
    """What the helpline may tell a caller: no personal data."""

    reference: str
    status: CaseStatus
    status_label: str
    township: str
    created_at: datetime
    updated_at: datetime


class CaseState(BaseModel):
    """A case after a step or a review: where it is and where it may go next."""

    id: int
    reference: str
    status: CaseStatus
    status_label: str
    dibao_class: str | None
    next_review_on: date | None
    allowed_next: list[CaseStatus]


# The case file (案卷): the procedure's history, revisions, assessments, staff messages


class TransitionPublic(BaseModel):
    from_status: CaseStatus
    to_status: CaseStatus
    actor: str
    reason: str | None
    detail: dict[str, Any]
    created_at: datetime


class RevisionPublic(BaseModel):
    id: int
    source: str
    facts: dict[str, Any]
    household: dict[str, Any] | None
    created_at: datetime


class AssessmentPublic(BaseModel):
    id: int
    household_record_id: int
    assessment: dict[str, Any]
    created_at: datetime


class OutboundPublic(BaseModel):
    id: int
    body: str
    status: str
    sent_by: str
    created_at: datetime
    channel: str = "sms"  # how it went (OutboundChannel): sms, wechat, template_sms, notice
    notice_kind: str | None = None
    error: str | None = None


class CaseHistory(BaseModel):
    case_id: int
    reference: str
    status: CaseStatus
    status_label: str
    dibao_class: str | None
    next_review_on: date | None
    decided_at: datetime | None
    allowed_next: list[CaseStatus]
    transitions: list[TransitionPublic]
    revisions: list[RevisionPublic]
    assessments: list[AssessmentPublic]
    outbound: list[OutboundPublic]


# Reports: the dashboard (统计), reviews due (到期复查), 公示 lists


class Count(BaseModel):
    key: str
    label: str
    count: int


class Dashboard(BaseModel):
    township: str | None
    total: int
    by_township: list[Count]
    by_status: list[Count]
    by_programme: list[Count]
    handoff_requested: int
    due_for_review: int  # approved cases to review within 30 days (or overdue)


class DueCase(BaseModel):
    id: int
    reference: str
    township: str
    village: str | None
    applicant_name_masked: str | None
    dibao_class: str | None
    next_review_on: date
    overdue: bool


class PublicationRow(BaseModel):
    """A row of a 公示 list; ``cases.reports.publication`` writes it as CSV or XLSX."""

    number: int
    township: str
    village: str | None
    name_masked: str
    id_number_masked: str | None
    household_size: int | None
    dibao_class: str | None
    monthly_amount: int | None
    status: CaseStatus
    on: date
    reference: str


# Dated parameter values (参数) and the audit log (审计日志)


class ValuePublic(BaseModel):
    effective_from: date
    value: float | int
    source: str
    confirmed: bool
    note: str | None
    added_by: str | None  # None for the values shipped with the rules engine


class ParameterPublic(BaseModel):
    name: str
    unit: str
    description: str
    reference: str
    in_force: ValuePublic | None
    values: list[ValuePublic]


class AuditPublic(BaseModel):
    id: int
    case_id: int | None
    reference: str | None
    actor: str
    action: str
    detail: dict[str, Any]
    created_at: datetime


class AuditPage(BaseModel):
    items: list[AuditPublic]
    next_cursor: int | None


# Messages the assistant left for staff (未处理的短信: cases.unhandled)


class UnhandledMessage(BaseModel):
    """An inbound message the assistant never answered: its number masked, its text as
    stored (identity and phone numbers masked where it entered)."""

    id: int
    received_at: datetime
    channel: str
    phone_masked: str | None
    text: str
    status: str  # failed | limited | resolved (channels.records.InboundStatus)
    case_id: int | None
    reference: str | None
    township: str | None


class UnhandledList(BaseModel):
    items: list[UnhandledMessage]
    total: int

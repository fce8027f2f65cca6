"""Shapes the API returns (pydantic), built from the tables; personal data masked."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel

from cases.models import CaseStatus


class ApplicantPublic(BaseModel):
    name: str
    phone: str | None
    id_number_masked: str | None


class MessagePublic(BaseModel):
    direction: str
    channel: str
    text: str
    created_at: datetime


class CaseSummary(BaseModel):
    id: int
    reference: str
    status: CaseStatus
    township: str
    applicant_name_masked: str | None
    phone_masked: str | None
    handoff_requested: bool
    created_at: datetime


class CasePublic(BaseModel):
    id: int
    reference: str
    status: CaseStatus
    township: str
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


class CaseList(BaseModel):
    items: list[CaseSummary]
    total: int
    offset: int
    limit: int


class CaseStatusPublic(BaseModel):
    """What the helpline may tell a caller: no personal data."""

    reference: str
    status: CaseStatus
    status_label: str
    township: str
    created_at: datetime
    updated_at: datetime

"""What staff pages and the JSON API show of 动态管理: names masked, no identity number."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import BaseModel


class StepDue(BaseModel):
    """An open case whose step falls due (办理时限)."""

    id: int
    reference: str
    township: str
    village: str | None
    applicant_name_masked: str | None
    status: str
    deadline: str | None  # a name of policy/deadlines.yaml
    due_on: date
    overdue: bool
    provisional: bool


class ReviewItem(BaseModel):
    """A review (复查) in the review list."""

    id: int
    case_id: int
    reference: str
    township: str
    village: str | None
    applicant_name_masked: str | None
    dibao_class: str | None
    due_on: date
    status: str
    started_by: str
    asked_at: datetime | None
    answered_at: datetime | None
    no_reply_reason: str | None
    overdue: bool


class MonitoringItem(BaseModel):
    """A monitoring event (返贫监测) in the monitoring list, with its household's standing."""

    id: int
    case_id: int
    reference: str
    township: str
    village: str | None
    applicant_name_masked: str | None
    case_status: str
    kind: str
    source: str
    occurred_on: date
    basic_living_unsustainable: bool
    note: str | None
    temporary_assistance: str | None  # the new assessment's 临时救助 status
    handled: bool
    created_at: datetime


class ReviewDetail(BaseModel):
    review: ReviewItem
    changes: dict[str, Any] | None
    before: dict[str, Any] | None  # the assessment before the review
    after: dict[str, Any] | None  # the assessment of the household as it is now
    decision: str | None
    decision_note: str | None

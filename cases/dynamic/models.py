"""The tables of 动态管理: reviews (复查), monitoring events (返贫监测), each open case's step
deadline (办理时限), the holiday days county staff add, and the scheduler's jobs.

States are short strings (not database enum types), so that a new state needs no
``ALTER TYPE`` on PostgreSQL."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Column, Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from core.database import utcnow


class ReviewStatus:
    """A review's states, in order (``Review.status``)."""

    planned = "planned"  # opened; the household is not asked yet (quiet hours, queue)
    asked = "asked"  # the SMS asked "has anything changed?"
    reminded = "reminded"  # asked again once, no answer yet
    answered = "answered"  # the household answered; staff decide
    no_reply = "no_reply"  # 未回复: no answer after the reminder (or no SMS possible): visit
    decided = "decided"  # staff decided: continue, change, or exit
    OPEN = (planned, asked, reminded, answered, no_reply)
    WAITING = (asked, reminded)


class Review(SQLModel, table=True):
    """复查 of an approved household: asked by SMS, answered, decided by staff."""

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="case.id", index=True)
    due_on: date = Field(index=True)  # the review date it is for
    status: str = Field(default=ReviewStatus.planned, max_length=16, index=True)
    started_by: str = Field(max_length=64)  # "schedule", a staff user, "信息比对" …
    reason: str | None = Field(default=None, max_length=1000)
    asked_at: datetime | None = None
    reminded_at: datetime | None = None
    answered_at: datetime | None = None
    # Why nobody could be asked or nobody answered (未回复): no_phone, opted_out, no_answer …
    no_reply_reason: str | None = Field(default=None, max_length=32)
    # What the household said changed (topics and the facts read), for staff.
    changes: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))
    before_assessment_id: int | None = Field(default=None, foreign_key="assessmentrecord.id")
    after_assessment_id: int | None = Field(default=None, foreign_key="assessmentrecord.id")
    decision: str | None = Field(default=None, max_length=16)  # continue | change | exit
    decided_by: str | None = Field(default=None, max_length=64)
    decided_at: datetime | None = None
    decision_note: str | None = Field(default=None, max_length=1000)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)

    # One review per case and review date: two planners never open it twice.
    __table_args__ = (UniqueConstraint("case_id", "due_on", name="uq_review_case_due"),)


class MonitoringEvent(SQLModel, table=True):
    """返贫监测: an event on a household (illness, accident, disaster, loss of work) recorded
    by staff or told by the resident; it starts a new assessment."""

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="case.id", index=True)
    kind: str = Field(max_length=16)  # illness | accident | disaster | job_loss | other
    note: str | None = Field(default=None, max_length=1000)
    source: str = Field(default="staff", max_length=16)  # staff | resident
    recorded_by: str = Field(max_length=64)
    occurred_on: date
    basic_living_unsustainable: bool = False
    assessment_id: int | None = Field(default=None, foreign_key="assessmentrecord.id")
    handled_at: datetime | None = None
    handled_by: str | None = Field(default=None, max_length=64)
    created_at: datetime = Field(default_factory=utcnow, index=True)


class CaseClock(SQLModel, table=True):
    """The due date of an open case's current step and of the whole procedure (办理时限)."""

    case_id: int = Field(foreign_key="case.id", primary_key=True)
    step: str = Field(max_length=32)  # the case's status when the clock was set
    step_started_on: date
    deadline: str | None = Field(default=None, max_length=32)  # a name of deadlines.yaml
    step_due_on: date | None = Field(default=None, index=True)
    overall_due_on: date | None = None
    provisional: bool = False  # a date crossed a year past the known calendar
    updated_at: datetime = Field(default_factory=utcnow)


class CalendarDay(SQLModel, table=True):
    """A day of the State Council's holiday notice that county staff entered (节假日表):
    ``working`` true for a make-up working day (调休上班), false for a day off."""

    day: date = Field(primary_key=True)
    working: bool
    name: str = Field(max_length=64)
    added_by: str = Field(max_length=64)
    created_at: datetime = Field(default_factory=utcnow)


class JobStatus:
    pending = "pending"
    running = "running"
    done = "done"
    failed = "failed"


class ScheduledJob(SQLModel, table=True):
    """One thing the scheduler does once (an SMS of a review step …). ``key`` is unique, so
    a step is planned once however many workers plan it; claimed like the outbox."""

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=32)
    key: str = Field(max_length=128, unique=True)
    case_id: int | None = Field(default=None, foreign_key="case.id", index=True)
    review_id: int | None = Field(default=None, foreign_key="review.id")
    run_at: datetime
    status: str = Field(default=JobStatus.pending, max_length=16)
    attempts: int = 0
    locked_by: str | None = Field(default=None, max_length=64)
    locked_until: datetime | None = None
    last_error: str | None = Field(default=None, max_length=500)
    created_at: datetime = Field(default_factory=utcnow)
    done_at: datetime | None = None

    __table_args__ = (Index("ix_scheduledjob_status_run_at", "status", "run_at"),)

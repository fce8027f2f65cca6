"""动态管理 as JSON: reviews (复查) and their decisions, starting a review, exit (退出低保),
monitoring events (返贫监测), the steps falling due (办理时限) and the working-day
calendar. Township staff reach their own township only (another's review or case: 404)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Path, Query, status
from pydantic import BaseModel, ConfigDict, Field

from api.deps import (
    CaseId,
    CaseReader,
    CurrentUser,
    SessionDep,
    SettingsDep,
    case_or_404,
    scoped,
)
from api.errors import refused
from api.routes.procedure import _refused
from cases import procedure
from cases.dynamic import clock, exits, lists, monitoring, reviews
from cases.dynamic.models import MonitoringEvent, Review
from cases.dynamic.shapes import MonitoringItem, ReviewDetail, ReviewItem, StepDue
from core.database import MAX_ROW_ID
from policy.errors import InputError
from policy.workdays import MAX_DAYS

router = APIRouter(prefix="/api", tags=["dynamic management"])
ReviewId = Annotated[int, Path(ge=1, le=MAX_ROW_ID, description="the review's id")]
Township = Annotated[str | None, Query(max_length=32)]


class DecisionIn(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    decision: Literal["continue", "change", "exit"]
    klass: Literal["A", "B", "C"] | None = Field(default=None, alias="class")
    exit_reason: Literal["income_above_standard", "member_died", "moved_away", "by_request",
                         "ineligible_on_review"] | None = None  # fmt: skip
    effective_on: date | None = None
    note: str | None = Field(default=None, max_length=1000)


class ReviewRequestIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    reason: str | None = Field(default=None, max_length=1000)


class ExitIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    reason: Literal["income_above_standard", "member_died", "moved_away", "by_request",
                    "ineligible_on_review"]  # fmt: skip
    effective_on: date | None = None
    note: str | None = Field(default=None, max_length=1000)


class EventIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kind: Literal["illness", "accident", "disaster", "job_loss", "other"]
    note: str | None = Field(default=None, max_length=1000)
    occurred_on: date | None = None
    basic_living_unsustainable: bool = False


class CaseExited(BaseModel):
    id: int
    reference: str
    status: str
    effective_on: date


class WorkingDay(BaseModel):
    date: date
    provisional: bool


def _review_or_404(session, user, review_id: int) -> Review:
    review = session.get(Review, review_id)
    if review is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail="Review not found")
    case_or_404(session, user, review.case_id)
    return review


def _failed(session, error: InputError):
    session.rollback()
    if isinstance(error, procedure.ProcedureError):
        _refused(error)
    refused(error)


@router.get("/reviews", response_model=list[ReviewItem])
def list_reviews(session: SessionDep, user: CaseReader, township: Township = None,
                 status_: Annotated[Literal["planned", "asked", "reminded", "answered",
                                            "no_reply", "decided"] | None,
                                    Query(alias="status")] = None) -> list[ReviewItem]:  # fmt: skip
    """Reviews to act on first (answered, 未回复, …), names masked."""
    return lists.review_list(session, township=scoped(user, township), status=status_)


@router.get("/reviews/{review_id}", response_model=ReviewDetail)
def get_review(review_id: ReviewId, session: SessionDep, user: CaseReader) -> ReviewDetail:
    """A review with the household's words and the assessment before and after."""
    return lists.review_detail(session, _review_or_404(session, user, review_id))


@router.post("/reviews/{review_id}/decision", response_model=ReviewItem,
             responses={409: {"description": "Already decided, or the case changed"}})  # fmt: skip
def decide(review_id: ReviewId, body: DecisionIn, session: SessionDep, settings: SettingsDep,
           user: CaseReader) -> ReviewItem:  # fmt: skip
    """Continue, change (amount and/or `class`) or exit (`exit_reason`; the resident is told)."""
    review = _review_or_404(session, user, review_id)
    try:
        reviews.decide(session, review, decision=body.decision, actor=user.username,
                       settings=settings, klass=body.klass, note=body.note,
                       exit_reason=body.exit_reason, effective_on=body.effective_on)  # fmt: skip
    except InputError as error:
        _failed(session, error)
    session.commit()
    return lists.review_detail(session, review).review


@router.post("/cases/{case_id}/review-requests", response_model=ReviewItem,
             status_code=status.HTTP_201_CREATED,
             responses={409: {"description": "Only an approved case is reviewed"}})  # fmt: skip
def request_review(case_id: CaseId, body: ReviewRequestIn, session: SessionDep,
                   settings: SettingsDep, user: CaseReader) -> ReviewItem:  # fmt: skip
    """Start a review now: the household is asked by SMS outside the quiet hours."""
    case = case_or_404(session, user, case_id)
    try:
        review = reviews.start_now(session, case, actor=user.username, settings=settings,
                                   reason=body.reason)  # fmt: skip
    except InputError as error:
        _failed(session, error)
    session.commit()
    return lists.review_detail(session, review).review


@router.post("/cases/{case_id}/exit", response_model=CaseExited,
             responses={409: {"description": "Only an approved case leaves 低保"}})  # fmt: skip
def exit_case(case_id: CaseId, body: ExitIn, session: SessionDep, settings: SettingsDep,
              user: CaseReader) -> CaseExited:  # fmt: skip
    """退出低保 with its reason; the resident is told by SMS; the case keeps its history."""
    case = case_or_404(session, user, case_id)
    try:
        step = exits.exit_case(session, case, reason=body.reason, actor=user.username,
                               settings=settings, note=body.note,
                               effective_on=body.effective_on)  # fmt: skip
    except InputError as error:
        _failed(session, error)
    session.commit()
    return CaseExited(id=case.id, reference=case.reference, status=case.status.value,
                      effective_on=date.fromisoformat(step.detail["effective_on"]))  # fmt: skip


@router.get("/monitoring", response_model=list[MonitoringItem])
def list_events(session: SessionDep, user: CaseReader, township: Township = None,
                open_only: bool = False) -> list[MonitoringItem]:  # fmt: skip
    """返贫监测: events, unhandled first, with the new assessment's 临时救助."""
    return monitoring.monitoring_list(session, township=scoped(user, township),
                                      open_only=open_only)  # fmt: skip


@router.post("/cases/{case_id}/monitoring", response_model=MonitoringItem,
             status_code=status.HTTP_201_CREATED)  # fmt: skip
def record_event(case_id: CaseId, body: EventIn, session: SessionDep,
                 user: CaseReader) -> MonitoringItem:  # fmt: skip
    """Record an event on the household and re-assess it (临时救助, 低保 and the rest)."""
    case = case_or_404(session, user, case_id)
    try:
        event = monitoring.record_event(session, case, kind=body.kind, actor=user.username,
                                        note=body.note, occurred_on=body.occurred_on,
                                        basic_living_unsustainable=body.basic_living_unsustainable)  # fmt: skip
    except InputError as error:
        _failed(session, error)
    session.commit()
    return next(item for item in monitoring.monitoring_list(session, township=case.township)
                if item.id == event.id)  # fmt: skip


@router.get("/clock/due", response_model=list[StepDue])
def due(session: SessionDep, user: CaseReader, township: Township = None,
        within_days: Annotated[int, Query(ge=0, le=366)] = 3) -> list[StepDue]:  # fmt: skip
    """Open cases whose step falls due within `within_days`, overdue first."""
    return clock.due_steps(session, township=scoped(user, township), within_days=within_days)


@router.get("/clock/add-working-days", response_model=WorkingDay)
def add_working_days(session: SessionDep, user: CurrentUser, date_: Annotated[date, Query(alias="date")],
                     n: Annotated[int, Query(ge=1, le=MAX_DAYS)]) -> WorkingDay:  # fmt: skip
    """The `n`-th working day after `date` by the official calendar and the county's table;
    `provisional` past the known calendar."""
    try:
        due_on = clock.staff_calendar(session).add_working_days(date_, n)
    except ValueError as error:
        refused(InputError("date", str(error)), where="query")
    return WorkingDay(date=due_on.on, provisional=due_on.provisional)


__all__ = ["router", "MonitoringEvent"]

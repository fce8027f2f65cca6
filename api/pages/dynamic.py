"""动态管理 in the console: a review's page (before and after, the decision), starting a
review, exit (退出低保), the monitoring list (返贫监测) and its events, and the clock
(办理时限: the steps falling due, the deadlines with their sources, the holiday table)."""

from __future__ import annotations

from datetime import date
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, Path, Request
from fastapi.responses import RedirectResponse
from sqlmodel import Session, select

from accounts.models import Role
from api.deps import SessionDep, SettingsDep
from api.pages.auth import CountyPage, PageError, StaffPage, csrf_checked, page_scope
from api.pages.cases import case_for
from api.pages.render import Page, render
from cases import procedure
from cases.dynamic import clock, exits, lists, monitoring, reviews
from cases.dynamic.models import CalendarDay, MonitoringEvent, Review, ReviewStatus
from cases.models import Case
from core.database import MAX_ROW_ID
from core.townships import townships
from policy.deadlines import load_deadlines
from policy.errors import InputError
from policy.glossary import (
    EXIT_REASONS,
    MONITORING_EVENTS,
    PROGRAMMES,
    REVIEW_DECISIONS,
    REVIEW_STATES,
)
from policy.workdays import LIBRARY_LAST_YEAR

router = APIRouter(prefix="/staff", include_in_schema=False)
CsrfPage = Annotated[Page, Depends(csrf_checked)]
Id = Annotated[int, Path(ge=1, le=MAX_ROW_ID)]
WORDS = {"REVIEW_STATES": REVIEW_STATES, "REVIEW_DECISIONS": REVIEW_DECISIONS,
         "EXIT_REASONS": EXIT_REASONS, "MONITORING_EVENTS": MONITORING_EVENTS,
         "NO_REPLY": {"no_phone": "没有电话", "opted_out": "已退订短信",
                      "no_answer": "提醒后仍未回复"}}  # fmt: skip
FIELD_WORDS = {"reason": "退出原因", "note": "说明", "effective_on": "生效日期", "class": "低保类别",
               "decision": "决定", "kind": "事件类型", "occurred_on": "发生日期",
               "reference": "案件编号", "day": "日期", "name": "节日名称", "case": "案件"}  # fmt: skip


def _chinese(error: InputError) -> str:
    if isinstance(error, procedure.StaleCase):
        return "案件刚被其他人更新，请刷新后再试。"
    field = FIELD_WORDS.get(error.field or "", "")
    return f"{field}有误：{error.message}" if field else f"不能办理：{error.message}"


def _go(path: str, notice: str = "", error: str = "") -> RedirectResponse:
    query = urlencode({k: v for k, v in (("notice", notice), ("error", error)) if v})
    return RedirectResponse(path + (f"?{query}" if query else ""), 303)


def _day(text: str, field: str) -> date | None:
    text = (text or "").strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(field, "a date as YYYY-MM-DD") from None


def _review_for(session: Session, page: Page, review_id: int) -> Review:
    review = session.get(Review, review_id)
    if review is None:
        raise PageError(404, "没有找到这次复查，或它不属于您所在的乡镇。")
    case_for(session, page, review.case_id)  # 404 for another township's
    return review


def case_dynamic(session: Session, case: Case) -> dict:
    """What the case page shows of 动态管理 (``console/case_dynamic.html``)."""
    events = session.exec(
        select(MonitoringEvent)
        .where(MonitoringEvent.case_id == case.id)
        .order_by(MonitoringEvent.id.desc())  # type: ignore[union-attr]
    ).all()
    return {"reviews": lists.reviews_of_case(session, case.id),
            "clock": session.get(clock.CaseClock, case.id), "events": events,
            "deadlines": load_deadlines(), **WORDS}  # fmt: skip


@router.get("/reviews/{review_id}")
def review_page(review_id: Id, request: Request, session: SessionDep, page: StaffPage,
                notice: str = "", error: str = ""):  # fmt: skip
    review = _review_for(session, page, review_id)
    detail = lists.review_detail(session, review)
    case = session.get(Case, review.case_id)
    return render(request, "review.html", page, detail=detail, case=case, notice=notice[:200],
                  error=error[:300], programmes=PROGRAMMES, **WORDS)  # fmt: skip


@router.post("/reviews/{review_id}/decide")
def decide(
    review_id: Id, session: SessionDep, settings: SettingsDep, page: CsrfPage,
    decision: Annotated[str, Form(max_length=16)],
    klass: Annotated[str, Form(alias="class", max_length=1)] = "",
    exit_reason: Annotated[str, Form(max_length=32)] = "",
    effective_on: Annotated[str, Form(max_length=10)] = "",
    note: Annotated[str, Form(max_length=1000)] = "",
):  # fmt: skip
    review = _review_for(session, page, review_id)
    path = f"/staff/reviews/{review.id}"
    try:
        reviews.decide(session, review, decision=decision, actor=page.user.username,
                       settings=settings, klass=klass or None, note=note,
                       exit_reason=exit_reason or None,
                       effective_on=_day(effective_on, "effective_on"))  # fmt: skip
    except InputError as problem:
        session.rollback()
        return _go(path, error=_chinese(problem))
    session.commit()
    return _go(path, notice=f"已决定：{REVIEW_DECISIONS[decision]}。")


@router.post("/cases/{case_id}/start-review")
def start_review(case_id: Id, session: SessionDep, settings: SettingsDep, page: CsrfPage,
                 reason: Annotated[str, Form(max_length=1000)] = ""):  # fmt: skip
    case = case_for(session, page, case_id)
    try:
        review = reviews.start_now(session, case, actor=page.user.username, settings=settings,
                                   reason=reason.strip() or None)  # fmt: skip
    except InputError as problem:
        session.rollback()
        return _go(f"/staff/cases/{case.id}", error=_chinese(problem))
    session.commit()
    return _go(f"/staff/reviews/{review.id}", notice="已发起复查，短信会在免打扰时段以外发出。")


@router.post("/cases/{case_id}/exit")
def exit_case(
    case_id: Id, session: SessionDep, settings: SettingsDep, page: CsrfPage,
    reason: Annotated[str, Form(max_length=32)],
    effective_on: Annotated[str, Form(max_length=10)] = "",
    note: Annotated[str, Form(max_length=1000)] = "",
):  # fmt: skip
    case = case_for(session, page, case_id)
    try:
        exits.exit_case(session, case, reason=reason, actor=page.user.username,
                        settings=settings, note=note,
                        effective_on=_day(effective_on, "effective_on"))  # fmt: skip
    except InputError as problem:
        session.rollback()
        return _go(f"/staff/cases/{case.id}", error=_chinese(problem))
    session.commit()
    return _go(f"/staff/cases/{case.id}", notice="已退出低保，退出通知短信已放入发件箱。")


@router.get("/monitoring")
def monitoring_page(request: Request, session: SessionDep, page: StaffPage, township: str = "",
                    notice: str = "", error: str = ""):  # fmt: skip
    township = page_scope(page, township)
    items = monitoring.monitoring_list(session, township=township)
    return render(request, "monitoring.html", page, items=items, township=township or "",
                  townships=townships(), notice=notice[:200], error=error[:300],
                  today=clock.today(), **WORDS)  # fmt: skip


def _record(session: Session, page: Page, case: Case, kind: str, note: str, occurred_on: str,
            unsustainable: str, back: str) -> RedirectResponse:  # fmt: skip
    try:
        monitoring.record_event(session, case, kind=kind, actor=page.user.username, note=note,
                                occurred_on=_day(occurred_on, "occurred_on"),
                                basic_living_unsustainable=bool(unsustainable))  # fmt: skip
    except InputError as problem:
        session.rollback()
        return _go(back, error=_chinese(problem))
    session.commit()
    return _go(back, notice=f"已登记 {case.reference} 的监测事件，并已重新评估（含临时救助）。")


@router.post("/monitoring")
def record_by_reference(
    session: SessionDep, page: CsrfPage,
    reference: Annotated[str, Form(max_length=16)], kind: Annotated[str, Form(max_length=16)],
    note: Annotated[str, Form(max_length=1000)] = "",
    occurred_on: Annotated[str, Form(max_length=10)] = "",
    unsustainable: Annotated[str, Form(max_length=4)] = "",
):  # fmt: skip
    found = session.exec(select(Case).where(Case.reference == reference.strip().upper())).first()
    if found is None or (
        page.user.role == Role.township_staff and found.township != page.user.township
    ):
        return _go("/staff/monitoring", error="没有找到这个案件编号，或它不属于您所在的乡镇。")
    return _record(session, page, found, kind, note, occurred_on, unsustainable,
                   "/staff/monitoring")  # fmt: skip


@router.post("/cases/{case_id}/monitoring")
def record_on_case(
    case_id: Id, session: SessionDep, page: CsrfPage, kind: Annotated[str, Form(max_length=16)],
    note: Annotated[str, Form(max_length=1000)] = "",
    occurred_on: Annotated[str, Form(max_length=10)] = "",
    unsustainable: Annotated[str, Form(max_length=4)] = "",
):  # fmt: skip
    case = case_for(session, page, case_id)
    return _record(session, page, case, kind, note, occurred_on, unsustainable,
                   f"/staff/cases/{case.id}")  # fmt: skip


@router.post("/monitoring/{event_id}/handled")
def handled(event_id: Id, session: SessionDep, page: CsrfPage):
    event = session.get(MonitoringEvent, event_id)
    if event is None:
        raise PageError(404, "没有找到这个监测事件。")
    case_for(session, page, event.case_id)
    monitoring.mark_handled(session, event, actor=page.user.username)
    session.commit()
    return _go("/staff/monitoring", notice="已标记为已处理。")


@router.get("/clock")
def clock_page(request: Request, session: SessionDep, page: StaffPage, township: str = "",
               notice: str = "", error: str = ""):  # fmt: skip
    township = page_scope(page, township)
    days = session.exec(select(CalendarDay).order_by(CalendarDay.day)).all()  # type: ignore[arg-type]
    return render(request, "clock.html", page, due=clock.due_steps(session, township=township),
                  deadlines=load_deadlines(), days=days, township=township or "",
                  townships=townships(), library_last_year=LIBRARY_LAST_YEAR,
                  notice=notice[:200], error=error[:300], today=clock.today(),
                  LABELS=procedure.LABELS)  # fmt: skip


@router.post("/clock/days")
def add_day(session: SessionDep, page: CsrfPage, county: CountyPage,
            day: Annotated[str, Form(max_length=10)], name: Annotated[str, Form(max_length=64)],
            working: Annotated[str, Form(max_length=4)] = ""):  # fmt: skip
    try:
        when = _day(day, "day")
        if when is None:
            raise InputError("day", "a date as YYYY-MM-DD")
        clock.add_day(session, day=when, working=bool(working), name=name,
                      actor=page.user.username)  # fmt: skip
    except InputError as problem:
        session.rollback()
        return _go("/staff/clock", error=_chinese(problem))
    session.commit()
    return _go(
        "/staff/clock", notice=f"已添加 {when.isoformat()}（{'调休上班' if working else '放假'}）。"
    )


@router.post("/clock/days/{day}/delete")
def remove_day(day: Annotated[str, Path(max_length=10)], session: SessionDep, page: CsrfPage,
               county: CountyPage):  # fmt: skip
    try:
        when = _day(day, "day")
    except InputError as problem:
        return _go("/staff/clock", error=_chinese(problem))
    clock.remove_day(session, day=when)
    session.commit()
    return _go("/staff/clock", notice="已删除。")


__all__ = ["router", "case_dynamic", "ReviewStatus"]

"""A finding of the cross-check (比对结果) and what staff do with it: record an outcome with
a note, turn it into a case in one step, open a review of the household's case (应退未退),
invite the household by SMS. Township staff reach their own township's findings only."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse
from sqlmodel import Session

from api.deps import CipherDep, SessionDep
from api.pages.auth import PageError, StaffPage, csrf_checked
from api.pages.render import Page, render
from cases.audit import record_audit
from cases.rosters import followup
from cases.rosters.models import RosterFinding
from cases.rosters.results import visible_finding
from cases.rosters.runs import details
from core.security import IdentityCipher, mask_id_number, mask_name
from policy.clauses import clause_title

router = APIRouter(prefix="/staff", include_in_schema=False)
CsrfPage = Annotated[Page, Depends(csrf_checked)]
CHINESE = {
    "already linked": "该结果已关联案件。",
    "信息不一致": "信息不一致请在名单中核对更正，不转为案件。",
    "not a township": "名单中的乡镇不是奉节县的乡镇（街道），请先核对名单。",
    "no case of this household": "本系统中没有该户的案件，可先“转为案件”。",
    "not approved": "该户的案件尚未审批通过，审批后再复查。",
    "only a 应退未退": "只有“应退未退”可以发起复查。",
    "no valid 联系电话": "名单中没有该户有效的联系电话。",
    "opted out": "该号码已退订短信。",
    "at most": "内容过长。",
    "one of": "请选择处理结果。",
}


def _finding(session: Session, page: Page, finding_id: int) -> RosterFinding:
    row = visible_finding(session, page.user, finding_id)
    if row is None:
        raise PageError(404, "没有找到这条比对结果，或它不属于您所在的乡镇。")
    return row


def _chinese(problem: followup.FollowupError) -> str:
    return next((words for key, words in CHINESE.items() if key in problem.message),
                problem.message)  # fmt: skip


def _back(row: RosterFinding, notice: str = "", error: str = "") -> RedirectResponse:
    query = urlencode({k: v for k, v in (("notice", notice), ("error", error)) if v})
    return RedirectResponse(f"/staff/rosters/findings/{row.id}" + (f"?{query}" if query else ""),
                            303)  # fmt: skip


def _household(row: RosterFinding, cipher: IdentityCipher) -> dict | None:
    """The household's head and members as the page shows them (the head's name in full,
    as on a case page; identity numbers and the others' names masked)."""
    kept = details(row, cipher)
    if kept is None:
        return None
    members = [{"name": mask_name(m["name"]) or "", "relation": m["relation"],
                "id_masked": mask_id_number(m["id_number"]),
                "able_to_work": m["able_to_work"]} for m in kept["members"]]  # fmt: skip
    head = kept["members"][kept["head"]]
    return {"head_name": head["name"], "members": members, "figures": kept["figures"]}


@router.get("/rosters/findings/{finding_id}")
def finding_page(finding_id: int, request: Request, session: SessionDep, cipher: CipherDep,
                 page: StaffPage, notice: str = "", error: str = ""):  # fmt: skip
    row = _finding(session, page, finding_id)
    detail = followup.finding_detail(session, row, page.user)
    record_audit(session, actor=page.user.username, action="roster_view", finding_id=row.id,
                 case_id=row.case_id, via="page")  # fmt: skip
    session.commit()
    return render(request, "roster_finding.html", page, finding=detail,
                  household=_household(row, cipher), clause_title=clause_title(row.clause),
                  invitation=followup.invitation(row), notice=notice[:200],
                  error=error[:300])  # fmt: skip


@router.post("/rosters/findings/{finding_id}/outcome")
def outcome(finding_id: int, session: SessionDep, page: CsrfPage,
            outcome: Annotated[str, Form(max_length=8)] = "",
            note: Annotated[str, Form(max_length=2000)] = ""):  # fmt: skip
    row = _finding(session, page, finding_id)
    try:
        followup.record_outcome(session, row, outcome=outcome, note=note,
                                actor=page.user.username)  # fmt: skip
    except followup.FollowupError as problem:
        session.rollback()
        return _back(row, error=_chinese(problem))
    session.commit()
    return _back(row, notice=f"已记录处理结果：{row.outcome}。")


@router.post("/rosters/findings/{finding_id}/case")
def to_case(finding_id: int, session: SessionDep, cipher: CipherDep, page: CsrfPage):
    row = _finding(session, page, finding_id)
    try:
        case, created = followup.case_from_finding(session, row, cipher=cipher,
                                                   actor=page.user.username)  # fmt: skip
    except followup.FollowupError as problem:
        session.rollback()
        return _back(row, error=_chinese(problem))
    session.commit()
    notice = ("已根据比对结果立案，名单所载信息已填入，请入户核实。" if created
              else "该户已有案件，比对结果已关联到该案件。")  # fmt: skip
    return RedirectResponse(f"/staff/cases/{case.id}?{urlencode({'notice': notice})}", 303)


@router.post("/rosters/findings/{finding_id}/review")
def open_review(finding_id: int, session: SessionDep, page: CsrfPage):
    row = _finding(session, page, finding_id)
    try:
        case = followup.open_review(session, row, actor=page.user.username)
    except followup.FollowupError as problem:
        session.rollback()
        return _back(row, error=_chinese(problem))
    session.commit()
    notice = "已发起复查：该户列入到期复查，请核实刚性支出后按程序办理。"
    return RedirectResponse(f"/staff/cases/{case.id}?{urlencode({'notice': notice})}", 303)


@router.post("/rosters/findings/{finding_id}/invite")
def invite(finding_id: int, session: SessionDep, cipher: CipherDep, page: CsrfPage,
           body: Annotated[str, Form(max_length=2000)] = ""):  # fmt: skip
    row = _finding(session, page, finding_id)
    try:
        followup.invite(session, row, cipher=cipher, actor=page.user.username, body=body)
    except followup.FollowupError as problem:
        session.rollback()
        return _back(row, error=_chinese(problem))
    session.commit()
    return _back(row, notice="短信已放入发件箱。")

"""The queue (案件列表) and the case page (案件详情) with the procedure's forms: next step,
reject, approve with class, ask the applicant, review, reveal the identity number."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import RedirectResponse
from sqlmodel import Session

from accounts.models import Role
from api.deps import CipherDep, SessionDep
from api.pages.auth import PageError, StaffPage, csrf_checked, page_scope
from api.pages.render import Page, render
from cases import procedure, queue
from cases.access import visible_case
from cases.assessment import NAMES, suggested_class
from cases.audit import record_audit
from cases.casefile import collect_replies, get_case, history
from cases.dynamic.clock import due_steps
from cases.models import Applicant, Case, CaseStatus
from cases.parameters import current_parameters
from cases.reports.due import due_for_review
from core.database import MAX_ROW_ID
from core.security import IdentityCipher
from core.townships import townships
from policy.clauses import clause_title

router = APIRouter(prefix="/staff", include_in_schema=False)
CsrfPage = Annotated[Page, Depends(csrf_checked)]
PAGE_SIZE = 50


def case_for(session: Session, page: Page, case_id: int) -> Case:
    case = visible_case(session, page.user, case_id)
    if case is None:
        raise PageError(404, "没有找到这个案件，或它不属于您所在的乡镇。")
    return case


@router.get("/cases")
def queue_page(
    request: Request,
    session: SessionDep,
    cipher: CipherDep,
    page: StaffPage,
    township: str = "",
    status: str = "",
    programme: str = "",
    klass: Annotated[str, Query(alias="class")] = "",
    due: str = "",
    handoff: str = "",
    cursor: Annotated[int | None, Query(ge=1, le=MAX_ROW_ID)] = None,
):
    """The queue and its filters. A search by name, phone or 身份证号 is posted (below), so
    that it never stands in a URL, the browser's history or an access log."""
    args = {"q": "", "township": township, "status": status, "programme": programme,
            "class": klass, "due": due, "handoff": handoff}  # fmt: skip
    return _queue(request, session, cipher, page, args, cursor)


@router.post("/cases")
def queue_search(
    request: Request,
    session: SessionDep,
    cipher: CipherDep,
    page: CsrfPage,
    q: Annotated[str, Form(max_length=64)] = "",
    township: Annotated[str, Form(max_length=32)] = "",
    status: Annotated[str, Form(max_length=32)] = "",
    programme: Annotated[str, Form(max_length=32)] = "",
    klass: Annotated[str, Form(alias="class", max_length=1)] = "",
    due: Annotated[str, Form(max_length=1)] = "",
    handoff: Annotated[str, Form(max_length=1)] = "",
):
    args = {"q": q, "township": township, "status": status, "programme": programme,
            "class": klass, "due": due, "handoff": handoff}  # fmt: skip
    return _queue(request, session, cipher, page, args, None)


def _queue(request: Request, session: Session, cipher: IdentityCipher, page: Page, args: dict,
           cursor: int | None):  # fmt: skip
    user = page.user
    args["township"] = page_scope(page, args["township"]) or ""
    filters = queue.QueueFilters(
        township=args["township"] or None,
        status=args["status"] if args["status"] in CaseStatus.__members__ else None,
        programme=args["programme"] if args["programme"] in NAMES else None,
        klass=args["class"] if args["class"] in ("A", "B", "C") else None,
        due_before=date.today() + timedelta(days=30) if args["due"] else None,
        handoff=True if args["handoff"] else None,
        q=args["q"].strip() or None,
    )
    result = queue.search(session, filters, cipher=cipher, cursor=cursor, limit=PAGE_SIZE)
    record_audit(session, actor=user.username, action="list", via="page",
                 filters=filters.model_dump(mode="json", exclude_none=True, exclude={"q"}),
                 q=bool(filters.q))  # fmt: skip
    session.commit()
    link_args = {k: v for k, v in args.items() if k != "q"}  # links never carry a search
    township = args["township"] or None
    return render(request, "queue.html", page, result=result, args=args, link_args=link_args,
                  due_steps=due_steps(session, township=township, limit=20),
                  due_reviews=due_for_review(session, township=township, within_days=7, limit=20),
                  townships=townships(), filtered=any(v for k, v in args.items() if k != "township"),
                  first_page=cursor is None)  # fmt: skip


def _case_context(session: Session, page: Page, case: Case, cipher: IdentityCipher) -> dict:
    from api.pages.dynamic import case_dynamic  # (it uses case_for of this module)

    collect_replies(session, case)
    public = get_case(session, case_id=case.id)
    file = history(session, case)
    latest = file.assessments[-1].assessment if file.assessments else None
    clause_titles = {}
    for result in (latest or {}).values():
        if isinstance(result, dict):
            for reason in result.get("reasons", []):
                try:
                    clause_titles[reason["clause"]] = clause_title(reason["clause"])
                except KeyError:
                    pass
    timeline = [("message", m.created_at, m) for m in public.messages]
    timeline += [("outbound", o.created_at, o) for o in file.outbound
                 if o.sent_by != "assistant" or o.notice_kind]  # fmt: skip
    timeline.sort(key=lambda entry: entry[1])
    return {
        "case": public,
        "row": case,
        "file": file,
        "latest": latest,
        "clause_titles": clause_titles,
        "timeline": timeline,
        "suggested_class": suggested_class(latest) or "B",
        # Template SMS carry a question of at most 35 characters (the carrier's rule).
        "ask_template": "请补充：",
        "has_phone": bool(public.applicant.phone),
        "phone_display": public.applicant.phone,
        "dynamic": case_dynamic(session, case),
    }


@router.get("/cases/{case_id}")
def case_page(case_id: int, request: Request, session: SessionDep, cipher: CipherDep,
              page: StaffPage, notice: str = "", error: str = ""):  # fmt: skip
    case = case_for(session, page, case_id)
    context = _case_context(session, page, case, cipher)
    record_audit(session, actor=page.user.username, action="view", case_id=case.id, via="page")
    session.commit()
    return render(request, "case.html", page, notice=notice[:200], error=error[:300], **context)


def _back(case: Case, notice: str = "", error: str = "") -> RedirectResponse:
    query = urlencode({k: v for k, v in (("notice", notice), ("error", error)) if v})
    return RedirectResponse(f"/staff/cases/{case.id}" + (f"?{query}" if query else ""), 303)


@router.post("/cases/{case_id}/transition")
def take_step(
    case_id: int,
    session: SessionDep,
    page: CsrfPage,
    to: Annotated[str, Form(max_length=32)],
    reason: Annotated[str, Form(max_length=procedure.MAX_REASON)] = "",
    klass: Annotated[str, Form(alias="class", max_length=1)] = "",
):
    if page.user.role not in (Role.county_admin, Role.township_staff):
        raise PageError(403, "您的账户没有办理案件的权限。")
    case = case_for(session, page, case_id)
    if to not in CaseStatus.__members__:
        return _back(case, error="未知的办理环节。")
    try:
        procedure.move(session, case, to=CaseStatus(to), actor=page.user.username, reason=reason,
                       klass=klass or None, parameters=current_parameters(session))  # fmt: skip
    except procedure.ProcedureError as problem:
        session.rollback()
        return _back(case, error=_chinese(problem))
    session.commit()
    return _back(case, notice=f"已进入“{procedure.LABELS[case.status]}”环节。")


@router.post("/cases/{case_id}/ask")
def ask(case_id: int, session: SessionDep, page: CsrfPage,
        body: Annotated[str, Form(max_length=2000)]):  # fmt: skip
    if page.user.role not in (Role.county_admin, Role.township_staff):
        raise PageError(403, "您的账户没有办理案件的权限。")
    case = case_for(session, page, case_id)
    try:
        procedure.ask_applicant(session, case, body=body, actor=page.user.username)
    except procedure.ProcedureError as problem:
        session.rollback()
        return _back(case, error=_chinese(problem))
    session.commit()
    return _back(case, notice="短信已放入发件箱，申请人的回复会显示在对话记录中。")


@router.post("/cases/{case_id}/review")
def review(case_id: int, session: SessionDep, page: CsrfPage,
           klass: Annotated[str, Form(alias="class", max_length=1)],
           note: Annotated[str, Form(max_length=procedure.MAX_REASON)] = ""):  # fmt: skip
    if page.user.role not in (Role.county_admin, Role.township_staff):
        raise PageError(403, "您的账户没有办理案件的权限。")
    case = case_for(session, page, case_id)
    try:
        procedure.record_review(session, case, klass=klass, note=note, actor=page.user.username,
                                parameters=current_parameters(session))  # fmt: skip
    except procedure.ProcedureError as problem:
        session.rollback()
        return _back(case, error=_chinese(problem))
    session.commit()
    return _back(case, notice=f"复查已记录，下次复查日期：{case.next_review_on}。")


@router.post("/cases/{case_id}/reveal")
def reveal(case_id: int, request: Request, session: SessionDep, cipher: CipherDep,
           page: CsrfPage):  # fmt: skip
    if page.user.role != Role.county_admin:
        raise PageError(403, "只有县级管理员可以查看完整身份证号。")
    case = case_for(session, page, case_id)
    applicant = session.get(Applicant, case.applicant_id)
    revealed = (
        cipher.decrypt(applicant.id_number_encrypted) if applicant.id_number_encrypted else None
    )
    context = _case_context(session, page, case, cipher)
    record_audit(session, actor=page.user.username, action="reveal_id_number", case_id=case.id,
                 via="page")  # fmt: skip
    session.commit()
    return render(request, "case.html", page, revealed=revealed or "（未登记）", notice="",
                  error="", **context)  # fmt: skip


def _chinese(problem: procedure.ProcedureError) -> str:
    if isinstance(problem, procedure.IllegalTransition):
        return (f"当前环节“{procedure.LABELS[problem.current]}”不能转到"
                f"“{procedure.LABELS[problem.wanted]}”。")  # fmt: skip
    if isinstance(problem, procedure.StaleCase):
        return "案件刚被其他人更新，请刷新后再试。"
    if problem.field == "reason":
        return "不予批准必须填写理由（不超过1000字）。"
    if problem.field == "class":
        return "请选择低保类别（A、B 或 C）。"
    if problem.field == "body":
        if "phone" in problem.message:
            return "申请人没有留电话号码，无法发送短信。"
        return "短信内容不能为空，且不超过500字。"
    return problem.message

"""信息比对 pages: the runs and the upload form (county staff), a run's findings by township
and category with filters and CSV/XLSX downloads (township staff: their own township), and
what the run resolved since the previous one. A finding's own page is ``roster_findings``."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path
from typing import Annotated
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, File, Form, Query, Request, Response, UploadFile
from fastapi.responses import RedirectResponse
from sqlmodel import Session

from accounts.models import Role
from api.deps import CipherDep, SessionDep
from api.pages.auth import PageError, StaffPage, csrf_checked, page_scope
from api.pages.render import Page, render
from api.uploads import saved_roster
from cases.audit import record_audit
from cases.rosters.models import RosterRun
from cases.rosters.results import (
    FindingFilters,
    every_finding,
    findings,
    latest_run,
    list_runs,
    resolved,
    summary,
)
from cases.rosters.runs import run_check, table_row
from cases.rosters.tables import to_csv, to_xlsx
from core.database import MAX_ROW_ID
from core.townships import townships
from policy.errors import InputError
from policy.glossary import INCONSISTENCIES, ROSTER_FINDINGS, ROSTER_OUTCOMES, ROSTERS

router = APIRouter(prefix="/staff", include_in_schema=False)
CsrfPage = Annotated[Page, Depends(csrf_checked)]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PAGE_SIZE = 100
FIELD_WORDS = {**ROSTERS, "on": "比对日期"}


def _runs_page(request: Request, session: Session, page: Page, *, error: str = "",
               notice: str = "", status_code: int = 200):  # fmt: skip
    return render(request, "rosters.html", page, runs=list_runs(session),
                  today=date.today().isoformat(), error=error, notice=notice,
                  status_code=status_code)  # fmt: skip


@router.get("/rosters")
def runs(request: Request, session: SessionDep, page: StaffPage, notice: str = ""):
    """County staff: every run and the upload form. Township staff: the newest run."""
    if page.user.role == Role.township_staff:
        run = latest_run(session)
        if run is not None:
            return RedirectResponse(f"/staff/rosters/{run.id}", 303)
        return render(request, "rosters.html", page, runs=[], today="", error="", notice="")
    return _runs_page(request, session, page, notice=notice[:200])


@router.post("/rosters")
def upload(
    request: Request,
    session: SessionDep,
    cipher: CipherDep,
    page: CsrfPage,
    dibao: Annotated[UploadFile | None, File()] = None,
    registered_poor: Annotated[UploadFile | None, File()] = None,
    on: Annotated[str, Form(max_length=10)] = "",
):
    if page.user.role != Role.county_admin:
        raise PageError(403, "只有县级管理员可以上传名单进行比对。")
    try:
        day = date.fromisoformat(on) if on else date.today()
    except ValueError:
        return _runs_page(request, session, page, error="比对日期格式应为 YYYY-MM-DD。",
                          status_code=422)  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="roster-") as folder:
        try:
            files = [saved_roster(upload, roster, Path(folder)) for upload, roster
                     in ((dibao, "dibao"), (registered_poor, "registered_poor"))]  # fmt: skip
            run = run_check(session, dibao=files[0], registered_poor=files[1], on=day,
                            actor=page.user.username, cipher=cipher)  # fmt: skip
        except InputError as problem:
            session.rollback()
            message = problem.message
            if problem.field == "on":
                message = f"{day.isoformat()} 没有适用的低保标准或扶贫标准"
            return _runs_page(request, session, page, status_code=422,
                              error=f"{FIELD_WORDS.get(problem.field, '')}：{message}")  # fmt: skip
    session.commit()
    notice = f"比对完成：共 {sum(run.counts.values())} 条比对结果，{len(run.errors)} 行无法读取。"
    return RedirectResponse(f"/staff/rosters/{run.id}?{urlencode({'notice': notice})}", 303)


def _run(session: Session, run_id: int) -> RosterRun:
    run = session.get(RosterRun, run_id) if 0 < run_id <= MAX_ROW_ID else None
    if run is None:
        raise PageError(404, "没有这次比对。")
    return run


def _filters(page: Page, args: dict[str, str]) -> FindingFilters:
    return FindingFilters(
        township=page_scope(page, args["township"]),
        category=args["category"] if args["category"] in ROSTER_FINDINGS else None,
        kind=args["kind"] if args["kind"] in INCONSISTENCIES else None,
        outcome=args["outcome"] if args["outcome"] in ("none", *ROSTER_OUTCOMES) else None,
        new_only=bool(args["new"]),
    )


@router.get("/rosters/{run_id}")
def run_page(
    run_id: int,
    request: Request,
    session: SessionDep,
    page: StaffPage,
    township: Annotated[str, Query(max_length=32)] = "",
    category: Annotated[str, Query(max_length=8)] = "",
    kind: Annotated[str, Query(max_length=32)] = "",
    outcome: Annotated[str, Query(max_length=8)] = "",
    new: Annotated[str, Query(max_length=1)] = "",
    cursor: Annotated[int | None, Query(ge=1, le=MAX_ROW_ID)] = None,
    notice: str = "",
):
    run = _run(session, run_id)
    args = {"township": township, "category": category, "kind": kind, "outcome": outcome,
            "new": new}  # fmt: skip
    filters = _filters(page, args)
    view = summary(
        session, run, township=page_scope(page, "") if not township else filters.township
    )
    result = findings(session, run, filters, cursor=cursor, limit=PAGE_SIZE)
    gone_count, gone = resolved(session, run, township=view.township, limit=PAGE_SIZE)
    record_audit(session, actor=page.user.username, action="roster_view", run_id=run.id,
                 via="page", filters=filters.model_dump(exclude_defaults=True))  # fmt: skip
    session.commit()
    query = {k: v for k, v in args.items() if v}
    return render(request, "roster_run.html", page, run=run, view=view, result=result,
                  gone=gone, gone_count=gone_count, args=args, query=query,
                  townships=townships(), first_page=cursor is None,
                  notice=notice[:200])  # fmt: skip


@router.get("/rosters/{run_id}/export")
def export(
    run_id: int,
    session: SessionDep,
    page: StaffPage,
    township: Annotated[str, Query(max_length=32)] = "",
    category: Annotated[str, Query(max_length=8)] = "",
    kind: Annotated[str, Query(max_length=32)] = "",
    outcome: Annotated[str, Query(max_length=8)] = "",
    new: Annotated[str, Query(max_length=1)] = "",
    format: str = "xlsx",
) -> Response:
    run = _run(session, run_id)
    filters = _filters(page, {"township": township, "category": category, "kind": kind,
                              "outcome": outcome, "new": new})  # fmt: skip
    format = "csv" if format == "csv" else "xlsx"
    rows = [table_row(row) for row in every_finding(session, run, filters)]
    record_audit(session, actor=page.user.username, action="roster_export", run_id=run.id,
                 format=format, rows=len(rows), via="page",
                 filters=filters.model_dump(exclude_defaults=True))  # fmt: skip
    session.commit()
    name = quote(f"信息比对-{run.on.isoformat()}-{filters.township or '全县'}.{format}")
    headers = {"Content-Disposition": f"attachment; filename*=UTF-8''{name}",
               "Cache-Control": "no-store"}  # fmt: skip
    if format == "csv":
        return Response(to_csv(rows, staff=True), media_type="text/csv; charset=utf-8",
                        headers=headers)  # fmt: skip
    return Response(to_xlsx(rows, staff=True, title="信息比对结果"), media_type=XLSX,
                    headers=headers)  # fmt: skip

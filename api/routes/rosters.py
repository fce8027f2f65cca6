"""The roster cross-check (信息比对) as JSON: county staff upload the two rosters and keep a
run; county and township staff read a run's findings (township staff their own
township's), export them (CSV, XLSX, masked), record an outcome, turn a finding into a
case, open a review of the household's case (应退未退) and invite the household by SMS."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path
from typing import Annotated, Literal, NoReturn
from urllib.parse import quote

from fastapi import APIRouter, File, Form, HTTPException, Query, Response, UploadFile, status

from api.deps import CaseReader, CipherDep, CountyAdmin, SessionDep, scoped
from api.errors import refused
from api.shapes import InvitationIn, OutcomeIn
from api.uploads import saved_roster
from cases.audit import record_audit
from cases.procedure import LABELS, allowed_next
from cases.rosters import followup
from cases.rosters.models import RosterFinding, RosterRun
from cases.rosters.results import (
    FindingFilters,
    every_finding,
    findings,
    latest_run,
    list_runs,
    public_finding,
    resolved,
    summary,
    visible_finding,
)
from cases.rosters.runs import run_check, table_row
from cases.rosters.shapes import (
    FindingCase,
    FindingDetail,
    FindingPage,
    FindingPublic,
    RunPublic,
    RunSummary,
)
from cases.rosters.tables import to_csv, to_xlsx
from cases.shapes import CaseState, OutboundPublic
from core.database import MAX_ROW_ID
from policy.errors import InputError
from policy.glossary import INCONSISTENCIES, ROSTER_FINDINGS, ROSTER_OUTCOMES

router = APIRouter(prefix="/api/rosters", tags=["rosters"])
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
Category = Literal[ROSTER_FINDINGS]  # type: ignore[valid-type]
Kind = Literal[tuple(INCONSISTENCIES)]  # type: ignore[valid-type]
Outcome = Literal[("none", *ROSTER_OUTCOMES)]  # type: ignore[valid-type]


def _run(session, run_id: int) -> RosterRun:
    run = session.get(RosterRun, run_id) if 0 < run_id <= MAX_ROW_ID else None
    if run is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail="No such run")
    return run


def _finding(session, user, finding_id: int) -> RosterFinding:
    row = visible_finding(session, user, finding_id)
    if row is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail="Finding not found")
    return row


def _not_now(session, error: followup.FollowupError) -> NoReturn:
    """A follow-up that names no field is not possible now (409); else 422 naming it."""
    session.rollback()
    if error.field is None:
        raise HTTPException(status.HTTP_409_CONFLICT, detail=error.message)
    refused(error)


@router.post("/runs", response_model=RunSummary, status_code=status.HTTP_201_CREATED)
def new_run(
    session: SessionDep,
    cipher: CipherDep,
    user: CountyAdmin,
    dibao: Annotated[UploadFile | None, File(description="the 低保 roster, CSV or XLSX")] = None,
    registered_poor: Annotated[
        UploadFile | None, File(description="the 建档立卡 roster, CSV or XLSX")
    ] = None,
    on: Annotated[date | None, Form(description="the check date (default: today)")] = None,
) -> RunSummary:
    """Check the two rosters on `on` and keep the run (the files' checksums, who ran it);
    422 naming `dibao` or `registered_poor` for a missing column or a file that cannot be
    read, `on` for a date with no standard in force."""
    if on is not None and not date(1990, 1, 1) <= on <= date(2100, 12, 31):
        refused(InputError("on", "must be between 1990-01-01 and 2100-12-31"))
    with tempfile.TemporaryDirectory(prefix="roster-") as folder:
        try:
            files = [saved_roster(upload, roster, Path(folder))
                     for upload, roster in ((dibao, "dibao"), (registered_poor, "registered_poor"))]  # fmt: skip
            run = run_check(session, dibao=files[0], registered_poor=files[1],
                            on=on or date.today(), actor=user.username, cipher=cipher)  # fmt: skip
        except InputError as error:
            session.rollback()
            refused(error)
    session.commit()
    return summary(session, run, township=None)


@router.get("/runs", response_model=list[RunPublic])
def runs(
    session: SessionDep, user: CountyAdmin, limit: Annotated[int, Query(ge=1, le=500)] = 100
) -> list[RunPublic]:
    """Every run kept, newest first: date, files and checksums, who ran it, counts."""
    return list_runs(session, limit=limit)


@router.get("/latest", response_model=RunSummary)
def latest(session: SessionDep, user: CaseReader, township: str | None = None) -> RunSummary:
    """The newest run's findings by township and category (township staff: their own)."""
    run = latest_run(session)
    if run is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail="No run yet")
    return summary(session, run, township=scoped(user, township))


@router.get("/runs/{run_id}", response_model=RunSummary)
def run_summary(
    run_id: int, session: SessionDep, user: CaseReader, township: str | None = None
) -> RunSummary:
    """A run's findings by township and category, new and resolved since the previous run,
    its unreadable rows (county staff)."""
    return summary(session, _run(session, run_id), township=scoped(user, township))


@router.get(
    "/runs/{run_id}/findings",
    response_model=FindingPage,
    responses={200: {"content": {"text/csv": {}, XLSX: {}},
                     "description": "A page as JSON, or every finding as CSV or XLSX (masked)"}},
)  # fmt: skip
def run_findings(
    run_id: int,
    session: SessionDep,
    user: CaseReader,
    township: str | None = None,
    category: Category | None = None,
    kind: Kind | None = None,
    outcome: Outcome | None = None,
    new: bool = False,
    cursor: Annotated[int | None, Query(ge=1, le=MAX_ROW_ID)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    format: Literal["json", "csv", "xlsx"] = "json",
):
    """The run's findings, filtered: township (township staff: their own), category, kind
    of 信息不一致, outcome (`none`: nothing recorded), new since the previous run."""
    run = _run(session, run_id)
    filters = FindingFilters(township=scoped(user, township), category=category, kind=kind,
                             outcome=outcome, new_only=new)  # fmt: skip
    action = "roster_view" if format == "json" else "roster_export"
    record_audit(session, actor=user.username, action=action, run_id=run.id, format=format,
                 filters=filters.model_dump(exclude_defaults=True))  # fmt: skip
    session.commit()
    if format == "json":
        return findings(session, run, filters, cursor=cursor, limit=limit)
    rows = [table_row(row) for row in every_finding(session, run, filters)]
    name = f"信息比对-{run.on.isoformat()}-{filters.township or '全县'}.{format}"
    headers = {"Content-Disposition": f"attachment; filename*=UTF-8''{quote(name)}"}
    if format == "csv":
        return Response(to_csv(rows, staff=True), media_type="text/csv; charset=utf-8",
                        headers=headers)  # fmt: skip
    return Response(to_xlsx(rows, staff=True), media_type=XLSX, headers=headers)


@router.get("/runs/{run_id}/resolved", response_model=list[FindingPublic])
def run_resolved(
    run_id: int, session: SessionDep, user: CaseReader, township: str | None = None
) -> list[FindingPublic]:
    """The previous run's findings this run no longer has (the first 500)."""
    _, rows = resolved(session, _run(session, run_id), township=scoped(user, township), limit=500)
    return rows


@router.get("/findings/{finding_id}", response_model=FindingDetail)
def finding(finding_id: int, session: SessionDep, user: CaseReader) -> FindingDetail:
    """One finding, with its household's cases; another township's is 404."""
    row = _finding(session, user, finding_id)
    record_audit(session, actor=user.username, action="roster_view", finding_id=row.id,
                 case_id=row.case_id)  # fmt: skip
    session.commit()
    return followup.finding_detail(session, row, user)


@router.post("/findings/{finding_id}/outcome", response_model=FindingPublic)
def outcome(
    finding_id: int, given: OutcomeIn, session: SessionDep, user: CaseReader
) -> FindingPublic:
    """Record what staff found: 核实中, 已纳入, 不符合条件 or 已退出, with a note."""
    row = _finding(session, user, finding_id)
    try:
        followup.record_outcome(session, row, outcome=given.outcome, note=given.note,
                                actor=user.username)  # fmt: skip
    except followup.FollowupError as error:
        _not_now(session, error)
    session.commit()
    return public_finding(row)


@router.post(
    "/findings/{finding_id}/case",
    response_model=FindingCase,
    status_code=status.HTTP_201_CREATED,
    responses={409: {"description": "A 信息不一致, or the finding already has its case"}},
)
def case_from_finding(
    finding_id: int, session: SessionDep, cipher: CipherDep, user: CaseReader
) -> FindingCase:
    """Turn the finding into a case in one step (the roster's facts filled in, channel
    信息比对), or link it to the household's open case."""
    row = _finding(session, user, finding_id)
    try:
        case, created = followup.case_from_finding(session, row, cipher=cipher,
                                                   actor=user.username)  # fmt: skip
    except followup.FollowupError as error:
        _not_now(session, error)
    session.commit()
    return FindingCase(finding_id=row.id, case_id=case.id, reference=case.reference,
                       status=case.status, created=created)  # fmt: skip


@router.post(
    "/findings/{finding_id}/review",
    response_model=CaseState,
    responses={409: {"description": "Not a 应退未退, or no approved case of the household"}},
)
def review(finding_id: int, session: SessionDep, user: CaseReader) -> CaseState:
    """应退未退: open a review (复查) of the household's approved case, due today."""
    row = _finding(session, user, finding_id)
    try:
        case = followup.open_review(session, row, actor=user.username)
    except followup.FollowupError as error:
        _not_now(session, error)
    session.commit()
    return CaseState(id=case.id, reference=case.reference, status=case.status,
                     status_label=LABELS[case.status], dibao_class=case.dibao_class,
                     next_review_on=case.next_review_on,
                     allowed_next=allowed_next(session, case))  # fmt: skip


@router.post(
    "/findings/{finding_id}/invitation",
    response_model=OutboundPublic,
    status_code=status.HTTP_201_CREATED,
)
def invitation(
    finding_id: int, given: InvitationIn, session: SessionDep, cipher: CipherDep, user: CaseReader
) -> OutboundPublic:
    """Invite the household by SMS (to apply, or to report changes) through the outbox;
    422 naming `phone` when the roster gives no valid 联系电话 or the number opted out."""
    row = _finding(session, user, finding_id)
    try:
        message = followup.invite(session, row, cipher=cipher, actor=user.username,
                                  body=given.body)  # fmt: skip
    except followup.FollowupError as error:
        _not_now(session, error)
    session.commit()
    return OutboundPublic(id=message.id, body=message.body, status=message.status.value,
                          sent_by=message.sent_by, created_at=message.created_at)  # fmt: skip

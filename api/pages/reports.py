"""Dashboard (统计概览) with a chart, reviews due (到期复查), 公示 lists with CSV/XLSX
downloads, the status of a case by reference (办理状态查询) and the policy (政策查询)."""

from __future__ import annotations

from datetime import date
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Query, Request, Response

from api.deps import SessionDep
from api.pages.auth import PageUser, StaffPage, page_scope
from api.pages.render import render
from cases.access import status_by_reference
from cases.assessment import NAMES
from cases.audit import record_audit
from cases.dynamic.clock import counts_by_township
from cases.dynamic.lists import review_list
from cases.models import CaseStatus
from cases.reports.dashboard import counts
from cases.reports.due import due_for_review
from cases.reports.publication import publication_rows, title, to_csv, to_xlsx
from cases.shapes import Count
from cases.unhandled import count_unhandled
from core.townships import townships
from policy.clauses import DOCUMENT, clauses
from policy.glossary import PROGRAMMES, REVIEW_STATES

DYNAMIC_WORDS = {"REVIEW_STATES": REVIEW_STATES,
                 "NO_REPLY": {"no_phone": "没有电话", "opted_out": "已退订短信",
                              "no_answer": "提醒后仍未回复"}}  # fmt: skip

router = APIRouter(prefix="/staff", include_in_schema=False)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def bars(items: list[Count], width: int = 360) -> list[dict]:
    """Bar lengths (px) for the inline SVG chart; no script, no network."""
    top = max((c.count for c in items), default=0) or 1
    return [{"label": c.label, "count": c.count, "key": c.key,
             "width": round(width * c.count / top)} for c in items]  # fmt: skip


@router.get("/dashboard")
def dashboard(request: Request, session: SessionDep, page: StaffPage, township: str = ""):
    township = page_scope(page, township)
    data = counts(session, township=township)
    due_counts = counts_by_township(session)
    if township:
        due_counts = {k: v for k, v in due_counts.items() if k == township}
    return render(request, "dashboard.html", page, data=data, township=township or "",
                  due_counts=dict(sorted(due_counts.items())),
                  unhandled=count_unhandled(session, township=township),
                  townships=townships(), status_bars=bars(data.by_status),
                  programme_bars=bars(data.by_programme),
                  township_bars=bars(data.by_township[:33]))  # fmt: skip


@router.get("/reviews")
def reviews(request: Request, session: SessionDep, page: StaffPage, township: str = "",
            within_days: Annotated[int, Query(ge=0, le=366)] = 30):  # fmt: skip
    township = page_scope(page, township)
    due = due_for_review(session, township=township, within_days=within_days)
    settings = request.app.state.settings
    return render(request, "reviews.html", page, due=due, township=township or "",
                  townships=townships(), within_days=within_days,
                  reviews=review_list(session, township=township),
                  notice_days=settings.review_notice_days,
                  reminder_days=settings.review_reminder_days, **DYNAMIC_WORDS)  # fmt: skip


def _stage(stage: str) -> tuple[CaseStatus, ...]:
    if stage in ("publicised", "approved"):
        return (CaseStatus(stage),)
    return (CaseStatus.publicised, CaseStatus.approved)


@router.get("/publication")
def publication(request: Request, session: SessionDep, page: StaffPage, township: str = "",
                programme: str = "dibao", stage: str = "all"):  # fmt: skip
    township = page_scope(page, township)
    programme = programme if programme in NAMES else "dibao"
    rows = publication_rows(session, programme=programme, township=township, statuses=_stage(stage))
    return render(request, "publication.html", page, rows=rows[:200], total=len(rows),
                  heading=title(township, programme), township=township or "",
                  programme=programme, stage=stage, townships=townships())  # fmt: skip


@router.get("/publication/export")
def export(session: SessionDep, page: StaffPage, township: str = "", programme: str = "dibao",
           stage: str = "all", format: str = "xlsx") -> Response:  # fmt: skip
    township = page_scope(page, township)
    programme = programme if programme in NAMES else "dibao"
    format = "csv" if format == "csv" else "xlsx"
    rows = publication_rows(session, programme=programme, township=township, statuses=_stage(stage))
    heading = title(township, programme)
    record_audit(session, actor=page.user.username, action="export", programme=programme,
                 township=township, format=format, rows=len(rows), via="page")  # fmt: skip
    session.commit()
    filename = quote(f"{heading}-{date.today().isoformat()}.{format}")
    headers = {"Content-Disposition": f"attachment; filename*=UTF-8''{filename}",
               "Cache-Control": "no-store"}  # fmt: skip
    if format == "csv":
        return Response(
            to_csv(rows, heading), media_type="text/csv; charset=utf-8", headers=headers
        )
    return Response(to_xlsx(rows, heading), media_type=XLSX, headers=headers)


@router.get("/status")
def status_lookup(request: Request, session: SessionDep, page: PageUser,
                  reference: Annotated[str, Query(max_length=32)] = ""):  # fmt: skip
    found = None
    if reference.strip():
        found = status_by_reference(session, page.user, reference)
        record_audit(
            session,
            actor=page.user.username,
            action="status_lookup",
            reference=reference.strip().upper()[:16],
            found=found is not None,
            via="page",
        )
        session.commit()
    return render(request, "status.html", page, reference=reference, found=found,
                  searched=bool(reference.strip()))  # fmt: skip


@router.get("/policy")
def policy_page(request: Request, page: PageUser):
    items = [(clause, text) for clause, text in clauses().items()]
    return render(request, "policy.html", page, document=DOCUMENT, clauses=items,
                  programmes=PROGRAMMES)  # fmt: skip

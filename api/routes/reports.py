"""Lists and counts, as JSON: a case's status by reference (helpline too), the cases due for
review, 公示 lists (CSV, XLSX or JSON, masked) and the dashboard's counts."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Path, Query, Response, status

from api.deps import CaseReader, CurrentUser, SessionDep, scoped
from cases.access import status_by_reference
from cases.assessment import NAMES
from cases.audit import record_audit
from cases.models import CaseStatus
from cases.reports.dashboard import counts
from cases.reports.due import due_for_review
from cases.reports.publication import publication_rows, title, to_csv, to_xlsx
from cases.shapes import CaseStatusPublic, Dashboard, DueCase, PublicationRow

router = APIRouter(prefix="/api", tags=["reports"])
Programme = Literal[tuple(NAMES)]  # type: ignore[valid-type]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@router.get("/status/{reference}", response_model=CaseStatusPublic)
def case_status(
    reference: Annotated[str, Path(max_length=16)], session: SessionDep, user: CurrentUser
) -> CaseStatusPublic:
    """A case's step in the procedure by its reference (e.g. FJ7KQ2MX): no personal data, so
    the helpline may tell a caller. Township staff see their own township's only."""
    found = status_by_reference(session, user, reference)
    if found is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail="No case with this reference")
    record_audit(session, actor=user.username, action="status_lookup", reference=found.reference)
    session.commit()
    return found


@router.get("/reviews/due", response_model=list[DueCase])
def reviews_due(
    session: SessionDep,
    user: CaseReader,
    township: str | None = None,
    within_days: Annotated[int, Query(ge=0, le=366)] = 30,
) -> list[DueCase]:
    """Approved cases whose review (复查) falls due within `within_days`, or is overdue."""
    township = scoped(user, township)
    return due_for_review(session, township=township, within_days=within_days)


@router.get(
    "/publication",
    response_model=list[PublicationRow],
    responses={200: {"content": {"text/csv": {}, XLSX: {}},
                     "description": "The list as JSON, CSV (UTF-8 with BOM) or XLSX"}},
)  # fmt: skip
def publication(
    session: SessionDep,
    user: CaseReader,
    programme: Programme = "dibao",
    township: str | None = None,
    format: Literal["json", "csv", "xlsx"] = "json",
    stage: Literal["all", "publicised", "approved"] = "all",
):
    """The 公示 list of a township (a county admin may leave it out: the whole county) and a
    programme: publicised and approved cases, names and identity numbers masked."""
    township = scoped(user, township)
    statuses = (
        (CaseStatus.publicised, CaseStatus.approved) if stage == "all" else (CaseStatus(stage),)
    )
    rows = publication_rows(session, programme=programme, township=township, statuses=statuses)
    record_audit(session, actor=user.username, action="export", programme=programme,
                 township=township, format=format, rows=len(rows))  # fmt: skip
    session.commit()
    if format == "json":
        return rows
    heading = title(township, programme)
    filename = quote(f"{heading}-{date.today().isoformat()}.{format}")
    headers = {"Content-Disposition": f"attachment; filename*=UTF-8''{filename}"}
    if format == "csv":
        return Response(
            to_csv(rows, heading), media_type="text/csv; charset=utf-8", headers=headers
        )
    return Response(to_xlsx(rows, heading), media_type=XLSX, headers=headers)


@router.get("/dashboard", response_model=Dashboard)
def dashboard(session: SessionDep, user: CaseReader, township: str | None = None) -> Dashboard:
    """Counts by township, procedure step and programme; township staff get their own
    (asking for another township is 403)."""
    return counts(session, township=scoped(user, township))

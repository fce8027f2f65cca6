"""GET /api/cases and /api/cases/{id}. Township staff see their own township only: asking
for another township answers 403 (``cases.access.township_scope``), and a case of another
township answers 404, as if it did not exist."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Annotated, Literal

from fastapi import APIRouter, Query

from api.deps import CaseId, CaseReader, CipherDep, SessionDep, case_or_404, scoped
from api.errors import unprocessable
from cases import audit, casefile, queue
from cases.assessment import NAMES
from cases.casefile import collect_replies
from cases.models import CaseStatus
from cases.queue import QueueFilters
from cases.shapes import CasePublic, QueuePage
from core.database import MAX_ROW_ID
from core.phones import normalise_phone

router = APIRouter(prefix="/api/cases", tags=["cases"])
Programme = Literal[tuple(NAMES)]  # type: ignore[valid-type]


@router.get("", response_model=QueuePage)
def list_cases(
    session: SessionDep,
    user: CaseReader,
    cipher: CipherDep,
    township: str | None = None,
    status_: Annotated[CaseStatus | None, Query(alias="status")] = None,
    phone: str | None = None,
    q: Annotated[
        str | None, Query(max_length=64, description="reference, phone, identity number or name")
    ] = None,
    programme: Programme | None = None,
    klass: Annotated[Literal["A", "B", "C"] | None, Query(alias="class")] = None,
    due: Annotated[bool, Query(description="approved cases due for review within 30 days")] = False,
    handoff: bool | None = None,
    cursor: Annotated[int | None, Query(ge=1, le=MAX_ROW_ID, description="next_cursor")] = None,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> QueuePage:
    township = scoped(user, township)
    if phone is not None:
        phone = normalise_phone(phone)
        if phone is None:
            unprocessable("query", "phone", "not a valid phone number")
    filters = QueueFilters(
        township=township, status=status_, phone=phone, q=q, programme=programme, klass=klass,
        due_before=date.today() + timedelta(days=30) if due else None, handoff=handoff,
    )  # fmt: skip
    result = queue.search(
        session, filters, cipher=cipher, cursor=cursor, offset=offset, limit=limit
    )
    audit.record_audit(
        session,
        actor=user.username,
        action="list",
        filters={
            "township": township,
            "status": status_.value if status_ else None,
            "phone": bool(phone),
            "q": bool(q),
            "programme": programme,
            "class": klass,
            "due": due,
            "handoff": handoff,
        },
    )
    session.commit()
    return result


@router.get("/{case_id}", response_model=CasePublic)
def read_case(case_id: CaseId, session: SessionDep, user: CaseReader) -> CasePublic:
    case = case_or_404(session, user, case_id)
    collect_replies(session, case)  # the applicant's answers to staff questions
    public = casefile.get_case(session, case_id=case.id)
    audit.record_audit(session, actor=user.username, action="view", case_id=case_id)
    session.commit()
    return public

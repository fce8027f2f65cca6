"""GET /api/cases and /api/cases/{id}. Township staff see their own township only; a case of
another township answers 404, as if it did not exist."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, status

from api.deps import CaseReader, SessionDep
from cases import store
from cases.models import CaseStatus, Role
from cases.phones import normalise_phone
from cases.public import CaseList, CasePublic
from cases.townships import townships

router = APIRouter(prefix="/api/cases", tags=["cases"])


@router.get("", response_model=CaseList)
def list_cases(
    session: SessionDep,
    user: CaseReader,
    township: str | None = None,
    status_: Annotated[CaseStatus | None, Query(alias="status")] = None,
    phone: str | None = None,
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> CaseList:
    if township is not None and township not in townships():
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_ENTITY,
            detail=[{"loc": ["query", "township"], "msg": "not a township of Fengjie"}],
        )
    if phone is not None:
        phone = normalise_phone(phone)
        if phone is None:
            raise HTTPException(
                status.HTTP_422_UNPROCESSABLE_ENTITY,
                detail=[{"loc": ["query", "phone"], "msg": "not a valid phone number"}],
            )
    if user.role == Role.township_staff:
        if township not in (None, user.township):
            return CaseList(items=[], total=0, offset=offset, limit=limit)
        township = user.township
    result = store.list_cases(
        session, township=township, status=status_, phone=phone, offset=offset, limit=limit
    )
    store.record_audit(
        session,
        actor=user.username,
        action="list",
        filters={
            "township": township,
            "status": status_.value if status_ else None,
            "phone": bool(phone),
        },
    )
    session.commit()
    return result


@router.get("/{case_id}", response_model=CasePublic)
def read_case(case_id: int, session: SessionDep, user: CaseReader) -> CasePublic:
    case = store.get_case(session, case_id=case_id)
    if case is None or (user.role == Role.township_staff and case.township != user.township):
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail="Case not found")
    store.record_audit(session, actor=user.username, action="view", case_id=case_id)
    session.commit()
    return case

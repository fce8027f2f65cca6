"""What the console's JSON routes share: typed ids, the case a user may open, and errors in
FastAPI's own 422 shape (``detail: [{loc, msg, type}]``)."""

from __future__ import annotations

from typing import Annotated, NoReturn

from fastapi import HTTPException, Path, status
from sqlmodel import Session

from cases.access import visible_case
from cases.models import Case
from accounts.models import User
from core.townships import townships

#: Ids are positive 63-bit integers; larger ones are refused before they reach the store.
CaseId = Annotated[int, Path(ge=1, le=2**63 - 1, description="the case's id")]
UserId = Annotated[int, Path(ge=1, le=2**63 - 1, description="the account's id")]


def case_or_404(session: Session, user: User, case_id: int) -> Case:
    """The case if ``user`` may open it; another township's case is "not found"."""
    case = visible_case(session, user, case_id)
    if case is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail="Case not found")
    return case


def unprocessable(where: str, field: str | None, message: str) -> NoReturn:
    loc = [where, *(field.split(".") if field else [])]
    raise HTTPException(
        422,
        detail=[{"loc": loc, "msg": message, "type": "value_error"}],
    )


def conflict(message: str) -> NoReturn:
    raise HTTPException(status.HTTP_409_CONFLICT, detail=message)


def check_township(township: str | None) -> None:
    if township is not None and township not in townships():
        unprocessable("query", "township", "not a township of Fengjie")


def scoped_township(user: User, township: str | None) -> str | None:
    """Township staff always work in their own township, whatever they ask for."""
    check_township(township)
    return user.township if user.township else township

"""County administration, as JSON: dated parameter values, the audit log and staff accounts.
Reading the parameters is open to every signed-in role; the rest is for county admins."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, status
from sqlmodel import Session

from accounts import administration
from accounts.models import User, UserPublic
from accounts.users import UserError, create_user
from api.deps import CountyAdmin, CurrentUser, SessionDep, UserId
from api.errors import refused
from api.shapes import ParameterIn, PasswordIn, UserIn
from cases.audit import events, record_audit
from cases.parameters import ParameterError, add_value, parameter_table
from cases.shapes import AuditPage, ParameterPublic, ValuePublic
from core.database import MAX_ROW_ID

router = APIRouter(prefix="/api", tags=["administration"])


@router.get("/parameters", response_model=list[ParameterPublic])
def parameters(
    session: SessionDep, user: CurrentUser, on: date | None = None
) -> list[ParameterPublic]:
    """Every parameter of the rules engine with its dated values and the one in force `on`."""
    return parameter_table(session, on=on)


@router.post("/parameters", response_model=ValuePublic, status_code=status.HTTP_201_CREATED)
def add_parameter_value(value: ParameterIn, session: SessionDep, user: CountyAdmin) -> ValuePublic:
    """Add a dated value; assessments from its date use it, earlier ones keep theirs."""
    try:
        row = add_value(session, name=value.name, effective_from=value.effective_from,
                        value=value.value, source=value.source, confirmed=value.confirmed,
                        note=value.note, actor=user.username)  # fmt: skip
    except ParameterError as error:
        session.rollback()
        refused(error)
    record_audit(session, actor=user.username, action="parameter_added", name=row.name,
                 effective_from=row.effective_from.isoformat(), value=row.value)  # fmt: skip
    session.commit()
    return ValuePublic(effective_from=row.effective_from, value=float(row.value), source=row.source,
                       confirmed=row.confirmed, note=row.note, added_by=row.added_by)  # fmt: skip


@router.get("/audit", response_model=AuditPage)
def audit_log(
    session: SessionDep,
    user: CountyAdmin,
    reference: Annotated[str | None, Query(max_length=16)] = None,
    actor: Annotated[str | None, Query(max_length=64)] = None,
    action: Annotated[str | None, Query(max_length=32)] = None,
    cursor: Annotated[int | None, Query(ge=1, le=MAX_ROW_ID)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> AuditPage:
    """Every view and change of a case, newest first; `cursor` is the last id seen."""
    return events(
        session, reference=reference, actor=actor, action=action, cursor=cursor, limit=limit
    )


@router.get("/users", response_model=list[UserPublic])
def list_users(session: SessionDep, user: CountyAdmin) -> list[UserPublic]:
    return administration.list_users(session)


@router.post("/users", response_model=UserPublic, status_code=status.HTTP_201_CREATED)
def add_user(new: UserIn, session: SessionDep, user: CountyAdmin) -> UserPublic:
    """Create an account; township staff need their township, other roles have none."""
    try:
        created = create_user(session, username=new.username, password=new.password,
                              role=new.role, township=new.township)  # fmt: skip
    except UserError as error:
        session.rollback()
        refused(error)
    record_audit(session, actor=user.username, action="user_created", username=created.username,
                 role=created.role.value, township=created.township)  # fmt: skip
    session.commit()
    return administration.public(created)


def _account(session: Session, user_id: int) -> User:
    account = session.get(User, user_id)
    if account is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail="No such account")
    return account


def _change(session: Session, admin: User, account: User, change: str) -> UserPublic:
    record_audit(session, actor=admin.username, action="user_changed",
                 username=account.username, change=change)  # fmt: skip
    session.commit()
    session.refresh(account)
    return administration.public(account)


@router.put("/users/{user_id}/password", response_model=UserPublic)
def reset_password(user_id: UserId, new: PasswordIn, session: SessionDep, user: CountyAdmin):
    """Set a new password; the account's page sessions end."""
    account = _account(session, user_id)
    try:
        administration.reset_password(session, account, new.password)
    except UserError as error:
        refused(error)
    return _change(session, user, account, "password")


@router.post(
    "/users/{user_id}/unlock",
    response_model=UserPublic,
    responses={409: {"description": "The account is disabled"}},
)
def unlock(user_id: UserId, session: SessionDep, user: CountyAdmin):
    """Lift a lock-out after repeated failed logins."""
    account = _account(session, user_id)
    try:
        administration.unlock(session, account)
    except UserError as error:
        raise HTTPException(status.HTTP_409_CONFLICT, detail=str(error)) from None
    return _change(session, user, account, "unlock")


@router.post(
    "/users/{user_id}/disable",
    response_model=UserPublic,
    responses={409: {"description": "One cannot disable oneself"}},
)
def disable(user_id: UserId, session: SessionDep, user: CountyAdmin):
    """Disable an account: it cannot sign in and its tokens and sessions stop working."""
    account = _account(session, user_id)
    if account.id == user.id:
        raise HTTPException(status.HTTP_409_CONFLICT, detail="one cannot disable oneself")
    administration.disable(session, account)
    return _change(session, user, account, "disable")


@router.post("/users/{user_id}/enable", response_model=UserPublic)
def enable(user_id: UserId, session: SessionDep, user: CountyAdmin):
    account = _account(session, user_id)
    administration.enable(session, account)
    return _change(session, user, account, "enable")

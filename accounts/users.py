"""Staff accounts: create, authenticate with lock-out (5 failures lock it for 15 minutes).
Passwords go through ``accounts.passwords`` (the one hasher, the one policy)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, func, or_, update
from sqlmodel import Session, col, select

from accounts.models import LoginFailure, Role, User
from accounts.passwords import (
    UserError,
    check_password,
    hash_password,
    hasher,
    needs_rehash,
    verify,
)
from core.database import utcnow
from core.townships import townships

MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=15)
# Failed sign-ins from one address, over any accounts, before it must wait.
MAX_FAILURES_PER_ADDRESS = 20
ADDRESS_WINDOW = timedelta(minutes=15)

__all__ = ["LOCKOUT", "MAX_FAILED_LOGINS", "UserError", "authenticate", "create_user"]


def create_user(
    session: Session, *, username: str, password: str, role: Role, township: str | None = None
) -> User:
    check_password(password)
    if role == Role.township_staff:
        if township not in townships():
            raise UserError("township", f"{township!r} is not a township of Fengjie")
    elif township is not None:
        raise UserError("township", "only township_staff belong to a township")
    if session.exec(select(User).where(User.username == username)).first():
        raise UserError("username", f"{username!r} exists already")
    user = User(
        username=username, password_hash=hash_password(password), role=role, township=township
    )
    session.add(user)
    session.flush()
    return user


def authenticate(
    session: Session, *, username: str, password: str, address: str | None = None
) -> User | None:
    """The user when the password is right and the account not locked.

    The attempt is counted before the password is checked, by one conditional UPDATE (no
    read-modify-write), so parallel attempts cannot slip past the lock-out: the sixth of
    thirty sent at once finds the account locked and costs no argon2 work. A right
    password clears the count. `address`: the client's, for the per-address limit."""
    now = utcnow()
    if address is not None and too_many_from(session, address, now):
        return None
    claimed = session.execute(
        update(User)
        .where(
            col(User.username) == username,
            or_(col(User.locked_until).is_(None), col(User.locked_until) <= now),
        )
        .values(failed_logins=col(User.failed_logins) + 1)
    )
    user = session.exec(select(User).where(User.username == username)).first()
    if user is None or claimed.rowcount == 0:  # unknown, or locked
        if user is None:
            hasher.hash(password)  # same work whether or not the user exists
        _failed(session, address, now)
        return None
    session.refresh(user)
    if user.failed_logins > MAX_FAILED_LOGINS or not verify(user.password_hash, password):
        if user.failed_logins >= MAX_FAILED_LOGINS:
            user.locked_until = now + LOCKOUT
            user.failed_logins = 0
        session.add(user)
        _failed(session, address, now)
        return None
    user.failed_logins = 0
    user.locked_until = None
    if needs_rehash(user.password_hash):
        user.password_hash = hasher.hash(password)
    session.add(user)
    return user


def too_many_from(session: Session, address: str, now: datetime) -> bool:
    """More than `MAX_FAILURES_PER_ADDRESS` failed sign-ins from `address` lately."""
    since = now - ADDRESS_WINDOW
    count = session.exec(
        select(func.count())
        .select_from(LoginFailure)
        .where(col(LoginFailure.address) == address, col(LoginFailure.at) > since)
    ).one()
    return count >= MAX_FAILURES_PER_ADDRESS


def _failed(session: Session, address: str | None, now: datetime) -> None:
    if address is None:
        return
    session.exec(delete(LoginFailure).where(col(LoginFailure.at) < now - ADDRESS_WINDOW))
    session.add(LoginFailure(address=address[:64], at=now))

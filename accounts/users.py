"""Staff accounts: create, authenticate with lock-out (5 failures lock it for 15 minutes).
Passwords go through ``accounts.passwords`` (the one hasher, the one policy)."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import Session, select

from accounts.models import Role, User
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


def authenticate(session: Session, *, username: str, password: str) -> User | None:
    """The user when the password is right and the account not locked; counts failures."""
    user = session.exec(select(User).where(User.username == username)).first()
    if user is None:
        hasher.hash(password)  # same work whether or not the user exists
        return None
    now = utcnow()
    if user.locked_until and user.locked_until > now:
        return None
    if not verify(user.password_hash, password):
        user.failed_logins += 1
        if user.failed_logins >= MAX_FAILED_LOGINS:
            user.locked_until = now + LOCKOUT
            user.failed_logins = 0
        session.add(user)
        return None
    user.failed_logins = 0
    user.locked_until = None
    if needs_rehash(user.password_hash):
        user.password_hash = hasher.hash(password)
    session.add(user)
    return user

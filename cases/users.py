"""Staff accounts: create, authenticate with lock-out. Passwords hashed with argon2
(argon2-cffi, the OWASP-recommended algorithm; no hand-written hashing)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlmodel import Session, select

from cases.models import Role, User
from core.townships import townships

MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=15)
_hasher = PasswordHasher()


class UserError(ValueError):
    pass


def create_user(
    session: Session, *, username: str, password: str, role: Role, township: str | None = None
) -> User:
    if len(password) < 8:
        raise UserError("password: at least 8 characters")
    if role == Role.township_staff:
        if township not in townships():
            raise UserError(f"township: {township!r} is not a township of Fengjie")
    elif township is not None:
        raise UserError("township: only township_staff belong to a township")
    if session.exec(select(User).where(User.username == username)).first():
        raise UserError(f"username: {username!r} exists already")
    user = User(
        username=username, password_hash=_hasher.hash(password), role=role, township=township
    )
    session.add(user)
    session.flush()
    return user


def authenticate(session: Session, *, username: str, password: str) -> User | None:
    """The user when the password is right and the account not locked; counts failures."""
    user = session.exec(select(User).where(User.username == username)).first()
    if user is None:
        _hasher.hash(password)  # same work whether or not the user exists
        return None
    now = datetime.now(timezone.utc)
    if user.locked_until and user.locked_until > now:
        return None
    try:
        _hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        user.failed_logins += 1
        if user.failed_logins >= MAX_FAILED_LOGINS:
            user.locked_until = now + LOCKOUT
            user.failed_logins = 0
        session.add(user)
        return None
    user.failed_logins = 0
    user.locked_until = None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    session.add(user)
    return user

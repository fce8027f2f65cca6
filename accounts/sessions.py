"""Staff page sessions (登录会话). The browser holds a random secret (in a signed cookie);
the store keeps only its SHA-256 with the user, the CSRF token and the expiry, so logging
out, disabling an account or resetting a password ends the session at once."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta, timezone

from sqlalchemy import delete
from sqlmodel import Session, col

from accounts.administration import is_disabled
from accounts.models import StaffSession, User


def _key(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def open_session(session: Session, user: User, *, minutes: int) -> tuple[str, StaffSession]:
    """A new session for ``user``: (the secret for the cookie, the stored row)."""
    now = datetime.now(timezone.utc)
    session.exec(delete(StaffSession).where(col(StaffSession.expires_at) < now))
    secret = secrets.token_urlsafe(32)
    row = StaffSession(
        id=_key(secret),
        user_id=user.id,
        csrf_token=secrets.token_urlsafe(32),
        created_at=now,
        expires_at=now + timedelta(minutes=minutes),
    )
    session.add(row)
    session.flush()
    return secret, row


def find_session(session: Session, secret: str) -> tuple[StaffSession, User] | None:
    """The live session and its user for ``secret``, or None (unknown, expired, disabled)."""
    row = session.get(StaffSession, _key(secret))
    if row is None:
        return None
    expires = (
        row.expires_at if row.expires_at.tzinfo else row.expires_at.replace(tzinfo=timezone.utc)
    )
    if expires <= datetime.now(timezone.utc):
        return None
    user = session.get(User, row.user_id)
    if user is None or is_disabled(user):
        return None
    return row, user


def close_session(session: Session, secret: str) -> None:
    session.exec(delete(StaffSession).where(col(StaffSession.id) == _key(secret)))

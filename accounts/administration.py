"""Staff account administration for county admins (用户管理): list, reset a password, unlock,
disable and enable. Creating accounts is ``accounts.users.create_user``; signing in is
``accounts.users.authenticate`` (argon2, lock-out after repeated failures)."""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import case, delete
from sqlmodel import Session, col, select

from accounts.models import Role, StaffSession, User, UserPublic
from accounts.passwords import UserError, hash_password

#: A disabled account is locked "for ever": ``authenticate`` already refuses locked ones.
DISABLED_UNTIL = datetime(9999, 1, 1, tzinfo=timezone.utc)


def is_disabled(user: User) -> bool:
    return user.locked_until is not None and _aware(user.locked_until).year >= 9000


def is_locked(user: User) -> bool:
    return user.locked_until is not None and _aware(user.locked_until) > datetime.now(timezone.utc)


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def public(user: User) -> UserPublic:
    return UserPublic(id=user.id, username=user.username, role=user.role, township=user.township,
                      locked=is_locked(user), disabled=is_disabled(user),
                      created_at=user.created_at)  # fmt: skip


# Roles in the order they are declared: PostgreSQL sorts its enum type so, SQLite by name.
ROLE_ORDER = case({role: rank for rank, role in enumerate(Role)}, value=User.role)


def list_users(session: Session) -> list[UserPublic]:
    """County admins, then township staff, then the helpline; by name within a role."""
    users = session.exec(select(User).order_by(ROLE_ORDER, col(User.username))).all()
    return [public(user) for user in users]


def end_sessions(session: Session, user: User) -> None:
    """Every page session and every bearer token of ``user`` ends now."""
    session.exec(delete(StaffSession).where(col(StaffSession.user_id) == user.id))
    user.token_version += 1
    session.add(user)


def reset_password(session: Session, user: User, password: str) -> None:
    user.password_hash = hash_password(password)
    user.failed_logins = 0
    if not is_disabled(user):
        user.locked_until = None
    session.add(user)
    end_sessions(session, user)


def unlock(session: Session, user: User) -> None:
    if is_disabled(user):
        raise UserError("account", "disabled; enable it instead")
    user.failed_logins = 0
    user.locked_until = None
    session.add(user)


def disable(session: Session, user: User) -> None:
    user.locked_until = DISABLED_UNTIL
    session.add(user)
    end_sessions(session, user)


def enable(session: Session, user: User) -> None:
    user.locked_until = None
    user.failed_logins = 0
    session.add(user)

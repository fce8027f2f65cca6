"""The staff account and page-session tables, and the account's public shape
(``UserBase`` → ``User`` (table), ``UserPublic``)."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlmodel import Field, SQLModel

from core.database import utcnow


class Role(str, enum.Enum):
    """Who a staff account is; the Chinese words are in ``policy.glossary.ROLES``."""

    county_admin = "county_admin"
    township_staff = "township_staff"
    helpline = "helpline"


class UserBase(SQLModel):
    username: str = Field(index=True, unique=True, max_length=64)
    role: Role
    township: str | None = Field(default=None, index=True)


class User(UserBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    password_hash: str
    failed_logins: int = 0
    locked_until: datetime | None = None
    # Raised when the password is reset or the account disabled: older bearer tokens die.
    token_version: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    created_at: datetime = Field(default_factory=utcnow)


class UserPublic(UserBase):
    """An account as county admins see it: no hash, lock-out and disabling as flags."""

    id: int
    locked: bool
    disabled: bool
    created_at: datetime


class StaffSession(SQLModel, table=True):
    """A signed-in staff page session; the cookie carries its id, signed. Logout deletes it."""

    id: str = Field(primary_key=True, max_length=64)  # SHA-256 of the session secret
    user_id: int = Field(foreign_key="user.id", index=True)
    csrf_token: str = Field(max_length=64)
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime


class LoginFailure(SQLModel, table=True):
    """A failed sign-in from one client address: the per-address limit counts these rows, so
    that several API processes share the count."""

    __tablename__ = "login_failure"

    id: int | None = Field(default=None, primary_key=True)
    address: str = Field(index=True, max_length=64)
    at: datetime = Field(default_factory=utcnow, index=True)

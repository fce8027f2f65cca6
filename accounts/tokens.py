"""Bearer tokens (JWT, HS256, signed with SECRET_KEY)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import jwt

from accounts.models import User


def create_access_token(user: User, *, secret_key: str, minutes: int) -> str:
    expires = datetime.now(timezone.utc) + timedelta(minutes=minutes)
    payload = {"sub": str(user.id), "role": user.role.value, "exp": expires}
    return jwt.encode(payload, secret_key, algorithm="HS256")


def user_id_of(token: str, *, secret_key: str) -> int | None:
    """The account id a valid, unexpired token names, else None."""
    try:
        payload = jwt.decode(token, secret_key, algorithms=["HS256"])
        return int(payload["sub"])
    except (jwt.PyJWTError, KeyError, ValueError):
        return None

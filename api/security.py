"""Bearer tokens (JWT, HS256, signed with SECRET_KEY)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import jwt

from cases.models import User


def create_access_token(user: User, *, secret_key: str, minutes: int) -> str:
    expires = datetime.now(timezone.utc) + timedelta(minutes=minutes)
    payload = {"sub": str(user.id), "role": user.role.value, "exp": expires}
    return jwt.encode(payload, secret_key, algorithm="HS256")

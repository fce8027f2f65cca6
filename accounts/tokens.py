"""Bearer tokens (JWT, HS256, signed with SECRET_KEY). A token carries the account's
`token_version`; resetting the password or disabling the account raises it, so every token
issued before stops working at once (as page sessions do)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import jwt

from accounts.models import User


def create_access_token(user: User, *, secret_key: str, minutes: int) -> str:
    expires = datetime.now(timezone.utc) + timedelta(minutes=minutes)
    payload = {
        "sub": str(user.id),
        "role": user.role.value,
        "ver": user.token_version,
        "exp": expires,
    }
    return jwt.encode(payload, secret_key, algorithm="HS256")


def claims_of(token: str, *, secret_key: str) -> tuple[int, int] | None:
    """(account id, token version) of a valid, unexpired token, else None."""
    try:
        payload = jwt.decode(token, secret_key, algorithms=["HS256"])
        return int(payload["sub"]), int(payload["ver"])
    except (jwt.PyJWTError, KeyError, ValueError, TypeError):
        return None


def still_valid(user: User, version: int) -> bool:
    """False once the password was reset or the account disabled after the token was made."""
    return version == user.token_version

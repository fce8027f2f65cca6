"""The one password hasher (argon2 through argon2-cffi, the OWASP-recommended algorithm; no
hand-written hashing) and the one password policy, for creating accounts and resetting
passwords alike."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from policy.errors import InputError

MIN_LENGTH = 8
MAX_LENGTH = 256
hasher = PasswordHasher()


class UserError(InputError):
    """An account change that is refused; ``field`` names the input at fault."""


def check_password(password: str) -> None:
    """The password policy: 8 to 256 characters."""
    if len(password) < MIN_LENGTH:
        raise UserError("password", f"at least {MIN_LENGTH} characters")
    if len(password) > MAX_LENGTH:
        raise UserError("password", f"at most {MAX_LENGTH} characters")


def hash_password(password: str) -> str:
    """The stored hash of a password that passes the policy."""
    check_password(password)
    return hasher.hash(password)


def verify(password_hash: str, password: str) -> bool:
    try:
        return hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return hasher.check_needs_rehash(password_hash)

"""Sensitive personal data: identity numbers (身份证号), names and phone numbers.

Identity numbers are stored encrypted with DATA_KEY (Fernet: AES-128-CBC + HMAC, from the
`cryptography` library, so no hand-rolled crypto) and with a keyed hash (HMAC-SHA256) so a
case can be found by number without decrypting every row. They are only ever shown masked.
"""

from __future__ import annotations

import base64
import hashlib
import hmac

from cryptography.fernet import Fernet


class IdentityCipher:
    def __init__(self, data_key: str) -> None:
        raw = data_key.encode()
        try:
            self._fernet = Fernet(raw)
        except ValueError:
            # Any passphrase works: derive a Fernet key from it.
            self._fernet = Fernet(base64.urlsafe_b64encode(hashlib.sha256(raw).digest()))
        self._hash_key = hashlib.sha256(b"lookup:" + raw).digest()

    def encrypt(self, value: str) -> str:
        return self._fernet.encrypt(value.encode()).decode()

    def decrypt(self, token: str) -> str:
        return self._fernet.decrypt(token.encode()).decode()

    def lookup_hash(self, value: str) -> str:
        return self.lookup_digest(value).hex()

    def lookup_digest(self, value: str) -> bytes:
        """The keyed hash as 32 bytes (``lookup_hash`` is its hex form): the rosters' check
        keeps hundreds of thousands of them in memory."""
        return hmac.digest(self._hash_key, value.upper().encode(), "sha256")


def mask_id_number(value: str | None) -> str | None:
    """500236199001011234 → 500236********1234 (region code and last four kept)."""
    if not value:
        return None
    if len(value) <= 10:
        return "*" * len(value)
    return value[:6] + "*" * (len(value) - 10) + value[-4:]


def mask_name(value: str | None) -> str | None:
    """张小明 → 张*明, 王芳 → 王*, 欧阳小明 → 欧**明."""
    if not value:
        return None
    if len(value) == 1:
        return "*"
    if len(value) == 2:
        return value[0] + "*"
    return value[0] + "*" * (len(value) - 2) + value[-1]


def mask_phone(value: str | None) -> str | None:
    """+8613812345678 → +86138****5678."""
    if not value:
        return None
    if len(value) <= 7:
        return "*" * len(value)
    return value[:-8] + "****" + value[-4:]

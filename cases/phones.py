"""Phone numbers in E.164 (+8613812345678), read with the `phonenumbers` library (Google's
libphonenumber rules) rather than a hand-written pattern; mainland China is the default."""

from __future__ import annotations

import phonenumbers


def normalise_phone(text: str | None, region: str = "CN") -> str | None:
    """'138 1234 5678', '+86 138-1234-5678' → '+8613812345678'; None when not a number."""
    if not text:
        return None
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)

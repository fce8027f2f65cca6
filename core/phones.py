"""Phone numbers in E.164 (+8613812345678), read with the `phonenumbers` library (Google's
libphonenumber rules) rather than a hand-written pattern; mainland China is the default.

``normalise_phone`` is the one reader of phone numbers: staff searches and the application
want a valid number; the SMS and voice channels take any possible number Twilio hands over
and name the conversation after it (``conversation_id``)."""

from __future__ import annotations

import phonenumbers


def normalise_phone(text: str | None, region: str = "CN", *, valid_only: bool = True) -> str | None:
    """'138 1234 5678', '+86 138-1234-5678' → '+8613812345678'; None when not a number (with
    ``valid_only=False``, when not even a possible one)."""
    text = (text or "").strip()
    if not text:
        return None
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    usable = phonenumbers.is_valid_number if valid_only else phonenumbers.is_possible_number
    if not usable(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def conversation_id(raw: str | None) -> str:
    """The id a channel's conversation goes by: the number in E.164 when the text reads as a
    possible phone number, else the text trimmed ('anonymous', 'client:alice')."""
    return normalise_phone(raw, valid_only=False) or (raw or "").strip()

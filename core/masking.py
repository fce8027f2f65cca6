"""The one function that masks personal numbers in free text: identity numbers and mobile
phone numbers. Inbound messages are stored through it, and Rasa's tracker store
(bot/redacting_tracker_store.py), the logs and the exports use it too. Pure standard
library, so that the Rasa process can import it.

An identity number is masked whatever its check digit and however it is typed: any run of
15 or 18 digits (the 18th may be X), with spaces or dashes between them
("500236 19811105 6624", "500-236-...") keeps its first six and last four
(500236********6624). A mobile number (11 digits from 1[3-9], maybe +86 before it) keeps its
first three and last four (138****5678).
"""

from __future__ import annotations

import logging
import re
from urllib.parse import unquote_plus

_SEP = r"[ \-\u3000]?"
# 18 digits (last may be X) or 15 digits, single separators allowed between digits.
_ID = re.compile(
    rf"(?<![\dXx])(?:\d{_SEP}){{17}}[\dXx](?![\dXx])|(?<![\dXx])(?:\d{_SEP}){{14}}\d(?![\dXx])"
)
_MOBILE = re.compile(r"(?<!\d)((?:\+?86[ \-]?)?1[3-9]\d)[ \-]?\d{4}[ \-]?(\d{4})(?!\d)")
# A WeChat OpenID (an identifier of the resident): "o" and 27 characters of [A-Za-z0-9_-].
# Masked in logs only (WeChat puts it in its request's query string, which the access log
# prints); messages never hold one.
_OPENID = re.compile(
    r"(?<![A-Za-z0-9_-])(o[A-Za-z0-9_-]{3})[A-Za-z0-9_-]{20}([A-Za-z0-9_-]{4})(?![A-Za-z0-9_-])"
)


def _masked_id(match: re.Match) -> str:
    digits = re.sub(r"[ \-\u3000]", "", match.group(0))
    return digits[:6] + "*" * (len(digits) - 10) + digits[-4:]


def mask_personal(text: str) -> str:
    """`text` with every identity number and mobile number masked."""
    if not text:
        return text
    return _MOBILE.sub(r"\1****\2", _ID.sub(_masked_id, text))


def mobile_numbers(text: str) -> list[str]:
    """The mainland mobile numbers in `text` as E.164 (+8613812345678), each once, in order
    (the WeChat channel links a follower to the number they say)."""
    found: list[str] = []
    for match in _MOBILE.finditer(text or ""):
        number = "+86" + re.sub(r"\D", "", match.group(0))[-11:]
        if number not in found:
            found.append(number)
    return found


def has_personal(text: str) -> bool:
    return bool(text) and mask_personal(text) != text


class MaskingFilter(logging.Filter):
    """A log filter that masks personal numbers (and WeChat OpenIDs) in the message and in each of its
    arguments (uvicorn's access log passes the path with its query string as one; a query
    string is read URL-decoded, so "500236+19781231+4419" is caught too)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = _mask_log(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(_masked_arg(arg) for arg in record.args)
        elif isinstance(record.args, dict):
            record.args = {key: _masked_arg(value) for key, value in record.args.items()}
        return True


def _masked_arg(value: object) -> object:
    if not isinstance(value, str):
        return value
    decoded = unquote_plus(value)
    masked = _mask_log(decoded)
    return masked if masked != decoded else value


# A secret carried in a URL's query (the SMS carrier's callbacks are given ?token=…,
# ALIYUN_CALLBACK_TOKEN): never written to a log, where it would let anyone forge them.
_URL_SECRET = re.compile(r"(?<![A-Za-z0-9_])(token=)[^&\s\"']+", re.IGNORECASE)


def _mask_log(text: str) -> str:
    return _URL_SECRET.sub(r"\1****", _OPENID.sub(r"\1****\2", mask_personal(text)))


def mask_logs(*logger_names: str) -> None:
    """Mask every record that goes out through the handlers of these loggers (the root
    logger when none is named); idempotent."""
    for name in logger_names or ("",):
        for handler in logging.getLogger(name).handlers:
            if not any(isinstance(f, MaskingFilter) for f in handler.filters):
                handler.addFilter(MaskingFilter())

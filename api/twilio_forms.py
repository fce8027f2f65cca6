"""The form fields Twilio posts to each webhook, for the OpenAPI schema (`/docs`, and the
schemathesis run over every route). The routes read them through `api.deps.twilio_params`,
signature first, and check what they need (`api.limits.required`); Twilio adds fields of its
own (FromCity, ApiVersion, …) that are signed and ignored."""

from __future__ import annotations

from typing import Any

FIELDS = {
    "AccountSid": "the Twilio account the request is for",
    "MessageSid": "the message's id (required: a message is stored once per id)",
    "SmsSid": "the message's id, older name",
    "CallSid": "the call's id",
    "From": "the resident's number (E.164), or 'anonymous' on a call with a withheld number",
    "To": "our number",
    "Body": "the text; longer than 1,600 characters is cut",
    "NumMedia": "how many pictures came with it (ignored)",
    "CallStatus": "ringing, in-progress, …",
    "SpeechResult": "what the caller said, recognised in Mandarin",
    "Confidence": "the recogniser's confidence",
    "Digits": "the keys the caller pressed",
    "MessageStatus": "queued, sent, delivered, undelivered, failed",
    "SmsStatus": "the status, older name",
    "ErrorCode": "Twilio's error code when the message failed",
}
CALL = ("AccountSid", "CallSid", "From", "To")


def form(*required: str, optional: tuple[str, ...] = ()) -> dict[str, Any]:
    """`openapi_extra` for a route: the form body with these of Twilio's fields."""
    properties = {
        name: {"type": "string", "description": FIELDS[name]} for name in (*required, *optional)
    }
    schema = {"type": "object", "properties": properties, "required": list(required)}
    return {
        "requestBody": {
            "required": True,
            "content": {"application/x-www-form-urlencoded": {"schema": schema}},
        }
    }


SMS = form("AccountSid", "MessageSid", "From", "To", "Body", optional=("SmsSid", "NumMedia"))
CALL_STARTS = form(*CALL, optional=("CallStatus",))
CALLER_ANSWERS = form(*CALL, optional=("SpeechResult", "Confidence", "Digits"))
CALL_GOES_ON = form(*CALL)
STATUS = form("AccountSid", "MessageSid", "MessageStatus",
              optional=("SmsSid", "SmsStatus", "ErrorCode", "To", "From"))  # fmt: skip

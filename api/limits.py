"""Every inbound request is bounded and answered (issue 13): a body-size limit for the
webhooks, Twilio's own limit on a message's length, required fields, and stored ids in the
range the database holds — a 4xx naming the problem, never a 500."""

from __future__ import annotations

import logging

from fastapi import FastAPI, HTTPException, status
from fastapi.responses import JSONResponse

from api.errors import RequestRefused, problem
from core.database import MAX_ROW_ID

log = logging.getLogger(__name__)

MAX_WEBHOOK_BYTES = 64 * 1024  # Twilio's largest webhook body is a few kilobytes
# The webhooks' largest bodies: WeChat's messages are as small as Twilio's; the SMS carrier
# pushes receipts in batches (`channels.notices.callbacks.MAX_ITEMS` of a few hundred bytes).
WEBHOOKS = {"/twilio/": MAX_WEBHOOK_BYTES, "/wechat": MAX_WEBHOOK_BYTES, "/aliyun/": 1024 * 1024}
MAX_BODY_CHARS = 1600  # Twilio's longest message (10 segments); longer is cut
MAX_ID = MAX_ROW_ID  # the store's INTEGER ids (32 bits on PostgreSQL)
TRUNCATED = "［后面太长，已截断］"


class BoundedWebhooks:
    """Refuses a webhook whose declared body is larger than its kind ever is (413).

    A plain ASGI middleware rather than `@app.middleware("http")`: Starlette's
    `BaseHTTPMiddleware` runs every request through a task group and memory streams, a cost
    each resident's message paid for a check of one header (the SMS channel's overhead over
    Rasa's REST channel, issue 16)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http":
            path = scope["path"]
            for prefix, largest in WEBHOOKS.items():
                if path.startswith(prefix):
                    length = _content_length(scope)
                    if length is not None and (not length.isdigit() or int(length) > largest):
                        refusal = JSONResponse(
                            {"detail": "request body too large"}, status_code=413
                        )
                        await refusal(scope, receive, send)
                        return
        await self.app(scope, receive, send)


def _content_length(scope) -> str | None:
    for name, value in scope["headers"]:
        if name == b"content-length":
            return value.decode("latin-1")
    return None


def install(app: FastAPI) -> None:
    app.add_middleware(BoundedWebhooks)


def stored_id(value: int | None, name: str) -> int | None:
    """An id from a query string, checked against what the store can hold: 404 outside."""
    if value is not None and not 0 < value <= MAX_ID:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail=f"no such {name}")
    return value


def required(params: dict[str, str], *names: str, longest: int = 32) -> str:
    """The first of `names` present in a Twilio request; 400 naming the field otherwise, or
    when it is longer than `longest` (the store's column: a phone number or a Twilio SID is
    never longer, and PostgreSQL refuses what does not fit)."""
    for name in names:
        if params.get(name):
            if len(params[name]) > longest:
                raise RequestRefused(400, [problem("body", name, f"at most {longest} characters")])
            return params[name]
    raise RequestRefused(400, [problem("body", names[0], "required")])


def message_body(params: dict[str, str]) -> str:
    """The text of an SMS, cut at Twilio's limit with a note staff see in the transcript."""
    text = params.get("Body", "").strip()
    if len(text) > MAX_BODY_CHARS:
        log.warning("an SMS of %d characters was cut to %d", len(text), MAX_BODY_CHARS)
        return text[:MAX_BODY_CHARS] + TRUNCATED
    return text

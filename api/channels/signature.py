"""Twilio's request signature (X-Twilio-Signature): HMAC-SHA1 of the URL Twilio called —
PUBLIC_BASE_URL + path + query — and the sorted POST parameters, keyed with the auth token.
Requests that fail get 403 and a log line."""

from __future__ import annotations

import logging
from typing import Annotated

from fastapi import Depends, HTTPException, Request, status
from twilio.request_validator import RequestValidator

from core.settings import Settings

log = logging.getLogger(__name__)

# Development only (no TWILIO_AUTH_TOKEN): the simulator signs with it. Never in production.
DEV_TWILIO_TOKEN = "dev-twilio-auth-token"


def signing_token(settings: Settings) -> str | None:
    if settings.twilio_auth_token:
        return settings.twilio_auth_token
    return None if settings.environment == "production" else DEV_TWILIO_TOKEN


def public_url(settings: Settings, path: str, query: str = "") -> str:
    """The URL Twilio is told to call (and signs) for `path`."""
    return settings.public_base_url.rstrip("/") + path + (f"?{query}" if query else "")


def sign(settings: Settings, url: str, params: dict[str, str]) -> str:
    """The signature Twilio would send (for the simulator and tests)."""
    return RequestValidator(signing_token(settings) or "").compute_signature(url, params)


async def twilio_params(request: Request) -> dict[str, str]:
    """The POST parameters of a request that Twilio signed; 403 otherwise."""
    settings: Settings = request.app.state.settings
    form = await request.form()
    params = {key: value for key, value in form.items() if isinstance(value, str)}
    url = public_url(settings, request.url.path, request.url.query)
    token = signing_token(settings)
    signature = request.headers.get("X-Twilio-Signature", "")
    if not token or not signature or not RequestValidator(token).validate(url, params, signature):
        log.warning(
            "rejected Twilio request to %s: %s signature (from %s)",
            request.url.path,
            "bad" if signature else "no",
            request.client.host if request.client else "?",
        )
        raise HTTPException(status.HTTP_403_FORBIDDEN, detail="Invalid Twilio signature")
    return params


TwilioParams = Annotated[dict[str, str], Depends(twilio_params)]

"""Twilio's request signature (X-Twilio-Signature): HMAC-SHA1 of the URL Twilio called —
PUBLIC_BASE_URL + path + query — and the sorted POST parameters, keyed with the auth token.
The HTTP side (403 and a log line for a request that fails) is ``api.deps.twilio_params``."""

from __future__ import annotations

from twilio.request_validator import RequestValidator

from core.settings import Settings

# Development only (no TWILIO_AUTH_TOKEN): the simulator signs with it. Never in production.
DEV_TWILIO_TOKEN = "dev-twilio-auth-token"


def signing_token(settings: Settings) -> str | None:
    if settings.twilio_auth_token:
        return settings.twilio_auth_token
    return DEV_TWILIO_TOKEN if settings.is_development else None


def public_url(settings: Settings, path: str, query: str = "") -> str:
    """The URL Twilio is told to call (and signs) for `path`."""
    return settings.public_base_url.rstrip("/") + path + (f"?{query}" if query else "")


def sign(settings: Settings, url: str, params: dict[str, str]) -> str:
    """The signature Twilio would send (for the simulator and tests)."""
    return RequestValidator(signing_token(settings) or "").compute_signature(url, params)


def valid(settings: Settings, url: str, params: dict[str, str], signature: str) -> bool:
    """True when ``signature`` is Twilio's for ``url`` and ``params`` (never without a token)."""
    token = signing_token(settings)
    return bool(token and signature and RequestValidator(token).validate(url, params, signature))

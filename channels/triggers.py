"""Starting a conversation from our side (the assistant speaks first): Rasa's
``POST /conversations/{id}/trigger_intent`` with the server's token. The bot's replies come
back in the answer (Rasa collects them when no output channel is named); the caller sends
them by the outbox. Used by the scheduler to start a review (复查) conversation by SMS."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import httpx

from channels.rasa import server_for
from core.settings import Settings


class TriggerFailed(Exception):
    """Rasa did not take the intent (down, refused, or an error)."""


def trigger_intent(
    settings: Settings, *, sender: str, intent: str, timeout: float | None = None,
    transport: httpx.BaseTransport | None = None,
) -> list[dict[str, Any]]:  # fmt: skip
    """The assistant's replies after ``intent`` is triggered in ``sender``'s conversation."""
    rasa = server_for(settings.rasa_servers, sender)  # the conversation's own Rasa server
    url = f"{rasa}/conversations/{quote(sender, safe='+')}/trigger_intent"
    try:
        with httpx.Client(transport=transport, timeout=timeout or settings.rasa_timeout) as client:
            reply = client.post(url, params={"token": settings.rasa_token},
                                json={"name": intent, "entities": {}})  # fmt: skip
    except httpx.HTTPError as error:
        raise TriggerFailed(f"rasa: {type(error).__name__}") from None
    if reply.status_code != 200:
        raise TriggerFailed(f"rasa answered {reply.status_code}")
    return [item for item in reply.json().get("messages") or [] if isinstance(item, dict)]

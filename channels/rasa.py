"""Rasa's REST channel as the SMS and voice channels use it: one request per resident message,
tagged with the message's id so that, after a failure mid-way, the tracker tells whether
Rasa took it (and what it answered). With several Rasa servers (RASA_URLS) each conversation
always goes to the same one (`server_for`): Rasa 3.6's Redis lock store does not order one
conversation's turns across servers (docs/deploy.md)."""

from __future__ import annotations

import asyncio
import hashlib
import importlib.util
import logging
import sys
import time
from collections.abc import Sequence
from typing import Any
from urllib.parse import quote

import httpx

from core.settings import Settings

log = logging.getLogger(__name__)


# httpcore looks for sniffio on every request; when it is not installed the failed import
# searches sys.path each time. Remember once that it is missing.
if importlib.util.find_spec("sniffio") is None:
    sys.modules.setdefault("sniffio", None)

# An "up" from the action server's /health is trusted this long (also by the concurrent
# hand-overs that waited for the same check); "down" is never remembered.
ACTION_SERVER_UP_SECONDS = 0.2

# Rasa's tracker store masks runs of digits that look like phone or identity numbers; a
# Twilio SID is hex, so its digits are spelled as letters in the tag Rasa keeps.
_DIGITS_AS_LETTERS = str.maketrans("0123456789", "ghijklmnop")


def tracker_tag(message_id: str) -> str:
    """The message's id as carried in Rasa's metadata: no digits for a redactor to mask."""
    return message_id.translate(_DIGITS_AS_LETTERS)


def server_for(servers: Sequence[str], sender: str) -> str:
    """The Rasa server of conversation `sender`, the same in every API process and after any
    restart: rendezvous hashing (the server whose SHA-256 of URL and sender is highest), so
    that adding or removing a server moves only the conversations of that server."""
    if len(servers) == 1:
        return servers[0]

    def weight(url: str) -> bytes:
        return hashlib.sha256(f"{url}\n{sender}".encode()).digest()

    return max(servers, key=weight)


class BotUnavailable(Exception):
    """Rasa or the action server did not answer. `maybe_taken`: the request may have reached
    Rasa (timeout, dropped connection), so look in the tracker before sending it again."""

    def __init__(self, reason: str, *, maybe_taken: bool):
        super().__init__(reason)
        self.maybe_taken = maybe_taken


class BotRefused(Exception):
    """Rasa answered 4xx: this request will never work, sending it again will not help."""


class RasaClient:
    def __init__(self, settings: Settings, transport: httpx.AsyncBaseTransport | None = None):
        self.settings = settings
        self.transport = transport
        self._client: httpx.AsyncClient | None = None
        self._action_server_seen_up = float("-inf")
        self._action_server_check: asyncio.Future | None = None

    @property
    def client(self) -> httpx.AsyncClient:
        if self._client is None:
            self._client = httpx.AsyncClient(
                transport=self.transport,
                timeout=httpx.Timeout(self.settings.rasa_timeout, connect=3.0),
                limits=httpx.Limits(max_connections=200, max_keepalive_connections=50),
            )
        return self._client

    async def aclose(self) -> None:
        if self._action_server_check is not None and not self._action_server_check.done():
            self._action_server_check.cancel()
        self._action_server_check = None
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    async def action_server_up(self) -> bool:
        """The action server answers /health (checked at most once at a time, and an "up"
        trusted for ACTION_SERVER_UP_SECONDS)."""
        if time.monotonic() - self._action_server_seen_up < ACTION_SERVER_UP_SECONDS:
            return True
        if self._action_server_check is None or self._action_server_check.done():
            self._action_server_check = asyncio.ensure_future(self._check_action_server())
        return await asyncio.shield(self._action_server_check)

    async def _check_action_server(self) -> bool:
        try:
            reply = await self.client.get(f"{self.settings.action_server_url}/health", timeout=3.0)
        except httpx.HTTPError:
            return False
        if reply.status_code != 200:
            return False
        self._action_server_seen_up = time.monotonic()
        return True

    def url_for(self, sender: str) -> str:
        """The base URL of the Rasa server that takes conversation `sender`."""
        return server_for(self.settings.rasa_servers, sender)

    async def _rasa_up(self, url: str) -> bool:
        """The Rasa server at `url` answers /status (its model is loaded)."""
        try:
            reply = await self.client.get(
                f"{url}/status", params={"token": self.settings.rasa_token}, timeout=3.0
            )
        except httpx.HTTPError:
            return False
        if reply.status_code in (401, 403):
            log.error("Rasa at %s refuses RASA_TOKEN: messages wait until it is set right", url)
        return reply.status_code == 200

    async def servers_up(self) -> list[str]:
        """The Rasa servers that answer /status now (asked at once)."""
        servers = self.settings.rasa_servers
        answers = await asyncio.gather(*(self._rasa_up(url) for url in servers))
        return [url for url, up in zip(servers, answers, strict=True) if up]

    async def ready(self, sender: str | None = None) -> bool:
        """The action server and Rasa answer: the Rasa server of conversation `sender`, or
        without a sender every Rasa server."""
        if sender is not None:
            rasa_up = await self._rasa_up(self.url_for(sender))
        else:
            rasa_up = len(await self.servers_up()) == len(self.settings.rasa_servers)
        return rasa_up and await self.action_server_up()

    async def send(
        self, *, sender: str, text: str, channel: str, message_id: str
    ) -> list[dict[str, Any]]:
        """The assistant's replies to one message. Raises BotUnavailable when Rasa does not
        answer, BotRefused on 4xx. Check `action_server_up` first: with the action server
        down, Rasa takes the message and loses the action's answer."""
        try:
            reply = await self.client.post(
                f"{self.url_for(sender)}/webhooks/rest/webhook",
                json={
                    "sender": sender,
                    "message": text,
                    "input_channel": channel,
                    "metadata": {"message_id": tracker_tag(message_id)},
                },
            )
        except (httpx.ConnectError, httpx.ConnectTimeout) as error:
            raise BotUnavailable(f"rasa: {type(error).__name__}", maybe_taken=False) from None
        except httpx.HTTPError as error:
            raise BotUnavailable(f"rasa: {type(error).__name__}", maybe_taken=True) from None
        if 400 <= reply.status_code < 500:
            raise BotRefused(f"rasa answered {reply.status_code}")
        if reply.status_code != 200:
            raise BotUnavailable(f"rasa answered {reply.status_code}", maybe_taken=True)
        return [item for item in reply.json() if isinstance(item, dict)]

    async def replies_in_tracker(
        self, *, sender: str, message_id: str
    ) -> list[dict[str, Any]] | None:
        """If Rasa took the message with this id: the bot's replies that followed it (as the
        REST channel would have given them), else None."""
        try:
            reply = await self.client.get(
                f"{self.url_for(sender)}/conversations/{quote(sender, safe='+')}/tracker",
                params={"token": self.settings.rasa_token},
            )
        except (httpx.ConnectError, httpx.ConnectTimeout) as error:
            # Not reached this time: no sign that Rasa took the message and hangs on it.
            raise BotUnavailable(
                f"rasa tracker: {type(error).__name__}", maybe_taken=False
            ) from None
        except httpx.HTTPError as error:
            raise BotUnavailable(
                f"rasa tracker: {type(error).__name__}", maybe_taken=True
            ) from None
        if reply.status_code != 200:
            raise BotUnavailable(f"rasa tracker answered {reply.status_code}", maybe_taken=True)
        events = reply.json().get("events") or []
        replies: list[dict[str, Any]] | None = None
        for event in events:
            kind = event.get("event")
            if kind == "user":
                if replies is not None:
                    break
                if (event.get("metadata") or {}).get("message_id") == tracker_tag(message_id):
                    replies = []
            elif kind == "bot" and replies is not None:
                item: dict[str, Any] = {"recipient_id": sender, "text": event.get("text")}
                buttons = (event.get("data") or {}).get("buttons")
                if buttons:
                    item["buttons"] = buttons
                replies.append(item)
        return replies

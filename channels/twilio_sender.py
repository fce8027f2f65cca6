"""Twilio's Messages API as the outbox sends through it: the twilio client (one per
thread), the status callback URL, and which refusals are final."""

from __future__ import annotations

import threading

from twilio.base.exceptions import TwilioRestException
from twilio.http.http_client import TwilioHttpClient
from twilio.rest import Client

from core.settings import Settings


class TwilioSender:
    """Twilio's Messages API, one client per thread (requests sessions are not shared)."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self._local = threading.local()

    @property
    def client(self) -> Client:
        client = getattr(self._local, "client", None)
        if client is None:
            client = Client(
                self.settings.twilio_account_sid,
                self.settings.twilio_auth_token,
                http_client=TwilioHttpClient(timeout=15),
            )
            if self.settings.twilio_api_base_url:
                client.api.base_url = self.settings.twilio_api_base_url
            self._local.client = client
        return client

    def send(self, *, outbox_id: int, to: str, body: str) -> str:
        """Twilio's message SID; raises TwilioRestException or a requests error."""
        callback = f"{self.settings.public_base_url.rstrip('/')}/twilio/status?outbox={outbox_id}"
        message = self.client.messages.create(
            to=to, from_=self.settings.twilio_from_number, body=body, status_callback=callback
        )
        return message.sid


def permanent(error: Exception) -> bool:
    """Twilio refused the message itself (bad number, unsubscribed …): trying again won't help."""
    return (
        isinstance(error, TwilioRestException) and 400 <= error.status < 500 and error.status != 429
    )

"""Stand-ins for the channels' remote ends, on loopback only: Twilio's Messages API (a real
HTTP server the twilio client talks to) and a scripted Rasa + action server (an httpx
transport) for unit tests. Plus signing requests the way Twilio signs them."""

from __future__ import annotations

import asyncio
import base64
import json
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

import httpx
from twilio.request_validator import RequestValidator

from core.settings import Settings

ACCOUNT_SID = "AC" + "1" * 32
AUTH_TOKEN = "test-auth-token-0123456789abcdef"
FROM_NUMBER = "+8602356000000"
PUBLIC_BASE_URL = "https://intake.example.org"


def channel_settings(settings: Settings, **overrides: Any) -> Settings:
    """`settings` with Twilio credentials, a public URL and short deadlines."""
    values = {
        "public_base_url": PUBLIC_BASE_URL,
        "twilio_account_sid": ACCOUNT_SID,
        "twilio_auth_token": AUTH_TOKEN,
        "twilio_from_number": FROM_NUMBER,
        "rasa_url": "http://rasa.test",
        "action_server_url": "http://actions.test",
        "sms_reply_deadline": 1.5,
        "voice_reply_deadline": 1.0,
        "rasa_timeout": 10.0,
        "outbox_backoff_seconds": 0.01,
        "channel_workers": False,
    }
    return settings.model_copy(update={**values, **overrides})


def signed(settings: Settings, path: str, params: dict[str, str], *, token: str | None = None):
    """Headers with the X-Twilio-Signature Twilio would send for `params` to `path`."""
    url = settings.public_base_url.rstrip("/") + path
    signature = RequestValidator(token or settings.twilio_auth_token).compute_signature(url, params)
    return {"X-Twilio-Signature": signature}


def sms_params(phone: str, body: str, sid: str | None = None) -> dict[str, str]:
    return {
        "AccountSid": ACCOUNT_SID,
        "MessageSid": sid or "SM" + uuid.uuid4().hex,
        "From": phone,
        "To": FROM_NUMBER,
        "Body": body,
        "NumMedia": "0",
    }


def post_sms(client, settings: Settings, phone: str, body: str, sid: str | None = None):
    params = sms_params(phone, body, sid)
    return client.post("/twilio/sms", data=params, headers=signed(settings, "/twilio/sms", params))


@dataclass
class FakeRasa:
    """Rasa's REST channel and tracker, and the action server's /health, scripted.

    `reply(sender, text)` gives the bot's replies; `down` refuses connections, `actions_down`
    fails the action server's health check, `delay` makes Rasa slow, `drop_after_taking`
    takes the next message and then drops the connection."""

    reply: Callable[[str, str], list[dict[str, Any]]] = field(
        default=lambda sender, text: [{"recipient_id": sender, "text": f"收到：{text}"}]
    )
    down: bool = False
    actions_down: bool = False
    delay: float = 0.0
    drop_after_taking: int = 0
    hang_on: str | None = None  # a message that makes Rasa hang every time (a poison message)
    actions_host: str = "actions.test"  # the action server's host in ACTION_SERVER_URL
    received: list[dict[str, Any]] = field(default_factory=list)
    events: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def texts(self, sender: str | None = None) -> list[str]:
        return [r["message"] for r in self.received if sender in (None, r["sender"])]

    async def __call__(self, request: httpx.Request) -> httpx.Response:
        host, path = request.url.host, request.url.path
        if host == self.actions_host:
            if self.actions_down:
                raise httpx.ConnectError("connection refused", request=request)
            return httpx.Response(200, json={"status": "ok"})
        if self.down:
            raise httpx.ConnectError("connection refused", request=request)
        if path == "/status":
            return httpx.Response(200, json={"model_file": "fake"})
        if path == "/webhooks/rest/webhook":
            body = json.loads(request.content)
            if body["message"] == self.hang_on:
                raise httpx.ReadTimeout("rasa hung on this message", request=request)
            if self.delay:
                await asyncio.sleep(self.delay)
            self.received.append(body)
            replies = self.reply(body["sender"], body["message"])
            events = self.events.setdefault(body["sender"], [])
            events.append(
                {"event": "user", "text": body["message"], "metadata": body.get("metadata")}
            )
            events += [
                {"event": "bot", "text": r.get("text"), "data": {"buttons": r.get("buttons")}}
                for r in replies
            ]
            if self.drop_after_taking:
                self.drop_after_taking -= 1
                raise httpx.ReadError("connection dropped", request=request)
            return httpx.Response(200, json=replies)
        if path.startswith("/conversations/") and path.endswith("/tracker"):
            sender = path.split("/")[2]
            return httpx.Response(
                200, json={"sender_id": sender, "events": self.events.get(sender, [])}
            )
        return httpx.Response(404)


class FakeTwilio:
    """Twilio's Messages API on a loopback port: records what the app sends, answers like
    Twilio (201 with a message SID), or fails as told: `fail_next` HTTP statuses in turn
    (`fail_to[number]`: for one number), `refuse[number]` a permanent 400 with Twilio's code."""

    def __init__(self):
        self.sent: list[dict[str, str]] = []
        self.fail_next: list[int] = []
        self.fail_to: dict[str, list[int]] = {}
        self.refuse: dict[str, int] = {}
        self.lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # quiet
                pass

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
                auth = base64.b64decode(self.headers.get("Authorization", "")[6:]).decode()
                status, payload = fake.answer(self.path, form, auth)
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def answer(self, path: str, form: dict[str, str], auth: str) -> tuple[int, dict]:
        if auth != f"{ACCOUNT_SID}:{AUTH_TOKEN}":
            return 401, {"code": 20003, "message": "Authenticate", "status": 401}
        if not path.endswith(f"/Accounts/{ACCOUNT_SID}/Messages.json"):
            return 404, {"code": 20404, "message": "Not found", "status": 404}
        with self.lock:
            failures = self.fail_to.get(form.get("To")) or self.fail_next
            if failures:
                status = failures.pop(0)
                return status, {"code": 20500, "message": "Internal error", "status": status}
            if form.get("To") in self.refuse:
                code = self.refuse[form["To"]]
                return 400, {"code": code, "message": "Refused", "status": 400}
            sid = "SM" + uuid.uuid4().hex
            self.sent.append({**form, "sid": sid})
        return 201, {
            "sid": sid,
            "account_sid": ACCOUNT_SID,
            "to": form.get("To"),
            "from": form.get("From"),
            "body": form.get("Body"),
            "status": "queued",
            "direction": "outbound-api",
            "num_segments": "1",
            "date_created": "Sat, 28 Nov 2026 23:00:00 +0000",
        }

    def bodies(self, to: str | None = None) -> list[str]:
        with self.lock:
            return [m["Body"] for m in self.sent if to in (None, m["To"])]

    def __enter__(self) -> FakeTwilio:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


class ChannelApp:
    """The app under test (workers off, driven step by step) with a scripted Rasa."""

    def __init__(self, settings: Settings, engine, rasa: FakeRasa | None = None):
        from fastapi.testclient import TestClient

        from api.main import create_app
        from channels.rasa import RasaClient

        self.settings = settings
        self.rasa = rasa or FakeRasa()
        self.app = create_app(settings, engine, workers=False)
        self.app.state.channels.rasa = RasaClient(
            settings, transport=httpx.MockTransport(self.rasa)
        )
        self.channels = self.app.state.channels
        self.client = TestClient(self.app)

    def __enter__(self) -> ChannelApp:
        self.client.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        self.client.__exit__(*exc)

    def sms(self, phone: str, body: str, sid: str | None = None) -> httpx.Response:
        return post_sms(self.client, self.settings, phone, body, sid)

    def post(self, path: str, params: dict[str, str]) -> httpx.Response:
        return self.client.post(path, data=params, headers=signed(self.settings, path, params))

    def run(self, function, *args):
        """Run a coroutine function in the app's event loop (e.g. a worker step)."""
        return self.client.portal.call(function, *args)

    def settle(self) -> None:
        """Wait for the hand-overs the app started in the background."""

        async def wait() -> None:
            while self.channels._drains:
                await asyncio.gather(*list(self.channels._drains.values()), return_exceptions=True)

        self.run(wait)

    def replay(self) -> int:
        """One round of the replay worker, after what runs in the background has finished."""
        self.settle()
        tried = self.run(self.channels.replay_once)
        self.settle()
        return tried

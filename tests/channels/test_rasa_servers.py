"""Several Rasa servers for one API (RASA_URLS): each conversation always goes to the same
server, the conversations spread over all of them, and the readiness checks ask each."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from collections import Counter

import httpx
import pytest
from pydantic import ValidationError

from channels.rasa import ACTION_SERVER_UP_SECONDS, BotUnavailable, RasaClient, server_for
from core.settings import Settings

SERVERS = ["http://10.0.0.11:5005", "http://10.0.0.12:5005"]
PHONES = [f"+86138{n:08d}" for n in range(2000)]


def settings(**values) -> Settings:
    return Settings(environment="test", **values)


def test_one_conversation_always_goes_to_the_same_server():
    first = [server_for(SERVERS, phone) for phone in PHONES]
    assert [server_for(SERVERS, phone) for phone in PHONES] == first
    # The order in which RASA_URLS lists them does not matter, only which they are.
    assert [server_for(list(reversed(SERVERS)), phone) for phone in PHONES] == first


def test_the_choice_is_the_same_in_another_process():
    """Not Python's hash(), which each process salts: every API process agrees."""
    code = (
        "from channels.rasa import server_for; import sys, json; "
        f"print(json.dumps([server_for({SERVERS!r}, p) for p in {PHONES[:50]!r}]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "PYTHONHASHSEED": "12345"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(done.stdout) == [server_for(SERVERS, p) for p in PHONES[:50]]


def test_conversations_spread_over_every_server():
    two = Counter(server_for(SERVERS, phone) for phone in PHONES)
    assert set(two) == set(SERVERS)
    assert all(0.45 < count / len(PHONES) < 0.55 for count in two.values()), two
    three = SERVERS + ["http://10.0.0.13:5005"]
    counts = Counter(server_for(three, phone) for phone in PHONES)
    assert set(counts) == set(three)
    assert all(0.28 < count / len(PHONES) < 0.39 for count in counts.values()), counts
    # WeChat conversations (openid hashes, not numbers) spread too.
    wechat = Counter(server_for(SERVERS, f"wx-{n:032x}") for n in range(1000))
    assert set(wechat) == set(SERVERS)


def test_a_server_added_takes_only_its_share():
    three = SERVERS + ["http://10.0.0.13:5005"]
    moved = [phone for phone in PHONES if server_for(three, phone) != server_for(SERVERS, phone)]
    # Only conversations that now belong to the new server move; the rest stay where they were.
    assert all(server_for(three, phone) == three[2] for phone in moved)
    assert 0.28 < len(moved) / len(PHONES) < 0.39


def test_one_server_takes_everything():
    assert {server_for(["http://127.0.0.1:5005"], phone) for phone in PHONES[:20]} == {
        "http://127.0.0.1:5005"
    }


def test_rasa_urls_setting():
    assert settings().rasa_servers == ["http://127.0.0.1:5005"]
    assert settings(rasa_url="http://rasa:5005/").rasa_servers == ["http://rasa:5005"]
    listed = settings(rasa_urls=" http://a:5005/, http://b:5005 ,,http://a:5005")
    assert listed.rasa_servers == ["http://a:5005", "http://b:5005"]
    with pytest.raises(ValidationError, match="RASA_URLS"):
        settings(rasa_urls="http://a:5005,b:5005")


def test_rasa_urls_from_the_environment(monkeypatch):
    monkeypatch.setenv("RASA_URLS", "http://10.0.0.11:5005,http://10.0.0.12:5005")
    assert Settings(environment="test").rasa_servers == SERVERS


class TwoRasas:
    """Two Rasa servers and the action server behind one transport; `down`: hosts that
    refuse connections."""

    def __init__(self):
        self.down: set[str] = set()
        self.asked: list[tuple[str, str]] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        host = request.url.host
        self.asked.append((host, request.url.path))
        if host in self.down:
            raise httpx.ConnectError("connection refused", request=request)
        if request.url.path in ("/status", "/health"):
            return httpx.Response(200, json={})
        if request.url.path == "/webhooks/rest/webhook":
            return httpx.Response(200, json=[{"text": f"{host} 收到"}])
        return httpx.Response(404)


@pytest.fixture
def two():
    return TwoRasas()


def run(two: TwoRasas, body) -> None:
    """`body(client)` with a client of both servers, in an event loop of its own."""

    async def main() -> None:
        client = RasaClient(
            settings(rasa_urls=",".join(SERVERS), action_server_url="http://10.0.0.20:5055"),
            transport=httpx.MockTransport(two),
        )
        try:
            await body(client)
        finally:
            await client.aclose()

    asyncio.run(main())


def test_each_message_goes_to_its_conversations_server(two):
    async def body(client: RasaClient) -> None:
        for phone in PHONES[:20]:
            replies = await client.send(sender=phone, text="申请", channel="sms", message_id="SM1")
            host = httpx.URL(server_for(SERVERS, phone)).host
            assert replies == [{"text": f"{host} 收到"}]

    run(two, body)


def test_readiness_asks_each_server(two):
    on_first = next(p for p in PHONES if server_for(SERVERS, p) == SERVERS[0])
    on_second = next(p for p in PHONES if server_for(SERVERS, p) == SERVERS[1])

    async def body(client: RasaClient) -> None:
        assert await client.ready() and await client.servers_up() == SERVERS
        two.down = {"10.0.0.12"}
        assert await client.servers_up() == [SERVERS[0]]
        assert not await client.ready()  # not every server
        assert await client.ready(on_first)
        assert not await client.ready(on_second)
        two.down = {"10.0.0.20"}  # the action server (an "up" is trusted a moment)
        await asyncio.sleep(ACTION_SERVER_UP_SECONDS)
        assert not await client.ready(on_first)

    run(two, body)


def test_an_unreachable_tracker_is_not_a_message_taken(two):
    """The tracker's server refuses the connection: this try reached nothing, so it does not
    count towards marking the message failed."""
    two.down = {"10.0.0.11", "10.0.0.12"}

    async def body(client: RasaClient) -> None:
        with pytest.raises(BotUnavailable) as raised:
            await client.replies_in_tracker(sender=PHONES[0], message_id="SM1")
        assert raised.value.maybe_taken is False

    run(two, body)

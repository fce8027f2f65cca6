"""POST /twilio/sms with two Rasa servers (RASA_URLS): a number's messages always go to its
conversation's server; when that server is down they wait (the replay does not spend their
tries on it) while the other server's numbers go on, and are answered once and in order when
it is back."""

from __future__ import annotations

import httpx
import pytest

from channels.rasa import server_for
from tests.api.sms_helpers import inbound, outbox_rows, replies
from tests.twilio_fakes import ChannelApp, FakeRasa, channel_settings

SERVERS = ["http://rasa-a.test", "http://rasa-b.test"]
NUMBERS = [f"+86138000{n:05d}" for n in range(40)]
ON_A = [p for p in NUMBERS if server_for(SERVERS, p) == SERVERS[0]][:2]
ON_B = [p for p in NUMBERS if server_for(SERVERS, p) == SERVERS[1]][:2]


class Router:
    """Both fake Rasa servers (and the action server, in the first) behind one transport."""

    def __init__(self):
        self.a, self.b = FakeRasa(), FakeRasa()

    async def __call__(self, request: httpx.Request) -> httpx.Response:
        return await (self.b if request.url.host == "rasa-b.test" else self.a)(request)


@pytest.fixture
def two():
    return Router()


@pytest.fixture
def app(settings, engine, two):
    values = channel_settings(settings, rasa_urls=",".join(SERVERS))
    with ChannelApp(values, engine, two) as app:  # type: ignore[arg-type]
        yield app


def test_each_number_talks_to_one_server(app, two):
    for phone in ON_A + ON_B:
        for text in ("申请", "张小明"):
            assert replies(app.sms(phone, text)) == [f"收到：{text}"]
    assert {r["sender"] for r in two.a.received} == set(ON_A)
    assert {r["sender"] for r in two.b.received} == set(ON_B)


def test_when_one_server_is_down_its_numbers_wait_and_the_others_go_on(app, two, engine):
    two.b.down = True
    for phone in ON_B:
        assert replies(app.sms(phone, "一")) == []
        assert replies(app.sms(phone, "二")) == []
    assert replies(app.sms(ON_A[0], "申请")) == ["收到：申请"]
    tries = {phone: [m.attempts for m in inbound(engine, phone)] for phone in ON_B}
    for _ in range(3):
        assert app.replay() == 0  # the first server's numbers have nothing waiting
    assert {phone: [m.attempts for m in inbound(engine, phone)] for phone in ON_B} == tries

    two.b.down = False
    assert app.replay() == len(ON_B)
    app.settle()
    for phone in ON_B:
        assert two.b.texts(phone) == ["一", "二"]  # in order, once
        assert [m.status for m in inbound(engine, phone)] == ["answered", "answered"]
        assert [r.body for r in outbox_rows(engine, phone)][-2:] == ["收到：一", "收到：二"]
    assert two.a.texts() == ["申请"]
    assert app.replay() == 0

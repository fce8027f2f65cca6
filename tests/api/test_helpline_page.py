"""The helpline page (政策问答) against a scripted Rasa REST channel: login, CSRF, the sender
it asks as, the answer shown, and what staff see when Rasa does not answer."""

from __future__ import annotations

import json

import httpx
import pytest

from channels.rasa import RasaClient
from tests.api.console_pages import csrf_of, sign_in

ANSWER = "现在奉节农村低保标准是每人每月630元。（依据：奉节府办〔2017〕158号 三(二)1）"


@pytest.fixture
def asked(client, settings, staff):
    """The requests the page sends to Rasa; Rasa answers with ANSWER."""
    requests: list[dict] = []

    def handler(request: httpx.Request) -> httpx.Response:
        requests.append(json.loads(request.content))
        return httpx.Response(200, json=[{"recipient_id": "x", "text": ANSWER}])

    client.app.state.channels.rasa = RasaClient(settings, transport=httpx.MockTransport(handler))
    return requests


def test_the_page_needs_a_login(client, staff):
    reply = client.get("/staff/helpline", follow_redirects=False)
    assert reply.status_code == 303 and reply.headers["location"].startswith("/staff/login")


@pytest.mark.parametrize("name", ["helpline", "tuxiang", "county"])
def test_every_staff_role_can_ask_and_sees_the_answer_with_its_clause(client, asked, name):
    sign_in(client, name)
    page = client.get("/staff/helpline")
    assert page.status_code == 200 and 'href="/staff/helpline"' in page.text
    reply = client.post(
        "/staff/helpline",
        data={"question": " 现在低保标准是好多 ", "csrf_token": csrf_of(page.text)},
    )
    assert reply.status_code == 200
    assert "630元" in reply.text and "三(二)1" in reply.text and "现在低保标准是好多" in reply.text
    assert asked[-1]["sender"] == f"helpline-{name}"
    assert asked[-1]["message"] == "现在低保标准是好多"
    assert asked[-1]["input_channel"] == "helpline"


def test_a_question_without_the_csrf_token_is_refused(client, asked):
    sign_in(client, "helpline")
    reply = client.post("/staff/helpline", data={"question": "低保标准", "csrf_token": "x"})
    assert reply.status_code == 403 and not asked


def test_an_empty_question_is_not_sent(client, asked):
    sign_in(client, "helpline")
    token = csrf_of(client.get("/staff/helpline").text)
    reply = client.post("/staff/helpline", data={"question": "  ", "csrf_token": token})
    assert reply.status_code == 422 and "请输入问题" in reply.text and not asked


def test_rasa_down_is_told_plainly(client, staff):
    # the test settings point Rasa at port 9, where nothing listens
    sign_in(client, "helpline")
    token = csrf_of(client.get("/staff/helpline").text)
    reply = client.post("/staff/helpline", data={"question": "低保标准", "csrf_token": token})
    assert reply.status_code == 503 and "助手暂时没有响应" in reply.text

"""未处理的短信 over HTTP: the messages the assistant never answered reach staff — through the
real SMS webhook (a number over the limit, a message Rasa hangs on), the JSON API for each
role, and the console page with its "标记为已处理" form."""

import re

import pytest
from sqlmodel import Session

from tests.api.console_pages import sign_in, token
from tests.conftest import login
from tests.console_seed import seed_unhandled


@pytest.fixture
def seeded(engine, cipher, staff):
    with Session(engine) as session:
        ids = seed_unhandled(session, cipher)
        session.commit()
        return ids


def _texts(reply) -> list[str]:
    return [item["text"] for item in reply.json()["items"]]


def test_messages_the_channel_kept_for_staff_are_listed(app, rasa, engine, staff):
    """Through the signed webhook: a number over the limit and a message Rasa hangs on."""
    from channels.inbox import MAX_PER_WINDOW

    for i in range(MAX_PER_WINDOW + 2):
        app.sms("+8613800000055", f"第{i}条")
    rasa.hang_on = "卡住的那条"
    app.sms("+8613800000066", "卡住的那条")
    for _ in range(app.settings.max_message_tries + 1):
        app.replay()
    county = login(app.client, "county")
    reply = app.client.get("/api/messages/unhandled", headers=county)
    assert reply.status_code == 200
    items = {(item["text"], item["status"], item["phone_masked"]) for item in reply.json()["items"]}
    assert items == {("卡住的那条", "failed", "+86138****0066"),
                     (f"第{MAX_PER_WINDOW}条", "limited", "+86138****0055"),
                     (f"第{MAX_PER_WINDOW + 1}条", "limited", "+86138****0055")}  # fmt: skip


def test_each_role_sees_its_share(client, seeded):
    county = client.get("/api/messages/unhandled", headers=login(client, "county"))
    assert county.json()["total"] == 5
    tuxiang = client.get("/api/messages/unhandled", headers=login(client, "tuxiang"))
    assert _texts(tuxiang) == ["身份证 500236********4419", "我屋头的情况变了"]
    assert all(item["township"] == "吐祥镇" for item in tuxiang.json()["items"])
    other = client.get("/api/messages/unhandled?township=白帝镇", headers=login(client, "tuxiang"))
    assert other.status_code == 403 and other.json()["detail"][0]["field"] == "township"
    helpline = client.get("/api/messages/unhandled", headers=login(client, "helpline"))
    assert helpline.status_code == 403
    assert client.get("/api/messages/unhandled").status_code == 401


def test_marking_handled_over_the_api(client, seeded):
    url = f"/api/messages/{seeded['我屋头的情况变了']}/handled"
    assert client.post(url, headers=login(client, "baidi")).status_code == 404  # not theirs
    reply = client.post(url, headers=login(client, "tuxiang"))
    assert reply.status_code == 200 and reply.json()["status"] == "resolved"
    assert client.post(url, headers=login(client, "county")).status_code == 409
    assert (
        client.post("/api/messages/0/handled", headers=login(client, "county")).status_code == 422
    )
    listed = client.get("/api/messages/unhandled", headers=login(client, "tuxiang"))
    assert _texts(listed) == ["身份证 500236********4419"]


def test_the_console_page_lists_masked_and_marks_handled(client, seeded):
    sign_in(client, "tuxiang")
    page = client.get("/staff/messages")
    assert page.status_code == 200 and "未处理的短信" in page.text
    assert "+86137****0011" in page.text and "+8613700000011" not in page.text
    assert "快点回我" not in page.text  # 白帝镇's
    assert "助手未能处理" in page.text
    dashboard = client.get("/staff/dashboard")
    assert re.search(r'id="unhandled-count" href="/staff/messages[^"]*">2<', dashboard.text)
    message_id = seeded["我屋头的情况变了"]
    done = client.post(f"/staff/messages/{message_id}/handled", data={"csrf_token": token(client)})
    assert "已标记为已处理" in done.text and "我屋头的情况变了" not in done.text
    again = client.post(f"/staff/messages/{message_id}/handled", data={"csrf_token": token(client)})
    assert "已由其他人标记为已处理" in again.text
    theirs = seeded["快点回我"]
    refused = client.post(f"/staff/messages/{theirs}/handled", data={"csrf_token": token(client)})
    assert refused.status_code == 404


def test_county_staff_see_numbers_without_a_case(client, seeded):
    sign_in(client, "county")
    page = client.get("/staff/messages")
    assert "测试 1" in page.text and "未立案" in page.text and "快点回我" in page.text
    assert "测试 1" not in client.get("/staff/messages?township=吐祥镇").text

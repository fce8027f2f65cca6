"""A resident applies through Rasa's REST channel; the case lands in the store and staff read
it through the API. Real Rasa server, real action server, real FastAPI app."""

from __future__ import annotations

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from accounts.models import Role
from accounts.users import create_user
from api.main import create_app
from core.database import make_engine

pytestmark = pytest.mark.e2e


def say(stack, sender: str, text: str) -> list[str]:
    reply = httpx.post(
        f"{stack['rasa_url']}/webhooks/rest/webhook",
        json={"sender": sender, "message": text},
        timeout=30,
    )
    reply.raise_for_status()
    return [message.get("text", "") for message in reply.json()]


def test_a_resident_applies_and_staff_read_the_case(stack):
    phone = "+8613800000001"
    assert any("申请" in line for line in say(stack, phone, "你好"))
    assert any("同意" in line for line in say(stack, phone, "我想申请低保"))
    assert any("姓名" in line for line in say(stack, phone, "同意"))
    assert any("乡镇" in line for line in say(stack, phone, "张小明 500236199001011235"))
    # A township that is not Fengjie's is asked again, with an example.
    assert any("例如" in line for line in say(stack, phone, "北京"))
    assert any("几口人" in line for line in say(stack, phone, "吐祥镇石梁村"))
    for answer in [
        "我屋头四口人，我45岁，老婆43岁，儿子15岁读书，老汉儿72岁",
        "没有，我和老婆能干活",
        "一年打工一万二左右",
        "老汉儿养老金一个月一百多",  # asked once: 老汉儿 is 72 and no pension was named
        "没有",
        "儿子读书一年花一千",  # asked once: a pupil and no school costs named
        "存款两千，没车，一处房",
        "都没有",
    ]:
        say(stack, phone, answer)
    replies = say(stack, phone, "对")
    filed = next(line for line in replies if "编号" in line)
    reference = filed.split("编号")[1][:8]
    assert reference.startswith("FJ")

    settings = stack["settings"]
    engine = make_engine(settings.database_url)
    with Session(engine) as session:
        create_user(
            session,
            username="tuxiang",
            password="password-tuxiang",
            role=Role.township_staff,
            township="吐祥镇",
        )
        session.commit()
    with TestClient(create_app(settings, engine)) as client:
        token = client.post(
            "/api/token", data={"username": "tuxiang", "password": "password-tuxiang"}
        ).json()["access_token"]
        headers = {"Authorization": f"Bearer {token}"}
        listing = client.get("/api/cases", params={"phone": phone}, headers=headers).json()
        assert [item["reference"] for item in listing["items"]] == [reference]
        case = client.get(f"/api/cases/{listing['items'][0]['id']}", headers=headers).json()
        health = client.get("/healthz").json()

    assert case["township"] == "吐祥镇"
    assert case["status"] == "received"
    assert case["applicant"] == {
        "name": "张小明",
        "phone": phone,
        "id_number_masked": "500236********1235",
    }
    assert case["facts"]["household_size"] == 4
    assert case["household"]["income"]["wages"] == 12000
    assert case["assessment"]["dibao"]["status"] in ("eligible", "needs_review", "ineligible")
    texts = [message["text"] for message in case["messages"]]
    assert texts[0] == "你好" and "张小明 500236********1235" in texts
    assert health == {"status": "ok", "store": "ok", "rasa": "ok", "action_server": "ok"}


def test_the_conversation_survives_a_new_message_days_later(stack):
    """The SQL tracker store keeps the form: a resident who stops can carry on."""
    phone = "+8613800000002"
    for text in ["申请低保", "同意", "李四 500236199001011235"]:
        say(stack, phone, text)
    replies = say(stack, phone, "白帝镇")
    assert any("村" in line for line in replies)
    tracker = httpx.get(
        f"{stack['rasa_url']}/conversations/{phone}/tracker",
        params={"token": "e2e-token"},
        timeout=10,
    ).json()
    assert tracker["slots"]["township"] == "白帝镇"
    assert tracker["slots"]["requested_slot"] == "village"
    assert tracker["active_loop"]["name"] == "application_form"

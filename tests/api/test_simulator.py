"""/simulator: text the assistant as any number; it goes through the signed SMS webhook."""

from __future__ import annotations

from fastapi.testclient import TestClient

from api.main import create_app
from channels import wording
from tests.twilio_fakes import ChannelApp, channel_settings


def test_the_page_texts_through_the_real_webhook_and_shows_replies(settings, engine, rasa):
    with ChannelApp(channel_settings(settings), engine, rasa) as app:
        page = app.client.get("/simulator")
        assert page.status_code == 200 and "短信 / 微信模拟器" in page.text
        sent = app.client.post("/simulator/send", json={"phone": "13800000001", "text": "你好"})
        assert sent.status_code == 200, sent.text
        assert (
            sent.json()["status"] == 200 and "<Message>收到：你好</Message>" in sent.json()["twiml"]
        )
        assert rasa.received[0]["sender"] == "+8613800000001"
        received = app.client.get("/simulator/messages", params={"phone": "+8613800000001"}).json()
        assert [(m["body"], m["via"]) for m in received] == [("收到：你好", "twiml")]
        # Later replies (the outbox) show up on the next poll.
        rasa.down = True
        app.client.post("/simulator/send", json={"phone": "13800000001", "text": "申请"})
        later = app.client.get(
            "/simulator/messages", params={"phone": "13800000001", "after": received[-1]["id"]}
        ).json()
        assert [(m["body"], m["status"]) for m in later] == [(wording.OUTAGE_NOTICE, "queued")]


def test_it_works_in_development_without_twilio_credentials(settings, engine, rasa):
    quiet = channel_settings(
        settings,
        environment="development",
        twilio_auth_token=None,
        twilio_account_sid=None,
        twilio_from_number=None,
    )
    with ChannelApp(quiet, engine, rasa) as app:
        sent = app.client.post("/simulator/send", json={"phone": "+8613800000002", "text": "你好"})
        assert sent.json()["status"] == 200
        assert rasa.texts() == ["你好"]


def test_not_a_phone_number_is_refused(settings, engine):
    with ChannelApp(channel_settings(settings), engine) as app:
        reply = app.client.post("/simulator/send", json={"phone": "not-a-phone", "text": "你好"})
        assert reply.status_code == 422


def test_there_is_no_simulator_in_production(settings, engine):
    production = channel_settings(
        settings,
        environment="production",
        secret_key="s" * 40,
        data_key=settings.data_key,
        rasa_token="r" * 32,
        action_server_token="a" * 32,
        twilio_auth_token="t" * 32,
        public_base_url="https://intake.example.org",
    )
    with TestClient(create_app(production, engine, workers=False)) as client:
        assert client.get("/simulator").status_code == 404
        assert (
            client.post(
                "/simulator/send", json={"phone": "+8613800000001", "text": "x"}
            ).status_code
            == 404
        )


def test_an_outbox_id_beyond_the_store_is_refused_naming_it(settings, engine):
    """Found by schemathesis (issue 13): `?after=` past SQLite's 64-bit integers answered 500."""
    with ChannelApp(channel_settings(settings), engine) as app:
        reply = app.client.get(
            "/simulator/messages", params={"phone": "+8613800000002", "after": 2**64}
        )
        assert reply.status_code == 422 and reply.json()["detail"][0]["field"] == "after"
        ok = app.client.get("/simulator/messages", params={"phone": "+8613800000002", "after": 0})
        assert ok.status_code == 200 and ok.json() == []

"""GET and POST /wechat with requests signed (and, in safe mode, encrypted) as WeChat does,
with wechatpy's own crypto, against a scripted Rasa; 客服消息 to a stand-in for WeChat's
API on loopback that checks the access_token it gave."""

from __future__ import annotations

import logging

import pytest
from sqlmodel import Session, select

from channels import wording
from channels.models import Message, OutboundMessage, OutboxStatus, WechatFollower
from channels.records import is_wechat
from tests.china_fakes import (
    WECHAT_AES_KEY,
    FakeWechatApi,
    WechatServer,
    china_settings,
    event_xml,
    query_signature,
    text_xml,
)
from tests.twilio_fakes import ChannelApp, FakeRasa, channel_settings

OPENID = "oFengjie0000000000000000001a"


@pytest.fixture
def wechat_api():
    with FakeWechatApi() as fake:
        yield fake


@pytest.fixture(params=["plain", "safe"])
def mode(request) -> str:
    return request.param


@pytest.fixture
def wechat(mode) -> WechatServer:
    return WechatServer(aes_key=WECHAT_AES_KEY if mode == "safe" else None)


@pytest.fixture
def app(settings, engine, rasa, wechat_api, mode):
    config = china_settings(channel_settings(settings), wechat_api=wechat_api,
                            wechat_aes_key=WECHAT_AES_KEY if mode == "safe" else None)  # fmt: skip
    with ChannelApp(config, engine, rasa) as app:
        yield app


def say(app, wechat, text, msg_id, openid=OPENID, kind="text"):
    return wechat.read_reply(
        wechat.post(app.client, text_xml(openid, text, msg_id, kind=kind), openid)
    )


def inbound(engine) -> list[Message]:
    with Session(engine) as session:
        return list(session.exec(select(Message).where(Message.direction == "in")).all())


def test_the_server_check_echoes_only_a_signed_echostr(app):
    query = {"timestamp": "1700000000", "nonce": "n1", "echostr": "e-123"}
    good = query_signature(app.settings.wechat_token, "1700000000", "n1")
    assert app.client.get("/wechat", params={**query, "signature": good}).text == "e-123"
    forged = query_signature("not-the-token", "1700000000", "n1")
    assert app.client.get("/wechat", params={**query, "signature": forged}).status_code == 403
    assert app.client.get("/wechat", params=query).status_code == 403


def test_a_text_is_answered_in_the_passive_reply(app, wechat, rasa, engine):
    assert say(app, wechat, "我想申请低保", 1001) == "收到：我想申请低保"
    [message] = inbound(engine)
    assert is_wechat(message.conversation_id) and OPENID not in message.conversation_id
    assert (message.channel, message.status, message.reply_via) == ("wechat", "answered", "wechat")
    assert rasa.received[0]["input_channel"] == "wechat"
    assert rasa.received[0]["sender"] == message.conversation_id
    with Session(engine) as session:
        [sent] = session.exec(select(OutboundMessage)).all()
        follower = session.exec(select(WechatFollower)).one()
    assert (sent.channel, sent.via, sent.status) == ("wechat", "passive", OutboxStatus.sent)
    assert OPENID not in follower.openid_encrypted  # kept only encrypted


def test_a_retried_msg_id_is_one_bot_turn(app, wechat, rasa):
    first = say(app, wechat, "你好", 2002)
    again = say(app, wechat, "你好", 2002)
    assert first == again == "收到：你好"
    assert rasa.texts() == ["你好"]


def test_a_slow_reply_goes_by_customer_service_message(app, wechat, rasa, wechat_api, engine):
    rasa.delay = 1.6  # past the 1 s deadline of these tests
    assert say(app, wechat, "慢一点", 3003) is None  # the empty string at once
    app.settle()
    assert say(app, wechat, "慢一点", 3003) is None  # WeChat's retry: no second turn
    app.run(app.channels.outbox.run_once)
    assert wechat_api.texts(OPENID) == ["收到：慢一点"] and wechat_api.refused == []
    assert rasa.texts() == ["慢一点"]
    with Session(engine) as session:
        row = session.exec(select(OutboundMessage)).one()
    assert (row.channel, row.status, row.via) == ("wechat", OutboxStatus.sent, None)


def test_the_voice_recognition_is_the_message_and_without_it_a_polite_line(app, wechat, rasa):
    assert say(app, wechat, "吐祥镇石梁村", 4004, kind="voice") == "收到：吐祥镇石梁村"
    assert rasa.received[-1]["input_channel"] == "wechat_voice"
    unheard = say(app, wechat, "", 4005, kind="voice")
    assert unheard == wording.WECHAT_VOICE_UNHEARD.format(helpline="12345")
    assert rasa.texts() == ["吐祥镇石梁村"]


def test_subscribe_greets_and_unsubscribe_is_opting_out(app, wechat, engine):
    greeting = wechat.read_reply(wechat.post(app.client, event_xml(OPENID, "subscribe"), OPENID))
    assert greeting == wording.WECHAT_GREETING.format(helpline="12345")
    assert (
        wechat.read_reply(wechat.post(app.client, event_xml(OPENID, "unsubscribe"), OPENID)) is None
    )
    with Session(engine) as session:
        assert session.exec(select(WechatFollower)).one().subscribed is False


def test_a_phone_number_said_links_the_follower(app, wechat, engine, cipher):
    say(app, wechat, "我的电话是13812345678", 5005)
    with Session(engine) as session:
        follower = session.exec(select(WechatFollower)).one()
        [message] = session.exec(select(Message).where(Message.direction == "in")).all()
    assert follower.phone_masked == "+86138****5678"
    assert cipher.decrypt(follower.phone_encrypted) == "+8613812345678"
    assert "13812345678" not in message.text  # masked where it enters


def test_the_linked_phone_goes_on_in_the_followers_conversation(app, wechat, rasa, engine):
    """SMS and calls from the number a follower said continue the WeChat conversation (one
    tracker, as SMS and voice share one); the replies still go back by SMS. Another
    number keeps its own conversation."""
    say(app, wechat, "我的电话是13812345678", 5006)
    assert app.sms("+8613812345678", "吐祥镇").status_code == 200
    assert app.sms("+8613900000000", "你好").status_code == 200
    app.settle()
    with Session(engine) as session:
        follower = session.exec(select(WechatFollower)).one()
        replies = session.exec(select(Message).where(
            Message.direction == "out", Message.conversation_id == "+8613812345678")).all()  # fmt: skip
    senders = [(r["sender"], r["message"]) for r in rasa.received]
    assert senders[1:] == [(follower.conversation_id, "吐祥镇"), ("+8613900000000", "你好")]
    assert [(r.channel, r.text) for r in replies] == [("sms", "收到：吐祥镇")]


@pytest.mark.parametrize("how", ["forged", "unsigned", "tampered"])
def test_requests_wechat_did_not_sign_are_refused(app, wechat, rasa, engine, caplog, how, mode):
    path, body = wechat.request(text_xml(OPENID, "你好", 6006), OPENID)
    if how == "forged":
        path, body = WechatServer(token="forged-token", aes_key=wechat.aes_key).request(
            text_xml(OPENID, "你好", 6006), OPENID)  # fmt: skip
    elif how == "unsigned":
        path = "/wechat"
    elif how == "tampered":
        body = body.replace(b"6006", b"6007") if mode == "plain" else body[:-30] + b"x" * 30
        path = path.replace("signature=", "signature=0", 1) if mode == "safe" else path
    with caplog.at_level(logging.WARNING, logger="api.routes.wechat"):
        response = app.client.post(path, content=body)
    if how == "tampered" and mode == "plain":
        # The plain mode's signature covers the token, timestamp and nonce, not the body.
        assert response.status_code == 200
        return
    assert response.status_code == 403
    assert "rejected WeChat request" in caplog.text
    assert rasa.received == [] and inbound(engine) == []


def test_a_body_that_is_not_a_wechat_message_is_a_400_naming_it(app, wechat, mode):
    if mode == "safe":
        pytest.skip("in safe mode an unreadable body fails its msg_signature first (403)")
    path, _ = wechat.request(text_xml(OPENID, "x", 1), OPENID)
    response = app.client.post(path, content=b"<xml><MsgType>text</MsgType>")
    assert response.status_code == 400 and response.json()["detail"][0]["field"] == "body"
    response = app.client.post(path, content=b"<xml><MsgType>text</MsgType></xml>")
    assert response.json()["detail"][0]["field"] == "FromUserName"


def test_a_message_in_clear_is_refused_once_safe_mode_is_on(settings, engine):
    config = china_settings(channel_settings(settings), wechat_aes_key=WECHAT_AES_KEY)
    with ChannelApp(config, engine, FakeRasa()) as app:
        response = WechatServer().post(app.client, text_xml(OPENID, "你好", 1), OPENID)
    assert response.status_code == 403


def test_without_a_token_outside_development_wechat_is_closed(settings, engine):
    config = settings.model_copy(update={"environment": "production", "wechat_token": None})
    with ChannelApp(config, engine, FakeRasa()) as app:
        query = {"timestamp": "1", "nonce": "n", "echostr": "e"}
        signature = query_signature("dev-wechat-token", "1", "n")
        assert (
            app.client.get("/wechat", params={**query, "signature": signature}).status_code == 403
        )

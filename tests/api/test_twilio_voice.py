"""POST /twilio/voice and its turns, signed as Twilio signs them, against a scripted Rasa."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

from sqlmodel import Session, col, select

from channels import wording
from channels.models import Message, OutboundMessage
from tests.twilio_fakes import PUBLIC_BASE_URL, ChannelApp, channel_settings

PHONE = "+8613800000009"
CALL = {
    "CallSid": "CA" + "5" * 32,
    "From": PHONE,
    "To": "+8602356000000",
    "AccountSid": "AC" + "1" * 32,
}


def twiml(response) -> ET.Element:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/xml")
    return ET.fromstring(response.text)


def follow(element: ET.Element) -> str:
    """The path (with query) Twilio would call next, from an absolute public URL."""
    url = element.get("action") or element.text
    assert url.startswith(PUBLIC_BASE_URL)
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def said(root: ET.Element) -> list[str]:
    return [say.text for say in root.iter("Say")]


def test_a_call_starts_with_a_mandarin_question_and_listens_for_speech_and_keys(app):
    root = twiml(app.post("/twilio/voice", CALL))
    gather = root.find("Gather")
    assert gather.get("input") == "speech dtmf"
    assert gather.get("language") == "cmn-Hans-CN"
    say = gather.find("Say")
    assert (say.get("language"), say.get("voice")) == ("cmn-CN", "Polly.Zhiyu")
    assert say.text == wording.VOICE_GREETING
    assert follow(gather) == "/twilio/voice/turn?turn=1"
    assert follow(root.find("Redirect")) == "/twilio/voice/silence?turn=1&count=1"


def test_unsigned_calls_are_refused(app):
    assert app.client.post("/twilio/voice", data=CALL).status_code == 403
    assert app.client.post("/twilio/voice/turn?turn=1", data=CALL).status_code == 403


def test_what_the_caller_says_goes_to_the_same_conversation_as_sms(app, rasa, engine):
    rasa.reply = lambda sender, text: [{"recipient_id": sender, "text": "请问申请人叫什么名字？"}]
    twiml(app.post("/twilio/voice", CALL))
    root = twiml(app.post("/twilio/voice/turn?turn=1", {**CALL, "SpeechResult": "我要申请低保"}))
    assert rasa.received[-1]["sender"] == PHONE
    assert rasa.received[-1]["input_channel"] == "voice"
    gather = root.find("Gather")
    assert gather.find("Say").text == "请问申请人叫什么名字？"
    assert follow(gather) == "/twilio/voice/turn?turn=2"
    # … and the resident finishes by text, in the same conversation.
    app.sms(PHONE, "张小明")
    assert [r["sender"] for r in rasa.received] == [PHONE, PHONE]
    with Session(engine) as session:
        channels = session.exec(
            select(Message.channel).where(Message.direction == "in").order_by(col(Message.id))
        ).all()
    assert channels == ["voice", "sms"]


def test_keypad_answers_pick_choices_and_give_numbers(app, rasa):
    rasa.reply = lambda sender, text: [
        {
            "recipient_id": sender,
            "text": "家里有没有残疾人？",
            "buttons": [
                {"title": "有", "payload": "/affirm"},
                {"title": "没有", "payload": "/deny"},
            ],
        }
    ]
    root = twiml(app.post("/twilio/voice/turn?turn=1", {**CALL, "SpeechResult": "继续"}))
    assert "请按1，有；按2，没有。" in root.find("Gather").find("Say").text
    rasa.reply = lambda sender, text: [{"recipient_id": sender, "text": "家里几口人？"}]
    twiml(app.post("/twilio/voice/turn?turn=2", {**CALL, "Digits": "2"}))
    assert rasa.texts()[-1] == "/deny"
    twiml(app.post("/twilio/voice/turn?turn=3", {**CALL, "Digits": "4#"}))
    assert rasa.texts()[-1] == "4"


def test_silence_is_met_with_a_repeat_then_a_polite_goodbye(app):
    twiml(app.post("/twilio/voice", CALL))
    first = twiml(app.post("/twilio/voice/silence?turn=1&count=1", CALL))
    assert said(first)[0] == wording.VOICE_NOT_HEARD
    gather = first.find("Gather")
    assert gather.find("Say").text == wording.VOICE_GREETING  # the question again
    assert follow(gather) == "/twilio/voice/turn?turn=1"
    assert follow(first.find("Redirect")) == "/twilio/voice/silence?turn=1&count=2"
    second = twiml(app.post("/twilio/voice/silence?turn=1&count=2", CALL))
    assert said(second) == [wording.VOICE_GOODBYE]
    assert second.find("Hangup") is not None and second.find("Gather") is None


def test_a_slow_reply_keeps_the_caller_waiting_within_twilios_deadline(settings, engine, rasa):
    rasa.delay = 1.5
    with ChannelApp(channel_settings(settings, voice_reply_deadline=1.0), engine, rasa) as app:
        root = twiml(app.post("/twilio/voice/turn?turn=1", {**CALL, "SpeechResult": "申请低保"}))
        assert said(root) == [wording.VOICE_WAIT]
        wait = follow(root.find("Redirect"))
        assert wait.startswith("/twilio/voice/wait?message=")
        root = twiml(app.post(wait, CALL))
        assert root.find("Gather").find("Say").text == "收到：申请低保。"
    assert rasa.texts() == ["申请低保"]


def test_a_reply_too_slow_for_the_call_goes_by_sms(settings, engine, rasa):
    rasa.delay = 3.5
    with ChannelApp(channel_settings(settings, voice_reply_deadline=0.5), engine, rasa) as app:
        root = twiml(app.post("/twilio/voice/turn?turn=1", {**CALL, "SpeechResult": "申请低保"}))
        root = twiml(app.post(follow(root.find("Redirect")), CALL))
        assert said(root) == [wording.VOICE_WAIT]
        root = twiml(app.post(follow(root.find("Redirect")), CALL))
        assert said(root) == [wording.VOICE_LATER] and root.find("Hangup") is not None
        app.settle()
    with Session(engine) as session:
        bodies = session.exec(select(OutboundMessage.body)).all()
    assert bodies == ["收到：申请低保"]  # by SMS; the caller heard the notice
    assert rasa.texts() == ["申请低保"]


def test_when_the_bot_is_down_the_caller_is_told_and_answered_by_sms_later(app, rasa, engine):
    rasa.down = True
    root = twiml(app.post("/twilio/voice/turn?turn=1", {**CALL, "SpeechResult": "申请低保"}))
    assert said(root) == [wording.VOICE_DOWN] and root.find("Hangup") is not None
    rasa.down = False
    app.replay()
    app.settle()
    with Session(engine) as session:
        rows = session.exec(select(OutboundMessage)).all()
    assert [(r.to_number, r.body, r.via) for r in rows] == [(PHONE, "收到：申请低保", None)]


def test_a_call_carries_on_where_the_text_conversation_stopped(app, rasa):
    rasa.reply = lambda sender, text: [
        {"recipient_id": sender, "text": "您住在哪个乡镇？请回“吐祥镇”这样的名字"}
    ]
    app.sms(PHONE, "申请")
    root = twiml(app.post("/twilio/voice", CALL))
    prompt = root.find("Gather").find("Say").text
    assert prompt.startswith(wording.VOICE_RESUME) and "请说“吐祥镇”" in prompt


def test_a_repeated_turn_reaches_the_bot_once(app, rasa):
    params = {**CALL, "SpeechResult": "申请低保"}
    first = twiml(app.post("/twilio/voice/turn?turn=1", params))
    again = twiml(app.post("/twilio/voice/turn?turn=1", params))
    assert rasa.texts() == ["申请低保"]
    assert said(first) == said(again)

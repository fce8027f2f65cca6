"""POST /twilio/sms with requests signed as Twilio signs them, against a scripted Rasa: the
answer in TwiML, signatures, numbers, segments and choices, keywords (退订/订阅/帮助), the
records linked to the case. When Rasa or the action server is down or slow:
test_twilio_sms_outages.py."""

from __future__ import annotations

import logging

import pytest
from sqlmodel import Session, col, select

from channels import inbox, outbox, wording
from channels.models import ChannelContact, Message, OutboxStatus
from channels.rasa import tracker_tag
from tests.api.sms_helpers import PHONE, inbound, outbox_rows, replies
from tests.twilio_fakes import ChannelApp, channel_settings, signed, sms_params


def test_a_signed_message_is_answered_in_twiml_and_recorded(app, rasa, engine):
    assert replies(app.sms(PHONE, "你好")) == ["收到：你好"]
    [message] = inbound(engine)
    assert rasa.received == [
        {
            "sender": PHONE,
            "message": "你好",
            "input_channel": "sms",
            "metadata": {"message_id": tracker_tag(message.external_id)},
        }
    ]
    assert not any(char.isdigit() for char in tracker_tag(message.external_id))
    assert (message.status, message.reply_via, message.channel) == ("answered", "twiml", "sms")
    [sent] = outbox_rows(engine)
    assert (sent.body, sent.status, sent.via, sent.reply_to_id) == (
        "收到：你好",
        OutboxStatus.sent,
        "twiml",
        message.id,
    )


@pytest.mark.parametrize("how", ["unsigned", "wrong token", "other url", "tampered"])
def test_requests_twilio_did_not_sign_are_refused(app, rasa, engine, caplog, how):
    params = sms_params(PHONE, "你好")
    headers = {
        "unsigned": {},
        "wrong token": signed(app.settings, "/twilio/sms", params, token="forged-token"),
        "other url": signed(app.settings, "/twilio/voice", params),
        "tampered": signed(app.settings, "/twilio/sms", {**params, "Body": "别的"}),
    }[how]
    with caplog.at_level(logging.WARNING, logger="api.deps"):
        response = app.client.post("/twilio/sms", data=params, headers=headers)
    assert response.status_code == 403
    assert "rejected Twilio request to /twilio/sms" in caplog.text
    assert rasa.received == [] and inbound(engine) == []


def test_the_signature_covers_the_public_url_not_the_internal_one(settings, engine, rasa):
    params = sms_params(PHONE, "你好")
    url_seen_inside = "http://testserver/twilio/sms"
    from twilio.request_validator import RequestValidator

    internal = {
        "X-Twilio-Signature": RequestValidator(
            channel_settings(settings).twilio_auth_token
        ).compute_signature(url_seen_inside, params)
    }
    with ChannelApp(channel_settings(settings), engine, rasa) as app:
        assert app.client.post("/twilio/sms", data=params, headers=internal).status_code == 403


def test_a_repeated_message_sid_reaches_the_bot_once(app, rasa, engine):
    first = replies(app.sms(PHONE, "申请", sid="SM-retried"))
    again = replies(app.sms(PHONE, "申请", sid="SM-retried"))
    assert rasa.texts() == ["申请"]
    # Twilio retries when it did not get our answer: it gets the same answer, not a new one.
    assert first == again == ["收到：申请"]
    assert len(inbound(engine)) == 1


def test_the_number_is_normalised_to_e164(app, rasa, engine):
    replies(app.sms("138 0000 0001", "你好"))
    assert rasa.received[0]["sender"] == PHONE
    assert inbound(engine)[0].conversation_id == PHONE


def test_a_long_reply_is_split_into_sms_segments_in_order(app, rasa):
    long = (
        "您好！这里是奉节县低保申请助手。我们会问您几个问题，包括姓名、乡镇、家庭人口和收入，"
        "请如实回答。如果有不清楚的地方，可以拨打12345咨询，也可以到乡镇社会救助窗口办理，"
        "工作人员会帮您。谢谢！"
    )
    rasa.reply = lambda sender, text: [{"recipient_id": sender, "text": long}]
    segments = replies(app.sms(PHONE, "介绍一下"))
    assert len(segments) > 1
    assert all(len(segment) <= 67 for segment in segments)
    assert "".join(segments) == long
    assert all(segment[-1] in "。！？；，" for segment in segments)  # cut at boundaries


def test_buttons_become_numbered_choices_and_a_digit_picks_one(app, rasa):
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
    [question] = replies(app.sms(PHONE, "继续"))
    assert question == "家里有没有残疾人？\n1. 有\n2. 没有\n（回复数字即可）"
    rasa.reply = lambda sender, text: [{"recipient_id": sender, "text": "好的。"}]
    replies(app.sms(PHONE, "２"))
    assert rasa.texts()[-1] == "/deny"
    # The choices are gone once the bot asks something else: a digit is just a digit.
    replies(app.sms(PHONE, "2"))
    assert rasa.texts()[-1] == "2"


def test_stop_holds_until_start(app, rasa, engine):
    [stopped] = replies(app.sms(PHONE, "退订"))
    assert stopped == wording.STOPPED_NOTICE
    assert replies(app.sms(PHONE, "你好")) == []
    assert rasa.received == []
    assert inbound(engine)[-1].status == "ignored"
    with Session(engine) as session:
        assert session.get(ChannelContact, PHONE).opted_out
        outbox.enqueue(session, to_number=PHONE, body="请补充材料。", sent_by="tuxiang")
        session.commit()
    app.run(app.channels.outbox.run_once)
    staff = outbox_rows(engine)[-1]
    assert (staff.status, staff.error) == (OutboxStatus.failed, "opted_out")

    assert replies(app.sms(PHONE, "订阅")) == [wording.STARTED_NOTICE]
    assert replies(app.sms(PHONE, "你好")) == ["收到：你好"]
    assert rasa.texts() == ["你好"]


@pytest.mark.parametrize("word", ["退订", "TD", "stop", "ＳＴＯＰ"])
def test_stop_words(app, rasa, word):
    assert replies(app.sms(PHONE, word)) == [wording.STOPPED_NOTICE]
    assert rasa.received == []


def test_help_says_what_the_service_is_and_the_helpline(app, rasa, settings):
    [answer] = replies(app.sms(PHONE, "帮助"))
    assert "低保" in answer and settings.helpline_number in answer and len(answer) <= 70
    assert replies(app.sms(PHONE, "HELP")) == [answer]
    assert rasa.received == []


def test_channel_records_link_to_the_case_when_it_is_filed(app, rasa, engine, cipher):
    from cases import filing

    def file_on_income(sender, text):
        if text == "一万二":
            with Session(engine) as session:
                filing.file_case(
                    session,
                    cipher=cipher,
                    name="张小明",
                    township="吐祥镇",
                    phone=sender,
                    facts={},
                    channel="sms",
                    conversation_id=sender,
                )
                session.commit()
            return [{"recipient_id": sender, "text": "申请已登记，编号FJ2345AB。"}]
        return [{"recipient_id": sender, "text": "好的"}]

    rasa.reply = file_on_income
    app.sms(PHONE, "申请")
    app.sms(PHONE, "一万二")
    with Session(engine) as session:
        messages = session.exec(select(Message).order_by(col(Message.id))).all()
        assert len({m.case_id for m in messages}) == 1 and messages[0].case_id is not None
        assert [m.text for m in messages][-1] == "申请已登记，编号FJ2345AB。"
        assert inbox.InboundStatus.answered.value == messages[0].status

"""POST /aliyun/sms/report and /aliyun/sms/reply, Aliyun's HTTP push as it posts it (a JSON
array, the secret in the URL): receipts move outbox rows forward; a reply by SMS answers
within 700 ms, is stored for staff and joins the resident's case; 退订 opts the number out."""

from __future__ import annotations

import time

import pytest
from sqlmodel import Session, select

from channels import outbox
from channels.models import ChannelContact, Message, OutboundMessage, OutboxStatus
from tests.china_fakes import CALLBACK_TOKEN, china_settings
from tests.console_seed import file_assessed
from tests.twilio_fakes import ChannelApp, FakeRasa, channel_settings

REPORT = "/aliyun/sms/report?token=" + CALLBACK_TOKEN
REPLY = "/aliyun/sms/reply?token=" + CALLBACK_TOKEN


@pytest.fixture
def app(settings, engine):
    with ChannelApp(china_settings(channel_settings(settings)), engine, FakeRasa()) as app:
        yield app


def test_a_receipt_moves_the_row_forward_never_back(app, engine):
    with Session(engine) as session:
        row = OutboundMessage(to_number="+8613800000001", body="x", channel="template_sms",
                              status=OutboxStatus.sent, carrier_ref="900^1")  # fmt: skip
        session.add(row)
        session.commit()
        row_id = row.id
    report = {"phone_number": "13800000001", "send_time": "2026-12-04 10:00:00",
              "report_time": "2026-12-04 10:00:05", "success": True, "err_code": "DELIVERED",
              "err_msg": "用户接收成功", "sms_size": "1", "biz_id": "900^1", "out_id": str(row_id)}  # fmt: skip
    assert app.client.post(REPORT, json=[report]).json() == {"code": 0, "msg": "接收成功"}
    failed = {**report, "success": False, "err_code": "MK:0001"}
    app.client.post(REPORT, json=[failed])
    with Session(engine) as session:
        assert session.get(OutboundMessage, row_id).status == OutboxStatus.delivered


def test_a_reply_is_answered_at_once_and_linked_to_the_case(app, engine, cipher):
    with Session(engine) as session:
        case = file_assessed(session, cipher, township="吐祥镇")
        session.commit()
        case_id, phone = case.id, "+8613800000001"
    reply = {"phone_number": "13800000001", "send_time": "2026-12-04 10:00:00",
             "content": "残疾证明天送到窗口", "sign_name": "【奉节县民政局】",
             "dest_code": "1234", "sequence_id": 7001}  # fmt: skip
    app.client.post(REPLY, json=[])  # the first request of an app opens its store threads
    started = time.monotonic()  # (the test client waits for the linking after the answer too)
    response = app.client.post(REPLY, json=[reply])
    assert response.json()["code"] == 0 and time.monotonic() - started < 0.7
    app.client.post(REPLY, json=[reply])  # pushed twice: stored once
    with Session(engine) as session:
        [message] = session.exec(select(Message).where(Message.conversation_id == phone,
                                                       Message.direction == "in")).all()  # fmt: skip
    assert (message.text, message.status, message.case_id) == (
        "残疾证明天送到窗口",
        "reply",
        case_id,
    )


def test_td_opts_the_number_out(app, engine):
    reply = {"phone_number": "13800000002", "content": "TD", "sequence_id": 7002}
    app.client.post(REPLY, json=[reply])
    with Session(engine) as session:
        assert session.get(ChannelContact, "+8613800000002").opted_out is True


def test_a_body_that_is_not_a_batch_is_a_400_naming_it(app):
    response = app.client.post(REPLY, json={"not": "a list"})
    assert response.status_code == 400 and response.json()["detail"][0]["field"] == "body"


@pytest.mark.parametrize(
    "path, bad, field",
    [
        (REPLY, {"phone_number": "abc", "content": "x", "sequence_id": 1}, "phone_number"),
        (REPLY, {"phone_number": "13800000001", "content": "x"}, "sequence_id"),
        (REPORT, {"biz_id": "1", "success": "yes"}, "success"),
    ],
)
def test_an_unreadable_item_is_left_out_and_logged_the_rest_stored(
    app, engine, caplog, path, bad, field
):
    """Refusing the batch would make Aliyun push it again and again: the rest would never
    be stored. The item is left out, and the log names its field."""
    good = {"phone_number": "13800000003", "content": "", "sequence_id": 7003}  # an empty SMS
    response = app.client.post(path, json=[bad, good] if path == REPLY else [bad])
    assert response.status_code == 200 and response.json()["code"] == 0
    assert f"item 0: {field}" in caplog.text
    if path == REPLY:
        with Session(engine) as session:
            [kept] = session.exec(select(Message).where(Message.external_id == "smsup:7003")).all()
        assert kept.text == "" and kept.status == "reply"


def test_a_receipt_before_the_biz_id_is_stored_finds_its_row_by_out_id(app, engine):
    """The carrier may report before the send's answer (its BizId) is recorded."""
    with Session(engine) as session:
        row = OutboundMessage(to_number="+8613800000001", body="x", channel="template_sms",
                              status=OutboxStatus.sending)  # fmt: skip
        session.add(row)
        session.commit()
        row_id = row.id
    report = {"biz_id": "901^1", "out_id": str(row_id), "success": True}
    assert app.client.post(REPORT, json=[report]).json()["code"] == 0
    with Session(engine) as session:
        outbox.mark_sent(session, outbox_id=row_id, twilio_sid=None, carrier_ref="901^1")
        row = session.get(OutboundMessage, row_id)
    assert (row.status, row.carrier_ref) == (OutboxStatus.delivered, "901^1")


def test_n_is_an_answer_not_an_unsubscribe(app, engine):
    app.client.post(
        REPLY, json=[{"phone_number": "13800000004", "content": "N", "sequence_id": 7004}]
    )
    with Session(engine) as session:
        assert not session.get(ChannelContact, "+8613800000004").opted_out


def test_without_the_token_the_callbacks_are_refused(app, settings, engine):
    assert app.client.post("/aliyun/sms/reply?token=wrong", json=[]).status_code == 403
    assert app.client.post("/aliyun/sms/report", json=[]).status_code == 403
    with ChannelApp(channel_settings(settings), engine, FakeRasa()) as off:
        assert off.client.post(REPLY, json=[]).status_code == 403

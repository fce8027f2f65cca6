"""A notice's way, chosen when the outbox sends it and kept on the row: WeChat inside the
follower's window, else a template SMS through Aliyun's SendSms (a stand-in on loopback that
checks the request's ACS3 signature and parameters), else Twilio; without an approved
template it is not sent and the row says why. The carrier's daily limit per number."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from sqlalchemy import update
from sqlmodel import Session, select

from channels.models import OutboundMessage, OutboxStatus, WechatFollower
from channels.notices.store import enqueue_notice, update_template
from channels.wechat import followers
from channels.workers import OutboxWorker
from core.database import utcnow
from tests.china_fakes import FakeAliyunSms, FakeWechatApi, china_settings
from tests.twilio_fakes import channel_settings

PHONE = "+8613800000009"
OPENID = "oFengjie0000000000000000009z"
PARAMS = {"reference": "FJ7KQ2MX", "township": "吐祥镇"}


@pytest.fixture
def fakes():
    with FakeAliyunSms() as aliyun, FakeWechatApi() as wechat:
        yield aliyun, wechat


def worker(settings, engine, fakes, **overrides) -> OutboxWorker:
    aliyun, wechat = fakes
    config = china_settings(settings, wechat_api=wechat, aliyun=aliyun, **overrides)
    return OutboxWorker(config, engine)


def send_round(outbox: OutboxWorker) -> int:
    async def once():
        try:
            return await outbox.run_once()
        finally:
            outbox.store.close()

    return asyncio.run(once())


def notice(engine, kind="filed", params=PARAMS, to=PHONE) -> int:
    with Session(engine) as session:
        row = enqueue_notice(session, kind=kind, to=to, params=params, case_id=None)
        session.commit()
        return row.id


def approve(engine, kind="filed", code="SMS_100001"):
    with Session(engine) as session:
        update_template(session, kind=kind, code=code, state="approved", actor="county")
        session.commit()


def row(engine, outbox_id) -> OutboundMessage:
    with Session(engine) as session:
        return session.get(OutboundMessage, outbox_id)


def test_a_notice_goes_as_a_template_sms_with_its_parameters(settings, engine, fakes):
    approve(engine)
    outbox_id = notice(engine)
    send_round(worker(settings, engine, fakes))
    aliyun, _ = fakes
    [sent] = aliyun.to("13800000009")
    assert aliyun.refused == []
    assert sent["TemplateCode"] == "SMS_100001" and sent["TemplateParam"] == PARAMS
    assert sent["OutId"] == str(outbox_id)
    done = row(engine, outbox_id)
    assert (done.channel, done.status, done.template_code) == (
        "template_sms",
        OutboxStatus.sent,
        "SMS_100001",
    )
    assert done.carrier_ref == sent["BizId"]


def test_without_an_approved_template_a_notice_is_not_sent_and_says_why(settings, engine, fakes):
    outbox_id = notice(engine)
    send_round(worker(settings, engine, fakes))
    done = row(engine, outbox_id)
    assert done.status == OutboxStatus.failed
    assert "no approved template for filed" in done.error
    assert fakes[0].sent == []


def test_without_a_template_twilio_carries_it_where_configured(settings, engine, fakes):
    from tests.twilio_fakes import FakeTwilio

    outbox_id = notice(engine)
    with FakeTwilio() as twilio:
        config = channel_settings(settings, twilio_api_base_url=twilio.url)
        send_round(worker(config, engine, fakes))
        assert twilio.bodies(PHONE) == [row(engine, outbox_id).body]
    assert row(engine, outbox_id).channel == "sms"


def test_inside_the_window_a_notice_goes_by_wechat(settings, engine, fakes, cipher):
    approve(engine)
    with Session(engine) as session:
        follower = followers.seen(session, openid=OPENID, cipher=cipher)
        followers.link_phone(session, conversation_id=follower.conversation_id, phone=PHONE,
                             cipher=cipher)  # fmt: skip
    outbox_id = notice(engine)
    send_round(worker(settings, engine, fakes))
    assert fakes[1].texts(OPENID) == [row(engine, outbox_id).body]
    assert row(engine, outbox_id).channel == "wechat" and fakes[0].sent == []


def test_past_the_window_it_falls_back_to_template_sms(settings, engine, fakes, cipher):
    approve(engine)
    with Session(engine) as session:
        follower = followers.seen(session, openid=OPENID, cipher=cipher)
        followers.link_phone(session, conversation_id=follower.conversation_id, phone=PHONE,
                             cipher=cipher)  # fmt: skip
        session.exec(update(WechatFollower).values(last_message_at=utcnow() - timedelta(hours=49)))
        session.commit()
    outbox_id = notice(engine)
    send_round(worker(settings, engine, fakes))
    assert row(engine, outbox_id).channel == "template_sms" and len(fakes[0].sent) == 1


def test_when_wechat_says_the_window_is_shut_the_notice_goes_by_sms(
    settings, engine, fakes, cipher
):
    approve(engine)
    with Session(engine) as session:
        follower = followers.seen(session, openid=OPENID, cipher=cipher)
        followers.link_phone(session, conversation_id=follower.conversation_id, phone=PHONE,
                             cipher=cipher)  # fmt: skip
    fakes[1].errcode_for[OPENID] = 45015
    outbox_id = notice(engine)
    outbox = worker(settings, engine, fakes)
    send_round(outbox)
    send_round(outbox)
    done = row(engine, outbox_id)
    assert (done.channel, done.status) == ("template_sms", OutboxStatus.sent)


def test_the_daily_limit_per_number_holds_the_rest_until_morning(settings, engine, fakes):
    approve(engine)
    ids = [notice(engine) for _ in range(3)]
    send_round(worker(settings, engine, fakes, sms_daily_limit=2))
    assert len(fakes[0].sent) == 2
    held = row(engine, ids[2])
    assert held.status == OutboxStatus.queued and "daily limit" in held.error
    assert held.next_attempt_at > utcnow() + timedelta(hours=1)


def test_the_carriers_flow_control_defers_and_a_bad_number_fails(settings, engine, fakes):
    approve(engine)
    fakes[0].code_for["13800000009"] = "isv.BUSINESS_LIMIT_CONTROL"
    limited = notice(engine)
    send_round(worker(settings, engine, fakes))
    assert row(engine, limited).status == OutboxStatus.queued
    other = notice(engine, to="+8613800000008")
    fakes[0].code_for["13800000008"] = "isv.MOBILE_NUMBER_ILLEGAL"
    send_round(worker(settings, engine, fakes))
    assert row(engine, other).status == OutboxStatus.failed


def test_a_template_change_is_checked(session):
    from channels.notices.store import TemplateError

    with pytest.raises(TemplateError) as error:
        update_template(session, kind="filed", code=None, state="approved", actor="county")
    assert error.value.field == "code"
    with pytest.raises(TemplateError):
        update_template(session, kind="filed", code="SMS 1; drop", state="pending", actor="x")
    assert session.exec(select(OutboundMessage)).all() == []

"""The China channels end to end (issue 17): WeChat requests signed and encrypted as WeChat
does (wechatpy's crypto) reach the real Rasa server and action server through the app, with
its background workers running; 客服消息 go to a stand-in for WeChat's API and template SMS
to a stand-in for Aliyun's SendSms, both on loopback and both checking what they receive
(access_token; the ACS3-HMAC-SHA256 signature, the signature name, the parameters).

Run alone (after `make train`, as the lead):
    .venv/bin/pytest -m e2e tests/e2e/test_china_channels.py -p no:cacheprovider
"""

from __future__ import annotations

import time
import xml.etree.ElementTree as ET

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from api.main import create_app
from cases import casefile
from cases.models import Case
from channels.models import Message, OutboundMessage, OutboxStatus, WechatFollower
from channels.notices.store import update_template
from channels.rasa import tracker_tag
from channels.wechat import followers
from core.database import make_engine
from core.security import IdentityCipher
from tests.china_fakes import (
    CALLBACK_TOKEN,
    WECHAT_AES_KEY,
    FakeAliyunSms,
    FakeWechatApi,
    WechatServer,
    china_settings,
    event_xml,
    text_xml,
)
from tests.e2e.resident_script import answer_for
from tests.twilio_fakes import (
    ACCOUNT_SID,
    AUTH_TOKEN,
    FROM_NUMBER,
    PUBLIC_BASE_URL,
    FakeTwilio,
    post_sms,
)

pytestmark = pytest.mark.e2e

# Answers said by voice (the rest are typed): WeChat's Recognition text is the message.
BY_VOICE = ("吐祥镇石梁村", "3口人，我50岁，老婆48岁，女儿20岁", "种地五千，打工八千")


@pytest.fixture(scope="module")
def remote():
    with FakeWechatApi() as wechat_api, FakeAliyunSms() as aliyun:
        yield wechat_api, aliyun


def _app(stack, remote, **overrides):
    wechat_api, aliyun = remote
    values = {
        "wechat_aes_key": WECHAT_AES_KEY,
        "wechat_reply_deadline": 4.0,
        "rasa_timeout": 60.0,
        "replay_interval": 0.5,
        "outbox_interval": 0.3,
        "channel_workers": True,
        **overrides,
    }
    settings = china_settings(stack["settings"], wechat_api=wechat_api, aliyun=aliyun, **values)
    engine = make_engine(settings.database_url)
    client = TestClient(create_app(settings, engine))
    client.settings, client.engine = settings, engine
    return client


@pytest.fixture(scope="module")
def app(stack, remote):
    with _app(stack, remote) as client:
        yield client


@pytest.fixture(scope="module")
def wechat() -> WechatServer:
    return WechatServer(aes_key=WECHAT_AES_KEY)  # safe mode: WeChat encrypts


def wait_for(condition, timeout: float = 120, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for {what}")


def tracker_user_events(stack, sender: str) -> list[dict]:
    tracker = httpx.get(f"{stack['rasa_url']}/conversations/{sender}/tracker",
                        params={"token": stack["settings"].rasa_token}, timeout=30).json()  # fmt: skip
    return [event for event in tracker["events"] if event["event"] == "user"]


def conversation(app, openid: str) -> str:
    cipher = IdentityCipher(app.settings.data_key)
    return followers.conversation_of(followers.openid_hash(cipher, openid))


class Follower:
    """A resident on the 公众号: each message posted as WeChat posts it; the reply read from
    the passive reply, or — when the assistant was slower than the deadline — from the
    客服消息 the outbox sends to WeChat's API."""

    def __init__(self, app, wechat, wechat_api, openid: str):
        self.app, self.wechat, self.api, self.openid = app, wechat, wechat_api, openid
        self.msg_id = int(time.time() * 1000)

    def say(self, text: str, *, voice: bool = False, msg_id: int | None = None) -> str:
        if msg_id is None:
            self.msg_id += 1
            msg_id = self.msg_id
        seen = len(self.api.texts(self.openid))
        xml = text_xml(self.openid, text, msg_id, kind="voice" if voice else "text")
        reply = self.wechat.read_reply(self.wechat.post(self.app, xml, self.openid))
        if reply is None:
            reply = wait_for(lambda: self.api.texts(self.openid)[seen:], 120, "a 客服消息")[-1]
        return reply


def test_a_resident_applies_over_wechat_text_and_voice_and_gets_a_reference(
    stack, app, wechat, remote
):
    wechat_api, _ = remote
    openid = "oFengjieE2E00000000000000001"
    greeting = wechat.read_reply(wechat.post(app, event_xml(openid, "subscribe"), openid))
    assert "低保" in greeting
    resident = Follower(app, wechat, wechat_api, openid)
    replies = [resident.say("我想申请低保")]
    assert "同意" in replies[0]
    for _turn in range(25):
        answer = answer_for(replies)
        assert answer is not None, f"unexpected question: {replies}"
        if answer == "":
            break
        answer = "13700000021" if answer == "13812345678" else answer
        replies = [resident.say(answer, voice=answer in BY_VOICE)]
    filed = replies[-1]
    assert "编号FJ" in filed, filed
    reference = filed.split("编号")[1][:8]
    sender = conversation(app, openid)
    with Session(app.engine) as session:
        [case_id] = session.exec(select(Case.id).where(Case.conversation_id == sender)).all()
        case = casefile.get_case(session, case_id=case_id)
        follower = session.exec(
            select(WechatFollower).where(WechatFollower.conversation_id == sender)
        ).one()
        channels = set(session.exec(select(Message.channel).where(
            Message.conversation_id == sender, Message.direction == "in")).all())  # fmt: skip
    assert case.reference == reference and case.channel.startswith("wechat")
    assert case.applicant.phone == "+8613700000021" and case.township == "吐祥镇"
    assert channels == {"wechat", "wechat_voice"}
    assert follower.phone_masked == "+86137****0021"  # the phone said links the follower
    said = [e["input_channel"] for e in tracker_user_events(stack, sender)]
    assert set(said) == {"wechat", "wechat_voice"}
    # The 受理 notice: the resident is inside WeChat's window, so it goes by 客服消息.
    wait_for(lambda: any(reference in t for t in wechat_api.texts(openid)), 30, "the notice")
    assert wechat_api.refused == []


def test_a_slow_reply_arrives_by_customer_service_message(stack, remote, wechat):
    wechat_api, _ = remote
    openid = "oFengjieE2E00000000000000002"
    with _app(stack, remote, wechat_reply_deadline=0.01) as slow:
        path, body = wechat.request(text_xml(openid, "我想申请低保", 880001), openid)
        answer = slow.post(path, content=body)
        assert answer.status_code == 200 and answer.text == ""  # at once, nothing
        text = wait_for(lambda: wechat_api.texts(openid), 120, "the 客服消息")

        def the_row_once_sent():
            # (the sender marks the row sent once WeChat's answer is back, just after the fake
            # recorded the text: under load the test can look in between)
            with Session(slow.engine) as session:
                row = session.exec(select(OutboundMessage).where(
                    OutboundMessage.to_number == conversation(slow, openid))).one()  # fmt: skip
            return row if row.status not in (OutboxStatus.queued, OutboxStatus.sending) else None

        row = wait_for(the_row_once_sent, 30, "the outbox row marked")
    assert "同意" in text[0]
    assert (row.channel, row.status, row.via) == ("wechat", OutboxStatus.sent, None)


def test_a_retried_msg_id_gives_one_bot_turn(stack, app, wechat, remote):
    openid = "oFengjieE2E00000000000000003"
    resident = Follower(app, wechat, remote[0], openid)
    first = resident.say("你好", msg_id=770001)
    again = resident.say("你好", msg_id=770001)  # WeChat's retry of the same message
    assert first == again
    events = tracker_user_events(stack, conversation(app, openid))
    assert [e["metadata"]["message_id"] for e in events] == [tracker_tag("wx:770001")]


def test_a_forged_signature_gets_403(stack, app):
    openid = "oFengjieE2E00000000000000004"
    forger = WechatServer(token="not-the-token", aes_key=WECHAT_AES_KEY)
    assert forger.post(app, text_xml(openid, "你好", 660001), openid).status_code == 403
    assert tracker_user_events(stack, conversation(app, openid)) == []


def test_the_filed_notice_goes_as_a_template_sms_and_a_reply_by_sms_joins_the_case(
    stack, app, remote
):
    """A resident who is not on WeChat (here: the REST channel, as a phone call's or a
    counter's conversation would be) files an application; the 受理 notice goes as a
    template SMS with its parameters; their reply by SMS is linked to the case."""
    _, aliyun = remote
    with Session(app.engine) as session:
        update_template(session, kind="filed", code="SMS_465000001", state="approved", actor="e2e")
        session.commit()
    phone = "+8613700000031"
    replies = [_rest(stack, phone, "我想申请低保")]
    for _turn in range(25):
        answer = answer_for(replies)
        if answer == "":
            break
        replies = [_rest(stack, phone, answer)]
    reference = replies[-1].split("编号")[1][:8]
    [sent] = wait_for(lambda: aliyun.to("13700000031"), 60, "the template SMS")
    assert aliyun.refused == []
    assert sent["TemplateCode"] == "SMS_465000001" and sent["SignName"] == "奉节县民政局"
    assert sent["TemplateParam"] == {"reference": reference, "township": "吐祥镇"}
    # Aliyun's delivery receipt and the resident's reply (上行), as Aliyun pushes them.
    report = {"phone_number": "13700000031", "success": True, "err_code": "DELIVERED",
              "biz_id": sent["BizId"], "out_id": sent["OutId"]}  # fmt: skip
    assert app.post(f"/aliyun/sms/report?token={CALLBACK_TOKEN}", json=[report]).json()["code"] == 0
    reply = {"phone_number": "13700000031", "content": "收到，谢谢", "sequence_id": 990001,
             "send_time": "2026-12-04 10:00:00", "dest_code": "1", "sign_name": "奉节县民政局"}  # fmt: skip
    app.post(f"/aliyun/sms/reply?token={CALLBACK_TOKEN}", json=[])
    started = time.monotonic()
    assert app.post(f"/aliyun/sms/reply?token={CALLBACK_TOKEN}", json=[reply]).json()["code"] == 0
    assert time.monotonic() - started < 0.7
    with Session(app.engine) as session:
        case = session.exec(select(Case).where(Case.reference == reference)).one()
        answered = wait_for(lambda: session.exec(select(Message).where(
            Message.external_id == "smsup:990001", Message.case_id == case.id)).first(), 10,
            "the reply linked")  # fmt: skip
        row = session.exec(select(OutboundMessage).where(
            OutboundMessage.carrier_ref == sent["BizId"])).one()  # fmt: skip
    assert answered.status == "reply" and row.status == OutboxStatus.delivered
    assert row.channel == "template_sms" and row.notice_kind == "filed"


def test_after_the_phone_is_said_on_wechat_the_application_goes_on_by_sms(stack, remote, wechat):
    """A resident begins on WeChat and says their phone number; their next answers come by
    SMS from that number: the same conversation goes on (no new greeting, no question
    again), the replies go back by SMS, and the case holds both channels' messages."""
    wechat_api, _ = remote
    openid, phone = "oFengjieE2E00000000000000005", "+8613700000051"
    with FakeTwilio() as twilio, _app(
        stack, remote, public_base_url=PUBLIC_BASE_URL, twilio_account_sid=ACCOUNT_SID,
        twilio_auth_token=AUTH_TOKEN, twilio_from_number=FROM_NUMBER,
        twilio_api_base_url=twilio.url, sms_reply_deadline=30.0,
    ) as app:  # fmt: skip
        resident = Follower(app, wechat, wechat_api, openid)
        replies, by_sms, on_wechat = [resident.say("我想申请低保")], [], True
        for _turn in range(25):
            answer = answer_for(replies)
            assert answer is not None, f"unexpected question: {replies}"
            if answer == "":
                break
            if on_wechat:
                answer = phone[3:] if answer == "13812345678" else answer
                replies = [resident.say(answer)]
                on_wechat = answer != phone[3:]
            else:
                answered = post_sms(app, app.settings, phone, answer)
                assert answered.status_code == 200, answered.text
                replies = [m.text for m in ET.fromstring(answered.text).findall("Message")]
                by_sms.append((answer, replies))
        assert by_sms and "编号FJ" in "".join(replies), replies
        assert "同意" not in "".join(by_sms[0][1])  # the form went on, no new start
        sender = conversation(app, openid)
        with Session(app.engine) as session:
            case = session.exec(select(Case).where(Case.conversation_id == sender)).one()
            kept = casefile.get_case(session, case_id=case.id)
    said = {e["input_channel"] for e in tracker_user_events(stack, sender)}
    assert said == {"wechat", "sms"}  # one tracker for both channels
    assert tracker_user_events(stack, phone) == []
    assert case.reference in "".join(replies) and kept.applicant.phone == phone
    assert {m.channel for m in kept.messages if m.direction == "in"} == {"wechat", "sms"}


def _rest(stack, sender: str, text: str) -> str:
    reply = httpx.post(f"{stack['rasa_url']}/webhooks/rest/webhook",
                       json={"sender": sender, "message": text}, timeout=60)  # fmt: skip
    reply.raise_for_status()
    return "\n".join(message.get("text", "") for message in reply.json())

"""POST /twilio/sms when Rasa or the action server is down, slow or drops the line: the
message waits, is answered once and in order (through the outbox), with one outage notice;
and a reply to a number that opted out meanwhile is not sent."""

from __future__ import annotations

import time

from channels import wording
from channels.models import OutboxStatus
from tests.api.sms_helpers import PHONE, inbound, outbox_rows, replies
from tests.twilio_fakes import ChannelApp, channel_settings


def test_when_rasa_is_down_the_message_waits_and_is_answered_once_later(app, rasa, engine):
    rasa.down = True
    assert replies(app.sms(PHONE, "申请")) == []
    assert replies(app.sms(PHONE, "张小明")) == []
    assert [m.status for m in inbound(engine)] == ["pending", "pending"]
    # One notice for the outage, not one per message.
    assert [(r.body, r.status) for r in outbox_rows(engine)] == [
        (wording.OUTAGE_NOTICE, OutboxStatus.queued)
    ]
    assert app.replay() == 0  # still down: nothing tried

    rasa.down = False
    assert app.replay() == 1
    app.settle()
    assert rasa.texts() == ["申请", "张小明"]  # in order
    assert [m.status for m in inbound(engine)] == ["answered", "answered"]
    assert [r.body for r in outbox_rows(engine)] == [
        wording.OUTAGE_NOTICE,
        "收到：申请",
        "收到：张小明",
    ]
    assert all(r.via is None for r in outbox_rows(engine))
    assert app.replay() == 0
    assert rasa.texts() == ["申请", "张小明"]  # never twice

    # The outage is over for this number: the next one gets its own notice.
    rasa.down = True
    replies(app.sms(PHONE, "吐祥镇"))
    assert [r.body for r in outbox_rows(engine)].count(wording.OUTAGE_NOTICE) == 2


def test_a_message_after_pending_ones_waits_its_turn(app, rasa, engine):
    rasa.down = True
    replies(app.sms(PHONE, "一"))
    rasa.down = False
    # The earlier message goes first, by the outbox; this one is still answered in time.
    assert replies(app.sms(PHONE, "二")) == ["收到：二"]
    assert rasa.texts() == ["一", "二"]
    assert [r.body for r in outbox_rows(engine)] == [
        wording.OUTAGE_NOTICE,
        "收到：一",
        "收到：二",
    ]


def test_when_the_action_server_is_down_rasa_is_not_even_asked(app, rasa, engine):
    rasa.actions_down = True
    assert replies(app.sms(PHONE, "申请")) == []
    assert rasa.received == []
    assert inbound(engine)[0].status == "pending"
    rasa.actions_down = False
    app.replay()
    app.settle()
    assert rasa.texts() == ["申请"]


def test_a_slow_bot_answers_later_through_the_outbox(settings, engine, rasa):
    rasa.delay = 2.5
    with ChannelApp(channel_settings(settings, sms_reply_deadline=0.5), engine, rasa) as app:
        started = time.monotonic()
        assert replies(app.sms(PHONE, "申请")) == []
        assert time.monotonic() - started < 2
        app.settle()
    assert rasa.texts() == ["申请"]
    assert [(r.body, r.via) for r in outbox_rows(engine)] == [
        (wording.OUTAGE_NOTICE, None),
        ("收到：申请", None),
    ]
    assert inbound(engine)[0].reply_via == "outbox"


def test_a_message_rasa_took_before_the_line_dropped_is_not_sent_again(app, rasa, engine):
    rasa.drop_after_taking = 1
    assert replies(app.sms(PHONE, "申请")) == []
    assert inbound(engine)[0].attempts == 1
    app.replay()
    app.settle()
    assert rasa.texts() == ["申请"]  # found in the tracker, with what the bot said
    assert [r.body for r in outbox_rows(engine)] == [wording.OUTAGE_NOTICE, "收到：申请"]
    assert inbound(engine)[0].status == "answered"


def test_a_reply_to_a_number_that_opts_out_meanwhile_is_not_sent(app, rasa, engine):
    rasa.down = True
    app.sms(PHONE, "申请")
    app.sms(PHONE, "退订")
    rasa.down = False
    app.replay()
    app.settle()
    app.run(app.channels.outbox.run_once)
    assert rasa.texts() == ["申请"]
    statuses = {r.body: (r.status, r.error) for r in outbox_rows(engine)}
    assert statuses["收到：申请"] == (OutboxStatus.failed, "opted_out")

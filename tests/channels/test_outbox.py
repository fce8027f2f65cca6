"""The outbox sender against a stand-in for Twilio's Messages API on loopback: claims,
sends with the twilio client, retries with backoff, gives up, keeps order per number."""

from __future__ import annotations

import asyncio
import threading
import time
from datetime import timedelta

import pytest
from sqlmodel import Session, col, select

from channels import outbox
from channels.models import ChannelContact, OutboundMessage, OutboxStatus
from channels.workers import OutboxWorker
from core.database import utcnow
from tests.twilio_fakes import FakeTwilio, channel_settings

PHONE = "+8613800000001"


@pytest.fixture
def twilio():
    with FakeTwilio() as fake:
        yield fake


@pytest.fixture
def worker(settings, engine, twilio) -> OutboxWorker:
    return OutboxWorker(channel_settings(settings, twilio_api_base_url=twilio.url), engine)


def queue(engine, *bodies: str, to: str = PHONE) -> list[int]:
    with Session(engine) as session:
        ids = [outbox.enqueue(session, to_number=to, body=body).id for body in bodies]
        session.commit()
    return ids


def rows(engine) -> list[OutboundMessage]:
    with Session(engine) as session:
        return list(session.exec(select(OutboundMessage).order_by(col(OutboundMessage.id))).all())


def run(worker: OutboxWorker) -> int:
    return asyncio.run(worker.run_once())


def test_without_credentials_the_outbox_only_records(settings, engine):
    quiet = OutboxWorker(settings, engine)  # no TWILIO_* settings
    queue(engine, "您好")
    assert run(quiet) == 0
    assert [row.status for row in rows(engine)] == [OutboxStatus.queued]


def test_messages_are_sent_with_a_status_callback_and_recorded(worker, engine, twilio):
    [first, second] = queue(engine, "第一条", "第二条")
    assert run(worker) == 2
    assert twilio.bodies(PHONE) == ["第一条", "第二条"]
    sent = twilio.sent[0]
    assert sent["From"] == "+8602356000000"
    assert sent["StatusCallback"] == f"https://intake.example.org/twilio/status?outbox={first}"
    assert [(r.status, r.twilio_sid, r.attempts) for r in rows(engine)] == [
        (OutboxStatus.sent, twilio.sent[0]["sid"], 1),
        (OutboxStatus.sent, twilio.sent[1]["sid"], 1),
    ]
    assert run(worker) == 0  # nothing twice


def test_a_failure_is_retried_with_exponential_backoff(settings, engine, twilio):
    worker = OutboxWorker(
        channel_settings(settings, twilio_api_base_url=twilio.url, outbox_backoff_seconds=0.2),
        engine,
    )
    twilio.fail_next = [500, 503]
    queue(engine, "您好")
    run(worker)
    [row] = rows(engine)
    assert (row.status, row.attempts) == (OutboxStatus.queued, 1)
    assert "TwilioRestException" in row.error
    first_delay = row.next_attempt_at - row.updated_at
    assert timedelta(seconds=0.15) < first_delay < timedelta(seconds=0.3)
    assert run(worker) == 0  # not due yet
    time.sleep(0.25)
    run(worker)
    [row] = rows(engine)
    assert row.attempts == 2
    second_delay = row.next_attempt_at - row.updated_at
    assert timedelta(seconds=0.35) < second_delay < timedelta(seconds=0.5)  # doubled
    time.sleep(0.45)
    run(worker)
    [row] = rows(engine)
    assert (row.status, row.attempts) == (OutboxStatus.sent, 3)
    assert twilio.bodies() == ["您好"]


def test_it_gives_up_after_the_last_attempt(settings, engine, twilio):
    worker = OutboxWorker(
        channel_settings(
            settings,
            twilio_api_base_url=twilio.url,
            outbox_max_attempts=2,
            outbox_backoff_seconds=0.01,
        ),
        engine,
    )
    twilio.fail_next = [500] * 5
    queue(engine, "您好")
    run(worker)
    time.sleep(0.05)
    run(worker)
    [row] = rows(engine)
    assert (row.status, row.attempts) == (OutboxStatus.failed, 2)


def test_a_refused_number_fails_at_once(worker, engine, twilio):
    twilio.refuse[PHONE] = 21211  # invalid 'To' number
    queue(engine, "您好")
    run(worker)
    [row] = rows(engine)
    assert (row.status, row.attempts) == (OutboxStatus.failed, 1)


def test_a_reply_s_segments_keep_their_order_when_one_must_be_retried(worker, engine, twilio):
    queue(engine, "一", "二", "三")
    queue(engine, "别人的", to="+8613800000002")
    twilio.fail_to[PHONE] = [500]
    run(worker)
    # "一" waits for its retry; "二" and "三" wait behind it; the other number is not held up.
    assert twilio.bodies() == ["别人的"]
    assert [r.status for r in rows(engine)][:3] == [OutboxStatus.queued] * 3
    time.sleep(0.05)
    run(worker)
    assert twilio.bodies(PHONE) == ["一", "二", "三"]


def test_numbers_that_opted_out_get_nothing(worker, engine, twilio):
    queue(engine, "您好")
    with Session(engine) as session:
        session.add(ChannelContact(phone=PHONE, opted_out=True, opted_out_at=utcnow()))
        session.commit()
    run(worker)
    [row] = rows(engine)
    assert (row.status, row.error) == (OutboxStatus.failed, "opted_out")
    assert twilio.sent == []


def test_concurrent_claims_never_take_the_same_message(engine):
    ids = [id_ for n in range(40) for id_ in queue(engine, "您好", to=f"+86138000010{n:02d}")]
    claimed: list[int] = []
    lock = threading.Lock()

    def claim():
        while True:
            with Session(engine) as session:
                got = outbox.claim_due(session, limit=7)
            if not got:
                return
            with lock:
                claimed.extend(message.id for message in got)
            with Session(engine) as session:
                for message in got:
                    outbox.mark_sent(session, outbox_id=message.id, twilio_sid=f"SM{message.id}")

    threads = [threading.Thread(target=claim) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(claimed) == ids


def test_status_never_moves_backwards(engine):
    [message_id] = queue(engine, "您好")
    with Session(engine) as session:
        outbox.claim_due(session)
        assert outbox.record_status(session, twilio_status="delivered", outbox_id=message_id)
        # Our own "sent" arrives after Twilio's "delivered": the status stays, the SID is kept.
        outbox.mark_sent(session, outbox_id=message_id, twilio_sid="SM1")
        assert not outbox.record_status(session, twilio_status="sent", twilio_sid="SM1")
        assert not outbox.record_status(session, twilio_status="queued", twilio_sid="SM1")
        row = session.get(OutboundMessage, message_id)
        session.refresh(row)
        assert (row.status, row.twilio_sid) == (OutboxStatus.delivered, "SM1")


def test_messages_a_dead_worker_left_sending_are_tried_again(engine):
    queue(engine, "您好")
    with Session(engine) as session:
        [claimed] = outbox.claim_due(session)
        assert outbox.requeue_stale(session, older_than_seconds=60) == 0
        row = session.get(OutboundMessage, claimed.id)
        row.updated_at = utcnow() - timedelta(minutes=11)
        session.add(row)
        session.commit()
        assert outbox.requeue_stale(session, older_than_seconds=600) == 1
        assert [m.id for m in outbox.claim_due(session)] == [claimed.id]

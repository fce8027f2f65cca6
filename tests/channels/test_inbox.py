"""The channels' records: stored once per Twilio id, leases that serialise each number's
hand-over across processes, the outage notice once per outage."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import Session, select

from channels import answers, inbox, leases, wording
from channels.inbox import ReplyVia
from channels.models import ChannelContact, Message, OutboundMessage
from core.database import utcnow
from core.security import IdentityCipher
from core.settings import DEV_DATA_KEY

PHONE = "+8613800000001"
CIPHER = IdentityCipher(DEV_DATA_KEY)


def receive(session, text="你好", sid="SM1", via=ReplyVia.twiml):
    return inbox.receive(
        session,
        external_id=sid,
        phone=PHONE,
        text=text,
        channel="sms",
        reply_via=via,
        helpline="12345",
        cipher=CIPHER,
    )


def test_a_message_is_stored_once_per_twilio_id(session):
    first = receive(session)
    again = receive(session)
    assert first.pending and not first.duplicate
    assert (again.message_id, again.pending, again.duplicate) == (first.message_id, False, True)
    assert len(session.exec(select(Message)).all()) == 1


def take(session, owner):
    """The worker's entry point: take the number's lease and claim its oldest message."""
    return leases.take_next(session, phone=PHONE, owner=owner, seconds=60)


def test_one_lease_holder_per_number(session, engine):
    receive(session)
    assert take(session, "a")
    with Session(engine) as other:  # another process
        assert not take(other, "b")
        assert inbox.phones_with_pending(other) == []
    assert take(session, "a")  # renewal
    leases.release_lease(session, phone=PHONE, owner="a")
    with Session(engine) as other:
        assert inbox.phones_with_pending(other) == [PHONE]
        assert take(other, "b")


def test_a_lease_of_a_dead_worker_runs_out(session, engine):
    receive(session)
    take(session, "dead")
    contact = session.get(ChannelContact, PHONE)
    contact.lease_until = utcnow() - timedelta(seconds=1)
    session.add(contact)
    session.commit()
    with Session(engine) as other:
        assert take(other, "b")


def test_pending_messages_come_oldest_first(session):
    for n in range(3):
        receive(session, text=f"第{n}条", sid=f"SM{n}")
    assert inbox.next_pending(session, phone=PHONE).text == "第0条"


def test_the_outage_notice_goes_once_until_the_bot_answers_again(session):
    one, two = receive(session, sid="SM1"), receive(session, sid="SM2")
    assert (
        answers.give_up_waiting(session, message_id=one.message_id, notice=wording.OUTAGE_NOTICE)
        == []
    )
    answers.give_up_waiting(session, message_id=two.message_id, notice=wording.OUTAGE_NOTICE)
    assert session.exec(select(OutboundMessage.body)).all() == [wording.OUTAGE_NOTICE]
    answers.record_answer(
        session, message_id=one.message_id, replies=[{"text": "好的"}], live_seconds={}
    )
    three = receive(session, sid="SM3")
    answers.give_up_waiting(session, message_id=three.message_id, notice=wording.OUTAGE_NOTICE)
    assert session.exec(select(OutboundMessage.body)).all().count(wording.OUTAGE_NOTICE) == 2


def test_an_answer_is_recorded_once(session):
    received = receive(session)
    live = {"twiml": 10}
    assert answers.record_answer(
        session, message_id=received.message_id, replies=[{"text": "好的"}], live_seconds=live
    ).live == ["好的"]
    assert (
        answers.record_answer(
            session, message_id=received.message_id, replies=[{"text": "好的"}], live_seconds=live
        ).live
        is None
    )
    assert session.exec(select(OutboundMessage.body)).all() == ["好的"]


def test_a_webhook_that_gave_up_gets_nothing_live(session):
    received = receive(session)
    answers.give_up_waiting(session, message_id=received.message_id, notice=None)
    assert (
        answers.record_answer(
            session,
            message_id=received.message_id,
            replies=[{"text": "好的"}],
            live_seconds={"twiml": 10},
        ).live
        is None
    )
    [row] = session.exec(select(OutboundMessage)).all()
    assert (row.body, row.via, row.status.value) == ("好的", None, "queued")


def test_a_webhook_that_gives_up_after_the_answer_gets_it(session):
    received = receive(session)
    answers.record_answer(
        session,
        message_id=received.message_id,
        replies=[{"text": "好的"}],
        live_seconds={"twiml": 10},
    )
    assert answers.give_up_waiting(
        session, message_id=received.message_id, notice=wording.OUTAGE_NOTICE
    ) == ["好的"]


def test_numbers_are_masked_where_the_message_enters(session):
    """Issue 13, finding 1: the full number is only in the encrypted field, and only the
    assistant reads it."""
    from channels.models import Message

    receive(session, text="李小红 500236 19780312 4419 电话13812345678", sid="SM-id")
    stored = session.exec(select(Message).where(Message.external_id == "SM-id")).one()
    assert stored.text == "李小红 500236********4419 电话138****5678"
    assert "19780312" not in (stored.text_encrypted or "")
    pending = inbox.next_pending(session, phone=PHONE)
    assert pending.words(CIPHER) == "李小红 500236 19780312 4419 电话13812345678"

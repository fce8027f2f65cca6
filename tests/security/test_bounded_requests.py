"""Issue 13, "also seen": signed `/twilio/status?outbox=18446744073709551616`,
`/twilio/voice/wait?message=99999999` and `?message=2**64` answered 500; a signed SMS without
`MessageSid` got another number's replies and was not stored; 100 kB bodies held other
numbers' replies. Every request is now bounded and answered with a 4xx."""

from __future__ import annotations

from sqlmodel import Session, select

from api.limits import MAX_BODY_CHARS, TRUNCATED
from channels.models import Message
from tests.twilio_fakes import signed, sms_params

PHONE = "+8613800000002"


def test_ids_out_of_the_stores_range_are_not_found(app):
    status = {"MessageSid": "SMx", "MessageStatus": "delivered"}
    for query in ("outbox=18446744073709551616", "outbox=0", "outbox=-3"):
        path = f"/twilio/status?{query}"
        assert app.post(path, status).status_code == 404, query
    call = {"CallSid": "CAx", "From": PHONE}
    for query in ("message=18446744073709551616", "message=0"):
        assert app.post(f"/twilio/voice/wait?{query}", call).status_code == 404, query


def test_a_stored_id_that_does_not_exist_is_no_500(app):
    call = {"CallSid": "CAx", "From": PHONE}
    assert app.post("/twilio/voice/wait?message=99999999", call).status_code < 500


def test_an_sms_without_its_sid_or_sender_is_refused_and_names_the_field(app, engine):
    for missing in ("MessageSid", "From"):
        params = sms_params(PHONE, "你好")
        params.pop(missing)
        reply = app.post("/twilio/sms", params)
        assert reply.status_code == 400
        assert reply.json()["detail"][0]["field"] == missing
    with Session(engine) as session:
        assert session.exec(select(Message)).all() == []


def test_a_sender_or_sid_longer_than_the_store_keeps_is_refused_and_named(app, engine):
    """SQLite keeps a 40-character From; PostgreSQL refuses it (a 500): refused at the door."""
    for field, value in (("From", "+86" + "1" * 40), ("MessageSid", "SM" + "x" * 70)):
        params = sms_params(PHONE, "你好")
        params[field] = value
        reply = app.post("/twilio/sms", params)
        assert reply.status_code == 400, reply.text
        assert reply.json()["detail"][0]["field"] == field
    with Session(engine) as session:
        assert session.exec(select(Message)).all() == []


def test_a_body_longer_than_twilio_sends_is_cut_with_a_note(app, engine):
    assert app.sms(PHONE, "长" * 5000).status_code == 200
    with Session(engine) as session:
        [stored] = session.exec(select(Message).where(Message.direction == "in")).all()
    assert stored.text == "长" * MAX_BODY_CHARS + TRUNCATED


def test_a_huge_request_is_refused_before_it_is_read(app):
    params = sms_params(PHONE, "x" * 100_000)
    reply = app.client.post(
        "/twilio/sms", data=params, headers=signed(app.settings, "/twilio/sms", params)
    )
    assert reply.status_code == 413


def test_a_number_that_floods_is_told_once_and_kept_for_staff(app, rasa, engine):
    from channels.inbox import MAX_PER_WINDOW
    from channels.records import InboundStatus

    flood = "+8613800000009"
    for i in range(MAX_PER_WINDOW):
        app.sms(flood, f"第{i}条")
    handed = len(rasa.received)
    over = [app.sms(flood, f"多的{i}") for i in range(3)]
    assert over[0].status_code == 200 and "太快" in over[0].text
    assert "太快" not in over[1].text and "太快" not in over[2].text  # told once
    assert len(rasa.received) == handed  # not handed to the assistant
    with Session(engine) as session:
        kept = session.exec(
            select(Message.status).where(
                Message.conversation_id == flood, Message.text.like("多的%")
            )
        ).all()
    assert kept == [InboundStatus.limited.value] * 3  # stored, for staff


def test_a_message_the_assistant_hangs_on_never_blocks_the_number(app, rasa, engine):
    from channels.records import InboundStatus

    rasa.hang_on = "卡住的那条"
    poison = "+8613800000008"
    app.sms(poison, "卡住的那条")
    for _ in range(app.settings.max_message_tries + 1):
        app.replay()
    app.sms(poison, "申请")
    app.settle()
    assert "申请" in rasa.texts(poison)  # the next message was answered
    with Session(engine) as session:
        statuses = dict(
            session.exec(
                select(Message.text, Message.status).where(
                    Message.conversation_id == poison, Message.direction == "in"
                )
            ).all()
        )
    assert statuses == {"卡住的那条": InboundStatus.failed.value, "申请": "answered"}

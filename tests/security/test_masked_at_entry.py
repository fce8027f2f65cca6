"""Issue 13, finding 1: after an SMS application the `message` table held the full 身份证号,
and both `GET /api/cases/{id}` and the case page showed it. Through the signed /twilio/sms:
the assistant reads the words as sent; the store keeps them masked."""

from __future__ import annotations

from sqlmodel import Session, select

from channels.models import Message

PHONE = "+8613800000003"


def test_the_store_keeps_an_sms_masked_and_the_assistant_reads_it_whole(app, rasa, engine):
    assert app.sms(PHONE, "李小红 500236197803124419").status_code == 200
    assert rasa.received[-1]["message"] == "李小红 500236197803124419"
    with Session(engine) as session:
        [stored] = session.exec(select(Message).where(Message.direction == "in")).all()
    assert stored.text == "李小红 500236********4419"
    assert "197803124419" not in stored.text_encrypted


def test_a_number_with_spaces_is_masked_too(app, engine):
    app.sms(PHONE, "500236 19811105 6624")
    with Session(engine) as session:
        texts = session.exec(select(Message.text).where(Message.direction == "in")).all()
    assert texts == ["500236********6624"]

"""POST /twilio/status: Twilio's delivery reports, signed; a status never moves backwards."""

from __future__ import annotations

import pytest
from sqlmodel import Session

from channels import outbox
from channels.models import OutboundMessage, OutboxStatus
from tests.twilio_fakes import ChannelApp, channel_settings


@pytest.fixture
def app(settings, engine):
    with ChannelApp(channel_settings(settings), engine) as app:
        yield app


@pytest.fixture
def message_id(engine) -> int:
    with Session(engine) as session:
        message = outbox.enqueue(session, to_number="+8613800000001", body="您好")
        session.commit()
        outbox.claim_due(session)
        outbox.mark_sent(session, outbox_id=message.id, twilio_sid="SM" + "a" * 32)
        return message.id


def status_of(engine, message_id: int) -> OutboxStatus:
    with Session(engine) as session:
        return session.get(OutboundMessage, message_id).status


def report(app, message_id: int, status: str, **extra: str):
    params = {
        "MessageSid": "SM" + "a" * 32,
        "MessageStatus": status,
        "AccountSid": "AC" + "1" * 32,
        **extra,
    }
    return app.post(f"/twilio/status?outbox={message_id}", params)


def test_delivery_reports_move_the_status_forward_only(app, engine, message_id):
    assert report(app, message_id, "sent").status_code == 204
    assert status_of(engine, message_id) == OutboxStatus.sent
    assert report(app, message_id, "delivered").status_code == 204
    assert status_of(engine, message_id) == OutboxStatus.delivered
    # Reports arrive out of order: a late "sent" or "sending" does not undo "delivered".
    for late in ("sent", "sending", "queued", "undelivered"):
        assert report(app, message_id, late).status_code == 204
        assert status_of(engine, message_id) == OutboxStatus.delivered


def test_a_failed_delivery_keeps_twilio_s_error_code(app, engine, message_id):
    report(app, message_id, "undelivered", ErrorCode="30003")
    with Session(engine) as session:
        row = session.get(OutboundMessage, message_id)
        assert (row.status, row.error) == (OutboxStatus.undelivered, "30003")


def test_unsigned_reports_are_refused(app, engine, message_id):
    params = {"MessageSid": "SM" + "a" * 32, "MessageStatus": "failed"}
    response = app.client.post(f"/twilio/status?outbox={message_id}", data=params)
    assert response.status_code == 403
    assert status_of(engine, message_id) == OutboxStatus.sent

"""Reading what POST /twilio/sms answered and stored, for the SMS channel's API tests."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from sqlmodel import Session, col, select

from channels.models import Message, OutboundMessage

PHONE = "+8613800000001"


def replies(response) -> list[str]:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/xml")
    root = ET.fromstring(response.text)
    assert root.tag == "Response"
    return [message.text for message in root.findall("Message")]


def outbox_rows(engine, phone: str = PHONE) -> list[OutboundMessage]:
    with Session(engine) as session:
        return list(
            session.exec(
                select(OutboundMessage)
                .where(OutboundMessage.to_number == phone)
                .order_by(col(OutboundMessage.id))
            ).all()
        )


def inbound(engine, phone: str = PHONE) -> list[Message]:
    with Session(engine) as session:
        return list(
            session.exec(
                select(Message)
                .where(Message.conversation_id == phone, Message.direction == "in")
                .order_by(col(Message.id))
            ).all()
        )

"""POST /twilio/sms: a resident's text message. Stored first, deduplicated by MessageSid,
keywords answered here (退订 / 订阅 / 帮助), the rest handed to the assistant; its replies
come back as TwiML <Message>s when it answers within the deadline, else by the outbox."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from twilio.twiml.messaging_response import MessagingResponse

from api import limits, twilio_forms
from api.deps import TwilioParams
from channels import inbox, wording
from channels.handover import ChannelService
from core.phones import conversation_id

router = APIRouter(tags=["twilio"])


def twiml_messages(texts: list[str]) -> Response:
    response = MessagingResponse()
    for text in texts:
        response.message(text)
    return Response(content=str(response), media_type="application/xml")


@router.post(
    "/twilio/sms",
    summary="Twilio's incoming-SMS webhook (signed)",
    openapi_extra=twilio_forms.SMS,
)
async def incoming_sms(request: Request, params: TwilioParams) -> Response:
    channels: ChannelService = request.app.state.channels
    settings = channels.settings
    phone = conversation_id(limits.required(params, "From"))
    received = await channels.db(
        inbox.receive,
        external_id=limits.required(params, "MessageSid", "SmsSid"),
        phone=phone,
        text=limits.message_body(params),
        channel="sms",
        reply_via=inbox.ReplyVia.twiml,
        helpline=settings.helpline_number,
        cipher=channels.cipher,
    )
    if not received.pending:
        return twiml_messages(received.texts)
    outcome = await channels.wait_for_reply(
        message_id=received.message_id, phone=phone, deadline=settings.sms_reply_deadline
    )
    if isinstance(outcome, list):
        return twiml_messages(outcome)
    # Down or slow: the message stays pending; its replies go by the outbox.
    texts = await channels.give_up(message_id=received.message_id, notice=wording.OUTAGE_NOTICE)
    return twiml_messages(texts)

"""POST /twilio/status: Twilio's delivery reports for the outbox; a status never moves back."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from api import limits, twilio_forms
from api.deps import TwilioParams
from channels.outbox import record_status

router = APIRouter(tags=["twilio"])


@router.post(
    "/twilio/status",
    status_code=204,
    summary="Twilio's message status callback (signed)",
    openapi_extra=twilio_forms.STATUS,
)
async def message_status(
    request: Request, params: TwilioParams, outbox: int | None = None
) -> Response:
    await request.app.state.channels.db(
        record_status,
        twilio_status=params.get("MessageStatus") or params.get("SmsStatus") or "",
        outbox_id=limits.stored_id(outbox, "outbox message"),
        twilio_sid=params.get("MessageSid") or params.get("SmsSid"),
        error=params.get("ErrorCode"),
    )
    return Response(status_code=204)

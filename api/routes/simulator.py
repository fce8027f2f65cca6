"""/simulator: text the assistant as any phone number without a Twilio account. The page's
messages go through the real POST /twilio/sms webhook, signed as Twilio signs them, and the
page shows what the number would receive: TwiML replies and, later, the outbox. Mounted
only outside production."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Annotated

import httpx
from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from sqlmodel import Session, col, select

from api.errors import unprocessable
from api.limits import MAX_ID
from api.shapes import OutboxItem, SimulatedText
from channels.models import OutboundMessage
from channels.signature import public_url, sign
from core.phones import conversation_id

router = APIRouter(prefix="/simulator", tags=["simulator"])
templates = Jinja2Templates(directory=Path(__file__).resolve().parent.parent / "templates")


@router.get("", response_class=HTMLResponse, include_in_schema=False)
def page(request: Request) -> HTMLResponse:
    settings = request.app.state.settings
    return templates.TemplateResponse(
        request, "simulator.html", {"helpline": settings.helpline_number}
    )


@router.post("/send", summary="Text the assistant as `phone`, through the signed SMS webhook")
async def send(request: Request, text: SimulatedText) -> dict:
    settings = request.app.state.settings
    phone = conversation_id(text.phone)
    if not phone.startswith("+"):
        unprocessable("body", "phone", "not a phone number")
    params = {
        "AccountSid": settings.twilio_account_sid or "AC" + "0" * 32,
        "MessageSid": "SM" + uuid.uuid4().hex,
        "From": phone,
        "To": settings.twilio_from_number or "+8602356000000",
        "Body": text.text,
        "NumMedia": "0",
    }
    url = public_url(settings, "/twilio/sms")
    transport = httpx.ASGITransport(app=request.app)
    async with httpx.AsyncClient(transport=transport, base_url=settings.public_base_url) as client:
        reply = await client.post(
            "/twilio/sms",
            data=params,
            headers={"X-Twilio-Signature": sign(settings, url, params)},
            timeout=settings.sms_reply_deadline + 10,
        )
    return {"phone": phone, "status": reply.status_code, "twiml": reply.text}


@router.get("/messages", response_model=list[OutboxItem], summary="What `phone` received")
def received(
    request: Request,
    phone: Annotated[str, Query(max_length=32)],
    after: Annotated[int, Query(ge=0, le=MAX_ID, description="the last outbox id seen")] = 0,
) -> list[OutboxItem]:
    with Session(request.app.state.engine) as session:
        rows = session.exec(
            select(OutboundMessage)
            .where(
                OutboundMessage.to_number == conversation_id(phone),
                OutboundMessage.id > after,
            )
            .order_by(col(OutboundMessage.id))
        ).all()
    return [
        OutboxItem(id=row.id, body=row.body, status=row.status.value, via=row.via, error=row.error)
        for row in rows
    ]

"""/simulator: text the assistant as any phone number without a Twilio account, or speak as a
WeChat follower without a 公众号. The page's messages go through the real webhooks — POST
/twilio/sms signed as Twilio signs, POST /wechat signed (and in safe mode encrypted) as
WeChat does — and the page shows what the resident would receive: TwiML or passive replies
and, later, the outbox (SMS, 客服消息). Mounted only outside production."""

from __future__ import annotations

import hashlib
import time
import uuid
from pathlib import Path
from typing import Annotated
from urllib.parse import urlencode

import httpx
from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from sqlmodel import Session, col, select

from api.errors import unprocessable
from api.limits import MAX_ID
from api.shapes import OutboxItem, SimulatedText, SimulatedWechat
from channels.models import OutboundMessage
from channels.signature import public_url, sign
from channels.wechat import followers
from channels.wechat.signature import crypto, new_nonce, signing_token
from core.phones import conversation_id
from core.security import IdentityCipher

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


# -- WeChat -----------------------------------------------------------------------------------

ACCOUNT = "gh_simulator"


def simulated_openid(user: str) -> str:
    """A stable OpenID-like id (28 characters) for the simulated follower `user`."""
    return "o" + hashlib.sha256(user.encode()).hexdigest()[:27]


def _wechat_xml(openid: str, message: SimulatedWechat) -> str:
    head = (f"<xml><ToUserName><![CDATA[{ACCOUNT}]]></ToUserName>"
            f"<FromUserName><![CDATA[{openid}]]></FromUserName><CreateTime>{int(time.time())}</CreateTime>")  # fmt: skip
    msg_id = str(uuid.uuid4().int % 10**18)
    text = message.text.replace("]]>", "")
    if message.kind == "subscribe":
        return (
            head + "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[subscribe]]></Event></xml>"
        )
    if message.kind == "voice":
        return (head + "<MsgType><![CDATA[voice]]></MsgType><MediaId><![CDATA[sim]]></MediaId>"
                f"<Format><![CDATA[amr]]></Format><Recognition><![CDATA[{text}]]></Recognition>"
                f"<MsgId>{msg_id}</MsgId></xml>")  # fmt: skip
    return (head + f"<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[{text}]]></Content>"
            f"<MsgId>{msg_id}</MsgId></xml>")  # fmt: skip


@router.post("/wechat/send", summary="Speak as a WeChat follower, through the signed /wechat")
async def wechat_send(request: Request, message: SimulatedWechat) -> dict:
    settings = request.app.state.settings
    if message.kind != "subscribe" and not message.text.strip() and message.kind == "text":
        unprocessable("body", "text", "empty")
    token = signing_token(settings) or ""
    openid = simulated_openid(message.user)
    timestamp, nonce = str(int(time.time())), new_nonce()
    query = {"timestamp": timestamp, "nonce": nonce, "openid": openid,
             "signature": hashlib.sha1("".join(sorted([token, timestamp, nonce])).encode()).hexdigest()}  # fmt: skip
    body = _wechat_xml(openid, message)
    cipher = crypto(settings)
    if cipher is not None:  # safe mode: encrypted and signed as WeChat does
        sealed = cipher.encrypt_message(body, nonce, timestamp)
        signature = sealed.split("<MsgSignature><![CDATA[", 1)[1].split("]]>", 1)[0]
        query |= {"encrypt_type": "aes", "msg_signature": signature}
        body = sealed
    transport = httpx.ASGITransport(app=request.app)
    async with httpx.AsyncClient(transport=transport, base_url=settings.public_base_url) as client:
        reply = await client.post(f"/wechat?{urlencode(query)}", content=body.encode(),
                                  timeout=settings.wechat_reply_deadline + 10)  # fmt: skip
    text = ""
    if reply.status_code == 200 and reply.text:
        xml = reply.text
        if cipher is not None:
            field = lambda a, b: xml.split(a, 1)[1].split(b, 1)[0]  # noqa: E731
            xml = cipher.decrypt_message(xml, field("<MsgSignature><![CDATA[", "]]>"),
                                         field("<TimeStamp>", "</TimeStamp>"),
                                         field("<Nonce><![CDATA[", "]]>"))  # fmt: skip
        if "<Content><![CDATA[" in xml:
            text = xml.split("<Content><![CDATA[", 1)[1].split("]]></Content>", 1)[0]
    return {"user": message.user, "status": reply.status_code, "reply": text}


@router.get("/wechat/messages", response_model=list[OutboxItem],
            summary="What the simulated follower `user` received by 客服消息")  # fmt: skip
def wechat_received(
    request: Request,
    user: Annotated[str, Query(min_length=1, max_length=32)],
    after: Annotated[int, Query(ge=0, le=MAX_ID, description="the last outbox id seen")] = 0,
) -> list[OutboxItem]:
    cipher = IdentityCipher(request.app.state.settings.data_key)
    conversation = followers.conversation_of(followers.openid_hash(cipher, simulated_openid(user)))
    with Session(request.app.state.engine) as session:
        rows = session.exec(
            select(OutboundMessage)
            .where(
                OutboundMessage.conversation_id == conversation,
                OutboundMessage.id > after,
                OutboundMessage.channel == "wechat",
                OutboundMessage.via.is_(None),
            )  # fmt: skip
            .order_by(col(OutboundMessage.id))
        ).all()
    return [
        OutboxItem(id=row.id, body=row.body, status=row.status.value, via=row.via, error=row.error)
        for row in rows
    ]

"""The domestic SMS carrier's HTTP push (Aliyun 消息回执, configured in its console):
POST /aliyun/sms/report — delivery receipts (SmsReport) — and POST /aliyun/sms/reply —
replies by SMS (上行, SmsUp). Aliyun signs neither: the URL it is given carries
ALIYUN_CALLBACK_TOKEN (403 otherwise; without it the callbacks are off). Each answers
Aliyun's `{"code": 0}` at once — within its 700 ms — and the work that can wait (linking a
reply to the resident's case) runs after the answer."""

from __future__ import annotations

import hmac
import json
import logging
from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, HTTPException, Query, Request
from sqlmodel import Session

from api.errors import RequestRefused, problem
from cases.casefile import link_reply
from channels.handover import ChannelService
from channels.notices import callbacks
from channels.wechat import followers
from core.security import IdentityCipher

log = logging.getLogger(__name__)
router = APIRouter(prefix="/aliyun/sms", tags=["aliyun"])
Token = Annotated[str, Query(max_length=128, description="ALIYUN_CALLBACK_TOKEN")]
RECEIVED = {"code": 0, "msg": "接收成功"}


async def _items(request: Request, token: str) -> object:
    expected = request.app.state.settings.aliyun_callback_token
    if not (expected and token and hmac.compare_digest(token.encode(), expected.encode())):
        log.warning("rejected SMS carrier callback to %s (from %s)", request.url.path,
                    request.client.host if request.client else "?")  # fmt: skip
        raise HTTPException(403, detail="Invalid callback token")
    try:
        return json.loads(await request.body())
    except ValueError:
        raise RequestRefused(400, [problem("body", None, "not JSON")]) from None


def _refused(error: callbacks.Unreadable) -> RequestRefused:
    return RequestRefused(400, [problem("body", error.field, str(error))])


def _skipped(request: Request, problems: list[str]) -> None:
    """Items of a batch that could not be read: left out and logged (the rest is stored;
    refusing the batch would make Aliyun push it again and again)."""
    if problems:
        log.warning("SMS carrier push to %s: %d items left out (%s)", request.url.path,
                    len(problems), "; ".join(problems[:5]))  # fmt: skip


@router.post("/report", summary="Delivery receipts of template SMS (the carrier's push)")
async def delivery_reports(request: Request, token: Token = "") -> dict:
    channels: ChannelService = request.app.state.channels
    try:
        reports, problems = callbacks.read_reports(await _items(request, token))
    except callbacks.Unreadable as error:
        raise _refused(error) from None
    _skipped(request, problems)
    await channels.db(callbacks.record_reports, reports=reports)
    return RECEIVED


@router.post("/reply", summary="Replies by SMS to our notices (上行, the carrier's push)")
async def sms_replies(request: Request, background: BackgroundTasks, token: Token = "") -> dict:
    channels: ChannelService = request.app.state.channels
    try:
        replies, problems = callbacks.read_replies(await _items(request, token))
    except callbacks.Unreadable as error:
        raise _refused(error) from None
    _skipped(request, problems)
    stored = await channels.db(callbacks.store_replies, replies=replies, cipher=channels.cipher)
    if stored:  # after the answer, in one transaction for the batch
        background.add_task(channels.db, _link_all, stored=stored, cipher=channels.cipher)
    return RECEIVED


def _link_all(session: Session, *, stored: list[tuple[int, str]], cipher: IdentityCipher) -> None:
    """Each reply joins the newest case of its number (the applicant's phone, or the WeChat
    conversation of a follower linked to it)."""
    for message_id, phone in stored:
        follower = followers.by_phone(session, phone=phone, cipher=cipher)
        link_reply(session, message_id=message_id, phone=phone,
                   conversations=[follower.conversation_id] if follower else [])  # fmt: skip
    session.commit()

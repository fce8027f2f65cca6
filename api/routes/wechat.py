"""GET /wechat (WeChat's server check) and POST /wechat (a follower's messages and events),
the 公众号's 服务器配置. Every request is signed with WECHAT_TOKEN (403 otherwise); in safe
mode the body is decrypted and the reply encrypted (`channels.wechat.signature`).

A text or a voice message (its `Recognition`) is stored first, once per MsgId, and handed
to the assistant like an SMS; the reply goes back as the passive reply when it is ready
within WECHAT_REPLY_DEADLINE (WeChat waits 5 s), else the answer is the empty string at once
and the reply goes by 客服消息 through the outbox. WeChat retries a request it got no answer
to (three times): a retried MsgId is never a second turn — it waits for the same reply, or
gets the reply that went, or the empty string. 关注 is greeted; 取消关注 is the follower's
退订. A phone number said in the conversation links the follower to it."""

from __future__ import annotations

import logging
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request, Response
from fastapi.responses import PlainTextResponse

from api import limits
from api.errors import RequestRefused, problem
from channels import answers, inbox, wording
from channels.handover import FAILED, ChannelService
from channels.wechat import followers
from channels.wechat.messages import Incoming, passive_reply, read
from channels.wechat.signature import Refused, Unreadable, check, open_body, seal_reply
from core.masking import mobile_numbers
from core.settings import Settings

log = logging.getLogger(__name__)
router = APIRouter(tags=["wechat"])
Param = Annotated[str, Query(max_length=128)]


def _refuse(request: Request, reason: str) -> HTTPException:
    log.warning("rejected WeChat request to %s: %s (from %s)", request.url.path, reason,
                request.client.host if request.client else "?")  # fmt: skip
    return HTTPException(403, detail="Invalid WeChat signature")


@router.get("/wechat", summary="WeChat's server check (signed): echoes echostr",
            response_class=PlainTextResponse)  # fmt: skip
async def server_check(
    request: Request, signature: Param = "", timestamp: Param = "", nonce: Param = "",
    echostr: Param = "",
) -> PlainTextResponse:  # fmt: skip
    try:
        check(request.app.state.settings, signature=signature, timestamp=timestamp, nonce=nonce)
    except Refused as error:
        raise _refuse(request, str(error)) from None
    return PlainTextResponse(echostr)


@router.post("/wechat", summary="A WeChat follower's message or event (signed)")
async def incoming(
    request: Request, signature: Param = "", timestamp: Param = "", nonce: Param = "",
    openid: Param = "", encrypt_type: Param = "", msg_signature: Param = "",
) -> Response:  # fmt: skip
    channels: ChannelService = request.app.state.channels
    settings = channels.settings
    try:
        check(settings, signature=signature, timestamp=timestamp, nonce=nonce)
        xml = open_body(settings, await request.body(), encrypt_type=encrypt_type,
                        msg_signature=msg_signature, timestamp=timestamp, nonce=nonce)  # fmt: skip
        message = read(xml)
    except Refused as error:
        raise _refuse(request, str(error)) from None
    except Unreadable as error:
        raise RequestRefused(400, [problem("body", error.field, str(error))]) from None
    text = await _answer(channels, message)

    def reply(words: str) -> Response:
        if not words:
            return PlainTextResponse("")
        sealed = seal_reply(settings, passive_reply(message, words), nonce=nonce,
                            timestamp=timestamp)  # fmt: skip
        return Response(content=sealed, media_type="application/xml")

    return reply(text)


async def _answer(channels: ChannelService, message: Incoming) -> str:
    """The passive reply's words, or "" (nothing now: any reply goes by 客服消息)."""
    settings = channels.settings
    helpline = settings.helpline_number
    if message.kind in ("subscribe", "unsubscribe"):
        subscribed = message.kind == "subscribe"
        await channels.db(followers.seen, openid=message.openid, cipher=channels.cipher,
                          subscribed=subscribed, message=subscribed)  # fmt: skip
        return wording.WECHAT_GREETING.format(helpline=helpline) if subscribed else ""
    if message.kind == "event":
        return ""  # menu clicks, scans …: nothing to say
    follower = await channels.db(followers.seen, openid=message.openid, cipher=channels.cipher)
    if message.kind == "other":
        return wording.WECHAT_UNSUPPORTED.format(helpline=helpline)
    if not message.text:  # a voice message WeChat did not recognise, or an empty text
        return wording.WECHAT_VOICE_UNHEARD.format(helpline=helpline)
    numbers = mobile_numbers(message.text)
    if len(numbers) == 1:
        await channels.db(followers.link_phone, conversation_id=follower.conversation_id,
                          phone=numbers[0], cipher=channels.cipher)  # fmt: skip
    received = await channels.db(
        inbox.receive,
        external_id=f"wx:{message.dedupe_key}",
        phone=follower.conversation_id,
        text=_bounded(message.text),
        channel="wechat" if message.kind == "text" else "wechat_voice",
        reply_via=inbox.ReplyVia.wechat,
        helpline=helpline,
        cipher=channels.cipher,
    )
    if received.duplicate:
        status, texts = await channels.db(answers.reply_state, message_id=received.message_id)
        if texts or status != inbox.InboundStatus.pending.value:
            return "\n\n".join(texts)
        if not await channels.db(answers.still_live, message_id=received.message_id):
            return ""  # the reply already goes by 客服消息
    elif not received.pending:
        return "\n\n".join(received.texts)
    return await _wait(channels, settings, message_id=received.message_id,
                       conversation_id=follower.conversation_id)  # fmt: skip


async def _wait(
    channels: ChannelService, settings: Settings, *, message_id: int, conversation_id: str
) -> str:
    outcome = await channels.wait_for_reply(
        message_id=message_id, phone=conversation_id, deadline=settings.wechat_reply_deadline
    )
    if isinstance(outcome, list):
        return "\n\n".join(outcome)
    # Slow, or the assistant is down: answer now; the reply goes by 客服消息 (and, when the
    # assistant is down, one notice that we will reply later).
    notice = wording.WECHAT_OUTAGE_NOTICE if outcome == FAILED else None
    return "\n\n".join(await channels.give_up(message_id=message_id, notice=notice))


def _bounded(text: str) -> str:
    return text[: limits.MAX_BODY_CHARS] + (
        limits.TRUNCATED if len(text) > limits.MAX_BODY_CHARS else ""
    )

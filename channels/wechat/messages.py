"""A WeChat request's XML read into what the channel needs (文本、语音、关注/取消关注 …),
and the passive reply (被动回复) built, both with wechatpy."""

from __future__ import annotations

from dataclasses import dataclass

from wechatpy import parse_message
from wechatpy.replies import TextReply

from channels.wechat.signature import Unreadable

MAX_ID = 64  # an OpenID is 28 characters
MAX_MSG_ID = 32  # a MsgId is a 64-bit number: at most 20 digits


@dataclass(frozen=True)
class Incoming:
    kind: str  # "text", "voice", "subscribe", "unsubscribe", "other"
    openid: str  # FromUserName
    account: str  # ToUserName: our 公众号's original id
    dedupe_key: str  # MsgId, or FromUserName + CreateTime for an event (WeChat's advice)
    text: str = ""  # the words: a text's Content, a voice's Recognition (may be empty)


def read(xml: str) -> Incoming:
    """The message of a (decrypted) WeChat request; Unreadable naming what is wrong."""
    try:
        message = parse_message(xml)
    except Exception as error:  # noqa: BLE001 - any fault of an untrusted body is a 400
        raise Unreadable("body", f"not a WeChat message ({type(error).__name__})") from None
    if message is None:
        raise Unreadable("body", "not a WeChat message")
    openid, account = str(message.source or ""), str(message.target or "")
    if not openid:
        raise Unreadable("FromUserName", "required")
    if len(openid) > MAX_ID or len(account) > MAX_ID:
        raise Unreadable("FromUserName", f"at most {MAX_ID} characters")
    msg_id = str(getattr(message, "id", None) or "")
    if len(msg_id) > MAX_MSG_ID:
        raise Unreadable("MsgId", f"at most {MAX_MSG_ID} characters")
    key = msg_id if msg_id and msg_id != "None" else f"{openid}:{message.create_time}"
    kind = message.type
    if kind == "text":
        return Incoming("text", openid, account, key, (message.content or "").strip())
    if kind == "voice":
        return Incoming("voice", openid, account, key, (message.recognition or "").strip())
    if kind == "event" and message.event in ("subscribe", "unsubscribe"):
        return Incoming(message.event, openid, account, key)
    return Incoming("other" if kind != "event" else "event", openid, account, key)


def passive_reply(incoming: Incoming, text: str) -> str:
    """The XML of a text reply to `incoming` (ToUserName and FromUserName swapped)."""
    return TextReply(source=incoming.account, target=incoming.openid, content=text).render()

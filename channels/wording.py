"""What residents read and hear on SMS, voice and WeChat (短信、电话、微信): replies
cut into SMS-sized segments (one WeChat message), buttons as numbered choices, the opt-out
and help keywords, and the channels' own Simplified Chinese notices. Pure functions, no I/O."""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

# A UCS-2 SMS holds 70 characters alone, 67 per part of a concatenated message.
SMS_SINGLE = 70
SMS_SEGMENT = 67
# Where a long reply may be cut, best first: lines, sentences, clauses.
BOUNDARIES = ("\n", "。！？!?", "；;", "，,、：:")
CLOSERS = "”’」』）)\"'"

OUTAGE_NOTICE = "收到您的短信，我们稍后回复。"
TOO_FAST_NOTICE = "您发得太多太快了，请过十分钟再发。急事请拨{helpline}。"
STOPPED_NOTICE = "您已退订，本号码不会再收到我们的短信。如需恢复，请回复“订阅”。"
STARTED_NOTICE = "已恢复接收短信。要申请低保，请回复“申请”。"
HELP_NOTICE = "这里是奉节县低保申请助手，发短信就能申请农村低保。人工咨询请拨{helpline}。回复“退订”不再接收短信。"
CHOICE_HINT = "（回复数字即可）"

WECHAT_GREETING = (
    "您好，这里是奉节县低保申请助手。发文字或语音就能申请农村低保、问政策。人工咨询请拨{helpline}。"
)
WECHAT_VOICE_UNHEARD = "不好意思，这条语音没听清。请打字发给我，或拨打{helpline}。"
WECHAT_UNSUPPORTED = "目前只能看懂文字和语音。请打字或发语音，人工咨询请拨{helpline}。"
WECHAT_OUTAGE_NOTICE = "收到您的消息，系统有点忙，我们稍后回复。"
# WeChat's text message holds 2,048 bytes of UTF-8 (about 680 Chinese characters); a reply
# longer is cut there (the assistant's replies, written for SMS, are far shorter).
WECHAT_MAX_BYTES = 2048

VOICE_GREETING = "您好，这里是奉节县低保申请助手。请说您要办的事，比如：申请低保。也可以按键回答，按完请按井号键。"
VOICE_RESUME = "您好，这里是奉节县低保申请助手，我们接着上次的来。"
VOICE_NOT_HEARD = "不好意思，没有听到您说话。"
VOICE_GOODBYE = "一直没有听到您的声音，我们先挂断了。您可以随时再打来，或者发短信给我们。再见！"
VOICE_WAIT = "好的，请稍等。"
VOICE_LATER = "系统有点忙，您的话已经记下了，稍后我们用短信回复您。再见！"
VOICE_DOWN = "系统正在维护，您的话已经记下了，稍后我们用短信回复您。再见！"


class Command(str, enum.Enum):
    """Keywords the channel answers itself, without the assistant."""

    stop = "stop"  # 退订
    start = "start"  # 订阅
    help = "help"  # 帮助


KEYWORDS = {
    Command.stop: {"退订", "TD", "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"},
    Command.start: {"订阅", "恢复订阅", "START", "UNSTOP"},
    Command.help: {"帮助", "HELP", "INFO"},
}


def _plain(text: str) -> str:
    """Full-width to half-width, upper case, without surrounding spaces and end punctuation."""
    return unicodedata.normalize("NFKC", text or "").strip().upper().strip(" 。.！!～~")


def command(text: str) -> Command | None:
    """The keyword a whole message is, if it is one: 退订 / TD / STOP, 订阅 / START, 帮助 / HELP."""
    word = _plain(text)
    for kind, words in KEYWORDS.items():
        if word in words:
            return kind
    return None


def sms_length(text: str) -> int:
    """Characters as an SMS counts them (UTF-16 code units: an emoji counts twice)."""
    return len(text.encode("utf-16-le")) // 2


def _split_after(text: str, marks: str) -> list[str]:
    """`text` cut after each run of `marks` (and any closing quote that follows)."""
    pattern = f"[^{re.escape(marks)}]*(?:[{re.escape(marks)}]+[{re.escape(CLOSERS)}]*|$)"
    return [piece for piece in re.findall(pattern, text) if piece]


def _hard_split(text: str, limit: int) -> list[str]:
    pieces, current = [], ""
    for char in text:
        if current and sms_length(current + char) > limit:
            pieces.append(current)
            current = ""
        current += char
    return pieces + ([current] if current else [])


def _units(text: str, limit: int, levels: Sequence[str]) -> list[str]:
    """Pieces of at most `limit`, cut at the coarsest boundary that makes them fit."""
    if sms_length(text) <= limit:
        return [text]
    if not levels:
        return _hard_split(text, limit)
    return [
        unit for piece in _split_after(text, levels[0]) for unit in _units(piece, limit, levels[1:])
    ]


def segment(text: str, *, limit: int = SMS_SEGMENT, single: int = SMS_SINGLE) -> list[str]:
    """A reply as SMS segments, in order: one if it fits a single SMS (≤ 70), else pieces of at
    most 67 cut at line, sentence (。！？) or clause (；，) boundaries, mid-text only when a
    clause alone is longer than a segment."""
    text = text.strip()
    if not text:
        return []
    if sms_length(text) <= single:
        return [text]
    segments, current = [], ""
    for unit in _units(text, limit, BOUNDARIES):
        if current.strip() and sms_length(current + unit) > limit:
            segments.append(current.strip())
            current = unit.lstrip()
        else:
            current += unit
    if current.strip():
        segments.append(current.strip())
    return segments


def _buttons(reply: dict[str, Any]) -> list[dict[str, Any]]:
    return [button for button in reply.get("buttons") or [] if button.get("title")]


def choices_of(replies: Iterable[dict[str, Any]]) -> list[str] | None:
    """The payloads of the replies' buttons, numbered from 1 across the replies; None if none."""
    payloads = [
        button.get("payload") or button["title"] for reply in replies for button in _buttons(reply)
    ]
    return payloads or None


def _paragraphs(replies: Iterable[dict[str, Any]]) -> list[str]:
    """Each reply's text, its buttons as numbered lines (1. 是 / 2. 不是) counted across
    the replies; a reply with nothing to say gives ""."""
    paragraphs, number = [], 0
    for reply in replies:
        lines = [(reply.get("text") or "").strip()]
        buttons = _buttons(reply)
        for button in buttons:
            number += 1
            lines.append(f"{number}. {button['title']}")
        if buttons:
            lines.append(CHOICE_HINT)
        paragraphs.append("\n".join(line for line in lines if line))
    return paragraphs


def render_sms(replies: Iterable[dict[str, Any]]) -> list[str]:
    """Rasa's replies as SMS segments; buttons become numbered lines (1. 是 / 2. 不是)."""
    return [part for paragraph in _paragraphs(replies) for part in segment(paragraph)]


def render_wechat(replies: Iterable[dict[str, Any]]) -> str:
    """Rasa's replies as one WeChat message: paragraphs, buttons as numbered lines."""
    text = "\n\n".join(paragraph for paragraph in _paragraphs(replies) if paragraph)
    return text.encode()[:WECHAT_MAX_BYTES].decode(errors="ignore")


def spoken(text: str) -> str:
    """An SMS-worded reply said on the phone: "回" becomes "说", references letter by letter."""
    text = text.replace("请回“", "请说“").replace("请只回", "请只说").replace("回复“", "说“")
    text = re.sub(r"FJ[0-9A-Z]{6}", lambda match: " ".join(match.group(0)), text)
    text = text.replace(CHOICE_HINT, "请按数字键。")
    return re.sub(r"\n+", "。", text.strip()).replace("。。", "。")


def render_voice(replies: Iterable[dict[str, Any]]) -> str:
    """Rasa's replies as one thing to say; buttons become keypad choices (请按1，是)."""
    parts, number = [], 0
    for reply in replies:
        if reply.get("text"):
            parts.append(spoken(reply["text"].strip()))
        options = []
        for button in _buttons(reply):
            number += 1
            options.append(f"按{number}，{button['title']}")
        if options:
            parts.append("请" + "；".join(options) + "。")
    return "".join(part if part[-1] in "。！？，；" else part + "。" for part in parts if part)


CHINESE_DIGITS = {
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


def choice_payload(text: str, choices: Sequence[str] | None) -> str | None:
    """The payload a bare digit picks from the choices last offered (1 → first), else None."""
    if not choices:
        return None
    word = _plain(text).removesuffix("#")
    number = CHINESE_DIGITS.get(word) or (int(word) if word.isdigit() and len(word) <= 2 else 0)
    if 1 <= number <= len(choices):
        return choices[number - 1]
    return None

"""Notice templates (短信模板) as the domestic SMS carrier takes them: a text with ${name}
parameters, filled and checked before anything is sent. Pure functions, no I/O.

The carrier's rules, checked here (docs/channels.md): the signature 【…】 counts, a single
SMS holds 70 characters and each part of a longer one 67; a notice must fit one SMS; each
parameter is at most 35 characters (an Aliyun 通知 variable) and may not be empty; the
template names exactly the parameters given."""

from __future__ import annotations

import re
from dataclasses import dataclass

from channels.wording import SMS_SEGMENT, SMS_SINGLE, sms_length

PARAMETER = re.compile(r"\$\{([A-Za-z][A-Za-z0-9_]{0,24})\}")
MAX_PARAMETER = 35
MAX_SEGMENTS = 1  # every notice fits one SMS: old handsets show parts out of order


class NoticeKind:
    """The notices residents receive (通知), each a template of its own."""

    filed = "filed"  # 受理: the case's reference
    info_requested = "info_requested"  # 补充材料
    staff_question = "staff_question"  # 工作人员的问题
    approved = "approved"  # 审批: approved, class and review date
    rejected = "rejected"  # 不予批准
    review_reminder = "review_reminder"  # 复查提醒: the review (复查) begins
    review_no_reply = "review_no_reply"  # 复查未回复: reminded once
    exit = "exit"  # 退出低保, with the reason
    roster_cover = "roster_cover"  # 信息比对 应保未保: may qualify for 低保
    roster_register = "roster_register"  # 信息比对 应纳未纳: may qualify for 建档立卡
    roster_report = "roster_report"  # 信息比对 应退未退: report the household's changes
    wechat_reply_waiting = "wechat_reply_waiting"  # a reply waits on WeChat, past its window


KINDS = tuple(value for name, value in vars(NoticeKind).items() if not name.startswith("_"))


@dataclass(frozen=True)
class Filled:
    text: str  # the notice as the resident reads it, signature first
    segments: int


class NoticeProblem(ValueError):
    """Why a notice cannot go by template SMS (shown to staff on the outbox row)."""


def parameters_of(text: str) -> list[str]:
    """The ${names} of a template's text, in order."""
    return PARAMETER.findall(text)


def signature(sign_name: str) -> str:
    return f"【{sign_name}】"


def fill(text: str, params: dict[str, str]) -> str:
    """The template's text with its parameters; NoticeProblem naming one that is missing."""
    missing = [name for name in parameters_of(text) if not str(params.get(name) or "").strip()]
    if missing:
        raise NoticeProblem(f"parameter {missing[0]} missing")
    return PARAMETER.sub(lambda match: str(params[match.group(1)]).strip(), text)


def segments(text: str) -> int:
    """How many SMS the carrier bills for `text` (signature included)."""
    length = sms_length(text)
    return 1 if length <= SMS_SINGLE else -(-length // SMS_SEGMENT)


def check(text: str, params: dict[str, str], *, sign_name: str) -> Filled:
    """The notice filled and checked against the carrier's rules; NoticeProblem if not."""
    names = parameters_of(text)
    if len(set(names)) != len(names):
        raise NoticeProblem("a parameter appears twice in the template")
    for name in names:
        value = str(params.get(name) or "").strip()
        if sms_length(value) > MAX_PARAMETER:
            raise NoticeProblem(f"parameter {name} longer than {MAX_PARAMETER} characters")
    filled = signature(sign_name) + fill(text, params)
    count = segments(filled)
    if count > MAX_SEGMENTS:
        raise NoticeProblem(f"{sms_length(filled)} characters with the signature: over one SMS")
    return Filled(filled, count)


def template_params(text: str, params: dict[str, str]) -> dict[str, str]:
    """What the carrier is given: the template's own parameters only, as text."""
    return {name: str(params[name]).strip() for name in parameters_of(text)}

"""What residents are told in 动态管理, as notices (``cases.notices``, each a template): the
review's first question (复查提醒), its one reminder (复查未回复) and the exit (退出低保). On
WeChat in its window, or by Twilio, the notice carries the assistant's own words (the
review's question; the exit with how to ask for a re-check); by domestic SMS the approved
template, filled. Held until the quiet hours end (``core.quiet_hours``); a case whose
resident cannot be reached (no phone and no WeChat, or 退订 with no WeChat) gets none and
the caller records why."""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Session

from cases import notices
from cases.models import Case
from channels.models import OutboundMessage
from channels.outbox import is_opted_out
from channels.records import is_wechat
from channels.wechat.followers import continued_conversation
from core.database import utcnow
from core.quiet_hours import next_sending_time
from core.security import IdentityCipher
from core.settings import Settings
from policy.glossary import EXIT_REASONS

#: ``OutboundMessage.sent_by`` of these notices: not the assistant's replies, so the case
#: page shows them and ``cases.casefile.collect_replies`` links the answers to the case.
SENT_BY = "复查"

# The resident's words for each exit reason (short, plain: a template parameter, ≤ 35).
EXIT_WORDS = {
    "income_above_standard": "家里人均收入已超过低保标准",
    "member_died": "家里人口变化后已不符合条件",
    "moved_away": "已迁出奉节县",
    "by_request": "您本人申请退出",
    "ineligible_on_review": "复查后已不符合低保条件",
}
assert set(EXIT_WORDS) == set(EXIT_REASONS)

REVIEW_REMINDER = (
    "您好，您家低保复查（编号{reference}）还没收到回复。家里情况有变化吗？"
    "没变化请回“没变”，有变化请直接说。"
)


def exit_words(case: Case, *, reason: str, effective_on: date, helpline: str) -> str:
    """The exit as WeChat or Twilio carry it: the reason, the date, how to ask again."""
    window = f"{case.township}社会救助窗口" if case.township else "乡镇社会救助窗口"
    return (
        f"您好，您家低保（编号{case.reference}）从{notices.chinese_date(effective_on)}起停发，"
        f"原因：{EXIT_WORDS[reason]}。如有异议，可到{window}申请复核，"
        f"或打{helpline}。家里再有困难，可随时申请。"
    )


def why_unreachable(session: Session, case: Case) -> str | None:
    """None when the case's notices can reach the resident, else "no_phone" or "opted_out"
    (a number that opted out is still reached on WeChat, where 退订 is 取消关注)."""
    to = notices.recipient(session, case)
    if not to:
        return "no_phone"
    if is_wechat(to) or (case.conversation_id and is_wechat(case.conversation_id)):
        return None
    return "opted_out" if is_opted_out(session, phone=to) else None


def review_started(
    session: Session, case: Case, *, question: str, settings: Settings, now: datetime
) -> OutboundMessage | None:
    return notices.review_started(session, case, question=question, actor=SENT_BY,
                                  not_before=next_sending_time(now, settings))  # fmt: skip


def review_reminded(
    session: Session, case: Case, *, settings: Settings, now: datetime
) -> OutboundMessage | None:
    return notices.review_no_reply(session, case, actor=SENT_BY,
                                   body=REVIEW_REMINDER.format(reference=case.reference),
                                   not_before=next_sending_time(now, settings))  # fmt: skip


def exited(
    session: Session, case: Case, *, reason: str, effective_on: date, settings: Settings,
    actor: str,
) -> OutboundMessage | None:  # fmt: skip
    if why_unreachable(session, case):
        return None
    body = exit_words(case, reason=reason, effective_on=effective_on,
                      helpline=settings.helpline_number)  # fmt: skip
    return notices.exited(session, case, on=effective_on, reason=EXIT_WORDS[reason], actor=actor,
                          body=body, not_before=next_sending_time(utcnow(), settings))  # fmt: skip


def conversation_of(session: Session, case: Case, *, cipher: IdentityCipher) -> str | None:
    """The conversation the review goes on in: the resident's (a phone a WeChat follower
    linked goes on in the follower's), else the one the case was filed from."""
    to = notices.recipient(session, case)
    return continued_conversation(session, conversation_id=to, cipher=cipher) if to else None

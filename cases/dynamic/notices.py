"""What residents are told in 动态管理, and how: short Simplified Chinese SMS through the
outbox, cut into segments of at most 67 characters (``channels.wording.segment``), held
until the quiet hours end (``core.quiet_hours``), never to a number that opted out (退订)."""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Session

from cases.models import Applicant, Case
from channels.models import OutboundMessage
from channels.outbox import enqueue, is_opted_out
from channels.wording import segment
from core.database import utcnow
from core.quiet_hours import next_sending_time
from core.settings import Settings
from policy.glossary import EXIT_REASONS

#: ``OutboundMessage.sent_by`` of these notices: not the assistant's replies, so the case
#: page shows them and ``cases.casefile.collect_replies`` links the answers to the case.
SENT_BY = "复查"

# The resident's words for each exit reason (short, plain).
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


def chinese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def exit_notice(case: Case, *, reason: str, effective_on: date, helpline: str) -> str:
    window = f"{case.township}社会救助窗口" if case.township else "乡镇社会救助窗口"
    return (
        f"您好，您家低保（编号{case.reference}）从{chinese_date(effective_on)}起停发，"
        f"原因：{EXIT_WORDS[reason]}。如有异议，可到{window}申请复核，"
        f"或打{helpline}。家里再有困难，可随时申请。"
    )


def reachable_phone(session: Session, case: Case) -> tuple[str | None, str | None]:
    """(the applicant's phone, None) or (None, why not: "no_phone" | "opted_out")."""
    applicant = session.get(Applicant, case.applicant_id)
    phone = applicant.phone if applicant else None
    if not phone:
        return None, "no_phone"
    if is_opted_out(session, phone=phone):
        return None, "opted_out"
    return phone, None


def send(
    session: Session, case: Case, *, body: str, settings: Settings, now: datetime | None = None,
    sent_by: str = SENT_BY,
) -> list[OutboundMessage]:  # fmt: skip
    """Queue ``body`` to the case's applicant, outside the quiet hours; [] when there is no
    phone or the number opted out (the caller records why)."""
    phone, _why = reachable_phone(session, case)
    if phone is None:
        return []
    at = next_sending_time(now or utcnow(), settings)
    messages = []
    for text in segment(body):
        message = enqueue(session, to_number=phone, body=text, case_id=case.id,
                          conversation_id=phone, sent_by=sent_by)  # fmt: skip
        message.next_attempt_at = at
        session.add(message)
        messages.append(message)
    session.flush()
    return messages

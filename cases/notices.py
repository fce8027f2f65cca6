"""The notices a case sends its applicant (通知), each a template with named parameters
(`channels.notices`): filed with its reference (受理), 补充材料, a staff question, the
decision (审批 / 不予批准), the review reminder (复查提醒) and the exit notice (退出低保).
They join the caller's transaction as outbox rows; the way each goes (WeChat in its
window, template SMS, Twilio) is chosen when it is sent. Keyword-only; never commits."""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Session

from cases.models import Applicant, Case, CaseStatus
from channels.models import OutboundMessage
from channels.notices.store import enqueue_notice
from channels.notices.templates import NoticeKind
from core.settings import get_settings


def chinese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _send(
    session: Session, case: Case, kind: str, *, actor: str, body: str | None = None,
    not_before: datetime | None = None, **params: str,
) -> OutboundMessage | None:  # fmt: skip
    """Queue `kind` to the case's applicant: their phone, else the WeChat conversation the
    case was filed from; None when neither is known."""
    to = recipient(session, case)
    if not to:
        return None
    params.setdefault("township", case.township)
    params.setdefault("helpline", get_settings().helpline_number)
    return enqueue_notice(session, kind=kind, to=to, params=params, case_id=case.id,
                          conversation_id=case.conversation_id, sent_by=actor, body=body,
                          not_before=not_before)  # fmt: skip


def recipient(session: Session, case: Case) -> str | None:
    """Where the case's notices go: the applicant's phone, else its WeChat conversation."""
    applicant = session.get(Applicant, case.applicant_id)
    return (applicant.phone if applicant else None) or case.conversation_id


def filed(session: Session, case: Case) -> OutboundMessage | None:
    """受理: the application is filed, with its reference."""
    return _send(session, case, NoticeKind.filed, actor="assistant", reference=case.reference)


def step_taken(session: Session, case: Case, *, actor: str) -> OutboundMessage | None:
    """The notice of the step a case has just taken, if that step has one."""
    if case.status == CaseStatus.approved:
        return _send(session, case, NoticeKind.approved, actor=actor, reference=case.reference,
                     klass=case.dibao_class or "", review_on=chinese_date(case.next_review_on))  # fmt: skip
    if case.status == CaseStatus.rejected:
        return _send(session, case, NoticeKind.rejected, actor=actor, reference=case.reference)
    if case.status == CaseStatus.info_requested:
        return _send(session, case, NoticeKind.info_requested, actor=actor,
                     reference=case.reference)  # fmt: skip
    return None


def staff_question(session: Session, case: Case, *, question: str, actor: str):
    """A question from the township window, as the applicant reads it."""
    return _send(session, case, NoticeKind.staff_question, actor=actor, question=question,
                 reference=case.reference)  # fmt: skip


def exited(
    session: Session, case: Case, *, on: date, reason: str, actor: str, body: str | None = None,
    not_before: datetime | None = None,
) -> OutboundMessage | None:  # fmt: skip
    """退出低保: the household leaves 低保 from `on`, for `reason` (plain words)."""
    return _send(session, case, NoticeKind.exit, actor=actor, date=chinese_date(on),
                 reason=reason, body=body, not_before=not_before)  # fmt: skip


def review_started(
    session: Session, case: Case, *, question: str, actor: str, not_before: datetime | None = None
) -> OutboundMessage | None:
    """复查提醒: the review begins. On WeChat or by Twilio the assistant's first question of
    the review conversation; by template SMS the reminder of the review date."""
    review_on = chinese_date(case.next_review_on) if case.next_review_on else "近期"
    return _send(session, case, NoticeKind.review_reminder, actor=actor, body=question,
                 not_before=not_before, review_on=review_on)  # fmt: skip


def review_no_reply(
    session: Session, case: Case, *, actor: str, body: str | None = None,
    not_before: datetime | None = None,
) -> OutboundMessage | None:  # fmt: skip
    """The review had no answer: reminded once."""
    return _send(session, case, NoticeKind.review_no_reply, actor=actor, body=body,
                 not_before=not_before, reference=case.reference)  # fmt: skip

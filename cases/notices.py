"""The notices a case sends its applicant (通知), each a template with named parameters
(`channels.notices`): filed with its reference (受理), 补充材料, a staff question, the
decision (审批 / 不予批准), the review reminder (复查提醒) and the exit notice (退出低保).
They join the caller's transaction as outbox rows; the way each goes (WeChat in its
window, template SMS, Twilio) is chosen when it is sent. Keyword-only; never commits."""

from __future__ import annotations

from datetime import date, timedelta

from sqlmodel import Session, col, select

from cases.models import Applicant, Case, CaseStatus
from channels.models import OutboundMessage
from channels.notices.store import enqueue_notice
from channels.notices.templates import NoticeKind
from core.settings import get_settings

REVIEW_NOTICE_DAYS = 14  # a household is reminded this long before its review (复查)


def chinese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _send(
    session: Session, case: Case, kind: str, *, actor: str, **params: str
) -> OutboundMessage | None:
    """Queue `kind` to the case's applicant: their phone, else the WeChat conversation the
    case was filed from; None when neither is known."""
    applicant = session.get(Applicant, case.applicant_id)
    to = (applicant.phone if applicant else None) or case.conversation_id
    if not to:
        return None
    params.setdefault("township", case.township)
    params.setdefault("helpline", get_settings().helpline_number)
    return enqueue_notice(session, kind=kind, to=to, params=params, case_id=case.id,
                          conversation_id=case.conversation_id, sent_by=actor)  # fmt: skip


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


def exited(session: Session, case: Case, *, on: date, actor: str) -> OutboundMessage | None:
    """退出低保: the household leaves 低保 from `on`."""
    return _send(session, case, NoticeKind.exit, actor=actor, date=chinese_date(on))


def remind_reviews(
    session: Session, *, today: date, days: int = REVIEW_NOTICE_DAYS, actor: str = "system"
) -> int:
    """复查提醒 to every approved household whose review falls within `days` and who was not
    yet reminded of that date; how many were reminded."""
    due = session.exec(
        select(Case).where(
            Case.status == CaseStatus.approved,
            col(Case.next_review_on).is_not(None),
            col(Case.next_review_on) <= today + timedelta(days=days),
            col(Case.next_review_on) >= today,
        )
    ).all()
    reminded = 0
    for case in due:
        if case.review_reminded_on == case.next_review_on:
            continue
        if _send(session, case, NoticeKind.review_reminder, actor=actor,
                 review_on=chinese_date(case.next_review_on)) is not None:  # fmt: skip
            case.review_reminded_on = case.next_review_on
            session.add(case)
            reminded += 1
    session.flush()
    return reminded

"""Notices in the outbox, and the template table county staff keep (短信模板).

A notice is an outbox row of channel `notice`: its kind, its parameters and its text as
WeChat or Twilio would carry it (the template filled); the way it goes is chosen when it is
sent (`channels.notices.routing`). ``enqueue_notice`` joins the caller's transaction; the
template functions too (the page commits)."""

from __future__ import annotations

import re
from datetime import datetime

from sqlmodel import Session, select

from channels.models import NoticeTemplate, OutboundChannel, OutboundMessage, TemplateState
from channels.notices.templates import KINDS, fill
from core.database import utcnow

CODE = re.compile(r"^[A-Za-z0-9_]{1,32}$")  # Aliyun's codes look like SMS_123456789


class TemplateError(ValueError):
    """A template change refused; `field` names the input at fault."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


def template(session: Session, *, kind: str) -> NoticeTemplate | None:
    return session.get(NoticeTemplate, kind)


def approved_template(session: Session, *, kind: str) -> NoticeTemplate | None:
    row = session.get(NoticeTemplate, kind)
    return row if row and row.state == TemplateState.approved.value and row.code else None


def templates(session: Session) -> list[NoticeTemplate]:
    """Every notice's template, in the order notices come in a case's life."""
    rows = {row.kind: row for row in session.exec(select(NoticeTemplate)).all()}
    return [rows[kind] for kind in KINDS if kind in rows]


def update_template(
    session: Session, *, kind: str, code: str | None, state: str, actor: str
) -> NoticeTemplate:
    """Record the carrier's code and where the template stands (审核状态)."""
    row = session.get(NoticeTemplate, kind)
    if row is None:
        raise TemplateError("kind", "no such notice")
    code = (code or "").strip() or None
    if code is not None and not CODE.match(code):
        raise TemplateError("code", "letters, digits and _ only, at most 32 (e.g. SMS_123456789)")
    if state not in {item.value for item in TemplateState}:
        raise TemplateError("state", "unregistered, pending, approved or rejected")
    if state == TemplateState.approved.value and code is None:
        raise TemplateError("code", "an approved template needs the carrier's code")
    row.code, row.state, row.updated_by, row.updated_at = code, state, actor, utcnow()
    session.add(row)
    session.flush()
    return row


def notice_text(session: Session, *, kind: str, params: dict[str, str]) -> str:
    """The notice as the resident reads it on WeChat or by Twilio (no signature)."""
    row = session.get(NoticeTemplate, kind)
    if row is None:
        raise TemplateError("kind", f"no template for notice {kind}")
    return fill(row.text, params)


def enqueue_notice(
    session: Session,
    *,
    kind: str,
    to: str,
    params: dict[str, str],
    case_id: int | None = None,
    conversation_id: str | None = None,
    sent_by: str = "assistant",
    body: str | None = None,
    not_before: datetime | None = None,
) -> OutboundMessage:
    """Queue a notice to the resident at `to` (their phone, E.164, or their WeChat
    conversation when no phone is known); the caller's transaction commits it. `body`:
    what WeChat and Twilio carry when it is more than the template (the review's first
    question, staff's own words) — a template SMS always carries the approved template,
    filled; `not_before`: held until then (the quiet hours)."""
    params = {name: str(value) for name, value in params.items()}
    filled = notice_text(session, kind=kind, params=params)  # the template must exist
    message = OutboundMessage(
        to_number=to,
        body=(body or "").strip() or filled,
        case_id=case_id,
        conversation_id=conversation_id or to,
        sent_by=sent_by,
        channel=OutboundChannel.notice.value,
        notice_kind=kind,
        template_params=params,
    )
    if not_before is not None:
        message.next_attempt_at = not_before
    session.add(message)
    session.flush()
    return message

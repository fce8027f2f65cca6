"""The audit log (审计日志): every view and change of a case, read by county admins."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, col, select

from cases.models import AuditEvent, Case
from cases.shapes import AuditPage, AuditPublic

#: Chinese names of the actions, for the page.
ACTIONS = {
    "filed": "提交申请",
    "list": "查看列表",
    "view": "查看案件",
    "transition": "办理环节",
    "review": "复查",
    "review_requested": "发起复查",
    "ask_applicant": "询问申请人",
    "household_revised": "修改家庭信息并重新评估",
    "reveal_id_number": "查看完整身份证号",
    "status_lookup": "查询办理状态",
    "export": "导出公示名单",
    "parameter_added": "新增参数值",
    "user_created": "新建账户",
    "user_changed": "修改账户",
    "message_resolved": "标记短信已处理",
    "login": "登录",
    "logout": "退出",
    "roster_run": "信息比对",
    "roster_view": "查看比对结果",
    "roster_export": "导出比对结果",
    "roster_outcome": "记录核实结果",
    "roster_case": "比对结果转为案件",
    "roster_invite": "短信邀请（信息比对）",
    "template_updated": "修改短信模板",
}


def events(
    session: Session,
    *,
    reference: str | None = None,
    actor: str | None = None,
    action: str | None = None,
    cursor: int | None = None,
    limit: int = 100,
) -> AuditPage:
    """Events newest first, filtered; ``cursor`` is the last id seen."""
    query = select(AuditEvent, Case.reference).outerjoin(Case, col(Case.id) == AuditEvent.case_id)
    if reference:
        query = query.where(Case.reference == reference.strip().upper())
    if actor:
        query = query.where(AuditEvent.actor == actor)
    if action:
        query = query.where(AuditEvent.action == action)
    if cursor is not None:
        query = query.where(col(AuditEvent.id) < cursor)
    rows = session.exec(query.order_by(col(AuditEvent.id).desc()).limit(limit + 1)).all()
    more = len(rows) > limit
    rows = rows[:limit]
    return AuditPage(
        items=[
            AuditPublic(
                id=e.id,
                case_id=e.case_id,
                reference=ref,
                actor=e.actor,
                action=e.action,
                detail=e.detail,
                created_at=e.created_at,
            )  # fmt: skip
            for e, ref in rows
        ],
        next_cursor=rows[-1][0].id if more and rows else None,
    )


def record_audit(
    session: Session, *, actor: str, action: str, case_id: int | None = None, **detail: Any
) -> None:
    session.add(AuditEvent(case_id=case_id, actor=actor, action=action, detail=detail))

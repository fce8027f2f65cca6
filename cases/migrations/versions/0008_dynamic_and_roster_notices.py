"""the notices of 动态管理 and of the roster follow-up as templates (短信模板)

The review's no-reply reminder and the three roster invitations become notices with their
own templates; the exit notice says its reason (the county's text: 退出 with the reason in
plain words). A template whose text changes goes back to 未报备: the carrier approved the
old text, not this one.

Revision ID: 0008_dynamic_notices
Revises: 0007_merge_15_17
Create Date: 2026-12-04 16:30:00
"""

import re
from datetime import datetime, timezone

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0008_dynamic_notices"
down_revision = "0007_merge_15_17"
branch_labels = None
depends_on = None

NEW = {
    "review_no_reply": "您家低保复查（编号${reference}）还没收到回复，请回复本消息说说有无变化，或联系${township}工作人员。",
    "roster_cover": "根据信息比对，您家可能符合农村低保条件，可到${township}便民服务中心申请，或拨${helpline}咨询。",
    "roster_register": "根据信息比对，您家可能符合建档立卡扶贫条件，请到${township}便民服务中心或村委会了解。",
    "roster_report": "为核实您家低保待遇，请近期到${township}便民服务中心报告家庭收入和开支的变化。",
}  # fmt: skip
EXIT = "您家低保从${date}起停发，原因：${reason}。有异议可到${township}便民服务中心申请复核。"
OLD_EXIT = "您家已于${date}退出低保。如有疑问，请到${township}便民服务中心或拨${helpline}。"


def _table():
    return sa.table(
        "noticetemplate",
        sa.column("kind", sa.String), sa.column("text", sa.String),
        sa.column("parameters", sa.JSON), sa.column("code", sa.String),
        sa.column("state", sa.String), sa.column("updated_by", sa.String),
        sa.column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime()),
    )  # fmt: skip


def _names(text: str) -> list[str]:
    return re.findall(r"\$\{([A-Za-z][A-Za-z0-9_]*)\}", text)


def _set_exit(text: str) -> None:
    templates = _table()
    op.execute(
        templates.update()
        .where(templates.c.kind == "exit")
        .values(text=text, parameters=_names(text), code=None, state="unregistered",
                updated_by="system", updated_at=datetime.now(timezone.utc))  # fmt: skip
    )


def upgrade() -> None:
    now = datetime.now(timezone.utc)
    op.bulk_insert(_table(), [
        {"kind": kind, "text": text, "parameters": _names(text), "code": None,
         "state": "unregistered", "updated_by": "system", "updated_at": now}
        for kind, text in NEW.items()
    ])  # fmt: skip
    _set_exit(EXIT)


def downgrade() -> None:
    templates = _table()
    op.execute(templates.delete().where(templates.c.kind.in_(list(NEW))))
    _set_exit(OLD_EXIT)

"""channels: inbound message status and replies, phone contacts (opt-out, lease, choices)

Revision ID: 0002_channels
Revises: 0001
Create Date: 2026-11-28 23:44:47.408895

Columns are added in place (ALTER TABLE … ADD COLUMN, also on SQLite): the message table is
referenced by the outbox, so it is not copied and re-created.
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0002_channels"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "channelcontact",
        sa.Column("phone", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("opted_out", sa.Boolean(), nullable=False),
        sa.Column("opted_out_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("outage_notified_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("lease_owner", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
        sa.Column("lease_until", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("choices", sa.JSON(), nullable=True),
        sa.Column("voice_prompt", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("phone"),
    )
    op.add_column(
        "message", sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True)
    )
    op.add_column(
        "message", sa.Column("reply_via", sqlmodel.sql.sqltypes.AutoString(length=8), nullable=True)
    )
    op.add_column(
        "message", sa.Column("attempts", sa.Integer(), server_default="0", nullable=False)
    )
    if op.get_bind().dialect.name == "sqlite":
        # SQLite adds a column with its reference in place; Alembic would copy the table.
        op.execute(
            "ALTER TABLE message ADD COLUMN reply_to_id INTEGER "
            "CONSTRAINT fk_message_reply_to_id_message REFERENCES message (id)"
        )
    else:
        op.add_column("message", sa.Column("reply_to_id", sa.Integer(), nullable=True))
        op.create_foreign_key(
            "fk_message_reply_to_id_message", "message", "message", ["reply_to_id"], ["id"]
        )
    op.create_index(op.f("ix_message_status"), "message", ["status"], unique=False)
    op.add_column(
        "outboundmessage",
        sa.Column("via", sqlmodel.sql.sqltypes.AutoString(length=8), nullable=True),
    )


def downgrade() -> None:
    with op.batch_alter_table("outboundmessage", schema=None) as batch_op:
        batch_op.drop_column("via")
    if op.get_bind().dialect.name != "sqlite":
        # SQLite names no constraint declared with its column: the column takes it along.
        op.drop_constraint("fk_message_reply_to_id_message", "message", type_="foreignkey")
    with op.batch_alter_table("message", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_message_status"))
        batch_op.drop_column("reply_to_id")
        batch_op.drop_column("attempts")
        batch_op.drop_column("reply_via")
        batch_op.drop_column("status")
    op.drop_table("channelcontact")

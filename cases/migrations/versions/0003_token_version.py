"""staff tokens end when a password is reset or an account disabled (user.token_version);
failed sign-ins per client address (login_failure); joins the two 0002 branches into one
history

Revision ID: 0003_token_version
Revises: 0002_channels, 0002_console
Create Date: 2026-12-04 07:05:00
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0003_token_version"
down_revision = ("0002_channels", "0002_console")
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("user") as batch:
        batch.add_column(
            sa.Column("token_version", sa.Integer(), nullable=False, server_default="0")
        )
    op.create_table(
        "login_failure",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("address", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    )
    op.create_index("ix_login_failure_address", "login_failure", ["address"])
    op.create_index("ix_login_failure_at", "login_failure", ["at"])


def downgrade() -> None:
    op.drop_index("ix_login_failure_at", table_name="login_failure")
    op.drop_index("ix_login_failure_address", table_name="login_failure")
    op.drop_table("login_failure")
    with op.batch_alter_table("user") as batch:
        batch.drop_column("token_version")

"""staff tokens end when a password is reset or an account disabled (user.token_version);
joins the two 0002 branches into one history

Revision ID: 0003_token_version
Revises: 0002_channels, 0002_console
Create Date: 2026-12-04 07:05:00
"""

import sqlalchemy as sa
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


def downgrade() -> None:
    with op.batch_alter_table("user") as batch:
        batch.drop_column("token_version")

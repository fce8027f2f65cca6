"""one history again: 动态管理 (issue 15) and the China channels (issue 17), both after 0005

Revision ID: 0007_merge_15_17
Revises: 0006_china_channels, 0006_dynamic_management
Create Date: 2026-12-04 14:00:00
"""

revision = "0007_merge_15_17"
down_revision = ("0006_china_channels", "0006_dynamic_management")
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass

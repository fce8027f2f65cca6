"""messages are stored with identity and phone numbers masked; the words as sent only
encrypted (message.text_encrypted); existing messages masked in place

Revision ID: 0004_masked_messages
Revises: 0003_token_version
Create Date: 2026-12-04 07:00:00
"""

import sqlalchemy as sa
from alembic import op

from core.masking import mask_personal

revision = "0004_masked_messages"
down_revision = "0003_token_version"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("message") as batch:
        batch.add_column(sa.Column("text_encrypted", sa.String(), nullable=True))
    # Messages stored before: masked in place (their replies went out long ago; the case
    # keeps the identity number encrypted).
    connection = op.get_bind()
    message = sa.table("message", sa.column("id", sa.Integer), sa.column("text", sa.String))
    for row in connection.execute(sa.select(message.c.id, message.c.text)).fetchall():
        masked = mask_personal(row.text)
        if masked != row.text:
            connection.execute(
                sa.update(message).where(message.c.id == row.id).values(text=masked)
            )


def downgrade() -> None:
    with op.batch_alter_table("message") as batch:
        batch.drop_column("text_encrypted")

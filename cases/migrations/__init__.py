"""The store's schema as Alembic revisions (``versions/``), for every package's tables
(``accounts.models``, ``channels.models``, ``cases.models``; see ``env.py``)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Engine

MIGRATIONS = Path(__file__).resolve().parent


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest Alembic revision. The revisions are one history
    (`tests/cases/test_migrations.py` checks it): a feature that branched off an earlier
    revision adds a merge revision when it meets the others."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")

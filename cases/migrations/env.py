"""Alembic environment: runs on the connection handed over by `cases.migrations.migrate`, or on
DATABASE_URL when called from the alembic command line."""

from alembic import context
from sqlmodel import SQLModel

import accounts.models  # noqa: F401  (registers the tables)
import cases.dynamic.models  # noqa: F401
import cases.models  # noqa: F401
import cases.rosters.models  # noqa: F401
import channels.models  # noqa: F401

target_metadata = SQLModel.metadata


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        from core.database import make_engine
        from core.settings import get_settings

        with make_engine(get_settings().database_url).begin() as connection:
            _run(connection)
    else:
        _run(connection)


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()

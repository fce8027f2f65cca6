"""The store's migrations (cases/migrations): one history, up to the newest revision, down to
nothing and up again, and the models agree with them (Alembic's autogenerate finds nothing
to do), on SQLite and, in the PostgreSQL pass, on PostgreSQL."""

from __future__ import annotations

import os
import subprocess
from datetime import datetime, timezone
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect
from sqlmodel import SQLModel

import accounts.models  # noqa: F401  (registers every table of the models)
import cases.dynamic.models  # noqa: F401
import cases.models  # noqa: F401
import cases.rosters.models  # noqa: F401
import channels.models  # noqa: F401
from cases.migrations import MIGRATIONS, migrate
from core.database import make_engine

ROOT = Path(__file__).resolve().parents[2]


def alembic_config(connection=None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def differences(engine) -> list:
    """What autogenerate would write: the models against the migrated store."""
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "compare_server_default": False}
        )
        return compare_metadata(context, SQLModel.metadata)


def test_the_migrations_are_one_history():
    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    assert len(heads) == 1, f"several heads {heads}: add a merge revision"


def test_the_models_and_the_migrations_agree(engine):
    assert differences(engine) == []


@pytest.mark.postgresql
def test_the_enum_types_hold_every_value_of_the_models(engine):
    """A value added to a model's enum needs `ALTER TYPE … ADD VALUE` in a migration on
    PostgreSQL (SQLite stores any text, and autogenerate does not compare enum values)."""
    declared = {
        column.type.name: list(column.type.enums)
        for table in SQLModel.metadata.tables.values()
        for column in table.columns
        if isinstance(column.type, sa.Enum)
    }
    with engine.connect() as connection:
        stored = {enum["name"]: enum["labels"] for enum in inspect(connection).get_enums()}
    assert stored == declared


def alembic(*args: str, database_url: str) -> None:
    """Alembic's command line (alembic.ini) on `database_url`, as an operator runs it."""
    done = subprocess.run(
        [str(ROOT / ".venv/bin/alembic"), *args], cwd=ROOT, capture_output=True, text=True,
        env={**os.environ, "DATABASE_URL": database_url}, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr


def test_up_down_and_up_again(empty_database_url):
    """`alembic upgrade head`, `downgrade base`, `upgrade head` on a plain DATABASE_URL."""
    engine = make_engine(empty_database_url)
    tables = set(SQLModel.metadata.tables)
    try:
        alembic("upgrade", "head", database_url=empty_database_url)
        assert tables <= set(inspect(engine).get_table_names())
        alembic("downgrade", "base", database_url=empty_database_url)
        assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
        if engine.dialect.name == "postgresql":  # the enum types go with their tables
            with engine.connect() as connection:
                assert inspect(connection).get_enums() == []
        alembic("upgrade", "head", database_url=empty_database_url)
        assert tables <= set(inspect(engine).get_table_names())
        assert differences(engine) == []
    finally:
        engine.dispose()


def test_rows_of_the_first_revision_are_carried_forward(empty_database_url):
    """A store filed under 0001: the programme index is filled from its assessment (0002)
    and its messages are masked (0004), on either engine (JSON comes back as text on one
    and as a dict on the other)."""
    engine = make_engine(empty_database_url)
    now = datetime.now(timezone.utc)
    try:
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), "0001")
            connection.execute(
                table("applicant", "id", "name", "created_at").insert(),
                {"id": 1, "name": "张小明", "created_at": now},
            )
            connection.execute(
                table("case", *CASE).insert(),
                {
                    "id": 1,
                    "reference": "FJ-1",
                    "status": "received",
                    "township": "吐祥镇",
                    "applicant_id": 1,
                    "channel": "sms",
                    "handoff_requested": False,
                    "created_at": now,
                    "updated_at": now,
                },
            )
            household = table("householdrecord", "id", "case_id", "source", "facts", "created_at")
            connection.execute(
                household.insert(),
                {"id": 1, "case_id": 1, "source": "chat", "facts": {}, "created_at": now},
            )
            assessment = {"dibao": {"status": "eligible", "monthly_amount": 300}}
            connection.execute(
                table(
                    "assessmentrecord", "case_id", "household_record_id", "assessment", "created_at"
                ).insert(),
                {
                    "case_id": 1,
                    "household_record_id": 1,
                    "assessment": assessment,
                    "created_at": now,
                },
            )
            connection.execute(
                table("message", *MESSAGE).insert(),
                {
                    "conversation_id": "+8613800000001",
                    "direction": "in",
                    "channel": "sms",
                    "text": "张小明 500236199001011235",
                    "created_at": now,
                },
            )
        migrate(engine)
        with engine.connect() as connection:
            index = connection.execute(
                sa.text("SELECT case_id, programme, monthly_amount FROM caseprogramme")
            )
            assert index.all() == [(1, "dibao", 300)]
            text = connection.execute(sa.text("SELECT text FROM message")).scalar_one()
            assert text == "张小明 500236********1235"
        assert differences(engine) == []
    finally:
        engine.dispose()


CASE = (
    "id reference status township applicant_id channel handoff_requested created_at updated_at"
).split()
MESSAGE = "conversation_id direction channel text created_at".split()


def table(name: str, *columns: str) -> sa.TableClause:
    """A table of an early revision, as plain columns (JSON where the store keeps JSON)."""
    json_columns = {"facts", "assessment"}
    return sa.table(name, *(sa.column(c, sa.JSON if c in json_columns else None) for c in columns))

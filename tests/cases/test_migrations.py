"""The store's schema has one Alembic history, and the migrated store is what the models say."""

from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlmodel import SQLModel

import accounts.models  # noqa: F401  (registers the tables)
import cases.models  # noqa: F401
import cases.rosters.models  # noqa: F401
import channels.models  # noqa: F401
from cases.migrations import MIGRATIONS


def test_one_head():
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    heads = ScriptDirectory.from_config(config).get_heads()
    assert len(heads) == 1, f"several Alembic heads, add a merge revision: {heads}"


def test_the_migrated_store_matches_the_models(engine):
    with engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), SQLModel.metadata) == []

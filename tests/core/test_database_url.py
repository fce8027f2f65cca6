"""A plain PostgreSQL URL, as deployments write it, goes through the pinned driver (psycopg
3): mapped once, in the settings (`core.settings.driver_url`)."""

import pytest

from core.database import make_engine
from core.settings import Settings, driver_url


@pytest.mark.parametrize(
    ("given", "used"),
    [
        ("postgresql://intake@10.0.0.5:5432/intake", "postgresql+psycopg://intake@10.0.0.5:5432/intake"),
        ("postgres://intake:pw@db/intake", "postgresql+psycopg://intake:pw@db/intake"),
        ("postgresql+psycopg://intake@db/intake", "postgresql+psycopg://intake@db/intake"),
        ("sqlite:///var/intake.db", "sqlite:///var/intake.db"),
    ],
)  # fmt: skip
def test_a_plain_postgresql_url_gets_the_driver(given, used):
    assert driver_url(given) == used
    assert Settings(environment="test", database_url=given).database_url == used


def test_an_engine_of_a_plain_url_uses_psycopg_without_connecting():
    engine = make_engine("postgresql://intake@127.0.0.1:9/intake")
    assert (engine.dialect.name, engine.dialect.driver) == ("postgresql", "psycopg")
    engine.dispose()

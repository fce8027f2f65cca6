"""`intake user add` and `intake db upgrade` as a deployment runs them: a separate process
with DATABASE_URL in its environment (a plain `postgresql://user@host:port/db` in the
PostgreSQL pass)."""

import os
import subprocess
from pathlib import Path

from sqlalchemy import inspect
from sqlmodel import SQLModel

INTAKE = str(Path(__file__).resolve().parents[2] / ".venv/bin/intake")


def run(args, password, database_url):
    env = {**os.environ, "DATABASE_URL": database_url}
    return subprocess.run(
        [INTAKE, *args], input=password + "\n", capture_output=True, text=True, env=env, timeout=60
    )


def test_db_upgrade_creates_the_schema_of_an_empty_store(empty_database_url):
    from core.database import make_engine

    done = subprocess.run(
        [INTAKE, "db", "upgrade"],
        capture_output=True,
        text=True,
        env={**os.environ, "DATABASE_URL": empty_database_url},
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "up to date" in done.stdout
    engine = make_engine(empty_database_url)
    assert set(SQLModel.metadata.tables) <= set(inspect(engine).get_table_names())
    engine.dispose()


def test_user_add_creates_an_account_that_can_log_in(empty_database_url):
    from sqlmodel import Session

    from accounts.users import authenticate
    from core.database import make_engine

    url = empty_database_url
    done = run(
        [
            "user",
            "add",
            "tuxiang",
            "--role",
            "township_staff",
            "--township",
            "吐祥镇",
            "--password-stdin",
        ],
        "a-long-password",
        url,
    )
    assert done.returncode == 0, done.stderr
    assert "a-long-password" not in done.stdout
    engine = make_engine(url)
    with Session(engine) as session:
        user = authenticate(session, username="tuxiang", password="a-long-password")
        assert user.township == "吐祥镇"
    engine.dispose()


def test_user_add_names_the_bad_field(database_url):
    url = database_url
    done = run(
        ["user", "add", "x", "--role", "township_staff", "--township", "北京", "--password-stdin"],
        "a-long-password",
        url,
    )
    assert done.returncode == 2 and "township" in done.stderr
    done = run(["user", "add", "x", "--role", "county_admin", "--password-stdin"], "short", url)
    assert done.returncode == 2 and "password" in done.stderr


def test_the_cli_offers_exactly_the_roles_of_the_store():
    from accounts.models import Role
    from cli.users import ROLES

    assert set(ROLES) == {role.value for role in Role}

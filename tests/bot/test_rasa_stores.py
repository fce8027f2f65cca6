"""Rasa's tracker store and lock store come from the environment (bot/endpoints.yml, the
variables scripts/rasa_env.py derives from DATABASE_URL and REDIS_URL): SQLite and an
in-memory lock without servers; with a PostgreSQL DATABASE_URL the trackers go to the same
server, in a database of Rasa's own; with REDIS_URL the lock store is Redis over TCP."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest
import yaml
from sqlalchemy import text

from core.database import make_engine
from tests.stores import rasa_store_variables

ROOT = Path(__file__).resolve().parents[2]
RASA_PYTHON = ROOT / ".venv-rasa/bin/python"


def test_without_servers_rasa_keeps_sqlite_and_a_lock_in_memory():
    exports = rasa_store_variables(DATABASE_URL="sqlite:///var/intake.db")
    assert exports["RASA_TRACKER_DIALECT"] == "sqlite"
    assert exports["RASA_TRACKER_DB"] == "var/rasa_tracker.db"
    assert exports["RASA_TRACKER_HOST"] == exports["RASA_TRACKER_PORT"] == ""
    assert exports["RASA_LOCK_STORE"] == "in_memory"
    assert rasa_store_variables() == exports  # DATABASE_URL unset: the same


def test_a_postgresql_store_takes_rasas_trackers_to_the_same_server():
    exports = rasa_store_variables(
        DATABASE_URL="postgresql://intake:p%40ss%20word@db.internal:5433/fengjie",
        REDIS_URL="redis://:s3cret@10.0.0.7:6380/2",
    )
    assert {k: v for k, v in exports.items() if k.startswith("RASA_TRACKER_")} == {
        "RASA_TRACKER_DIALECT": "postgresql",
        "RASA_TRACKER_HOST": "db.internal",
        "RASA_TRACKER_PORT": "5433",
        "RASA_TRACKER_DB": "fengjie_tracker",
        "RASA_TRACKER_USER": "intake",
        "RASA_TRACKER_PASSWORD": "p@ss word",
        "RASA_TRACKER_LOGIN_DB": "fengjie",
    }
    assert {k: v for k, v in exports.items() if k.startswith("RASA_LOCK_")} == {
        "RASA_LOCK_STORE": "redis",
        "RASA_LOCK_HOST": "10.0.0.7",
        "RASA_LOCK_PORT": "6380",
        "RASA_LOCK_DB": "2",
        "RASA_LOCK_PASSWORD": "s3cret",
    }


def test_a_variable_set_by_hand_is_kept():
    exports = rasa_store_variables(
        DATABASE_URL="postgresql://intake@db/fengjie", RASA_TRACKER_DB="rasa"
    )
    assert exports["RASA_TRACKER_DB"] == "rasa"


def test_the_endpoints_read_only_variables_that_are_always_set():
    """Rasa refuses an endpoints file naming an unset variable: every one it names is
    derived (or is the action server's secret, which scripts/run.sh sets)."""
    endpoints = (ROOT / "bot/endpoints.yml").read_text(encoding="utf-8")
    named = set(re.findall(r"\$\{(\w+)\}", endpoints))
    assert named - set(rasa_store_variables()) == {"ACTION_SERVER_TOKEN"}
    config = yaml.safe_load(endpoints)
    assert config["tracker_store"]["type"] == "bot.redacting_tracker_store.RedactingSQLTrackerStore"
    assert "host" not in config["tracker_store"]  # Rasa passes `url` as the host


def rasa_environment() -> Path:
    if RASA_PYTHON.exists():
        return RASA_PYTHON
    message = "the Rasa environment (.venv-rasa) is missing: make setup"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.mark.postgresql
def test_rasa_builds_its_stores_on_postgresql_and_redis(postgres, redis, tmp_path):
    """As `rasa run` reads bot/endpoints.yml (no server, no model): the tracker store on the
    PostgreSQL server of DATABASE_URL, in `<db>_tracker` (created through `login_db`), the
    identity number masked; the conversation's lock held in Redis."""
    python = rasa_environment()
    app_url = postgres.new_database()
    sender = "+8613800000016"
    environment = {
        **os.environ,
        **rasa_store_variables(DATABASE_URL=app_url, REDIS_URL=redis.url),
        "ACTION_SERVER_TOKEN": "x",
        "PYTHONPATH": str(ROOT),
    }
    done = subprocess.run(
        [str(python), "tests/bot/rasa_stores_probe.py", sender], cwd=ROOT, env=environment,
        capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    built = json.loads(done.stdout.strip().splitlines()[-1])
    tracker_database = app_url.rsplit("/", 1)[1] + "_tracker"
    assert built == {
        "tracker_store": "RedactingSQLTrackerStore",
        "dialect": "postgresql",
        "driver": "psycopg2",
        "database": tracker_database,
        "lock_store": "RedisLockStore",
        "lock_held_in_redis": True,
    }
    engine = make_engine(postgres.url(tracker_database))
    with engine.connect() as connection:
        rows = connection.execute(
            text("SELECT type_name, data FROM events WHERE sender_id = :s ORDER BY id"),
            {"s": sender},
        ).all()
    engine.dispose()
    assert [row.type_name for row in rows][-1] == "user"
    assert "500236********1235" in rows[-1].data and "500236199001011235" not in rows[-1].data
    assert redis.command("KEYS", "*") == []  # the lock went with the turn
    postgres.drop_database(postgres.url(tracker_database))

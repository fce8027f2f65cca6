"""The real Rasa server configured as `make run` configures it with a PostgreSQL DATABASE_URL
and a REDIS_URL (bot/endpoints.yml, scripts/rasa_env.py): a resident applies through Rasa's
REST channel; the case is filed in the app's PostgreSQL database by the action server, the
conversation's tracker lands in Rasa's own database on the same server (identity number
masked), and Rasa takes each turn's lock in Redis over TCP.

Runs in the PostgreSQL pass of `make test` (markers e2e and postgresql)."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy import text
from sqlmodel import Session

from cases import queue
from cases.queue import QueueFilters
from core.database import make_engine
from tests.e2e.resident_script import answer_for
from tests.servers import action_server, free_port, rasa_server
from tests.stores import rasa_store_variables

pytestmark = [pytest.mark.e2e, pytest.mark.postgresql]
TOKEN = "e2e-postgresql-token"
PHONE = "+8613800000616"
MAX_TURNS = 30


def commands_of(redis, name: str) -> int:
    """How many times Redis ran command `name` (INFO commandstats)."""
    for line in redis.command("INFO", "commandstats").splitlines():
        if line.startswith(f"cmdstat_{name}:"):
            return int(line.split("calls=")[1].split(",")[0])
    return 0


def test_a_conversation_on_postgresql_and_redis(postgres, redis, tmp_path):
    app_url = postgres.new_database()
    stores = rasa_store_variables(DATABASE_URL=app_url, REDIS_URL=redis.url)
    assert stores["RASA_TRACKER_DIALECT"] == "postgresql"
    action_port, rasa_port = free_port(), free_port()
    actions = action_server(action_port, app_url, tmp_path / "actions.log")
    rasa = rasa_server(rasa_port, action_port, tmp_path, TOKEN, tmp_path / "rasa.log", stores)
    locks_before = commands_of(redis, "set")
    actions.start()
    try:
        rasa.start()
        try:
            turns = converse(f"http://127.0.0.1:{rasa_port}/webhooks/rest/webhook")
        finally:
            rasa.stop()
    finally:
        actions.stop()

    app = make_engine(app_url)
    with Session(app) as session:
        assert queue.search(session, QueueFilters(phone=PHONE)).total == 1  # filed once
    app.dispose()

    tracker_database = stores["RASA_TRACKER_DB"]
    trackers = make_engine(postgres.url(tracker_database))
    with trackers.connect() as connection:
        said = connection.execute(
            text("SELECT data FROM events WHERE sender_id = :s AND type_name = 'user'"),
            {"s": PHONE},
        ).scalars()
        said = list(said)
    trackers.dispose()
    assert len(said) == turns
    assert any("500236********1235" in data for data in said)
    assert not any("500236199001011235" in data for data in said)

    assert commands_of(redis, "set") - locks_before >= turns  # a lock saved for each turn
    assert redis.command("KEYS", "*") == []  # and none left behind
    postgres.drop_database(postgres.url(tracker_database))


def converse(webhook: str) -> int:
    """Apply as the simulated resident until the case is filed; the number of turns."""
    text_ = "我想申请低保"
    for turn in range(1, MAX_TURNS + 1):
        reply = httpx.post(webhook, json={"sender": PHONE, "message": text_}, timeout=120)
        reply.raise_for_status()
        replies = [message.get("text", "") for message in reply.json()]
        text_ = answer_for(replies)
        assert text_ is not None, f"no answer for {replies}"
        if text_ == "":
            return turn
    raise AssertionError(f"not filed in {MAX_TURNS} turns")

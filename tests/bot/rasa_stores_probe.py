"""Run in the Rasa environment (.venv-rasa) by tests/bot/test_rasa_stores.py, with the
variables scripts/rasa_env.py derives: builds the tracker store and the lock store from
bot/endpoints.yml as `rasa run` does, holds a conversation's lock while saving its tracker,
and prints what it built as one JSON line. No Rasa server, no model."""

import asyncio
import json
import sys

from rasa.core.lock_store import LockStore
from rasa.core.tracker_store import TrackerStore
from rasa.core.utils import AvailableEndpoints
from rasa.shared.core.events import ActionExecuted, SessionStarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker


async def main(sender: str) -> None:
    endpoints = AvailableEndpoints.read_endpoints("bot/endpoints.yml")
    trackers = TrackerStore.create(endpoints.tracker_store)
    locks = LockStore.create(endpoints.lock_store)
    events = [
        ActionExecuted("action_session_start"),
        SessionStarted(),
        ActionExecuted("action_listen"),
        UserUttered("我叫张三 500236199001011235", {"name": "inform", "confidence": 1.0}),
    ]
    tracker = DialogueStateTracker.from_events(sender, events)
    async with locks.lock(sender):
        held = bool(locks.red.exists(locks.key_prefix + sender)) if hasattr(locks, "red") else None
        await trackers.save(tracker)
    url = trackers.engine.url
    print(
        json.dumps(
            {
                "tracker_store": type(trackers).__name__,
                "dialect": url.get_backend_name(),
                "driver": url.get_driver_name(),
                "database": url.database,
                "lock_store": type(locks).__name__,
                "lock_held_in_redis": held,
            }
        )
    )


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1]))

"""An SQL tracker store that masks identity numbers and phone numbers typed in chat before
they are written, so Rasa's store never holds them in clear (the action server keeps the
values it needs encrypted in slots, and files them in the case store).

Configured in endpoints.yml as
    tracker_store:
      type: bot.redacting_tracker_store.RedactingSQLTrackerStore
      dialect: …  (and url, port, db, username, password, login_db: SQLTrackerStore's fields)
with every field from the environment (scripts/rasa_env.py): a field left empty counts as not
given, so one file serves SQLite and PostgreSQL. Runs in the Rasa environment: imports nothing of the app but `core.masking`, which is pure
standard library (the same function masks the store, the logs and the exports).
"""

from __future__ import annotations

import json
from typing import Any

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY

from core.masking import mask_personal

SENSITIVE_ENTITIES = {"id_number", "phone"}


def mask(text: str) -> str:
    """500236199001011235 → 500236********1235 (also typed with spaces or dashes);
    13812345678 → 138****5678: the one masking function of the project."""
    return mask_personal(text)


def redact(data: Any) -> Any:
    """A copy of an event's dict with every text masked, at any depth."""
    if isinstance(data, str):
        return mask(data)
    if isinstance(data, list):
        return [redact(item) for item in data]
    if isinstance(data, dict):
        copy = {key: redact(value) for key, value in data.items()}
        if copy.get("entity") in SENSITIVE_ENTITIES and isinstance(copy.get("value"), str):
            copy["value"] = mask(copy["value"])
        return copy
    return data


def given(value: Any) -> Any | None:
    """An endpoints.yml field from an empty environment variable is not given."""
    return None if value == "" else value


class RedactingSQLTrackerStore(SQLTrackerStore):
    def __init__(
        self,
        dialect: str = "sqlite",
        host: str | None = None,
        port: Any = None,
        db: str = "rasa.db",
        username: str | None = None,
        password: str | None = None,
        login_db: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(
            dialect=given(dialect) or "sqlite",
            host=given(host),
            port=given(port),
            db=given(db) or "rasa.db",
            username=given(username),
            password=given(password),
            login_db=given(login_db),
            **kwargs,
        )

    async def save(self, tracker: DialogueStateTracker) -> None:
        await self.stream_events(tracker)
        with self.session_scope() as session:
            for event in self._additional_events(session, tracker):
                data = redact(event.as_dict())
                session.add(
                    self.SQLEvent(
                        sender_id=tracker.sender_id,
                        type_name=event.type_name,
                        timestamp=data.get("timestamp"),
                        intent_name=data.get("parse_data", {})
                        .get("intent", {})
                        .get(INTENT_NAME_KEY),
                        action_name=data.get("name"),
                        data=json.dumps(data),
                    )
                )
            session.commit()

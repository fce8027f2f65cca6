"""Drive the application form's reading logic through a whole conversation without a Rasa
server: each message goes through ValidateApplicationForm.read_answer, its SlotSet events
are applied, and the next question is what the form would ask."""

from __future__ import annotations

import asyncio

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.application import FACT_SLOTS, ValidateApplicationForm


class Conversation:
    def __init__(self, sender: str = "+8613800000001"):
        self.sender = sender
        self.slots: dict = {"consent": None}
        self.requested = "consent"
        self.form = ValidateApplicationForm()
        self.messages = 0

    def tracker(self, text: str, intent: str | None, after: str | None = None) -> Tracker:
        slots = {slot: self.slots.get(slot) for slot in [*FACT_SLOTS, "reask"]}
        slots["requested_slot"] = self.requested
        latest = {"text": text, "intent": {"name": intent}, "entities": []}
        events = [
            {"event": "action", "name": "action_listen"},
            {"event": "user", "text": text},
            {"event": "action", "name": "action_extract_slots"},
        ]
        if after:
            events.append({"event": "action", "name": after})
        return Tracker(
            self.sender, slots, latest, events, False, None, {"name": "application_form"}, None
        )

    def back_from(self, action: str) -> str | None:
        """The form runs again after a rule answered a digression with `action`."""
        events = asyncio.run(
            self.form.run(CollectingDispatcher(), self.tracker("", None, action), {})
        )
        self.requested = events[-1]["value"]
        return self.requested

    def say(self, text: str, intent: str | None = "inform") -> str | None:
        self.messages += 1
        events = asyncio.run(self.form.run(CollectingDispatcher(), self.tracker(text, intent), {}))
        for event in events:
            if event["name"] == "requested_slot":
                self.requested = event["value"]
            else:
                self.slots[event["name"]] = event["value"]
        return self.requested

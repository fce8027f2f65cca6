"""Drive the application form's reading logic through a whole conversation without a Rasa
server: each message goes through ValidateApplicationForm.read_answer, its SlotSet events
are applied, and the next question is what the form would ask."""

from __future__ import annotations

import asyncio

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.application import ValidateApplicationForm
from actions.first_message import ActionStartApplication
from actions.slots import FACT_SLOTS


class Conversation:
    def __init__(self, sender: str = "+8613800000001"):
        self.sender = sender
        self.slots: dict = {"consent": None}
        self.requested = "consent"
        self.form = ValidateApplicationForm()
        self.messages = 0
        self.medium: str | None = None  # "voice" for a phone call
        self.question = ""  # the text of the last question asked (``ask``)

    def tracker(self, text: str, intent: str | None, after: str | None = None) -> Tracker:
        slots = {slot: self.slots.get(slot) for slot in [*FACT_SLOTS, "reask"]}
        slots["requested_slot"] = self.requested
        latest = {"text": text, "intent": {"name": intent}, "entities": []}
        events = [
            {"event": "action", "name": "action_listen"},
            {"event": "user", "text": text, "input_channel": self.medium or "rest"},
            {"event": "action", "name": "action_extract_slots"},
        ]
        if after:
            events.append({"event": "action", "name": after})
        return Tracker(
            self.sender,
            slots,
            latest,
            events,
            False,
            None,
            {"name": "application_form"},
            self.medium or "rest",
        )

    def _apply(self, events: list[dict]) -> None:
        for event in events:
            if event.get("event") != "slot":
                continue
            if event["name"] == "requested_slot":
                self.requested = event["value"]
            else:
                self.slots[event["name"]] = event["value"]

    def start(self, text: str) -> str | None:
        """The first message ("申请低保", or a story): its facts are kept, the form starts."""
        self.messages += 1
        tracker = self.tracker(text, None)
        tracker.active_loop = {}
        self._apply(ActionStartApplication().run(CollectingDispatcher(), tracker, {}))
        self.requested = None
        return self.back_from("action_listen_start")

    def back_from(self, action: str) -> str | None:
        """The form runs again after a rule answered a digression with `action`."""
        events = asyncio.run(
            self.form.run(CollectingDispatcher(), self.tracker("", None, action), {})
        )
        self._apply(events)
        return self.requested

    def say_after(self, text: str, intent: str, action: str) -> str | None:
        """The form runs on `text` after a rule's `action` left the message to it, silent."""
        self.messages += 1
        tracker = self.tracker(text, intent, action)
        self._apply(asyncio.run(self.form.run(CollectingDispatcher(), tracker, {})))
        return self.requested

    def say(self, text: str, intent: str | None = "inform") -> str | None:
        self.messages += 1
        events = asyncio.run(self.form.run(CollectingDispatcher(), self.tracker(text, intent), {}))
        self._apply(events)
        return self.requested

    def ask(self) -> str:
        """The question the form asks now, as its ask action words it (``action_ask_<slot>``,
        whose events, such as "income_checked", are applied as Rasa would)."""
        from actions import asking

        self.question = ""
        if self.requested is None:
            return self.question
        action = getattr(asking, f"Ask{self.requested.title().replace('_', '')}", None)
        if action is None:
            return self.question
        dispatcher = CollectingDispatcher()
        self._apply(action().run(dispatcher, self.tracker("", None), {}))
        self.question = "".join(m.get("text") or "" for m in dispatcher.messages)
        return self.question

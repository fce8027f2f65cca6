"""The application form (低保申请): validate each answer, then file the case."""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import parsing
from actions.store import identity_cipher, store_engine
from cases import store
from cases.db import session_scope
from cases.townships import find_township

log = logging.getLogger(__name__)


class ValidateApplicationForm(FormValidationAction):
    def name(self) -> str:
        return "validate_application_form"

    def validate_applicant_name(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        name = parsing.parse_name(str(value or ""))
        if name is None:
            dispatcher.utter_message(response="utter_invalid_applicant_name")
        return {"applicant_name": name}

    def validate_township(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        township = find_township(str(value or ""))
        if township is None:
            dispatcher.utter_message(response="utter_invalid_township")
        return {"township": township}

    def validate_household_size(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        size = value if isinstance(value, int) else parsing.parse_household_size(str(value or ""))
        if size is None:
            dispatcher.utter_message(response="utter_invalid_household_size")
        return {"household_size": size}

    def validate_annual_income(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if isinstance(value, (int, float)):
            return {"annual_income": value}
        amount = parsing.parse_annual_amount(str(value or ""))
        if amount is None:
            dispatcher.utter_message(response="utter_invalid_annual_income")
            return {"annual_income": None}
        return {"annual_income": int(amount.annual)}


def transcript(tracker: Tracker) -> list[tuple[str, str]]:
    """The conversation so far as (direction, text), oldest first."""
    lines = []
    for event in tracker.events:
        if event.get("event") == "user" and event.get("text"):
            lines.append(("in", event["text"]))
        elif event.get("event") == "bot" and event.get("text"):
            lines.append(("out", event["text"]))
    return lines


class ActionFileCase(Action):
    """Files the collected application as a case and tells the resident its reference."""

    def name(self) -> str:
        return "action_file_case"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        facts = {
            "household_size": tracker.get_slot("household_size"),
            "annual_income": tracker.get_slot("annual_income"),
        }
        try:
            with session_scope(store_engine()) as session:
                case = store.file_case(
                    session,
                    cipher=identity_cipher(),
                    name=tracker.get_slot("applicant_name"),
                    township=tracker.get_slot("township"),
                    phone=tracker.sender_id if tracker.sender_id.startswith("+") else None,
                    facts=facts,
                    channel=tracker.get_latest_input_channel() or "chat",
                    conversation_id=tracker.sender_id,
                    transcript=transcript(tracker),
                )
                reference = case.reference
        except Exception:
            log.exception("filing failed for conversation %s", tracker.sender_id[-4:])
            dispatcher.utter_message(response="utter_case_not_filed")
            return []
        dispatcher.utter_message(response="utter_case_filed", case_reference=reference)
        return [
            SlotSet("case_reference", reference),
            SlotSet("applicant_name", None),
            SlotSet("township", None),
            SlotSet("household_size", None),
            SlotSet("annual_income", None),
        ]

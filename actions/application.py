"""The application conversation (低保申请): read each answer into facts, ask the next
relevant question, confirm a summary, then file the case with its assessment.

The form's validation (reading answers, choosing the next question) is
``actions.application_form``; its names are importable from here too."""

from __future__ import annotations

import logging
from datetime import date

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet

from actions import application_facts
from actions.application_form import (
    DIGRESSIONS,
    ValidateApplicationForm,
    give_up,
    mask_numbers,
    sender_phone,
)
from actions.replies import documents_to_bring
from actions.slots import APPLICATION_SLOTS, FACT_SLOTS, SECRET_SLOTS
from actions.store import identity_cipher, store_engine
from cases import filing
from cases.assessment import assess_household
from cases.parameters import current_parameters
from core.database import session_scope
from policy.explain import for_resident

__all__ = [
    "DIGRESSIONS", "ActionAskConfirmed", "ActionSubmitApplication", "ValidateApplicationForm",
    "give_up", "mask_numbers", "resident_outcome", "secret", "sender_phone", "transcript",
]  # fmt: skip

log = logging.getLogger(__name__)


def secret(tracker: Tracker, slot: str) -> str | None:
    token = tracker.get_slot(slot)
    if not token:
        return None
    try:
        return identity_cipher().decrypt(token)
    except Exception:  # noqa: BLE001 - a value from before encryption, or a bad key
        log.warning("could not decrypt slot %s", slot)
        return None


class ActionAskConfirmed(Action):
    """The summary to confirm before filing."""

    def name(self) -> str:
        return "action_ask_confirmed"

    def run(self, dispatcher, tracker, domain):
        slots = {slot: tracker.get_slot(slot) for slot in FACT_SLOTS}
        text = application_facts.summary(
            slots, id_number=secret(tracker, "id_number"), phone=secret(tracker, "phone")
        )
        if tracker.get_slot("reask") == "what_to_change":
            text = "好的，请直接说要改的地方，例如：是5口人、收入是八千。"
        dispatcher.utter_message(text=text)
        return []


class ActionSubmitApplication(Action):
    """Files the confirmed application, or gives the policy information when the resident
    declined the consent notice."""

    def name(self) -> str:
        return "action_submit_application"

    def run(self, dispatcher, tracker, domain):
        if tracker.get_slot("consent") is False:
            if "consent" in (tracker.get_slot("unknown_facts") or []):
                # Not a no: twice an answer that could not be read ("你说啥子 大声点").
                from actions.asking import wording  # asking imports this module

                voice = tracker.get_slot("medium") == "voice"
                line = wording()["consent_unclear"]["voice" if voice else "sms"]
                dispatcher.utter_message(text=line)
            else:
                dispatcher.utter_message(response="utter_consent_declined")
            return [SlotSet("consent", None), SlotSet("unknown_facts", None)]
        slots = {slot: tracker.get_slot(slot) for slot in FACT_SLOTS}
        unknown = application_facts.unknown_facts(slots)
        household = application_facts.to_household(slots, date.today())
        phone = secret(tracker, "phone") or sender_phone(tracker)
        try:
            with session_scope(store_engine()) as session:
                # The dated values county staff added override the shipped ones.
                assessment = assess_household(household, unknown, current_parameters(session))
                case = filing.file_case(
                    session,
                    cipher=identity_cipher(),
                    name=slots["applicant_name"],
                    township=slots["township"],
                    village=slots.get("village"),
                    phone=phone,
                    id_number=secret(tracker, "id_number"),
                    facts=self._facts(slots, unknown),
                    household=household,
                    assessment=assessment,
                    channel=tracker.get_latest_input_channel() or "chat",
                    conversation_id=tracker.sender_id,
                    transcript=transcript(tracker),
                )
                reference = case.reference
        except Exception:
            log.exception("filing failed for conversation …%s", tracker.sender_id[-4:])
            dispatcher.utter_message(response="utter_case_not_filed")
            return [SlotSet("confirmed", None), SlotSet("requested_slot", None)]
        dispatcher.utter_message(response="utter_case_filed", case_reference=reference)
        dispatcher.utter_message(text=resident_outcome(assessment))
        dispatcher.utter_message(text=documents_to_bring(household, slots["township"]))
        return [SlotSet(slot, None) for slot in APPLICATION_SLOTS if slot != "consent"] + [
            SlotSet("case_reference", reference)
        ]

    @staticmethod
    def _facts(slots: dict, unknown: list[str]) -> dict:
        facts = {k: v for k, v in slots.items() if k not in SECRET_SLOTS and v is not None}
        facts["unknown_facts"] = unknown
        return facts


def resident_outcome(assessment: dict) -> str:
    from policy.assessment import Assessment

    clean = {k: v for k, v in assessment.items() if k != "unknown_facts"}
    return for_resident(Assessment.model_validate(clean))


def transcript(tracker: Tracker) -> list[tuple[str, str]]:
    """The conversation so far as (direction, text), oldest first, identity numbers and
    phone numbers masked."""
    lines = []
    for event in tracker.events:
        if event.get("event") in ("user", "bot") and event.get("text"):
            lines.append(("in" if event["event"] == "user" else "out", mask_numbers(event["text"])))
    return lines

"""The application form's validation (``validate_application_form``): read each answer
into facts with ``actions.reading.reader``, choose the next relevant question with
``actions.questions``, and never ask a question a third time (``give_up``: the fact is then
unknown). The summary and the filing are ``actions.application``."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from rasa_sdk import FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import application_facts, questions
from actions.reading import reader, speech
from actions.slots import BOOKKEEPING, FACT_SLOTS, SECRET_SLOTS
from actions.store import identity_cipher
from core.masking import mask_personal
from core.phones import normalise_phone
from core.security import mask_id_number

# Intents that leave the question unanswered: a rule answers them, then the form goes on.
DIGRESSIONS = {
    "ask_why",
    "start_over",
    "handoff",
    "check_status",
    "bot_challenge",
    "faq",
    "out_of_scope",
}
# A greeting or thanks may carry an answer ("你好，我叫张三"): read it first.
SOCIAL = {"greet", "thank", "goodbye"}
# An answer about the family's standing can sound like a policy topic ("是建档立卡户"): read
# it as an answer unless it is put as a question.
STATEMENT_LIKE = {"faq", "out_of_scope"}
# Actions that run between a user message and the form reading it.
FORM_TURN = {
    "action_listen",
    "action_extract_slots",
    "application_form",
    "validate_application_form",
}
# Requests that leave the form, and the words a resident uses for them: without the words,
# an intent the NLU guessed ("要人守到" as handoff) is an answer, not a request.
REQUEST_WORDS = {
    "handoff": re.compile(r"(人工|真人|工作人员|客服|找人|打电话给我|回电话|来个人|转接|和人说)"),
    "start_over": re.compile(r"(重新|从头|重来|再来一遍|全部改|不要了)"),
    "check_status": re.compile(r"(进度|查一?下|结果|批了|办好了|办得怎么|怎么样了|到哪)"),
}
# Rules that may leave a message to the form, saying nothing, when it answers the question.
SILENT_WHEN_ANSWERING = {"action_answer_policy", "action_out_of_scope_in_form"}
# A question shown again after the resident's own question, at most: never a third time.
MAX_ASKS_AROUND = 2


def _since_the_message(tracker: Tracker) -> Iterator[tuple[str, bool]]:
    """The actions run since the resident's last message, latest first, each with whether
    the assistant has said something since it."""
    said = False
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return
        if event.get("event") == "bot":
            said = True
        if event.get("event") == "action":
            yield event.get("name"), said


def answered_by_a_rule(tracker: Tracker) -> bool:
    """True when, since the resident's last message, a rule has already answered it (a
    "why?", a policy question …): the form then only asks its next question."""
    for name, said in _since_the_message(tracker):
        if name not in FORM_TURN:
            if name in SILENT_WHEN_ANSWERING and not said:
                continue  # the helpline left the message to the form: it answers the question
            return True
    return False


# Whether applying costs anything ("要不要钱哦", "收不收费", "要交钱不").
_ASKS_THE_FEE = re.compile(
    r"(要不要钱|要钱不|要不要交钱|交不交钱|要交钱|收不收钱|收钱不|收不收费|收费|花不花钱|要花钱不|"
    r"要不要给钱|给不给钱|送礼)"
)


def left_to_the_form(tracker: Tracker) -> bool:
    """True when, since the resident's last message, the helpline said nothing and left the
    message to the form ("嗯 要不要钱哦" read there as an answer): the form must then read it
    (and count the asking), not yield to the rules again, or the question comes back
    without end."""
    return next(
        (not said for name, said in _since_the_message(tracker) if name in SILENT_WHEN_ANSWERING),
        False,
    )


def _told(statements: str) -> bool:
    """Words beyond a greeting or a lead-in ("我问一下", "请问") are left once the questions
    are taken out of a message."""
    rest = re.sub(r"[\s，,。.！!；;：:]", "", statements)
    rest = re.sub(
        r"^(?:你好|您好|喂|请问|我问一下|我想问一下|问一下|问下|我想问下|想问下|那|哦|嗯)+",
        "",
        rest,
    )
    return len(rest) >= 4


def sender_phone(tracker: Tracker) -> str | None:
    return normalise_phone(tracker.sender_id)


class ValidateApplicationForm(FormValidationAction):
    """Reads every answer with `reader`, and sets the next question with `questions`."""

    def name(self) -> str:
        return "validate_application_form"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        requested = tracker.get_slot("requested_slot")
        text = tracker.latest_message.get("text") or ""
        if requested is None or answered_by_a_rule(tracker):
            return self._ask_next(tracker, requested, text)
        if intent in REQUEST_WORDS and not REQUEST_WORDS[intent].search(text):
            intent = "inform"  # the NLU heard a request the words do not make: an answer
        if intent in ("out_of_scope", "faq") and not speech.looks_like_question(text):
            # "吃降压药 还有眼药水": an answer the NLU put outside the policy or took for a
            # policy question (the rule's action said nothing): read it, and ask again if it
            # cannot be read
            intent = "inform"
        left = left_to_the_form(tracker)
        if (
            intent in DIGRESSIONS
            and not left
            and (
                (speech.looks_like_question(text) and not self._answers_told(tracker, requested))
                or not self._answers(tracker, requested, intent)
            )
        ):
            return []  # a question or a request: the form yields to the rules
        events = self.read_answer(tracker, requested, intent)
        if (
            not left
            and intent in SOCIAL | STATEMENT_LIKE
            and (speech.SOCIAL_ONLY.match(text) or speech.looks_like_question(text))
            and not any(e["name"] in FACT_SLOTS and e["name"] not in BOOKKEEPING for e in events)
        ):
            return []  # only a greeting or a question: the rules answer, the form goes on
        return events

    def _answers_told(self, tracker: Tracker, requested: str) -> bool:
        """True when the message's statements alone answer the question: "我种地 喂猪 场上有
        零工就去做几天" answers who can work, whatever a clause of it looks like."""
        told = speech.statements(tracker.latest_message.get("text") or "")
        if not told.strip("，,。 "):
            return False
        reading = reader.read(
            told, requested, self._slots(tracker), sender_phone=sender_phone(tracker)
        )
        return reading.understood

    def _answers(self, tracker: Tracker, requested: str, intent: str | None) -> bool:
        """True when the message answers the question being asked, whatever intent the NLU
        gave it ("没得啥子大开销" is not a policy question)."""
        reading = reader.read(
            tracker.latest_message.get("text") or "",
            requested,
            self._slots(tracker),
            intent=intent,
            sender_phone=sender_phone(tracker),
        )
        facts = {k for k in reading.updates if k not in BOOKKEEPING}
        return reading.understood or (intent in STATEMENT_LIKE and bool(facts))

    def _ask_next(self, tracker: Tracker, requested: str | None, text: str) -> list:
        """Starting, or coming back after a rule answered a digression: ask what is next.
        A statement a rule took for a question counts as an answer that could not be read,
        so that even then no question is asked a third time."""
        slots = self._slots(tracker)
        asks = dict(slots.get("asks") or {})
        next_slot = questions.next_question(slots)
        # The resident's own questions in between do not count as answers that could not
        # be read, but a question comes back at most MAX_ASKS_AROUND times in all.
        # Only a message that is all question: one that also tells something ("孙娃儿读初三
        # 在羊市中学住校 那个娃儿读书的钱有没有补助嘛") was an answer too, read or not.
        question = speech.looks_like_question(text) and not _told(speech.statements(text))
        around = dict(slots.get("asked_around") or {})
        if requested and next_slot == requested:
            while next_slot is not None and (
                asks.get(next_slot, 0) >= (MAX_ASKS_AROUND if question else 2)
                or asks.get(next_slot, 0) + around.get(next_slot, 0) >= MAX_ASKS_AROUND
            ):
                give_up(slots, next_slot)
                next_slot = questions.next_question(slots)
        if next_slot and next_slot == requested and question:
            around[next_slot] = around.get(next_slot, 0) + 1
        elif next_slot:
            asks[next_slot] = asks.get(next_slot, 0) + 1
        slots["asked_around"] = around
        events = [
            SlotSet(slot, value)
            for slot, value in slots.items()
            if value != tracker.get_slot(slot) and slot not in SECRET_SLOTS
        ]
        return [*events, SlotSet("asks", asks), SlotSet("requested_slot", next_slot)]

    @staticmethod
    def _slots(tracker: Tracker) -> dict:
        return {slot: tracker.get_slot(slot) for slot in FACT_SLOTS}

    def read_answer(self, tracker: Tracker, requested: str, intent: str | None) -> list:
        slots = self._slots(tracker)
        text = tracker.latest_message.get("text") or ""
        reading = reader.read(
            text,
            requested,
            slots,
            intent=intent,
            entities=tracker.latest_message.get("entities") or [],
            sender_phone=sender_phone(tracker),
        )
        if (
            requested == "consent"
            and not reading.understood
            and tracker.get_slot("reask") == "free"
            and re.match(r"\s*(?:嗯|要得|好|可以|行|中)", text)
        ):
            # "嗯 要不要钱哦" again after being told it is free: the 嗯 is a yes
            reading.updates["consent"], reading.understood = True, True
        updates = dict(reading.updates)
        reask = self._reask(reading, requested, intent, text, updates, slots)
        if requested == "consent" and updates.get("consent") is True and _ASKS_THE_FEE.search(text):
            reask = "free"  # "要得 要不要钱": yes, and the fee answered with the next question
        if updates.get("consent") is True and not slots.get("phone") and sender_phone(tracker):
            updates["phone"] = sender_phone(tracker)
        if (tracker.get_latest_input_channel() or "") == "voice" and slots.get("medium") != "voice":
            updates["medium"] = "voice"
        merged = {**slots, **updates}
        asks = dict(slots.get("asks") or {})
        unclear = dict(slots.get("unclear") or {})
        if (
            reading.understood
            and requested in questions.MAY_BE_UNKNOWN
            and tracker.get_slot("reask") == "dont_know"
            and speech.DONT_KNOW.search(text)
            # (not when the words said which source is not known: "女子给点 好多不晓得")
            and not any(
                f.startswith(f"{requested}.")
                for f in set(merged.get("unknown_facts") or [])
                - set(slots.get("unknown_facts") or [])
            )
        ):
            # "我也不晓得今年好多 女儿过年给两千", asked again after "说不清楚": the figure
            # told is kept, the rest stays unknown, and both answers stay for staff
            merged["unknown_facts"] = sorted({*(merged.get("unknown_facts") or []), requested})
            unclear[requested] = [*unclear.get(requested, []), mask_numbers(text)][-2:]
        elif reading.understood:
            unclear.pop(requested, None)
        elif reask not in ("changed", "what_to_change"):
            unclear[requested] = [*unclear.get(requested, []), mask_numbers(text)][-2:]
        if reask == "changed":
            asks[requested] = 0  # a correction at the summary: show it again
        next_slot = questions.next_question(merged)
        # No dead ends: a question is never asked a third time for the same fact.
        while next_slot is not None and asks.get(next_slot, 0) >= 2:
            give_up(merged, next_slot)
            reask = None
            next_slot = questions.next_question(merged)
        if next_slot is not None:
            asks[next_slot] = asks.get(next_slot, 0) + 1
        merged["asks"], merged["unclear"] = asks, unclear
        updates = {k: v for k, v in merged.items() if v != slots.get(k)}
        events = [SlotSet(slot, self._stored(slot, value)) for slot, value in updates.items()]
        if "id_number" in updates:
            events.append(SlotSet("id_number_masked", mask_id_number(updates["id_number"])))
        events.append(SlotSet("members_said", len(merged.get("members") or [])))
        events.append(SlotSet("reask", reask))
        events.append(SlotSet("requested_slot", next_slot))
        return events

    @staticmethod
    def _reask(reading, requested, intent, text, updates, slots) -> str | None:
        """Why the question is asked again, if it is: shown to the resident."""
        if reading.understood:
            return None
        if requested == "consent" and _ASKS_THE_FEE.search(text):
            return "free"  # "嗯 要不要钱哦": applying costs nothing, then the question again
        if intent == "dont_know" or speech.DONT_KNOW.search(text):
            if slots.get("reask") == "dont_know" and requested in questions.MAY_BE_UNKNOWN:
                updates["unknown_facts"] = sorted({*(slots["unknown_facts"] or []), requested})
                return None
            return "dont_know"
        if requested in ("confirmed", "id_readback") and (
            intent == "deny" or speech.DENY.match(text)
        ):
            if requested == "id_readback":
                updates["id_number"] = None
                return "misunderstood"
            return "what_to_change"
        if requested == "confirmed" and any(k != "unknown_facts" for k in updates):
            return "changed"  # a correction at the summary: show the new summary
        if not updates or reading.problem:
            return reading.problem or "misunderstood"
        return "misunderstood"

    @staticmethod
    def _stored(slot: str, value: Any) -> Any:
        if slot in SECRET_SLOTS and value:
            return identity_cipher().encrypt(value)
        return value


def give_up(slots: dict, slot: str) -> None:
    """After a second answer that could not be read: the fact is unknown (the resident's
    words stay in `unclear` for staff) and the application goes on."""
    slots["unknown_facts"] = sorted({*(slots.get("unknown_facts") or []), slot})
    if slot in questions.PLACEHOLDERS:
        slots[slot] = questions.PLACEHOLDERS[slot]
    elif slot == "household_size":
        slots[slot] = len(slots.get("members") or []) or 1
    elif slot == "members":
        application_facts.settle_unknown_ages(slots)
        listed = slots.get("members") or []
        if listed and len(listed) < (slots.get("household_size") or 0):
            # The same people listed twice when asked who else: they are the household
            # (the count said stays in the resident's words under `unclear`).
            slots["household_size"] = len(listed)
    elif slot == "consent":
        slots["consent"] = False
    elif slot == "confirmed":
        slots["confirmed"] = True


def mask_numbers(text: str) -> str:
    """Identity and phone numbers masked however typed (the one function, core.masking)."""
    return mask_personal(text)

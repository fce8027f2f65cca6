"""The policy helpline (政策咨询): answers questions about 奉节府办〔2017〕158号, citing the clause.

Rasa's ResponseSelector picks the question (`faq/<key>`); the answer comes from one table,
``helpline_answers.yaml``, whose texts name dated parameters instead of amounts. They are
filled with the values in force on the day asked — the shipped values with county staff's
dated values merged over them (``cases.parameters.current_parameters``) — or, when the
question names a year ("2019年的标准是好多"), with the values in force at that year's end.
A question the selector is not sure of gets the honest out-of-scope answer, never a guess.
"""

from __future__ import annotations

import logging
import re
import string
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict
from sqlmodel import Session

from actions.first_message import facts_told, wants_to_apply
from actions.store import store_engine
from cases.parameters import current_parameters
from core.settings import get_settings
from policy.parameters import NAMES, ParameterSet, load_default

log = logging.getLogger(__name__)

ANSWERS = Path(__file__).with_name("helpline_answers.yaml")
RETRIEVAL_INTENT = "faq"
#: Below this ResponseSelector confidence the question is treated as out of scope
#: (measured on tests/nlu/faq_held_out.yml, see docs/helpline.md).
MIN_CONFIDENCE = 0.35
SMS_LIMIT = 134  # two concatenated UCS-2 segments of 67 characters
BEIJING = timezone(timedelta(hours=8))

_FIELDS = string.Formatter()
_DIGITS = {"零": "0", "〇": "0", **{c: str(i) for i, c in enumerate("一二三四五六七八九", 1)}}
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*(?:年|的)")
_CHINESE_YEAR = re.compile(r"([零〇一二三四五六七八九]{4})\s*年")
_SHORT_YEAR = re.compile(r"(?<!\d)(\d{2})\s*年(?=的|低保|标准|扶贫|贫困|残疾|分类|护理|那)")
_RELATIVE = {"今年": 0, "去年": 1, "前年": 2}


@dataclass(frozen=True)
class Answer:
    """One question of the helpline: its key (``faq/<key>``), the clause it rests on, the text."""

    key: str
    question: str
    clause: str
    text: str

    @property
    def fields(self) -> set[str]:
        return {name for _, name, _, _ in _FIELDS.parse(self.text) if name}


@dataclass(frozen=True)
class AnswerTable:
    basis: str
    missing: str
    answers: dict[str, Answer]


@lru_cache(maxsize=1)
def answer_table() -> AnswerTable:
    """The answers of ``helpline_answers.yaml``, read once."""
    raw = yaml.safe_load(ANSWERS.read_text(encoding="utf-8"))
    answers = {
        key: Answer(key, entry["question"], str(entry["clause"]), entry["text"].strip())
        for key, entry in raw["answers"].items()
    }
    return AnswerTable(raw["basis"], raw["missing"], answers)


def today_in_beijing() -> date:
    return datetime.now(BEIJING).date()


def year_asked(text: str, today: date) -> int | None:
    """The year a question names: 2019年, 二〇一九年, 19年的, 今年/去年/前年; None if none."""
    if match := _YEAR.search(text):
        return int(match[1])
    if match := _CHINESE_YEAR.search(text):
        return int("".join(_DIGITS[c] for c in match[1]))
    if match := _SHORT_YEAR.search(text):
        return 2000 + int(match[1])
    for word, back in _RELATIVE.items():
        if word in text:
            return today.year - back
    return None


def day_asked(text: str, today: date) -> tuple[date, str]:
    """The day whose values answer the question, and how the answer names it ({when}).

    A past year named in the question: the values in force on its 31 December. The current
    year, a future one, or none: today's values ("现在")."""
    year = year_asked(text, today)
    if year is None or year >= today.year:
        return today, "现在"
    return date(year, 12, 31), f"{year}年"


def _amount(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _day(value: date) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


def values_on(parameters: ParameterSet, day: date) -> dict[str, str | None]:
    """Every placeholder an answer may use, as text, for ``day``; None when not in force."""
    values: dict[str, str | None] = {}
    for name in NAMES:
        dated = parameters.value_on(name, day)
        values[name] = _amount(dated.value) if dated else None
        values[f"{name}_since"] = _day(dated.effective_from) if dated else None
    deduction = parameters.value_on("poverty_project_wage_deduction", day)
    values["poverty_project_wage_deduction"] = _amount(deduction.value * 100) if deduction else None
    standard = parameters.value_on("rural_dibao_standard", day)
    for derived, factor in (
        ("separate_income_limit", "separate_household_income_multiple"),
        ("deposit_limit_per_person", "deposit_limit_months"),
    ):
        multiple = parameters.value_on(factor, day)
        values[derived] = (
            _amount(multiple.value * standard.value) if multiple and standard else None
        )
    return values


def render(
    key: str,
    parameters: ParameterSet,
    *,
    question: str = "",
    today: date | None = None,
    helpline: str | None = None,
) -> str:
    """The resident's answer to ``faq/<key>``, with the values in force on the day asked."""
    table = answer_table()
    answer = table.answers[key]
    today = today or today_in_beijing()
    day, when = day_asked(question, today)
    values: dict[str, Any] = values_on(parameters, day)
    values |= {"when": when, "helpline": helpline or get_settings().helpline_number}
    if any(values.get(name) is None for name in answer.fields):
        text = table.missing.format(**values)
    else:
        text = answer.text.format(**values)
    return text + table.basis.format(clause=answer.clause)


def selected_key(message: dict[str, Any], threshold: float = MIN_CONFIDENCE) -> str | None:
    """The question key the ResponseSelector chose for ``message``; None when it is unsure
    or chose nothing we have an answer for."""
    selector = (message.get("response_selector") or {}).get(RETRIEVAL_INTENT) or {}
    response = selector.get("response") or {}
    full_key, confidence = response.get("intent_response_key"), response.get("confidence")
    if not full_key:
        ranking = [r for r in selector.get("ranking") or [] if r.get("intent_response_key")]
        if ranking:
            full_key, confidence = ranking[0]["intent_response_key"], ranking[0].get("confidence")
    if not full_key or not full_key.startswith(f"{RETRIEVAL_INTENT}/"):
        return None
    if confidence is None or confidence < threshold:
        return None
    key = full_key.split("/", 1)[1]
    if key not in answer_table().answers:
        log.warning("no helpline answer for %s", full_key)
        return None
    return key


def parameters_in_force() -> ParameterSet:
    """The parameters with the county's dated values; the shipped ones if the store fails."""
    try:
        with Session(store_engine()) as session:
            return current_parameters(session)
    except Exception:  # noqa: BLE001 - an answer from the shipped values beats no answer
        log.exception("case store unavailable: answering with the shipped parameters")
        return load_default()


class ActionAnswerPolicy(Action):
    """Answers a policy question (faq/<key>) with its clause; unsure → the out-of-scope reply."""

    def name(self) -> str:
        return "action_answer_policy"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        message = tracker.latest_message or {}
        applying = tracker.active_loop_name is None and wants_to_apply(message.get("text") or "")
        key = selected_key(message)
        if key is None and applying:
            return [FollowupAction("action_start_application")]  # "我…可以办低保不"
        if key is None:
            dispatcher.utter_message(response="utter_out_of_scope")
            return []
        text = render(key, parameters_in_force(), question=message.get("text") or "")
        dispatcher.utter_message(text=text)
        if applying:
            # A policy question about the sender's own family: the answer, then the offer
            # in one short line; what the message told is kept for the application.
            dispatcher.utter_message(response="utter_offer_application")
            return facts_told(tracker)
        return []

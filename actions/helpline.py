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
from rasa_sdk.events import (
    ActionExecuted,
    FollowupAction,
    SlotSet,
    UserUtteranceReverted,
    UserUttered,
)
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict
from sqlmodel import Session

from actions.application import ValidateApplicationForm
from actions.first_message import facts_told, wants_to_apply
from actions.helpline_topic import MIN_CONFIDENCE, OVERRULE_BELOW, choose, selection
from actions.policy_terms import elsewhere, near_topic, outside, strong_topic, topic_by_terms
from actions.reading.speech import looks_like_question
from actions.statement_topic import asks_to_reconsider, reports_someone_s_dibao, statement_topic
from actions.store import store_engine
from cases.parameters import current_parameters
from core.settings import get_settings
from policy.parameters import NAMES, ParameterSet, load_default

log = logging.getLogger(__name__)

ANSWERS = Path(__file__).with_name("helpline_answers.yaml")
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
    near: str
    elsewhere: str
    thanks: str
    answers: dict[str, Answer]


@lru_cache(maxsize=1)
def answer_table() -> AnswerTable:
    """The answers of ``helpline_answers.yaml``, read once."""
    raw = yaml.safe_load(ANSWERS.read_text(encoding="utf-8"))
    answers = {
        key: Answer(key, entry["question"], str(entry["clause"]), entry["text"].strip())
        for key, entry in raw["answers"].items()
    }
    return AnswerTable(
        raw["basis"], raw["missing"], raw["near"], raw["elsewhere"], raw["thanks"], answers
    )


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
    key, confidence = selection(message, set(answer_table().answers))
    return key if key is not None and confidence >= threshold else None


def questions() -> dict[str, str]:
    """Each answer key's question, as the table words it."""
    return {key: answer.question for key, answer in answer_table().answers.items()}


def parameters_in_force() -> ParameterSet:
    """The parameters with the county's dated values; the shipped ones if the store fails."""
    try:
        with Session(store_engine()) as session:
            return current_parameters(session)
    except Exception:  # noqa: BLE001 - an answer from the shipped values beats no answer
        log.exception("case store unavailable: answering with the shipped parameters")
        return load_default()


def near_reply(text: str) -> str | None:
    """Instead of a bare "答不了": what the assistant can answer near the question."""
    near = near_topic(text)
    if near is None:
        return None
    topic, can_answer = near
    return answer_table().near.format(
        topic=topic, questions=can_answer, helpline=get_settings().helpline_number
    )


def answers_the_form(tracker: Tracker) -> bool:
    """In the application, a message the NLU took for a policy question whose statements
    answer the question being asked: the form reads it (``answered_by_a_rule`` lets it)."""
    requested = tracker.get_slot("requested_slot")
    if tracker.active_loop_name != "application_form" or not requested:
        return False
    return ValidateApplicationForm()._answers_told(tracker, requested)


def reply_to(
    dispatcher: CollectingDispatcher, tracker: Tracker, *, asked: bool
) -> list[dict[str, Any]]:
    """Answer the latest message as a policy question: the answer with its clause (and, for a
    question about the sender's own family, the offer to apply), the application itself, what
    can be answered near it, or the honest reply."""
    message = tracker.latest_message or {}
    text = message.get("text") or ""
    if asked and answers_the_form(tracker):
        return []  # "自己还是出了四万多 好多是借的": an answer, not "how much?"
    applying = tracker.active_loop_name is None and wants_to_apply(text)
    # (a report of someone's 低保 is ours, whatever other office's words it holds)
    ours = reports_someone_s_dibao(text)
    if elsewhere(text) and not applying and not ours:
        helpline = get_settings().helpline_number
        dispatcher.utter_message(text=answer_table().elsewhere.format(helpline=helpline))
        return []
    if outside(text) and not applying and not ours:
        dispatcher.utter_message(response="utter_out_of_scope")
        return []
    key = choose(message, tracker.get_slot("helpline_topic"), questions(), asked=asked)
    told = statement_topic(text) if tracker.active_loop_name is None else None
    if told == "objection" and asks_to_reconsider(text):
        key = told  # (not the illness the story tells: the decision is what is asked about)
    elif told and (
        key is None
        or (statement_topic(text, soft=False) and _unsure_of_a_statement(message, key, text))
    ):
        # "娃儿考起大学了，学费还差一万多": a hardship told, the help for it and the offer
        key, applying = told, True
    if key is None and applying:
        return [FollowupAction("action_start_application")]  # "我…可以办低保不"
    if (
        key is None
        and tracker.active_loop_name == "application_form"
        and not looks_like_question(text)
    ):
        return []  # "几级搞不清楚，证放在抽屉头": an answer, which the form reads or asks again
    if key is None and _THANKS.search(text) and not looks_like_question(text):
        # "太感谢你们了 … 生活有着落了": thanks, answered as thanks, not "我答不了"
        helpline = get_settings().helpline_number
        dispatcher.utter_message(text=answer_table().thanks.format(helpline=helpline))
        return []
    if key is None:
        near = near_reply(text)
        if near:
            dispatcher.utter_message(text=near)
        else:
            dispatcher.utter_message(response="utter_out_of_scope")
        return []
    dispatcher.utter_message(text=render(key, parameters_in_force(), question=text))
    events: list[dict[str, Any]] = [SlotSet("helpline_topic", key)]
    if applying:
        # A policy question about the sender's own family: the answer, then the offer
        # in one short line; what the message told is kept for the application.
        dispatcher.utter_message(response="utter_offer_application")
        events += facts_told(tracker)
    return events


_THANKS = re.compile(r"(谢谢|感谢|多谢|多亏|谢了|记着这份情|记得这份情|感恩)")


def _unsure_of_a_statement(message: dict[str, Any], key: str, text: str) -> bool:
    """A statement that asks nothing ("我女儿脑瘫…吃喝拉撒都要人管") for which the selector
    is not quite sure of its answer, and no strong cue of the policy's terms chose it: the
    trouble told (`statement_topic`) says better what would help."""
    _, confidence = selection(message, set(questions()))
    return (
        not looks_like_question(text)
        and strong_topic(text) != key
        and (topic_by_terms(text) != key or confidence < MIN_CONFIDENCE)
        and confidence < OVERRULE_BELOW
    )


def answer_how(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[dict[str, Any]]:
    """A question how to apply ("火灾怎么报补助"): the topic's answer, or where to apply, and
    the offer to apply here."""
    text = (tracker.latest_message or {}).get("text") or ""
    if elsewhere(text) or outside(text):
        dispatcher.utter_message(response="utter_out_of_scope")  # "重庆公租房申请流程"
        return []
    key = topic_by_terms(text) or "where_to_apply"
    dispatcher.utter_message(text=render(key, parameters_in_force(), question=text))
    dispatcher.utter_message(response="utter_offer_application")
    return [SlotSet("helpline_topic", key)]


class ActionAnswerPolicy(Action):
    """Answers a policy question (faq/<key>) with its clause; unsure → the policy's own terms,
    then what can be answered near it, then the honest reply."""

    def name(self) -> str:
        return "action_answer_policy"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        return reply_to(dispatcher, tracker, asked=True)


class ActionTriage(Action):
    """A message the assistant did not place (fallback, out of scope, a greeting, facts)
    outside the application: an application when it asks for help for the sender, a policy
    answer when the policy's terms are in it, else the reply for its intent."""

    def name(self) -> str:
        return "action_triage"

    def run(self, dispatcher, tracker, domain):
        message = tracker.latest_message or {}
        intent = (message.get("intent") or {}).get("name")
        if intent == "correct" and tracker.get_slot("case_reference"):
            dispatcher.utter_message(response="utter_after_filing_correction")
            return []  # "刚才说错了" after filing: the window corrects a filed case
        text = message.get("text") or ""
        if wants_to_apply(text):
            return [FollowupAction("action_start_application")]
        if (
            elsewhere(text)
            or outside(text)
            or choose(message, tracker.get_slot("helpline_topic"), questions(), asked=False)
            or statement_topic(text)
        ):
            return reply_to(dispatcher, tracker, asked=False)
        if intent in ("out_of_scope", "nlu_fallback") and (near := near_reply(text)):
            dispatcher.utter_message(text=near)
            return []
        if intent in ("nlu_fallback", "inform") and said_something(text):
            # A whole sentence the assistant cannot place ("老家还是土路，车进不去") is a matter
            # for someone else: the honest reply names who, where "没听懂" would ask the
            # resident to say again what they said plainly.
            intent = "out_of_scope"
        reply = {"out_of_scope": "utter_out_of_scope", "greet": "utter_greet"}
        dispatcher.utter_message(response=reply.get(intent, "utter_default"))
        return []


class ActionOutOfScopeInForm(Action):
    """In the middle of the application, a message the NLU put outside the policy: a real
    question gets the honest out-of-scope reply; a statement ("吃降压药 还有眼药水", "腿脚不好，
    血压高") is the resident's answer, and the form reads it (or asks again) without a
    "这个问题我答不了" that would tell them their answer was a question nobody can answer."""

    def name(self) -> str:
        return "action_out_of_scope_in_form"

    def run(self, dispatcher, tracker, domain):
        text = (tracker.latest_message or {}).get("text") or ""
        if looks_like_question(text) and not answers_the_form(tracker):
            dispatcher.utter_message(response="utter_out_of_scope")
        return []


class ActionIAmABot(Action):
    """ "请问这个是人工还是机器人？我想帮我妈妈申请低保…": say what the assistant is, then take
    up what else the message asks — a plea or a story starts the application."""

    def name(self) -> str:
        return "action_i_am_a_bot"

    def run(self, dispatcher, tracker, domain):
        dispatcher.utter_message(response="utter_iamabot")
        text = (tracker.latest_message or {}).get("text") or ""
        if wants_to_apply(text):
            return [FollowupAction("action_start_application")]
        return []


_FAREWELL = re.compile(r"(谢|再见|拜拜|好的|晓得了|知道了|明白了)")


class ActionThanksOrGoodbye(Action):
    """ "谢谢" or "再见" as the NLU heard it: said alone, the polite reply; said with a trouble
    or a thanks for some help ("谢谢政府，我的手术费报了大半"; "我害怕自己先走了，没人能照料
    她了…"), what helps with it (`statement_topic`), or the application for a plea."""

    reply = ""

    def name(self) -> str:
        return f"action_{self.reply.removeprefix('utter_')}"

    def run(self, dispatcher, tracker, domain):
        text = (tracker.latest_message or {}).get("text") or ""
        if tracker.active_loop_name is None and said_something(text):
            if wants_to_apply(text):
                return [FollowupAction("action_start_application")]
            # (or another office's matter, with no thanks or farewell in it: "…要安装自来水了…
            # 一等再等也没见施工队来")
            if statement_topic(text) or (
                (elsewhere(text) or outside(text)) and not _FAREWELL.search(text)
            ):
                return reply_to(dispatcher, tracker, asked=False)
        dispatcher.utter_message(response=self.reply)
        return []


class ActionYouAreWelcome(ActionThanksOrGoodbye):
    reply = "utter_you_are_welcome"


class ActionGoodbye(ActionThanksOrGoodbye):
    reply = "utter_goodbye"


def said_something(text: str) -> bool:
    """A sentence of words (ten Chinese characters or more, or a question of six or more:
    "交公粮60岁有补助吗"), not a slip or a stray reply."""
    characters = len(re.findall(r"[\u4e00-\u9fff]", text or ""))
    question = re.search(r"(吗|么|[?？]|啥|什么|多少|好多|怎么|咋)", text or "")
    return characters >= 10 or (characters >= 6 and bool(question))


class ActionDefaultFallback(Action):
    """Rasa's core fallback, when no policy is sure what comes next. Outside the application
    the message gets the triage's chances first — a follow-up of the last answer ("那残疾的
    呢？"), a policy question in the policy's terms, a plea for help; else, as Rasa's own
    fallback, "没听懂" and the message is forgotten."""

    def name(self) -> str:
        return "action_default_fallback"

    def run(self, dispatcher, tracker, domain):
        message = tracker.latest_message or {}
        text = message.get("text") or ""
        if tracker.active_loop_name is None:
            if wants_to_apply(text):
                return [FollowupAction("action_start_application")]
            if (
                elsewhere(text)
                or outside(text)
                or choose(message, tracker.get_slot("helpline_topic"), questions(), asked=False)
                or statement_topic(text)
            ):
                events = reply_to(dispatcher, tracker, asked=False)
                if any(isinstance(e, dict) and e.get("event") == "followup" for e in events):
                    return events
                # Answered: now the resident's turn. (Without it no policy is surer the second
                # time, and the fallback, answering again, would run until Rasa's limit of ten
                # actions: the same answer sent ten times.)
                return [*events, FollowupAction("action_listen")]
            if said_something(text):  # a whole sentence: someone else's matter (as the triage)
                dispatcher.utter_message(response="utter_out_of_scope")
                return [UserUtteranceReverted()]
        elif tracker.active_loop_name == "application_form" and tracker.get_slot("requested_slot"):
            # In the application no policy knew what comes next (after a pause, say): the
            # form reads the message as the answer to its question. "没听懂" here, with the
            # message forgotten, would be met again by every answer: a dead end. The message
            # is put back as just heard (as Rasa's two-stage fallback does after a rephrase)
            # so that the form validates it.
            message = tracker.latest_message or {}
            return [
                UserUtteranceReverted(),
                ActionExecuted("action_listen"),
                UserUttered(
                    text, parse_data=message, input_channel=tracker.get_latest_input_channel()
                ),
                FollowupAction("application_form"),
            ]
        dispatcher.utter_message(response="utter_default")
        return [UserUtteranceReverted()]

"""The review conversation (复查) as pure steps: "has anything changed?", then only what
changed — members, income, illness and costs, assets — each answer read with the
application's readers (``actions.reading.reader``) over the household's facts as they stand.

The state travels in one slot (``review_state``): the question being asked, the topics
still to ask, the topics that changed, the resident's words (masked) and how often each
question was asked (never a third time: the words then go to staff as said). No I/O here.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from actions.reading import reader
from actions.reading.speech import DONT_KNOW
from core.masking import mask_personal

# The facts the review may change, by topic; the reader's other readings are left out.
TOPIC_SLOTS = {
    "members": ("household_size", "members"),
    "income": ("income", "income_total"),
    "health": ("members",),  # illness and disability are said on the members
    "expenses": ("expenses",),
    "assets": ("assets",),
    "hardship": ("hardship",),
}
# The words that say a topic changed, whether or not the amount was said.
TOPIC_WORDS = {
    "members": re.compile(
        r"(生了|添了|出生|满月|去世|过世|死了|走了|不在了|没了人|搬|嫁|娶|结婚|"
        r"离婚|分家|出去了|回来了|回家|人口|几口人|多了个|少了个|坐牢|当兵)"
    ),
    "income": re.compile(
        r"(收入|工资|挣|赚|打工|上班|涨|加了|多了|少了|降|没活|失业|下岗|退休金|"
        r"养老金|公益岗|生意|种|养)"
    ),
    "health": re.compile(r"(病|住院|残疾|瘫|手术|受伤|摔|癌|中风|卧床)"),
    "expenses": re.compile(r"(医药费|看病花|治病花|学费|读书花|开支|花销|花了)"),
    "assets": re.compile(r"(存款|存了|买了?房|买了?车|车子|房子|修房|盖房|建房|门面|铺子)"),
}
# Topic order when several are pending (as the application asks them).
TOPICS = ("members", "health", "income", "expenses", "assets")
NO_CHANGE = re.compile(
    r"^(没变|没有变|没啥变|没什么变|没得变|没有变化|没变化|无变化|不变|一样|还是一样|"
    r"跟原来一样|和原来一样|老样子|还是老样子|照旧|没有|没得|莫得|没|无|都没有|没得啥子|"
    r"没有啥|没啥|没了|没有了|没得了|1)"
)
MAX_ROUNDS = 3  # "还有别的变化吗？" at most this often
MAX_ASKS = 2

QUESTIONS = {
    "what": "哪方面有变化？请直接说，比如：添了人、有人过世、收入变了、看病花了钱、买了车。",
    "members": "现在家里一共几口人？添了谁、走了谁，请说一下。",
    "health": "谁得了病或受了伤？是啥子病？",
    "income": "现在全家一年收入大概好多钱？是哪些收入？比如打工、种养殖、养老金。",
    "expenses": "一年看病、读书这些要自己出好多钱？",
    "assets": "存款、房子、车子有啥子变化？请说一下。",
    "more": "记下了。还有别的变化吗？没有请回“没有”。",
}
# What each topic is read as, when it is the question being asked.
REQUESTED = {"members": "household_size", "health": "health", "income": "income",
             "expenses": "expenses", "assets": "assets"}  # fmt: skip


def new_state() -> dict[str, Any]:
    return {"step": "changed", "pending": [], "changed": [], "said": [], "asks": {},
            "rounds": 0, "done": False}  # fmt: skip


def _no_change(text: str) -> bool:
    cleaned = re.sub(r"[\s，。,.!！~～]", "", text)
    return bool(NO_CHANGE.match(cleaned)) and not any(
        p.search(cleaned) for p in TOPIC_WORDS.values()
    )


def mentioned(text: str) -> list[str]:
    return [topic for topic in TOPICS if TOPIC_WORDS[topic].search(text)]


def _changed_topics(before: dict, after: dict) -> list[str]:
    changed = []
    for topic, slots in TOPIC_SLOTS.items():
        if any(before.get(slot) != after.get(slot) for slot in slots):
            changed.append(topic)
    return changed


def take_answer(text: str, state: dict, facts: dict) -> tuple[dict, dict]:
    """Read one answer: the new state and facts. ``state["done"]`` ends the review."""
    state, facts = copy.deepcopy(state), copy.deepcopy(facts)
    text = (text or "").strip()
    step = state["step"]
    if text:
        state["said"] = [*state["said"], mask_personal(text)][-12:]
    if step in ("changed", "more") and _no_change(text):
        state["done"] = True
        return state, facts
    requested = REQUESTED.get(step)
    reading = reader.read(text, requested, facts)
    allowed = {slot for topic in TOPIC_SLOTS.values() for slot in topic}
    updates = {key: value for key, value in reading.updates.items() if key in allowed}
    if step == "income" and reading.understood:
        facts["income_asked"] = True
    new_facts = {**facts, **updates}
    changed = _changed_topics(facts, new_facts)
    facts = new_facts
    state["changed"] = sorted({*state["changed"], *changed})
    asked_topic = step in REQUESTED
    if asked_topic:
        state["asks"][step] = state["asks"].get(step, 0) + 1
        understood = reading.understood or step in changed
        unclear = not understood and not DONT_KNOW.search(text)
        if understood or not unclear or state["asks"][step] >= MAX_ASKS:
            state["pending"] = [t for t in state["pending"] if t != step]
        if not understood and unclear and state["asks"][step] < MAX_ASKS:
            return state, facts  # the same question once more
    said_topics = [t for t in mentioned(text) if t not in changed and t not in state["asks"]]
    state["pending"] = [*state["pending"], *[t for t in said_topics if t not in state["pending"]]]
    if state["pending"]:
        state["step"] = state["pending"][0]
    elif step == "changed" and not changed and not said_topics:
        state["step"] = "what"  # "有变化" alone: which?
    elif step == "what" and not changed and not said_topics:
        state["done"] = True  # twice nothing we could read: the words go to staff
    else:
        state["rounds"] += 1
        state["step"] = "more"
        if state["rounds"] > MAX_ROUNDS:
            state["done"] = True
    return state, facts


def question(state: dict) -> str:
    return QUESTIONS.get(state["step"], QUESTIONS["more"])


def slots_from_household(household: dict, facts: dict) -> dict:
    """The household as the application's slots, for the readers: from the newest Household
    JSON (the facts after any visit), with the members' words (儿子, 老汉儿) from the
    application's facts when they still match."""
    said = [m for m in facts.get("members") or [] if isinstance(m, dict)]
    members = []
    for index, member in enumerate(household.get("members") or []):
        label = said[index].get("label") if len(said) == len(household["members"]) else None
        members.append({
            "label": label or RELATION_WORDS.get(member.get("relation"), "家人"),
            "relation": member.get("relation") or "other",
            "age": member.get("age"),
            "disability_grade": member.get("disability_grade"),
            **{flag: bool(member.get(flag)) for flag in FLAGS},
        })  # fmt: skip
    income = {k: v for k, v in (household.get("income") or {}).items() if v}
    expenses = {k: v for k, v in (household.get("rigid_expenses") or {}).items() if v}
    status = {key: bool(household.get(key)) for key in STATUS}
    return {
        "consent": True, "confirmed": True, "income_asked": True,
        "applicant_name": facts.get("applicant_name"), "township": facts.get("township"),
        "village": facts.get("village"), "household_size": len(members), "members": members,
        "income": income, "expenses": expenses, "assets": dict(household.get("assets") or {}),
        "status": status, "three_guarantees": list(household.get("three_guarantees_unmet") or []),
        "hardship": household.get("hardship") or "none",
    }  # fmt: skip


FLAGS = ("needs_long_term_care", "serious_illness", "bedridden", "in_school", "able_to_work")
STATUS = ("registered_poor", "receiving_dibao", "receiving_tekun", "returned_to_poverty")
RELATION_WORDS = {"applicant": "我", "spouse": "老伴", "child": "孩子", "parent": "老人",
                  "grandchild": "孙辈", "grandparent": "老人", "sibling": "兄弟姐妹"}  # fmt: skip

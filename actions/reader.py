"""Reads one resident message into application facts (slot updates). Pure: the caller
passes the message, the question being asked and the facts so far.

Every message is read for every fact it clearly states ("我屋头4口人，老汉儿二级残疾，
一年收入一万二左右"), so a resident who says more answers fewer questions, and a later
statement replaces an earlier one (corrections). The question being asked is read more
leniently: a bare "5" answers "how many people?".
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from actions import household_text as people
from actions import id_card, money_text, status_text
from actions.parsing import parse_household_size, parse_name, to_arabic
from cases.phones import normalise_phone
from cases.townships import find_township

DONT_KNOW = re.compile(r"(不晓得|不知道|不清楚|记不得|记不清|说不准|搞不清|不太清楚|晓不得|不记得)")
RANGE = re.compile(r"\d\s*(到|至|~|～|-|－)\s*\d")
AFFIRM = re.compile(
    r"^(是|是的|对|对的|同意|可以|好|好的|要得|行|嗯|嗯嗯|没问题|对头|确认|没错|正确|ok|OK)"
)
DENY = re.compile(r"^(不|不是|不对|不同意|不要|错了|没有|莫得|不行|算了)")
_VILLAGE = re.compile(r"([\u4e00-\u9fff]{2,4}村)")
_NOT_VILLAGE = ("农村", "乡村", "村里", "村委", "村上")
MONEY_KEYS = ("income", "expenses")


# Questions as residents put them, Chongqing forms included (…不, 算不算, 好多, 多久, 谁):
# measured on the helpline's phrasings in docs/helpline.md.
QUESTION = re.compile(
    r"[吗么嘛呢？?]\s*[哦哈喃]?\s*$|不\s*[哦嘛]?\s*$|什么|啥|怎么|咋|多少|好多\s*钱?\s*[哦嘛喃]?\s*$"
    r"|好多钱|哪[个些里样种儿]|(?P<v>\S)[不没](?P=v)|可不可以|为什么|为啥|是否|几[个百]\S{0,2}$"
    r"|\d{4}\s*年|多久|多长|谁|还是|几[次口类个天]|怎样|如何|的条件$|的标准$|的办法$"
)


def looks_like_question(text: str) -> bool:
    """ "建档立卡户能吃低保吗？" is a question; "是建档立卡户，没吃低保" is an answer."""
    return bool(QUESTION.search(text or ""))


def is_range(text: str) -> bool:
    """ "一万到两万": not one answer; treated like "不晓得" (asked once more, then unknown)."""
    return bool(RANGE.search(to_arabic(text or "")))


@dataclass
class Reading:
    updates: dict = field(default_factory=dict)
    problem: str | None = None  # e.g. "id_check_digit", shown to the resident
    understood: bool = False  # the question being asked was answered


def _yuan(value: Decimal) -> int:
    return int(value.to_integral_value())


def _amounts(values: dict[str, Decimal]) -> dict[str, int]:
    return {key: _yuan(value) for key, value in values.items()}


def read(
    text: str,
    requested: str | None,
    slots: dict,
    *,
    intent: str | None = None,
    entities: list[dict] = (),
    sender_phone: str | None = None,
    today: date | None = None,
) -> Reading:
    text = (text or "").strip()
    reading = Reading()
    if slots.get("consent") is not True:
        if requested == "consent":
            _read_consent(text, intent, reading)
        return reading
    state = copy.deepcopy(slots)
    _read_everything(text, requested, state, entities, reading, today or date.today())
    if requested and not reading.understood:
        _read_requested(text, requested, state, intent, entities, sender_phone, reading)
    reading.updates = {k: v for k, v in state.items() if v != slots.get(k)}
    return reading


def _read_consent(text: str, intent: str | None, reading: Reading) -> None:
    cleaned = re.sub(r"[\s，。,.!！]", "", text)
    if intent == "deny" or DENY.match(cleaned):
        reading.updates["consent"] = False
        reading.understood = True
    elif intent == "affirm" or AFFIRM.match(cleaned) or "同意" in cleaned:
        reading.updates["consent"] = True
        reading.understood = True


def _entity(entities, name: str) -> str | None:
    return next((e.get("value") for e in entities if e.get("entity") == name), None)


def _read_everything(text, requested, state, entities, reading, today) -> None:
    """Facts stated clearly anywhere in the message."""
    number, problem = id_card.find(text)
    if number and problem is None:
        state["id_number"] = number
        state["applicant_age"] = id_card.age_on(number, today)
        reading.understood |= requested == "id_number"
    elif number:
        reading.problem = f"id_{problem}"
    without_id = text.replace(number or "\0", " ")
    phone_match = re.search(r"(?<!\d)1[3-9]\d{9}(?!\d)", without_id)
    if phone_match and (phone := normalise_phone(phone_match.group(0))):
        state["phone"] = phone
        reading.understood |= requested == "phone"
    name = _entity(entities, "person_name") or _stated_name(without_id)
    if name and parse_name(name):
        state["applicant_name"] = parse_name(name)
        reading.understood |= requested == "applicant_name"
    township = _stated_township(text)
    if township:
        state["township"] = township
        reading.understood |= requested == "township"
    village = _village(text)
    if village:
        state["village"] = village
        reading.understood |= requested == "village"
    size = re.search(r"(\d+)\s*(口人|个人|口)", to_arabic(text))
    if size and 1 <= int(size.group(1)) <= 20 and "岁" not in text[size.end() : size.end() + 1]:
        state["household_size"] = int(size.group(1))
        reading.understood |= requested == "household_size"
    listed = people.read_members(text)
    if listed:
        _merge_members(state, listed)
        reading.understood |= requested in ("household_size", "members")
    if state.get("members") and requested not in ("members", "household_size"):
        if people.apply_circumstances(state["members"], text):
            reading.understood |= requested in ("health", "disability_grade")
            if requested == "health":
                people.settle_health(state["members"])
                state["health"] = True
        if requested in ("health", "work") and people.read_work(state["members"], text):
            reading.understood |= requested == "work"
    income = money_text.read_income(text)
    if income and "total" not in income:
        state["income"] = {**(state.get("income") or {}), **_amounts(income)}
        state["income"].pop("total", None)
        reading.understood |= requested == "income"
    expenses = money_text.read_expenses(text)
    if expenses and requested != "income":
        state["expenses"] = {**(state.get("expenses") or {}), **_amounts(expenses)}
        reading.understood |= requested == "expenses"
    assets = (
        money_text.read_assets(text)
        if requested in ("assets", None) or re.search(r"(存款|车|房)", text)
        else {}
    )
    if assets:
        state["assets"] = {**(state.get("assets") or {}), **assets}
        state["assets"]["deposits"] = (
            _yuan(Decimal(state["assets"].get("deposits", 0)))
            if "deposits" in state["assets"]
            else None
        )
        state["assets"] = {k: v for k, v in state["assets"].items() if v is not None}
        reading.understood |= requested == "assets"
    flags = status_text.read_status(text)
    if flags:
        state["status"] = {**(state.get("status") or {}), **flags}
        reading.understood |= requested == "status"
    guarantees = status_text.read_guarantees(text)
    if guarantees:
        state["three_guarantees"] = guarantees
        reading.understood |= requested == "three_guarantees"
    hardship = (
        status_text.read_hardship(text) if requested in ("three_guarantees", "hardship") else None
    )
    if hardship:
        state["hardship"] = hardship
        reading.understood |= requested == "hardship"


def _stated_name(text: str) -> str | None:
    match = re.search(
        r"(我叫|我的名字叫|名字叫|名字是|申请人是|申请人叫|姓名)\s*[:：]?\s*([\u4e00-\u9fff·]{2,6})",
        text,
    )
    if not match:
        return None
    return re.split(r"(身份证|电话|手机|今年|住|是)", match.group(2))[0]


def _stated_township(text: str) -> str | None:
    """Only a full name (吐祥镇) or a short one marked as a place (住吐祥, 吐祥的) counts
    outside the township question: "平安" or "公平" are ordinary words too."""
    township = find_township(text)
    if township is None:
        return None
    if township in text or re.search(r"(住|在|是)[\u4e00-\u9fff]{2,3}(的|村)", text):
        return township
    return None


def _village(text: str) -> str | None:
    cleaned = text
    township = find_township(text)
    if township:
        cleaned = cleaned.replace(township, " ")
    for match in _VILLAGE.finditer(cleaned):
        village = match.group(1)
        while village and village[0] in "我住在是的镇乡街道":
            village = village[1:]
        if len(village) >= 3 and village not in _NOT_VILLAGE and not village.endswith(_NOT_VILLAGE):
            return village
    return None


def _merge_members(state: dict, listed: list[dict]) -> None:
    members = state.get("members") or []
    for member in listed:
        same = next((m for m in members if m["label"] == member["label"]), None)
        if same is not None and (
            same["age"] == member["age"] or member["relation"] in ("applicant", "spouse")
        ):
            same.update({k: v for k, v in member.items() if v is not None})
        else:
            members.append(member)
    state["members"] = members
    size = state.get("household_size")
    if size is None or len(members) > size:
        state["household_size"] = len(members)


def _read_requested(text, requested, state, intent, entities, sender_phone, reading) -> None:
    """The answer to the question being asked, read leniently."""
    cleaned = re.sub(r"[\s，。,.!！?？]", "", text)
    members = state.get("members") or []
    handled = True
    if requested == "applicant_name":
        name = parse_name(
            re.sub(r"[\dXx]{6,}|身份证号?|号码", " ", text).split()[0]
            if re.sub(r"[\dXx]{6,}|身份证号?|号码", " ", text).split()
            else ""
        )
        if name:
            state["applicant_name"] = name
        handled = bool(name)
    elif requested == "phone":
        if re.search(r"(这个|就是|本机|这号|一样)", cleaned) and sender_phone:
            state["phone"] = sender_phone
        else:
            handled = False
    elif requested == "township":
        township = find_township(text)
        if township:
            state["township"] = township
        handled = bool(township)
    elif requested == "village":
        if 2 <= len(cleaned) <= 5 and re.fullmatch(r"[\u4e00-\u9fff]+", cleaned):
            state["village"] = cleaned if cleaned.endswith("村") else cleaned + "村"
        else:
            handled = False
    elif requested == "household_size":
        size = parse_household_size(text)
        if size:
            state["household_size"] = size
        handled = bool(size)
    elif requested == "health":
        if (
            people.says_none(text)
            or people.apply_circumstances(members, text)
            or (intent == "deny")
        ):
            people.settle_health(members)
            state["health"] = True
        else:
            handled = False
    elif requested == "disability_grade":
        grade = re.search(r"(\d)", to_arabic(text))
        target = next((m for m in members if m["disability_grade"] == "unknown"), None)
        if grade and target and 1 <= int(grade.group(1)) <= 4:
            target["disability_grade"] = int(grade.group(1))
        else:
            handled = False
    elif requested == "work":
        handled = people.read_work(members, text)
    elif requested == "school":
        handled = people.read_school(members, text)
    elif requested == "income":
        handled = _read_income_answer(text, state)
    elif requested == "expenses":
        if money_text.says_nothing(text) or intent == "deny":
            state["expenses"] = {"medical": 0, "disability_care": 0, "education": 0}
        else:
            handled = False
    elif requested == "assets":
        handled = bool(money_text.read_assets(text))
    elif requested == "status":
        if status_text.says_none(text) or intent == "deny":
            state["status"] = {key: False for key in status_text.STATUS}
        else:
            handled = False
    elif requested == "three_guarantees":
        if status_text.says_none(text) or intent == "deny":
            state["three_guarantees"] = []
            if state.get("hardship") is None and re.search(r"^(都没|都莫|都没有)", cleaned):
                state["hardship"] = "none"
        else:
            handled = False
    elif requested == "hardship":
        if status_text.says_none(text) or intent == "deny":
            state["hardship"] = "none"
        else:
            handled = False
    elif requested == "confirmed":
        if intent == "affirm" or AFFIRM.match(cleaned):
            state["confirmed"] = True
        else:
            handled = False
    else:
        handled = False
    reading.understood = handled


def _read_income_answer(text: str, state: dict) -> bool:
    if money_text.says_nothing(text):
        state["income"] = {}
        return True
    income = money_text.read_income(text)
    if "total" in income:
        state["income_total"] = _yuan(income["total"])
        return True
    return False

"""The answer to the question being asked, read leniently: a bare "5" answers "how many
people?", "没有" answers "any troubles?". Works on the slot dict in place; pure."""

from __future__ import annotations

import re

from actions.reading import assets_text, money_text, standing_text
from actions.reading.parsing import parse_household_size, parse_name
from actions.reading.people import member_facts
from actions.reading.speech import AFFIRM, DENY, DONT_KNOW
from core.townships import find_township


def read_answer(text, requested, state, intent, entities, sender_phone) -> bool:
    """The answer to the question being asked, read leniently; True when it answers."""
    cleaned = re.sub(r"[\s，。,.!！?？]", "", text)
    members = state.get("members") or []
    handled = True
    if requested == "applicant_name":
        name = parse_name(
            re.sub(r"[\dXx]{6,}|身份证号?|号码", " ", text).split()[0]
            if re.sub(r"[\dXx]{6,}|身份证号?|号码", " ", text).split()
            else ""
        )
        # "问我名字搞啥子 哦 要登记嘛 黎昌富 黎明的黎…": the name among other words
        name = name or parse_name(re.sub(r"[\dXx]{6,}|身份证号?|号码", " ", text))
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
        if township := find_township(cleaned):
            cleaned = re.sub(rf"^.*?{township}", "", cleaned)  # "兴隆镇 回龙村安置点"
        cleaned = re.sub(r"(的|嘛|哦|啊|呢|那里|这里)$", "", cleaned.split("村")[0] + "村")
        if (
            3 <= len(cleaned) <= 6
            and re.fullmatch(r"[\u4e00-\u9fff]+", cleaned)
            and not DONT_KNOW.search(cleaned)  # "不晓得": no village called 不晓得村
        ):
            state["village"] = cleaned
        else:
            handled = False
    elif requested == "household_size":
        size = parse_household_size(text)
        if size:
            state["household_size"] = size
        handled = bool(size)
    elif requested == "health":
        if (
            member_facts.says_none(text)
            or member_facts.apply_circumstances(members, text)
            or (intent == "deny")
        ):
            member_facts.settle_health(members)
            state["health"] = True
        else:
            handled = False
    elif requested == "disability_grade":
        handled = member_facts.read_grades(members, text)
    elif requested == "work":
        handled = member_facts.read_work(members, text)
    elif requested == "school":
        handled = member_facts.read_school(members, text)
    elif requested == "income":
        handled = _income_answer(text, state)
    elif requested == "expenses":
        if money_text.says_nothing(text) or intent == "deny":
            # "娃儿读书是免费的，没花啥子钱" when asked again: the costs told before stand
            told = {k: v for k, v in (state.get("expenses") or {}).items() if v}
            state["expenses"] = {"medical": 0, "disability_care": 0, "education": 0, **told}
        else:
            handled = False
    elif requested == "assets":
        said = assets_text.read_assets(text)
        handled = bool(said) or money_text.says_nothing(text)
        if handled:
            # As with the health question: what was not mentioned is not there.
            state["assets"] = {
                "deposits": 0,
                "vehicles": 0,
                "houses": 1,
                **(state.get("assets") or {}),
            }
    elif requested == "status":
        if standing_text.says_none(text) or intent == "deny" or standing_text.read_guarantees(text):
            state["status"] = {key: False for key in standing_text.STATUS}
        else:
            handled = False
    elif requested == "three_guarantees":
        if standing_text.says_none(text) or intent == "deny":
            state["three_guarantees"] = []
        else:
            handled = False
    elif requested == "hardship":
        if standing_text.says_none(text) or intent == "deny":
            state["hardship"] = "none"
        else:
            handled = False
    elif requested in ("id_readback", "proxy_consent"):
        target = "id_confirmed" if requested == "id_readback" else "proxy_consent"
        agrees = requested == "proxy_consent" and _AGREES.search(cleaned)
        if (
            cleaned == "1"
            or intent == "affirm"
            or AFFIRM.match(cleaned)
            or "同意" in cleaned
            or agrees
        ):
            state[target] = True
        elif requested == "proxy_consent" and (cleaned == "2" or DENY.match(cleaned)):
            state[target] = False
        else:
            handled = False
    elif requested == "confirmed":
        if intent == "affirm" or AFFIRM.match(cleaned):
            state["confirmed"] = True
        else:
            handled = False
    else:
        handled = False
    return handled


# The applicant agrees, said the way a helper reports it: "他晓得的", "点了头", "是她喊我发的".
_AGREES = re.compile(
    r"(?<![不没])(?:晓得|知道|点了?头|答应|愿意|签了?字|按了?手印)|(?:喊|让|叫|要)我(?:发|办|申请|帮)|"
    # "问了她的 她喊 要得要得 你们弄嘛": the applicant's own yes, reported
    r"(?:她|他|老人家?|老汉儿|老妈|我妈|我爸)[^，。]{0,3}(?:说|喊|讲)[^，。不]{0,3}(?:要得|可以|行|好的?|同意|没问题|弄嘛|办嘛)"
)


def _income_answer(text: str, state: dict) -> bool:
    if money_text.says_nothing(text) or money_text.ALREADY_SAID.search(text):
        state["income"] = state.get("income") or {}  # "没有" (别的) keeps what was told
        return True
    income = money_text.read_income(text)
    if "total" in income:
        total = int(income["total"].to_integral_value())
        told = state.get("income") or {}
        if set(told) == {"wages"} and told["wages"] < total:
            # "两个人加起来一个月三千五" after "我一个月两千": the earners' wages together
            state["income"] = {"wages": total}
        else:
            state["income_total"] = total
        return True
    return False

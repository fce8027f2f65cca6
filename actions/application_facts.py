"""From the application's slots to the Household JSON of the rules engine, and a short
summary the resident confirms before the case is filed."""

from __future__ import annotations

from datetime import date

from actions.reading.money_text import EXPENSE_TYPES, INCOME_SOURCES
from core.security import mask_id_number, mask_phone

MEMBER_FLAGS = ("needs_long_term_care", "serious_illness", "bedridden", "in_school", "able_to_work")
INCOME_WORDS = {
    "wages": "打工",
    "poverty_project_wages": "公益岗",
    "agriculture": "种养殖",
    "business": "生意",
    "basic_pension": "基础养老金",
    "other_pension": "退休金",
    "transfers": "亲友给",
    "other": "其他",
}
EXPENSE_WORDS = {"medical": "看病", "disability_care": "护理", "education": "读书"}
STATUS_WORDS = {
    "registered_poor": "建档立卡",
    "receiving_dibao": "在吃低保",
    "receiving_tekun": "特困供养",
    "returned_to_poverty": "返贫",
}
GUARANTEE_WORDS = {"education": "上学", "medical": "看病", "housing": "住房"}


# An age the resident could not give: a neutral one that grants nothing by age (not under
# 6, not 70 or over); the case says the age is unknown and staff check it.
NEUTRAL_AGE = {"child": 10, "grandchild": 10}
ADULT_AGE = 40
# Relation words of the reading with no name in the Household JSON: a sibling's spouse, an
# elder named by title who is not the applicant's kin.
_RELATION_NAMES = {"sibling_in_law": "in_law", "elder": "other"}


def settle_unknown_ages(slots: dict) -> None:
    for member in slots.get("members") or []:
        if member.get("age") is None:
            member["age"] = NEUTRAL_AGE.get(member.get("relation"), ADULT_AGE)
            member["age_said"] = "unknown"
            member.pop("age_range", None)


def age_words(member: dict) -> str:
    """How the summary shows an age: "50多岁（按50）", "读书", "年龄未说清"."""
    said = member.get("age_said")
    if said == "unknown" or member.get("age") is None:
        return "年龄未说清"
    if said == "school":
        return f"约{member['age']}岁（在读）"
    if said:
        return f"约{member['age']}岁"
    return f"{member['age']}岁"


def unknown_facts(slots: dict) -> list[str]:
    facts = list(slots.get("unknown_facts") or [])
    members = slots.get("members") or []
    if any(m.get("disability_grade") == "unknown" for m in members):
        facts.append("disability_grade")
    return sorted(set(facts))


def to_household(slots: dict, assessed_on: date) -> dict:
    """The Household JSON; what is unknown enters as zero/no (see cases.assessment)."""
    members = []
    for member in slots.get("members") or []:
        grade = member.get("disability_grade")
        members.append(
            {
                "age": member["age"]
                if member.get("age") is not None
                else NEUTRAL_AGE.get(member.get("relation"), ADULT_AGE),
                "relation": _RELATION_NAMES.get(
                    member.get("relation"), member.get("relation") or "other"
                ),
                "disability_grade": grade if isinstance(grade, int) else None,
                **{flag: bool(member.get(flag)) for flag in MEMBER_FLAGS},
            }
        )
    if not members:
        members = [
            {
                "age": slots.get("applicant_age") or 0,
                "relation": "applicant",
                "disability_grade": None,
                **{flag: False for flag in MEMBER_FLAGS},
            }
        ]
    income = {source: 0 for source in INCOME_SOURCES}
    income.update(slots.get("income") or {})
    if slots.get("income_total") and not slots.get("income"):
        income["other"] = slots["income_total"]
    expenses = {kind: 0 for kind in EXPENSE_TYPES}
    expenses.update(slots.get("expenses") or {})
    assets = {"deposits": 0, "vehicles": 0, "houses": 1, "commercial_property": False}
    assets.update(slots.get("assets") or {})
    status = {key: False for key in STATUS_WORDS}
    status.update(slots.get("status") or {})
    hardship = slots.get("hardship")
    return {
        "assessed_on": assessed_on.isoformat(),
        "members": members,
        "income": income,
        "rigid_expenses": expenses,
        "assets": assets,
        **status,
        "three_guarantees_unmet": list(slots.get("three_guarantees") or []),
        "hardship": hardship if isinstance(hardship, dict) else None,
    }


def money_words(values: dict, words: dict) -> str:
    said = [f"{words[k]}{v}元" for k, v in values.items() if v and k in words]
    return "、".join(said) or "无"


def summary(slots: dict, *, id_number: str | None, phone: str | None) -> str:
    """A compact summary of what will be filed, for the resident to confirm."""
    members = slots.get("members") or []
    people = "、".join(
        f"{m['label']}{age_words(m)}"
        + (f"{m['disability_grade']}级残疾" if isinstance(m.get("disability_grade"), int) else "")
        + ("卧床" if m.get("bedridden") else "")
        + ("重病" if m.get("serious_illness") else "")
        for m in members
    )
    status = [STATUS_WORDS[k] for k, v in (slots.get("status") or {}).items() if v]
    troubles = [GUARANTEE_WORDS[g] + "难" for g in slots.get("three_guarantees") or []]
    if isinstance(slots.get("hardship"), dict):
        troubles.append("有突发困难")
    assets = slots.get("assets") or {}
    lines = [
        f"请核对：{slots.get('applicant_name')}，身份证{mask_id_number(id_number) or '未提供'}，"
        f"电话{mask_phone(phone) or '未提供'}，{slots.get('township')}{slots.get('village') or ''}。",
        f"{len(members) or slots.get('household_size')}口人：{people}。",
        f"年收入：{money_words(slots.get('income') or {}, INCOME_WORDS)}。"
        f"支出：{money_words(slots.get('expenses') or {}, EXPENSE_WORDS)}。",
        f"存款{assets.get('deposits', '?')}元，车{assets.get('vehicles', '?')}辆，"
        f"房{assets.get('houses', '?')}处。{'、'.join(status) or '非建档立卡、未吃低保'}。"
        f"{'、'.join(troubles)}",
        "没错请回“对”，要改就直接说，例如：是5口人。",
    ]
    return "".join(lines)

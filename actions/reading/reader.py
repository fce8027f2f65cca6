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

from actions.reading import assets_text, id_card, money_text, standing_text
from actions.reading.answers import read_answer
from actions.reading.money_amounts import rate_correction
from actions.reading.parsing import parse_name, plain_negation, to_arabic
from actions.reading.people import household_text as people
from actions.reading.people import member_facts, members_told, people_words, proxy
from actions.reading.people.household_size import stated_size
from actions.reading.people.member_identity import new_member
from actions.reading.places import stated_name, stated_township, village_named
from actions.reading.speech import AFFIRM, DENY, looks_like_question, statements
from core.phones import normalise_phone


@dataclass
class Reading:
    updates: dict = field(default_factory=dict)
    problem: str | None = None  # e.g. "id_check_digit", shown to the resident
    understood: bool = False  # the question being asked was answered


def _yuan(value: Decimal) -> int:
    return int(value.to_integral_value())


def _amounts(values: dict[str, Decimal]) -> dict[str, int]:
    return {key: _yuan(value) for key, value in values.items()}


# "还有我婆婆 前头漏了": someone the resident forgot to count.
_LEFT_OUT = re.compile(r"(漏了|忘了说|少说了|说掉了|没算上|忘记说)")


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
    text = plain_negation((text or "").strip())
    reading = Reading()
    if requested == "consent":
        _read_consent(text, intent, reading)
        if reading.updates.get("consent") is False:
            return reading
    state = copy.deepcopy(slots)
    state.update(reading.updates)
    _read_everything(text, requested, state, entities, reading, today or date.today())
    if requested and not reading.understood:
        reading.understood = read_answer(text, requested, state, intent, entities, sender_phone)
    if requested == "income" and reading.understood:
        state["income_asked"] = True
    if requested == "status" and reading.understood:
        # The question asks about the 三保障 and sudden troubles too: one answer for all.
        if state.get("three_guarantees") is None:
            state["three_guarantees"] = standing_text.read_guarantees(text)
        if state.get("hardship") is None:
            state["hardship"] = standing_text.read_hardship(text) or "none"
    if requested == "three_guarantees" and reading.understood and state.get("hardship") is None:
        state["hardship"] = "none"  # the question asked about sudden troubles too
    reading.updates = {k: v for k, v in state.items() if v != slots.get(k)}
    return reading


def _read_consent(text: str, intent: str | None, reading: Reading) -> None:
    cleaned = re.sub(r"[\s，。,.!！]", "", text)
    if cleaned == "2" or intent == "deny" or DENY.match(cleaned):
        reading.updates["consent"] = False
        reading.understood = True
    elif cleaned == "1" or intent == "affirm" or AFFIRM.match(cleaned) or "同意" in cleaned:
        reading.updates["consent"] = True
        reading.understood = True


def _entity(entities, name: str) -> str | None:
    return next((e.get("value") for e in entities if e.get("entity") == name), None)


def _read_everything(text, requested, state, entities, reading, today) -> None:
    """Facts stated clearly anywhere in the message."""
    if not state.get("proxy") and (applied_for := proxy.detect(text)):
        state["proxy"] = applied_for
    number, problem = id_card.find(text)
    if number and problem is None:
        if number != state.get("id_number"):
            state["id_confirmed"] = None
        state["id_number"] = number
        state["applicant_age"] = id_card.age_on(number, today)
        reading.understood |= requested == "id_number"
    elif number:
        reading.problem = f"id_{problem}"
    without_id = id_card.normalise(text).replace(number or "\0", " ")
    # Money is read without the identity and phone numbers (a keyed-in 身份证号 is digits).
    money = re.sub(r"(?<!\d)1[3-9]\d{9}(?!\d)|\d{15,}[\dXx]?", " ", without_id)
    phone_match = re.search(r"(?<!\d)1[3-9]\d{9}(?!\d)", without_id)
    if phone_match and (phone := normalise_phone(phone_match.group(0))):
        state["phone"] = phone
        reading.understood |= requested == "phone"
    # The NLU's person_name counts in answer to the name question or beside 叫/名字: it
    # also tags places ("老公在浙江工地" gave "浙江").
    entity = _entity(entities, "person_name")
    if requested != "applicant_name" and not re.search(r"(叫|名字|姓名)", without_id):
        entity = None
    name = entity or stated_name(without_id)
    whole = (
        parse_name(re.split(r"[，,\s]", without_id.strip())[0])
        if requested == "applicant_name"
        else None
    )
    if whole and (not name or name in whole):
        name = whole  # the NLU may cut a name short ("德福" of "王德福")
    if name and parse_name(name):
        state["applicant_name"] = parse_name(name)
        reading.understood |= requested == "applicant_name"
    township = stated_township(text)
    if township:
        state["township"] = township
        reading.understood |= requested == "township"
    village = village_named(text)
    if village:
        state["village"] = village
        reading.understood |= requested == "village"
    size = stated_size(text, requested)
    if size:
        state["household_size"] = size
        reading.understood |= requested == "household_size"
    members = state.get("members") or []
    telling = requested in (None, "consent", "household_size", "members")
    if telling or len(members) < (state.get("household_size") or 0):
        listed = people.read_members(proxy.without_them(text) if state.get("proxy") else text)
        if state.get("proxy"):
            listed = proxy.as_applicant(listed, state["proxy"], text)
        if listed and requested in (None, "consent"):
            for member in listed:
                member["from_story"] = True  # named in passing: the household answer decides
        elif listed and (
            requested == "household_size" or len(listed) >= (state.get("household_size") or 99)
        ):
            members_told.replace_story_members(state, listed)
        if listed:
            members_told.merge(state, listed, missed=bool(_LEFT_OUT.search(text)))
            reading.understood |= requested in ("household_size", "members")
            if requested in ("household_size", "members") and not state.get("household_size"):
                state["household_size"] = len(state["members"])  # "我和老婆，还有老妈"
    if (
        state.get("proxy")
        and requested in (None, "consent")
        and not any(m["relation"] == "applicant" for m in state.get("members") or [])
    ):
        # "帮我们村一个精神病人申请 … 残疾证办下来 是精神二级": the story is about the person
        # applied for, who is the applicant whether or not the household is told yet.
        applicant = new_member("applicant", state["proxy"]["who"])
        applicant["from_story"] = True
        state["members"] = [applicant, *(state.get("members") or [])]
    if requested == "members" and members_told.read_missing_ages(state, text):
        reading.understood = True
    members_told.add_applicant(state)
    named_nobody = not people_words.mentions(to_arabic(text))
    if requested == "disability_grade" and named_nobody:
        pass  # "二级": the grade asked for, read below for the member asked about
    elif requested == "disability_grade" and state.get("members"):
        # "我是肢体三级 老公还没得": each member's grade, or no certificate
        member_facts.apply_circumstances(state["members"], text)
        if member_facts.read_grades(state["members"], text) or not any(
            m["disability_grade"] == "unknown" for m in state["members"]
        ):
            reading.understood = True
    elif state.get("members") and requested not in ("members", "household_size"):
        settled = [m.get("able_to_work") for m in state["members"]]
        schooling = [m.get("in_school") for m in state["members"]]
        grades = [m.get("disability_grade") for m in state["members"]]
        if member_facts.apply_circumstances(state["members"], text):
            reading.understood |= requested in ("health", "disability_grade")
            if requested == "health":
                member_facts.settle_health(state["members"])
                state["health"] = True
        if requested in ("health", "work") and member_facts.read_work(
            state["members"], text, asked=requested == "work"
        ):
            reading.understood |= requested == "work"
        if (state.get("asks") or {}).get("work") and requested not in ("work", "confirmed"):
            # After the work answer, "卖点鸡蛋" in the income answer does not make a man who
            # said "做不得活路了" able to work; a correction at the summary does.
            for member, said in zip(state["members"], settled, strict=False):
                if said is not None:
                    member["able_to_work"] = said
        if requested not in ("school", "confirmed"):
            # "娃儿读书一年三四千" in the costs answer is about the children at school, not a
            # word on the one whose schooling was already told
            for member, said in zip(state["members"], schooling, strict=False):
                if said is not None:
                    member["in_school"] = said
        if (state.get("asks") or {}).get("health") and requested not in (
            "health",
            "disability_grade",
            "confirmed",
        ):
            # "只有个轮椅" in the assets answer: the health answer said who is disabled
            for member, said in zip(state["members"], grades, strict=False):
                if member.get("disability_grade") == "unknown" and said != "unknown":
                    member["disability_grade"] = said
    elif state.get("members"):
        member_facts.apply_circumstances(state["members"], text)
    vague = money_text.vague_kinds(money) if requested in ("income", "work") else []
    if vague:
        state["unknown_facts"] = sorted(
            {*(state.get("unknown_facts") or []), *(f"income.{k}" for k in vague)}
        )
    named = state.get("income_named") if requested in ("income", "work") else None
    # In answer to the costs question, "生活费" is a cost, not money sent home.
    income = money_text.read_income(money, named) if requested != "expenses" else {}
    fixed = rate_correction(money) if requested == "confirmed" else None
    if fixed and (state.get("income") or {}).get("wages"):
        # "一天一百八 不是两百": the wages told by the day, at the day's pay now said
        new, old = fixed
        income = {"wages": Decimal(str(state["income"]["wages"])) * new / old}
    if requested in ("work", "health", None, "consent"):
        state["income_named"] = money_text.named_sources(money) or state.get("income_named")
    for kind in vague:
        income.pop(kind, None)
    if income and "total" not in income:
        unassigned = income.pop(money_text.UNASSIGNED, None)
        known = [k for k, v in (state.get("income") or {}).items() if v]
        if unassigned is not None and requested == "confirmed" and len(known) == 1:
            income[known[0]] = unassigned  # "不对，一个月一千二": the one source told
        elif unassigned is not None and requested in ("income", "work"):
            # An amount said without its source: a worker's wages when someone in the
            # household works, else "other" (the summary shows it; it counts the same).
            workers = any(m.get("able_to_work") for m in state.get("members") or [])
            key = "wages" if workers else "other"
            income[key] = income.get(key, 0) + unassigned
        state["income"] = {**(state.get("income") or {}), **_amounts(income)}
        state["income"].pop("total", None)
        told = {f"income.{k}" for k, v in income.items() if v and k not in vague}
        if told & set(state.get("unknown_facts") or []):
            # "儿子给一点" first, "三个儿子一年一个给两千" when asked again: now known
            state["unknown_facts"] = sorted(set(state["unknown_facts"]) - told)
        reading.understood |= requested == "income"
    elif requested == "income" and state.get("income") and money_text.ALREADY_SAID.search(text):
        reading.understood = True  # "就是刚才说的那些": told with the work answer
    expenses = money_text.read_expenses(money)
    if requested != "expenses":
        expenses = {k: v for k, v in expenses.items() if v}  # "孙儿还小，没上学" is no answer
    if (
        expenses
        and requested not in ("expenses", "confirmed")
        and (state.get("asks") or {}).get("expenses")
    ):
        # Costs told in passing after the costs answer ("去年老婆子…花了七万多" in the troubles
        # answer) do not replace it; a correction at the summary does.
        expenses = {k: v for k, v in expenses.items() if k not in (state.get("expenses") or {})}
    if expenses and requested != "income":
        state["expenses"] = {**(state.get("expenses") or {}), **_amounts(expenses)}
        reading.understood |= requested == "expenses"
    assets = (
        assets_text.read_assets(money, asked=requested == "assets")
        if requested in ("assets", None) or re.search(r"(存款|车|房)", text)
        else {}
    )
    if (
        assets
        and requested not in ("assets", "confirmed")
        and (state.get("asks") or {}).get("assets")
    ):
        # Said in passing after the assets answer ("房子冲垮了" in the troubles answer): the
        # answer stands; only a correction at the summary changes it.
        assets = {k: v for k, v in assets.items() if k not in (state.get("assets") or {})}
    if assets:
        state["assets"] = {**(state.get("assets") or {}), **assets}
        state["assets"]["deposits"] = (
            _yuan(Decimal(state["assets"].get("deposits", 0)))
            if "deposits" in state["assets"]
            else None
        )
        state["assets"] = {k: v for k, v in state["assets"].items() if v is not None}
        if requested == "assets":
            # As with the health question: what was not mentioned is not there.
            state["assets"] = {"deposits": 0, "vehicles": 0, "houses": 1, **state["assets"]}
            reading.understood = True
    if requested == "assets" and assets_text.vague_deposits(money):
        state["unknown_facts"] = sorted({*(state.get("unknown_facts") or []), "assets.deposits"})
    # "他这种能吃低保不" asks; it does not tell the family's standing
    flags = standing_text.read_status(text if requested == "status" else statements(text))
    if flags:
        state["status"] = {**(state.get("status") or {}), **flags}
        reading.understood |= requested == "status"
    guarantees = standing_text.read_guarantees(text)
    if guarantees:
        state["three_guarantees"] = guarantees
        reading.understood |= requested == "three_guarantees"
    hardship = (
        standing_text.read_hardship(text)
        if requested in ("status", "three_guarantees", "hardship")
        or (requested in (None, "consent") and not looks_like_question(text))
        else None
    )
    if hardship:
        earlier = state.get("hardship")
        if hardship["kind"] == "other" and isinstance(earlier, dict):
            # "吃饭都成问题" after "房子被洪水冲垮了": the same event, now worse.
            hardship = (
                {**earlier, "basic_living_unsustainable": True}
                if hardship["basic_living_unsustainable"]
                else earlier
            )
        state["hardship"] = hardship
        reading.understood |= requested in ("hardship", "three_guarantees")
    elif requested in ("status", "three_guarantees", "hardship") and standing_text.denies_hardship(
        text, asked=requested == "hardship"
    ):
        # Asked, the resident says nothing sudden happened ("意外倒没得，就是病拖起的"): a
        # story's illness or trouble told earlier was not a sudden hardship.
        state["hardship"] = "none"
        reading.understood |= requested == "hardship"
        if requested == "three_guarantees" and state.get("three_guarantees") is None:
            state["three_guarantees"] = guarantees

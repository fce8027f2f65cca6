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

from actions import ages, id_card, money_text, people_words, proxy, status_text
from actions import household_text as people
from actions.parsing import parse_household_size, parse_name, plain_negation, to_arabic
from cases.phones import normalise_phone
from cases.townships import find_township

DONT_KNOW = re.compile(r"(不晓得|不知道|不清楚|记不得|记不清|说不准|搞不清|不太清楚|晓不得|不记得)")
AFFIRM = re.compile(
    r"^(是|是的|对|对的|同意|可以|好|好的|要得|行|嗯|嗯嗯|没问题|对头|确认|没错|正确|ok|OK)"
)
DENY = re.compile(r"^(不|不是|不对|不同意|不要|错了|没有|莫得|不行|算了)")
_VILLAGE = re.compile(r"([\u4e00-\u9fff]{2,4}?村)")
_NOT_VILLAGE = ("农村", "乡村", "村里", "村委", "村上")
MONEY_KEYS = ("income", "expenses")


# Questions as residents put them, Chongqing forms included (…不, 算不算, 好多, 多久, 谁):
# measured on the helpline's phrasings in docs/helpline.md.
QUESTION = re.compile(
    r"[吗么嘛呢？?]\s*[哦哈喃]?\s*$|不\s*[哦嘛]?\s*$|(?<!没得)(?<!没有)(?<!莫得)(?<!没)(?:什么|啥)"
    r"|怎么|(?<!没)咋|多少|好多\s*钱?\s*[哦嘛喃]?\s*$"
    r"|好多钱|哪[个些里样种儿]|(?P<v>\S)[不没](?P=v)|可不可以|为什么|为啥|是否|几[个百]\S{0,2}$"
    r"|\d{4}\s*年|多久|多长|谁|还是|几[次口类个天]|怎样|如何|的条件$|的标准$|的办法$"
)


SOCIAL_ONLY = re.compile(
    r"^\W*(你好|您好|喂|谢谢|多谢|感谢|再见|拜拜|好的谢谢|谢谢你|辛苦了|先忙了|我先忙|晚点再说|明天再说|"
    r"等一下|等会儿|有事|回头说)+\W*$"
)


# "没得好多" (not much), "没得别的啥子事" (nothing else): negated, not asked.
_NEGATED_QUESTION_WORD = re.compile(
    r"(没得|没有|莫得|没|不得)[^，。,.]{0,3}(好多|啥子?|什么|咋个?)"
    r"|(啥子?|什么)(都|也)(没得|没有|莫得|没|不)"  # "啥子都没得了"
)


def looks_like_question(text: str) -> bool:
    """ "建档立卡户能吃低保吗？" is a question; "是建档立卡户，没吃低保" is an answer."""
    return bool(QUESTION.search(_NEGATED_QUESTION_WORD.sub("", text or "")))


def statements(text: str) -> str:
    """The message without its questions: "我们这边滑坡了 房子垮了 … 可以申请低保不" tells
    of the landslide, and asks nothing of the family's standing."""
    spaced = re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", "，", text or "")
    clauses = re.split(r"(?<=[，,。！!？?；;])", spaced)
    return "".join(
        c
        for c in clauses
        if not looks_like_question(c.rstrip("，,。！!；;")) and not _HEARSAY.search(c)
    )


_HEARSAY = re.compile(r"(听说|听别个说|听别人说|听人说|别个说|别人说|据说|听讲)")


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
        _read_requested(text, requested, state, intent, entities, sender_phone, reading)
    if requested == "income" and reading.understood:
        state["income_asked"] = True
    if requested == "status" and reading.understood:
        # The question asks about the 三保障 and sudden troubles too: one answer for all.
        if state.get("three_guarantees") is None:
            state["three_guarantees"] = status_text.read_guarantees(text)
        if state.get("hardship") is None:
            state["hardship"] = status_text.read_hardship(text) or "none"
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
    name = _entity(entities, "person_name") or _stated_name(without_id)
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
    township = _stated_township(text)
    if township:
        state["township"] = township
        reading.understood |= requested == "township"
    village = _village(text)
    if village:
        state["village"] = village
        reading.understood |= requested == "village"
    size = _stated_size(text, requested)
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
            _replace_story_members(state, listed)
        if listed:
            _merge_members(state, listed)
            reading.understood |= requested in ("household_size", "members")
            if requested in ("household_size", "members") and not state.get("household_size"):
                state["household_size"] = len(state["members"])  # "我和老婆，还有老妈"
    if requested == "members" and _read_missing_ages(state, text):
        reading.understood = True
    _applicant_member(state)
    named_nobody = not people_words.mentions(to_arabic(text))
    if requested == "disability_grade" and named_nobody:
        pass  # "二级": the grade asked for, read below for the member asked about
    elif state.get("members") and requested not in ("members", "household_size"):
        if people.apply_circumstances(state["members"], text):
            reading.understood |= requested in ("health", "disability_grade")
            if requested == "health":
                people.settle_health(state["members"])
                state["health"] = True
        if requested in ("health", "work") and people.read_work(
            state["members"], text, asked=requested == "work"
        ):
            reading.understood |= requested == "work"
    elif state.get("members"):
        people.apply_circumstances(state["members"], text)
    vague = money_text.vague_kinds(money) if requested in ("income", "work") else []
    if vague:
        state["unknown_facts"] = sorted(
            {*(state.get("unknown_facts") or []), *(f"income.{k}" for k in vague)}
        )
    named = state.get("income_named") if requested in ("income", "work") else None
    # In answer to the costs question, "生活费" is a cost, not money sent home.
    income = money_text.read_income(money, named) if requested != "expenses" else {}
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
    if expenses and requested != "income":
        state["expenses"] = {**(state.get("expenses") or {}), **_amounts(expenses)}
        reading.understood |= requested == "expenses"
    assets = (
        money_text.read_assets(money, asked=requested == "assets")
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
        if requested == "assets":
            # As with the health question: what was not mentioned is not there.
            state["assets"] = {"deposits": 0, "vehicles": 0, "houses": 1, **state["assets"]}
            reading.understood = True
    if requested == "assets" and money_text.vague_deposits(money):
        state["unknown_facts"] = sorted({*(state.get("unknown_facts") or []), "assets.deposits"})
    # "他这种能吃低保不" asks; it does not tell the family's standing
    flags = status_text.read_status(text if requested == "status" else statements(text))
    if flags:
        state["status"] = {**(state.get("status") or {}), **flags}
        reading.understood |= requested == "status"
    guarantees = status_text.read_guarantees(text)
    if guarantees:
        state["three_guarantees"] = guarantees
        reading.understood |= requested == "three_guarantees"
    hardship = (
        status_text.read_hardship(text)
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
        if requested == "three_guarantees" and state.get("three_guarantees") is None:
            state["three_guarantees"] = guarantees


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


_NOT_A_PLACE = re.compile(r"[我你他她们在帮给个这那哪爸妈到去回]")
_BEFORE_VILLAGE = "我住在是的镇乡街道家了完做来闲农里头户口"


def _village(text: str) -> str | None:
    cleaned = text
    township = find_township(text)
    if township:
        cleaned = cleaned.replace(township, " ")
    for match in _VILLAGE.finditer(cleaned):
        village = re.split(r"(?:乡|镇|街道|县)", match.group(1))[-1]  # "长安乡枣阳村"
        while village and village[0] in _BEFORE_VILLAGE:
            village = village[1:]
        if (
            len(village) >= 3
            and village not in _NOT_VILLAGE
            and not village.endswith(_NOT_VILLAGE)
            and not _NOT_A_PLACE.search(village)  # "帮我们村", "我爸在村"
        ):
            return village
    return None


_ALONE = re.compile(
    r"(一个人住|一个人过|独居|孤身一人|孤寡|就剩我一个|就剩他一个|就剩她一个|他一个人住|她一个人住|"
    r"屋头就他一个|现在就他一个)"
)
# Two (or three) who live together, said as a pair: "爷儿两个", "娘儿俩", "和儿子两个住".
_PAIR = re.compile(
    r"(?:爷儿|爷子|娘儿|娘母|父子|母子|母女|父女|婆孙|爷孙|祖孙|两娘母|两爷子)\s*(?:(\d)\s*个|俩)"
    r"|(?:和|跟)[\u4e00-\u9fff]{1,4}?\s*(\d)\s*个人?(?:住|过|生活|在一起)"  # in answer only
)
_ALONE_ANSWER = re.compile(r"^\W*(就|只有|只)?(我|他|她)(一个|自己|1个)")


def _stated_size(text: str, requested: str | None) -> int | None:
    """How many live together, when the message says it: "5口人", "一家四口", "一个人住";
    in answer to the question also "就我一个", "4个", "两个，我跟我爸"."""
    converted = to_arabic(text)
    # "老两口" is the couple, not the household.
    size = re.search(r"(?<![\d.老])(\d+)\s*(口人|口)(?!子)", converted) or re.search(
        r"(?:家里|屋头|一共|总共|全家|我们家|我家|一家)(?:有|是)?\s*(\d+)\s*个?人", converted
    )
    if size and 1 <= int(size.group(1)) <= 20:
        return int(size.group(1))
    if (pair := _PAIR.search(converted)) and (pair.group(1) or requested == "household_size"):
        return int(pair.group(1) or pair.group(2) or 2)
    if _ALONE.search(text):
        return 1
    if requested == "household_size":
        if _ALONE_ANSWER.search(converted):
            return 1
        return _leading_count(text) or parse_household_size(text)
    return None


def _replace_story_members(state: dict, listed: list[dict]) -> None:
    """The household answer lists who lives here: people named only in passing before
    ("靠三个儿子给") are dropped unless listed now; what was said of them is kept."""
    kept = []
    for member in state.get("members") or []:
        if not member.get("from_story"):
            kept.append(member)
            continue
        match = next((m for m in listed if people.same_person(m, member)), None)
        if match is not None:
            for key, value in member.items():
                if match.get(key) is None and value is not None and key != "from_story":
                    match[key] = value
    state["members"] = kept


def _leading_count(text: str) -> int | None:
    """ "4个", "就3口", "算上我老公6个": the count that opens the answer."""
    match = re.match(
        r"\s*(?:就|只有|一共|总共|家里|屋头|(?:算上|加上|连上?|包括)[^\d，,]{0,5})?\s*(\d{1,2})\s*(?:个|口|人)",
        to_arabic(text),
    )
    return int(match.group(1)) if match and 1 <= int(match.group(1)) <= 20 else None


def _merge_members(state: dict, listed: list[dict]) -> None:
    """Add the people just named, or update the ones already known (same word, or the
    same relation for a person there is one of: 我, 老婆, 老汉儿 …)."""
    members = state.get("members") or []
    used: list[dict] = []
    for member in listed:
        full = len(members) >= (state.get("household_size") or 99)
        same = [
            m
            for m in members
            if people.same_person(m, member) and (people.unique(member) or not _in(m, used))
        ]
        if not same and (member["relation"] in ("applicant", "spouse") or full):
            same = [m for m in members if m["relation"] == member["relation"]]
        free = [m for m in same if m["age"] is None or m["age"] == member["age"]]
        target = (free or (same if full or member["relation"] in UNIQUE else []) or [None])[0]
        if target is None and full:
            continue  # more people named than live here: someone said twice, or living away
        if target is None:
            members.append(member)
            used.append(member)
        else:
            target.update({k: v for k, v in member.items() if v is not None})
            if member.get("age") is not None:
                target.pop("age_range", None)
            used.append(target)
    state["members"] = members


UNIQUE = ("applicant", "spouse", "parent", "grandparent")


def _in(member: dict, group: list[dict]) -> bool:
    return any(member is other for other in group)


def _applicant_member(state: dict) -> None:
    """The applicant lives in the household: add them (aged by the 身份证号) when the
    resident counted them but did not name themselves."""
    members = state.get("members") or []
    size = state.get("household_size")
    applicant = next((m for m in members if m["relation"] == "applicant"), None)
    if applicant is None and size and len(members) < size:
        label = (state.get("proxy") or {}).get("who") or "我"
        applicant = people.new_member("applicant", label)
        members.insert(0, applicant)
        state["members"] = members
    if applicant is not None and applicant["age"] is None and state.get("applicant_age"):
        applicant["age"] = state["applicant_age"]
        applicant.pop("age_range", None)
    for member in members:
        if member.get("in_school") and (member.get("age") or 0) > 25:
            member["in_school"] = None  # a story's "读书" was about someone else


def _read_missing_ages(state: dict, text: str) -> bool:
    """Answers to "老妈多大了" / "满18岁了没有": "七十多了", "大的15，小的12", "满了"."""
    members = state.get("members") or []
    waiting = [m for m in members if m["age"] is None]
    if not waiting:
        return False
    converted = to_arabic(text)
    answered = False
    for clause in re.split(r"[，,。；;\s]", converted):
        member = people.pick_ordinal(members, clause)
        age = ages.bare_age(clause) or (ages.age_after(clause[2:])[0] if member else None)
        if member is not None and age is not None:
            member["age"] = age.recorded
            answered = True
    waiting = [m for m in members if m["age"] is None]
    ranged = [m for m in waiting if m.get("age_range")]
    if ranged and re.search(r"(满了|满\d+|成年|超过|过了|不止|都\d+)", converted):
        for member in ranged:
            member["age"] = ages.at_or_above_line(member["age_range"])
        return True
    if ranged and re.search(r"(没满|还没|不到|未满|没有满|没成年|还小)", converted):
        for member in ranged:
            member["age"] = ages.below_line(member["age_range"])
        return True
    age = ages.bare_age(converted) or ages.age_after(converted)[0]
    if len(waiting) == 1 and age is not None and not answered:
        waiting[0]["age"] = age.recorded if age.settled else None
        if not age.settled:
            waiting[0]["age_range"] = [age.low, age.high]
        return age.settled
    return answered


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
        cleaned = re.sub(r"(的|嘛|哦|啊|呢|那里|这里)$", "", cleaned.split("村")[0] + "村")
        if 3 <= len(cleaned) <= 6 and re.fullmatch(r"[\u4e00-\u9fff]+", cleaned):
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
        said = money_text.read_assets(text)
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
        if status_text.says_none(text) or intent == "deny" or status_text.read_guarantees(text):
            state["status"] = {key: False for key in status_text.STATUS}
        else:
            handled = False
    elif requested == "three_guarantees":
        if status_text.says_none(text) or intent == "deny":
            state["three_guarantees"] = []
        else:
            handled = False
    elif requested == "hardship":
        if status_text.says_none(text) or intent == "deny":
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
    reading.understood = handled


# The applicant agrees, said the way a helper reports it: "他晓得的", "点了头", "是她喊我发的".
_AGREES = re.compile(
    r"(?<![不没])(?:晓得|知道|点了?头|答应|愿意|签了?字|按了?手印)|(?:喊|让|叫|要)我(?:发|办|申请|帮)"
)


def _read_income_answer(text: str, state: dict) -> bool:
    if money_text.says_nothing(text) or money_text.ALREADY_SAID.search(text):
        state["income"] = state.get("income") or {}  # "没有" (别的) keeps what was told
        return True
    income = money_text.read_income(text)
    if "total" in income:
        state["income_total"] = _yuan(income["total"])
        return True
    return False

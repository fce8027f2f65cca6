"""The household's members as they are told over several messages: people named in a
story, the household answer that replaces them, later mentions that update them, the
applicant counted but not named, ages asked for. Works on the slot dict in place; pure."""

from __future__ import annotations

import re

from actions.reading.parsing import to_arabic
from actions.reading.people import ages
from actions.reading.people.member_identity import (
    new_member,
    ordinal_index,
    pick_ordinal,
    same_person,
    unique,
)


def replace_story_members(state: dict, listed: list[dict], text: str = "") -> None:
    """The household answer lists who lives here: people named only in passing before
    ("靠三个儿子给") are dropped unless listed now; what was said of them is kept. When the
    count said is more than the people listed, the story's spouse, then its others, still
    live here ("两个人…我54 他58" after a story about "我男人"); "他58" gives their age."""
    story = [
        m
        for m in state.get("members") or []
        if m.get("from_story")
        and m["relation"] != "applicant"
        and not any(same_person(x, m) or x["relation"] == m["relation"] for x in listed)
    ]
    _replace(state, listed)
    size = state.get("household_size") or 0
    present = [m for m in listed if not m.get("away")]
    room = size - len(state["members"]) - len(present)
    story.sort(key=lambda m: m["relation"] != "spouse")
    for member in story[: max(room, 0)]:
        member.pop("from_story", None)
        state["members"].append(member)
    pronoun = re.findall(r"[他她](?!们)\s*(\d{1,3})\s*(?:岁|了)?", to_arabic(text or ""))
    if room == 1 and story and len(pronoun) == 1 and story[0].get("age") is None:
        story[0]["age"] = int(pronoun[0])


def _replace(state: dict, listed: list[dict]) -> None:
    kept = []
    for member in state.get("members") or []:
        if not member.get("from_story"):
            kept.append(member)
            continue
        match = next((m for m in listed if same_person(m, member)), None) or _the_one_of(
            member, listed, state.get("members") or []
        )
        if member["relation"] == "applicant" and not any(
            m["relation"] == "applicant" for m in listed
        ):
            member.pop("from_story")  # the applicant lives here, named or not
            kept.append(member)
        elif match is not None:
            for key, value in member.items():
                if match.get(key) is None and value is not None and key != "from_story":
                    match[key] = value
    state["members"] = kept


def _the_one_of(member: dict, listed: list[dict], before: list[dict]) -> dict | None:
    """The one listed of the story member's relation, when each names one and the ages do
    not differ ("娃儿 九岁 … 离不得人", then "我和儿子 … 儿子9岁"): the same person."""
    if member["relation"] == "applicant":
        return None
    now = [m for m in listed if m["relation"] == member["relation"]]
    then = [m for m in before if m["relation"] == member["relation"] and m.get("from_story")]
    if len(now) != 1 or len(then) != 1:
        return None
    ages = {member.get("age"), now[0].get("age")} - {None}
    return now[0] if len(ages) <= 1 else None


def merge(state: dict, listed: list[dict], missed: bool = False) -> None:
    """Add the people just named, or update the ones already known (same word, or the
    same relation for a person there is one of: 我, 老婆, 老汉儿 …). `missed`: the
    resident says someone was left out ("还有我婆婆，前头漏了"), who then counts too."""
    members = state.get("members") or []
    used: list[dict] = []
    for member in listed:
        full = len(members) >= (state.get("household_size") or 99)
        same = [
            m for m in members if same_person(m, member) and (unique(member) or not _in(m, used))
        ]
        if not same and (member["relation"] in ("applicant", "spouse") or full):
            same = [m for m in members if m["relation"] == member["relation"]]
        if not same and full and member["label"] in _NEPHEWS:
            # "我 我幺妹 还有她儿子 … 侄儿16": her son, told now as the speaker's nephew
            same = [m for m in members if m["relation"] == "child" and m["age"] is None][:1]
        if not same and full and member["relation"] in ("child", "grandchild"):
            # "三个孙女 … 幺妹四岁": the youngest of the children counted, whatever the word
            same = _by_order(members, member, used)
            member = {**member, "relation": None, "label": None} if same else member
        free = [m for m in same if m["age"] is None or m["age"] == member["age"]]
        target = (free or (same if full or member["relation"] in UNIQUE else []) or [None])[0]
        if target is None and full and missed:
            state["household_size"] = len(members) + 1
        elif target is None and full:
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
_NEPHEWS = ("侄儿", "侄子", "侄儿子", "侄女", "外甥", "外甥女")


def _by_order(members: list[dict], member: dict, used: list[dict]) -> list[dict]:
    """The child or grandchild without an age that an order word (幺妹, 老二) points to."""
    young = [m for m in members if m["relation"] in ("child", "grandchild")]
    index = ordinal_index(member["label"])
    if index is None or not -len(young) <= index < len(young):
        return []
    chosen = young[index]
    return [chosen] if chosen["age"] is None and not _in(chosen, used) else []


def _in(member: dict, group: list[dict]) -> bool:
    return any(member is other for other in group)


def add_applicant(state: dict) -> None:
    """The applicant lives in the household: add them (aged by the 身份证号) when the
    resident counted them but did not name themselves."""
    members = state.get("members") or []
    size = state.get("household_size")
    applicant = next((m for m in members if m["relation"] == "applicant"), None)
    if applicant is None and size and len(members) < size:
        label = (state.get("proxy") or {}).get("who") or "我"
        applicant = new_member("applicant", label)
        members.insert(0, applicant)
        state["members"] = members
    if size == 1 and applicant is not None and len(members) > 1:
        # "现在屋头就他一个": the others of the story do not live here
        if all(m.get("from_story") for m in members if m is not applicant):
            members[:] = [applicant]
    said = re.fullmatch(r"(\d+)-(\d+)", str((applicant or {}).get("age_said") or ""))
    exact = state.get("applicant_age")
    if said and exact is not None and int(said.group(1)) <= exact <= int(said.group(2)):
        applicant["age"] = None  # "六十几岁" and a 身份证号 of 66: the exact age
        applicant.pop("age_said")
    if applicant is not None and applicant["age"] is None and state.get("applicant_age"):
        applicant["age"] = state["applicant_age"]
        applicant.pop("age_range", None)
    for member in members:
        if member.get("in_school") and (member.get("age") or 0) > 25:
            member["in_school"] = None  # a story's "读书" was about someone else


def settle_relations(state: dict) -> None:
    """Words whose person depends on who speaks: to a woman, 媳妇 is her son's wife, not a
    spouse; 老汉 of about the speaker's own age is her husband ("我64 老汉67"), not a father."""
    members = state.get("members") or []
    applicant = next((m for m in members if m["relation"] == "applicant"), None)
    number = state.get("id_number") or ""
    if applicant is None or state.get("proxy") or len(number) != 18 or not number[16].isdigit():
        return
    if int(number[16]) % 2 == 0:
        for member in members:
            if member["relation"] == "spouse" and member["label"] in ("媳妇", "媳妇儿"):
                member["relation"] = "in_law"
    age = applicant.get("age")
    for member in members:
        if (
            member["relation"] == "child"
            and member["label"] in ("幺妹", "小妹")
            and age
            and member.get("age")
            and abs(member["age"] - age) < 15
        ):
            member["relation"] = "sibling"  # "我53 幺妹47": the youngest sister, not a daughter
    if age and age >= 45 and not any(m["relation"] == "spouse" for m in members):
        for member in members:
            if (
                member["relation"] == "parent"
                and member["label"] == "老汉"
                and member.get("age")
                and abs(member["age"] - age) <= 15
            ):
                member["relation"] = "spouse"
                break


def read_missing_ages(state: dict, text: str) -> bool:
    """Answers to "老妈多大了" / "满18岁了没有": "七十多了", "大的15，小的12", "满了"."""
    members = state.get("members") or []
    waiting = [m for m in members if m["age"] is None]
    if not waiting:
        return False
    converted = to_arabic(text)
    answered = False
    for clause in re.split(r"[，,。；;\s]", converted):
        member = pick_ordinal(members, clause)
        if member is None and re.match(r"[他她](?!们)", clause) and len(waiting) == 1:
            member, clause = waiting[0], "  " + clause[1:]  # "我58 她56": the one age missing
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

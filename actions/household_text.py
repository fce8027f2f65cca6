"""Reading household members and their circumstances from what a resident says:
"我45岁，老婆43岁，儿子15岁读初中，老汉儿72岁，二级残疾". Pure functions, no I/O.

A member is a dict with the Household JSON's member fields plus `label`, the word the
resident used ("老汉儿"); a field that was not said yet is None (never guessed).
"""

from __future__ import annotations

import re

from actions.parsing import to_arabic

# Word the resident says → relation in the Household JSON. Longest words are tried first.
RELATIONS = {
    "applicant": ["我自己", "本人", "自己", "我"],
    "spouse": [
        "老婆",
        "妻子",
        "爱人",
        "媳妇儿",
        "媳妇",
        "婆娘",
        "堂客",
        "老伴儿",
        "老伴",
        "老公",
        "丈夫",
        "男人",
    ],
    "child": [
        "大儿子",
        "二儿子",
        "小儿子",
        "大女儿",
        "二女儿",
        "小女儿",
        "儿子",
        "女儿",
        "幺儿",
        "娃儿",
        "孩子",
        "小孩",
        "闺女",
        "姑娘",
    ],
    "parent": [
        "老汉儿",
        "老汉",
        "父亲",
        "爸爸",
        "老爸",
        "爸",
        "老爹",
        "母亲",
        "妈妈",
        "老妈",
        "老娘",
        "妈",
    ],
    "grandparent": ["爷爷", "奶奶", "外公", "外婆", "家公", "家婆"],
    "grandchild": ["孙子", "孙女", "外孙女", "外孙"],
    "sibling": ["哥哥", "姐姐", "弟弟", "妹妹"],
    "in_law": ["儿媳妇", "儿媳", "女婿", "公公", "婆婆", "岳父", "岳母"],
}
_WORDS = sorted(
    ((word, relation) for relation, words in RELATIONS.items() for word in words),
    key=lambda pair: -len(pair[0]),
)
_RELATION_RE = re.compile("|".join(re.escape(word) for word, _ in _WORDS))
_TO_RELATION = dict(_WORDS)
FLAGS = (
    "disability_grade",
    "needs_long_term_care",
    "serious_illness",
    "bedridden",
    "in_school",
    "able_to_work",
)

_SCHOOL = re.compile(
    r"(读书|上学|读小学|读初中|读高中|读大学|上大学|上初中|上高中|上小学|在校|读幼儿园|上幼儿园|读中专|读职高|学生)"
)
_NOT_SCHOOL = re.compile(r"(没读书|没上学|不读书|辍学|退学|没有读书)")
_ABLE = re.compile(
    r"(能干活|能做活|能做事|能打工|在打工|打工|务工|能劳动|干得动|做得动|能种地|干农活)"
)
_UNABLE = re.compile(
    r"(不能干活|干不了活|做不动|干不动|不能劳动|没劳动力|丧失劳动能力|不能做事|做不了活)"
)
_GRADE = re.compile(r"(\d)\s*级(?:残疾|残)|残疾\s*(\d)\s*级|(\d)级")
_DISABLED = re.compile(r"(残疾|残废|瘫痪|聋|哑|瞎|盲)")
_ILLNESS = re.compile(
    r"(重病|大病|癌|肿瘤|尿毒症|白血病|脑溢血|中风|脑梗|心脏病|肝硬化|重特大疾病|透析)"
)
_BEDRIDDEN = re.compile(r"(卧床|瘫在床|躺在床|瘫痪|起不来床|下不了床)")
_CARE = re.compile(r"(护理|要人照顾|需要人照顾|离不开人|要人守|要人伺候|长期照顾)")
_NONE = re.compile(r"^(没有|没得|莫得|都没有|都没得|都莫得|没|无|都好|都健康|没有的|没有这些)")


def new_member(relation: str, label: str, age: int | None = None) -> dict:
    return {
        "relation": relation,
        "label": label,
        "age": age,
        "disability_grade": None,
        "needs_long_term_care": None,
        "serious_illness": None,
        "bedridden": None,
        "in_school": None,
        "able_to_work": None,
    }


def _segments(text: str) -> list[tuple[str, str, str]]:
    """(relation, label, the words about that person) for each person mentioned."""
    found = list(_RELATION_RE.finditer(text))
    parts = []
    for index, match in enumerate(found):
        end = found[index + 1].start() if index + 1 < len(found) else len(text)
        parts.append((_TO_RELATION[match.group(0)], match.group(0), text[match.end() : end]))
    return parts


def _circumstances(words: str) -> dict:
    """Flags said about one person: "二级残疾，卧床" → grade 2, bedridden."""
    flags: dict = {}
    grade = _GRADE.search(words)
    if grade:
        value = int(next(g for g in grade.groups() if g))
        if 1 <= value <= 4:
            flags["disability_grade"] = value
    elif _DISABLED.search(words):
        flags["disability_grade"] = "unknown"  # disabled, grade not said: ask
    if _ILLNESS.search(words):
        flags["serious_illness"] = True
    if _BEDRIDDEN.search(words):
        flags["bedridden"] = True
    if _CARE.search(words):
        flags["needs_long_term_care"] = True
    if _NOT_SCHOOL.search(words):
        flags["in_school"] = False
    elif _SCHOOL.search(words):
        flags["in_school"] = True
    if _UNABLE.search(words):
        flags["able_to_work"] = False
    elif _ABLE.search(words):
        flags["able_to_work"] = True
    return flags


def read_members(text: str) -> list[dict]:
    """Members listed with their ages: "我45岁，老婆43岁，儿子15岁读初中"."""
    members = []
    for relation, label, words in _segments(to_arabic(text)):
        age = re.match(r"\s*(?:今年|是|有)?\s*(\d{1,3})\s*(岁|周岁)", words)
        if not age:
            continue
        member = new_member(relation, label, int(age.group(1)))
        member.update(_circumstances(words[age.end() :]))
        members.append(member)
    return members


def apply_circumstances(members: list[dict], text: str) -> bool:
    """Apply what `text` says about named members ("老汉儿二级残疾") to `members`, in place.
    True when anything was applied."""
    applied = False
    for relation, label, words in _segments(to_arabic(text)):
        flags = _circumstances(words)
        target = _find(members, relation, label)
        if target is not None and flags:
            target.update(flags)
            applied = True
    return applied


def _find(members: list[dict], relation: str, label: str) -> dict | None:
    same_label = [m for m in members if m["label"] == label]
    same_relation = [m for m in members if m["relation"] == relation]
    candidates = same_label or same_relation
    return candidates[0] if candidates else None


def says_none(text: str) -> bool:
    """ "没有" / "都没有" / "莫得": nobody, nothing."""
    return bool(_NONE.match(re.sub(r"[\s，。,.!！]", "", text)))


def settle_health(members: list[dict]) -> None:
    """After the health question is answered: whatever was not said is not the case."""
    for member in members:
        for flag in ("needs_long_term_care", "serious_illness", "bedridden"):
            if member[flag] is None:
                member[flag] = False
        # disability_grade stays None (no disability) unless said; "unknown" is asked.


def read_work(members: list[dict], text: str) -> bool:
    """Who can work: "我和老婆能干活", "都能", "都不能". Members not named are taken as not
    able only when the resident named who can (the question asks exactly that)."""
    cleaned = to_arabic(text)
    if re.search(r"(都不能|都干不了|都做不动|没有人能|没人能|都没劳动力|一个都不能)", cleaned):
        for member in members:
            member["able_to_work"] = False
        return True
    if re.search(r"(都能|全部都能|都可以|都干得动)", cleaned):
        for member in members:
            member["able_to_work"] = True
        return True
    able, unable = [], []
    for clause in re.split(r"[，,；;。.\n]", cleaned):
        named = [t for r, lab, _ in _segments(clause) if (t := _find(members, r, lab))]
        if _UNABLE.search(clause):
            unable += named
        elif _ABLE.search(clause):
            able += named
    if not able and not unable:
        return False
    for member in members:
        if any(member is m for m in able):
            member["able_to_work"] = True
        elif any(member is m for m in unable) or able:
            member["able_to_work"] = False
    return True


def needs_school_answer(members: list[dict]) -> bool:
    return any(
        m["in_school"] is None and m["age"] is not None and 3 <= m["age"] <= 25 for m in members
    )


def read_school(members: list[dict], text: str) -> bool:
    cleaned = to_arabic(text)
    if says_none(cleaned) or re.search(r"(都没读|都不读|没有读书的|都没上学)", cleaned):
        for member in members:
            if member["in_school"] is None:
                member["in_school"] = False
        return True
    named = [t for r, lab, _ in _segments(cleaned) if (t := _find(members, r, lab))]
    if named and _SCHOOL.search(cleaned):
        for member in members:
            if member["in_school"] is None:
                member["in_school"] = any(member is t for t in named)
        return True
    if re.search(r"(都在读|都读书|都上学)", cleaned):
        for member in members:
            if member["in_school"] is None and member["age"] is not None and member["age"] <= 25:
                member["in_school"] = True
            elif member["in_school"] is None:
                member["in_school"] = False
        return True
    return False

"""Reading household members from what a resident says:
"5口人，我和老婆五十多岁，两个娃儿一个读高中一个读初中，还有老妈". Pure functions, no I/O.

A member is a dict with the Household JSON's member fields plus `label`, the word the
resident used ("老汉儿"), and `age_said` when the age was approximate or inferred; a field
that was not said yet is None (never guessed). Who a clause is about: the people it names;
else "其他人/其余的" (everyone not named before in the message), "都/全家/她们" (everyone),
else the people of the clause before. A negation ("没得残疾", "其他人都没有残疾证") sets the
fact to no for exactly those people.
"""

from __future__ import annotations

import re

from actions.reading.parsing import pauses_as_commas, to_arabic
from actions.reading.people import ages
from actions.reading.people.circumstances import by_age, circumstances
from actions.reading.people.people_words import RELATIONS, Mention, mentions

FLAGS = (
    "disability_grade",
    "needs_long_term_care",
    "serious_illness",
    "bedridden",
    "in_school",
    "able_to_work",
)
_CLAUSE = re.compile(r"[，,。；;\n！!？?]|还有|另外|然后")
# People said to live elsewhere: named, but not members, and nothing said applies here.
AWAY = re.compile(
    r"(在外|外头|外面|外地|广东|深圳|浙江|上海|北京|江苏|福建|主城|成都|广州|东莞|温州|宁波|苏州|杭州|新疆|"
    r"厦门|武汉|西安|昆明|贵阳|万州|重庆城|出去打工|打工去了|不在屋头|不在家|"
    r"没回来|走了|去世|过世|死了|[冻病淹摔饿]死|死在|不住一起|离家|嫁出去|成家了|靠.{0,6}给|给的钱|给钱|寄|打钱)"
)
_DIED = re.compile(r"(走了|去世|过世|死了|[冻病淹摔饿]死|死在|不在了|没了|没得了|病故)")
_NEARLY = re.compile(r"(差点|险些|差一点|怕|吓)")
_GONE = re.compile(r"(?:也|早就|已经|早)?(?:没得了|没了|不在了)")  # "妈没得了": died
# Words for one person the resident may call differently from one message to the next.
SAME_PERSON = {
    "father": ("父亲", "爸爸", "老爸", "爸", "老汉儿", "老汉", "老爹", "老父亲"),
    "mother": ("母亲", "妈妈", "老妈", "妈", "老娘", "老母亲"),
    "spouse": tuple(RELATIONS["spouse"]),
    "applicant": ("我", "我自己", "本人", "自己"),
}
_PEOPLE_OF_ORDINAL = {
    "大的": 0,
    "老大": 0,
    "大娃": 0,
    "小的": -1,
    "幺的": -1,
    "老幺": -1,
    "老二": 1,
    "二的": 1,
    "二娃": 1,
    "老三": 2,
}


def speaker_only(found: list[Mention]) -> bool:
    """ "我在外面工地上受伤了": the speaker lives here wherever they work."""
    return bool(found) and all(p[0] == "applicant" for m in found for p in m.people)


def counted_member(members: list[dict], found: list[Mention]) -> bool:
    """ "我妈在广东打工" from a child applying for her, "老公在浙江工地", "我爸在外面工地上":
    someone already counted in the household who works away is still of it."""
    if not found:
        return False
    for mention in found:
        for relation, label in mention.people:
            said = new_member(relation, label)
            same = [m for m in members if same_person(m, said)]
            if label == "我" or not (
                len(same) == 1 and (unique(said) or same[0]["label"] == label)
            ):
                return False
    return True


def _identity(member: dict) -> str:
    for key, words in SAME_PERSON.items():
        if member["label"] in words:
            return key
    return member["label"]


def unique(member: dict) -> bool:
    """There is one of this person in a family (我, 老婆, 老汉儿), not several (娃儿)."""
    return _identity(member) in SAME_PERSON or member["relation"] in ("parent", "grandparent")


def same_person(known: dict, said: dict) -> bool:
    """ "老汉儿" and "我爸" are the same person; two 娃儿 may not be."""
    return _identity(known) == _identity(said) or known["label"] == said["label"]


def new_member(relation: str, label: str, age: int | None = None) -> dict:
    return {"relation": relation, "label": label, "age": age, **{flag: None for flag in FLAGS}}


def _people(found: list[Mention]) -> list[tuple[str, str]]:
    return [person for mention in found for person in mention.people]


def clauses(text: str) -> list[str]:
    """Clauses, split at punctuation and, in speech written without it, at the spaces
    between words ("老汉儿脑梗 半边瘫了 儿子腿断了")."""
    spaced = pauses_as_commas(text)
    return [clause for clause in _CLAUSE.split(spaced) if clause.strip()]


# A person right after these verbs is cared for, not the one who acts: "我在屋头带娃儿种地".
_CARED_FOR = re.compile(r"(?:带|照顾|照看|看|管|守|陪|伺候|供|养|喂|接送)(?:到|着|倒)?$")
# "要我妈照顾", "全靠老婆伺候": the one who gives care, named inside the need for it.
_NEEDS = re.compile(r"(?:要|需要|靠|全靠|得|都是|全是)我?$")
_CARING = re.compile(r"\s*(?:照顾|照管|伺候|护理|守|管|弄|喂|搞|招呼)")
_OWN_WORK = re.compile(r"\s*(?:和|又|还|也)?(?:种|做|干|打|喂|养|煮|卖|摘|搞|割|挖)")


def parts(text: str) -> list[tuple[list[Mention], list[tuple[Mention | None, str]]]]:
    """Per clause: the people named, and (mention, the words after it) pieces."""
    parts = []
    for clause in clauses(to_arabic(text)):
        found = [
            m
            for m in mentions(clause)
            if not (_CARED_FOR.search(clause[: m.start]) and _OWN_WORK.match(clause[m.end :]))
            and not (_NEEDS.search(clause[: m.start]) and _CARING.match(clause[m.end :]))
        ]
        pieces: list[tuple[Mention | None, str]] = []
        if found and found[0].start > 0:
            pieces.append((None, clause[: found[0].start]))
        for index, mention in enumerate(found):
            end = found[index + 1].start if index + 1 < len(found) else len(clause)
            pieces.append((mention, clause[mention.end : end]))
        if not found:
            pieces.append((None, clause))
        parts.append((found, pieces))
    return parts


def read_members(text: str) -> list[dict]:
    """Everyone named in `text`, with their age when said and what is said of them:
    "我和老婆五十多岁，两个娃儿一个读高中一个读初中，还有老妈" → five members."""
    text = _relative_ages(to_arabic(text))
    members: list[dict] = []
    group: list[dict] = []
    grouped: list[dict] = []
    shared: list[dict] = []
    for found, pieces in parts(text):
        said = "".join(words for _, words in pieces)
        if not found and group and _DIED.search(said) and not _NEARLY.search(said):
            # "老伴在医院陪床走丢了 … 冻死在沟里了": the one named just before
            members = [m for m in members if not any(m is g for g in group)]
            group = []
            continue
        dead = [
            mention
            for mention, words in pieces
            if mention is not None
            and (_DIED.search(words) or _GONE.fullmatch(words.strip()))
            and not _NEARLY.search(words)
        ]
        if dead:
            # "一直跟他妈两个住，前段时间他妈走了": named before, no longer here;
            # "外甥女她爸妈都不在了": the parents, not the niece
            gone = {label for mention in dead for _, label in mention.people}
            members = [m for m in members if m["label"] not in gone]
            pieces = [(m, w) for m, w in pieces if not any(m is d for d in dead)]
            found = [m for m in found if not any(m is d for d in dead)]
            said = "".join(words for _, words in pieces)
            if not found:
                group = []
                continue
        away = AWAY.search(_DIED.sub("", said)) if _NEARLY.search(said) else AWAY.search(said)
        if away and not speaker_only(found):
            group = []
            continue  # "儿子媳妇在外头打工": not living here
        for mention, words in pieces:
            if mention is None:
                if len(group) == 1 and group[0]["age"] is None:
                    _set_age(group, ages.bare_age(words))  # "只有我一个，今年78了"
                elif len(group) > 1 and re.match(r"^(?:另|还有)?1个", words):
                    # "两个娃儿，一个读高中16，一个读小学10岁": the shares, in turn
                    for share in re.split(r"(?:另)?1个", words)[1:]:
                        member = next((m for m in group if not any(m is d for d in shared)), None)
                        if member is None:
                            break
                        shared.append(member)
                        _apply(member, share)
                        late = re.search(r"(\d{1,2})\s*(?:岁|$)", share)
                        if late and member["age"] in (None, ages.school_age(share)):
                            member["age"] = int(late.group(1))
                            member.pop("age_said", None)
                continue
            group = [new_member(relation, label) for relation, label in mention.people]
            shared: list[dict] = []
            age, end = ages.age_after(words)
            again = _said_before(members, mention, age, grouped)
            if again is None and len(mention.people) == 1:
                again = _one_of_group(grouped, mention)
                if again is not None and age is not None:
                    _set_age([again], age)
                if again is not None and mention.people[0][1] not in _PEOPLE_OF_ORDINAL:
                    again["label"] = mention.people[0][1]  # "两个娃儿 … 儿子十岁": the son
            if again is not None:
                # "和儿子两个住，儿子有精神病": one son, said twice
                _apply(again, words[end:])
                group = [again]
                _pronoun_age(members, group, words[end:])
                continue
            _set_age(group, age)
            _pronoun_age(members, group, words[end:])
            shares = re.split(r"(?:另)?1个", words[end:]) if mention.is_group else [words[end:]]
            if mention.is_group and len(shares) - 1 == len(group):
                for member, share in zip(group, shares[1:], strict=True):
                    _apply(member, share)
                    if (late := re.search(r"(\d{1,2})\s*(?:岁|$)", share)) and member[
                        "age"
                    ] is None:
                        member["age"] = int(late.group(1))  # "一个读高中16"
            else:
                for member in group:
                    _apply(member, words[end:])
            members += group
            if mention.is_group:
                grouped += group
    return members


_MY_AGE = re.compile(r"(?<![妈爸娘汉哥姐弟妹婆公])我(?:今年)?\s*(\d{1,3})(?!\d)")
_RELATIVE_AGE = re.compile(r"(比我|)(大|小)(我|)\s*(\d{1,2})\s*岁")


def _relative_ages(text: str) -> str:
    """ "我38，老公大我3岁" → "我38，老公41": an age said against the speaker's."""
    mine = _MY_AGE.search(text)
    if not mine:
        return text

    def absolute(match: re.Match) -> str:
        if not (match.group(1) or match.group(3)):
            return match.group(0)  # "大3岁" alone says nothing of whom
        step = int(match.group(4)) * (1 if match.group(2) == "大" else -1)
        return str(int(mine.group(1)) + step)

    return _RELATIVE_AGE.sub(absolute, text)


def _pronoun_age(members: list[dict], group: list[dict], words: str) -> None:
    """ "我和老公，我48他50": 他 is the one named before who has no age yet."""
    if pronoun := re.match(r"\s*[，、]?(?:他|她)\s*(\d{1,3})(?!\d)", words):
        other = next((m for m in reversed(members) if m["age"] is None and m not in group), None)
        if other is not None:
            other["age"] = int(pronoun.group(1))


_ORDINAL_WORDS = {
    **_PEOPLE_OF_ORDINAL,
    "幺儿": -1,
    "幺女": -1,
    "小孙儿": -1,
    "大孙儿": 0,
    "大孙女": 0,
}


def _one_of_group(grouped: list[dict], mention: Mention) -> dict | None:
    """ "三个孙孙 … 大孙儿5岁 老二4岁 幺儿一岁多": one of the children counted before, by
    their order or the next without an age, not someone new."""
    relation, label = mention.people[0]
    if relation in ("applicant", "spouse"):
        # "我和老婆 … 我50 老婆48": the two of the group
        return next((m for m in grouped if m["relation"] == relation and m["age"] is None), None)
    young = [m for m in grouped if m["relation"] in ("child", "grandchild")]
    waiting = [m for m in young if m["age"] is None]
    if not waiting or (
        label not in _ORDINAL_WORDS and relation not in {m["relation"] for m in young}
    ):
        return None
    if label in _ORDINAL_WORDS:
        index = _ORDINAL_WORDS[label]
        if -len(young) <= index < len(young) and young[index]["age"] is None:
            return young[index]
    return waiting[0]


def _said_before(
    members: list[dict], mention: Mention, age: ages.Age | None, grouped: list[dict]
) -> dict | None:
    """The one person of that word already named in this message, when this mention is of
    one person too and says no other age."""
    if mention.is_group:
        return None
    label = mention.people[0][1]
    earlier = [m for m in members if m["label"] == label and not any(m is g for g in grouped)]
    if len(earlier) != 1:
        return None
    if age is not None and earlier[0]["age"] not in (None, age.recorded):
        return None
    if age is not None:
        _set_age(earlier, age)
    return earlier[0]


def _set_age(group: list[dict], age: ages.Age | None) -> None:
    for member in group:
        if age is None:
            continue
        member["age"] = age.recorded
        if age.low != age.high:
            member["age_said"] = f"{age.low}-{age.high}"
        if not age.settled:
            member["age_range"] = [age.low, age.high]


def _apply(member: dict, words: str) -> None:
    flags = circumstances(words)
    flags.pop("no_disability", None)
    if flags.get("able_to_work") == "weak":
        flags["able_to_work"] = False
    by_age(member, flags)
    member.update(flags)
    if member["age"] is None and flags.get("in_school") and ages.school_age(words):
        member["age"] = ages.school_age(words)
        member["age_said"] = "school"


def find(members: list[dict], relation: str, label: str, taken: list[dict] = ()) -> dict | None:
    """The member a word refers to: same word first, else same relation; "大的"/"小的" the
    eldest or youngest child or grandchild."""
    if label in _ORDINAL_WORDS and not any(m["label"] == label for m in members):
        young = [m for m in members if m["relation"] in ("child", "grandchild")]
        index = _ORDINAL_WORDS[label]
        if -len(young) <= index < len(young):
            return young[index]
    for pool in (
        [m for m in members if m["label"] == label],
        [m for m in members if m["relation"] == relation],
    ):
        free = [m for m in pool if not any(m is t for t in taken)]
        if free:
            return free[0]
        if pool:
            return pool[0]
    return None


def pick_ordinal(members: list[dict], words: str) -> dict | None:
    """ "大的15，小的12": the eldest / youngest child."""
    children = [m for m in members if m["relation"] in ("child", "grandchild")]
    for word, index in _PEOPLE_OF_ORDINAL.items():
        if words.startswith(word) and children and -len(children) <= index < len(children):
            return children[index]
    return None

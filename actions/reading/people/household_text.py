"""Reading household members from what a resident says:
"5口人，我和老婆五十多岁，两个娃儿一个读高中一个读初中，还有老妈". Pure functions, no I/O.

A member is a dict with the Household JSON's member fields plus `label`, the word the
resident used ("老汉儿"), and `age_said` when the age was approximate or inferred; a field
that was not said yet is None (never guessed). Who a clause is about: the people it names;
else "其他人/其余的" (everyone not named before in the message), "都/全家/她们" (everyone),
else the people of the clause before. A negation ("没得残疾", "其他人都没有残疾证") sets the
fact to no for exactly those people. Which member a word means, and who lives elsewhere or
has died, is `member_identity`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from actions.reading.parsing import pauses_as_commas, to_arabic
from actions.reading.people import ages
from actions.reading.people.circumstances import by_age, circumstances
from actions.reading.people.member_identity import (
    AWAY,
    DIED,
    GONE,
    NEARLY,
    ORDINALS,
    new_member,
    one_of_group,
    speaker_only,
)
from actions.reading.people.people_words import (
    FORMER_SPOUSE,
    SURNAMES,
    TO_RELATION,
    TWO_THEN_TWINS,
    Mention,
    given_names,
    is_given_name,
    mentions,
)

_CLAUSE = re.compile(r"[，,。；;\n！!？?]|还有|另外|然后")


def clauses(text: str) -> list[str]:
    """Clauses, split at punctuation and, in speech written without it, at the spaces
    between words ("老汉儿脑梗 半边瘫了 儿子腿断了"). Where a resident types a space after
    every word ("我 砖厂 搬 砖 老婆 在家 种地"), a clause starts at each person instead."""
    found = []
    for segment in re.split(r"[，,。；;\n！!？?]", text or ""):
        pieces = [c for c in _CLAUSE.split(pauses_as_commas(segment)) if c.strip()]
        if len(pieces) >= 4 and sum(len(p.strip()) for p in pieces) / len(pieces) <= 3:
            pieces = _from_person_to_person(pieces)
        found += pieces
    return found


def _from_person_to_person(pieces: list[str]) -> list[str]:
    joined: list[str] = []
    for piece in pieces:
        named = mentions(to_arabic(piece.strip()))
        if not joined or (named and named[0].start == 0):
            joined.append(piece.strip())
        else:
            joined[-1] += piece.strip()
    return joined


# A person right after these verbs is cared for, not the one who acts: "我在屋头带娃儿种地".
_CARED_FOR = re.compile(r"(?:带|照顾|照看|看|管|守|陪|伺候|供|养|喂|接送)(?:到|着|倒)?$")
# "要我妈照顾", "全靠老婆伺候": the one who gives care, named inside the need for it.
_NEEDS = re.compile(r"(?:要|需要|靠|全靠|得|都是|全是)我?$")
_CARING = re.compile(r"\s*(?:照顾|照管|伺候|护理|守|管|弄|喂|搞|招呼|牵|扶)")
_OWN_WORK = re.compile(r"\s*(?:和|又|还|也)?(?:种|做|干|打|喂|养|煮|卖|摘|搞|割|挖)")


def parts(
    text: str, together: bool = False, names: Sequence[str] = ()
) -> list[tuple[list[Mention], list[tuple[Mention | None, str]]]]:
    """Per clause: the people named, and (mention, the words after it) pieces; `together`:
    people named one after the other are one group (what is said of them, not their ages);
    `names`: members known by a given name only."""
    parts = []
    before: list[Mention] = []
    whole = to_arabic(text)
    for clause in clauses(whole):
        found = [
            m
            for m in mentions(clause, whole, names)
            if not (_CARED_FOR.search(clause[: m.start]) and _OWN_WORK.match(clause[m.end :]))
            and not (_NEEDS.search(clause[: m.start]) and _CARING.match(clause[m.end :]))
        ]
        if (
            found
            and found[0].start == 0
            and clause.startswith("自己")
            and before
            and not any(relation == "applicant" for m in before for relation, _ in m.people)
        ):
            found = found[1:]  # "儿子脑瘫 自己站不稳": by himself, not the speaker
        if together:
            found = _together(clause, found)
        before = found or before
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


_JOINED = re.compile(r"\s*(?:和|跟|同|与)?\s*")


def _together(clause: str, found: list[Mention]) -> list[Mention]:
    """ "公公婆婆在砖厂做工", "公公和婆婆都在做": people named one after the other, with
    nothing or only 和 between them, are one group for what is said after them."""
    merged: list[Mention] = []
    for mention in found:
        last = merged[-1] if merged else None
        if (
            last is not None
            and _JOINED.fullmatch(clause[last.end : mention.start])
            and not any(r in ("applicant", "elder") for r, _ in last.people + mention.people)
        ):
            merged[-1] = Mention(last.people + mention.people, last.start, mention.end)
        else:
            merged.append(mention)
    return merged


# An age someone had then ("老婆走的时候女儿才3岁"): not their age now.
_THEN = re.compile(
    r"(?:那时候|那时|那年|当时|那会儿?|的时候)[^，。\d]{0,6}?(?:才|只有|刚|还)?\d+\s*(?:岁|个月)|"
    r"(?:明年|后年|过了年|过年)(?:才|就)?(?:满)?\d+\s*岁?"  # "明年才十四": not yet
)
# "孙子十四岁 哦不对 十三": the age said last, in place of the first.
_AGE_FIXED = re.compile(
    r"(\d{1,3})\s*(?:岁|周岁)?[\s，,]*(?:哦|噢|喔|呃)[\s，,]*(?:不对|说错了|搞错了|不是)?[\s，,]*(?:是)?"
    r"(\d{1,3})(?=\s*(?:岁|周岁)?(?:[\s，,。]|$))"
    r"|(\d{1,3})\s*(?:岁|周岁)?[\s，,]*(?:不对|说错了|搞错了)[\s，,]*(?:是)?(\d{1,3})"
    r"(?=\s*(?:岁|周岁)?(?:[\s，,。]|$))"
)


def _ages_fixed(text: str) -> str:
    return _AGE_FIXED.sub(lambda m: (m.group(2) or m.group(4)) + "岁", text)


_RELATION_WORD = "|".join(
    re.escape(w) for w in sorted(TO_RELATION, key=len, reverse=True) if len(w) >= 2
)
_NAME_THEN_AGE = re.compile(
    rf"({_RELATION_WORD})([{SURNAMES}][\u4e00-\u9fff]{{1,2}}?)(?=(?:也是|今年|是)?\d)"
)
_NOT_NAMES = {
    "高中",
    "高一",
    "高二",
    "高三",
    "今年",
    "明年",
    "去年",
    "周岁",
    "虚岁",
    "快要",
    "万州",
}


def _names_before_ages(text: str, called: list[tuple[str, str]]) -> str:
    """ "男人高松林47": the name between the person and the age, left out (the age is his);
    (word, name) added to `called`, for the later answers that name him so."""

    def person(match: re.Match) -> str:
        if match.group(2) in _NOT_NAMES:
            return match.group(0)
        called.append((match.group(1), match.group(2)))
        return match.group(1)

    return _NAME_THEN_AGE.sub(person, text)


# "前头那个郭红军43": a former spouse by name, a member known by the name
_FORMER_NAMED = re.compile(
    rf"(?:前头那个|前头的|原来那个)(?:男人|男的|老公|婆娘|女的|老婆)?(?=[{SURNAMES}][\u4e00-\u9fff]{{1,2}}\d)"
)


def former_by_name(text: str) -> str:
    """ "前头那个郭红军43 瘫起的" → "郭红军43 瘫起的": the former spouse is the named member."""
    return _FORMER_NAMED.sub("", to_arabic(text))


_LIVES_HERE = re.compile(
    r"(带过来|带过去|一起过|一起住|住一起|住在一起|在屋头|瘫|伺候|照顾|养着|守着|睡在床上|卧床)"
)


_IS_ME = re.compile(r"([\u4e00-\u9fff]{2,3}?)(?:就是我|是我自己|是我)(?![\u4e00-\u9fff])")


# "双胞胎16 一个儿子一个女儿": the pair, then which is which
_TWINS_TOLD = re.compile(
    r"(?:双胞胎|龙凤胎|(?:两|二|2)个(?:娃儿?|孩子|小孩))[^\d\s，,。]{0,3}(?P<age>\d{1,2})\s*岁?[\s，,]*"
    r"(?:一|1)个(?P<a>儿子|女儿|男娃|女娃|儿|女)[\s，,]*(?:一|1)个(?P<b>儿子|女儿|男娃|女娃|儿|女)"
)

# "两个娃儿都是8岁 双胞胎", "两个娃儿 双胞胎 8岁": the two just named are the twins, not two more
_THE_TWO_ARE_TWINS = re.compile(
    rf"(?P<two>{TWO_THEN_TWINS})(?:是|都是)?[双2二两]胞胎(?P<age>\s*(?=\d{{1,2}}\s*岁))?"
)
# "大孙孙8岁 两个小的…": the younger ones of the same word
_THE_SMALL_ONES = re.compile(
    r"大(?P<who>孙孙|孙子|孙女|孙娃儿?|儿子|女儿|娃儿|女子)(?P<mid>[^。]{0,12}?[两2二三3])个小的"
)
# "双胞胎 8岁", "双胞胎儿子8岁": one age, of both
_TWINS_AGE = re.compile(
    r"(?:[双2二两]胞胎|龙凤胎)(?P<who>儿子|女儿|孙子|孙女|娃儿?)?\s*(?=\d{1,2}\s*岁)"
)

# Away for work or school, and nothing more: "我男人47在广东做工地", "儿子19在万州读大专"
_AWAY_FOR = {
    "spouse": re.compile(r"(打工|做工|工地|上班|做事|挣钱|务工|做活路?)"),
    "child": re.compile(
        r"(读大学|上大学|读大专|读专科|读高中|读中专|读职高|读技校|读书|上学|住校|念书)"
    ),
}
_LEFT_FOR_GOOD = re.compile(
    r"(离婚|离了|跑了|跑掉|走了|去世|过世|死|不在了|嫁|成家|分家|分出去|坐牢|监狱|服刑|不算|联系不上|"
    r"找不到|失联|不回来|没回来|上门|倒插门|判给|改嫁|不管)"
)


def _away_yet_of_it(found: list[Mention], said: str) -> bool:
    """A spouse working away, or a child away at school, is still of the household (共同生活
    的家庭成员: the spouse; a child in full-time schooling): not one who left it."""
    people = [p for mention in found for p in mention.people]
    return (
        len(people) == 1
        and people[0][0] in _AWAY_FOR
        and bool(_AWAY_FOR[people[0][0]].search(said))
        and not _LEFT_FOR_GOOD.search(said)
    )


def read_members(text: str, names: Sequence[str] = ()) -> list[dict]:
    """Everyone named in `text`, with their age when said and what is said of them:
    "我和老婆五十多岁，两个娃儿一个读高中一个读初中，还有老妈" → five members; `names`: members
    known by a given name only, to whom a new one said ("德才52 秀莲33") is added."""
    called: list[tuple[str, str]] = []
    text = _TWINS_TOLD.sub(r"\g<a>\g<age> \g<b>\g<age>", text)
    text = _THE_SMALL_ONES.sub(r"大\g<who>\g<mid>个\g<who>", text)
    text = _THE_TWO_ARE_TWINS.sub(lambda m: m.group("two") + ("都" if m.group("age") else ""), text)
    text = _TWINS_AGE.sub(lambda m: f"两个{m.group('who') or '娃儿'}都", text)
    text = _AGES_LISTED.sub(_each_with_age, former_by_name(text))
    text = _relative_ages(
        _ages_fixed(_THEN.sub("", _PAST_AGE.sub("", _names_before_ages(text, called))))
    )
    me = _IS_ME.search(text)
    if me and is_given_name(me.group(1)):  # "德才52 … 德才就是我": the speaker by name
        text = text.replace(me.group(0), "").replace(me.group(1), "我")
    names = list(dict.fromkeys([*names, *given_names(text)]))
    # "三个女儿 15岁 12岁 8岁": a group's ages said one after the other
    group_in_turn = bool(
        re.search(r"[2-9]个[^\d\s，,。]{1,4}[\s，,]+\d{1,2}\s*岁?[\s，,]+\d{1,2}\s*岁?", text)
    )
    members: list[dict] = []
    group: list[dict] = []
    grouped: list[dict] = []
    shared: list[dict] = []
    gone_away: set[str] = set()
    adjacent: list[dict] = []  # named just before, with nothing between: "公公婆婆七十多"
    last_clause: list[dict] = []  # everyone the clause before named with nothing said
    opened: list[dict] = []  # the people the clause before began with
    for found, pieces in parts(text, names=names):
        said = "".join(words for _, words in pieces)
        if not found and last_clause and _MARRIED_AWAY.match(said):
            # "三个儿两个女 都成家了 各过各的": the children named just before live apart
            members = [m for m in members if not any(m is g for g in last_clause)]
            group, last_clause = [], []
            continue
        last_clause = []
        adjacent = []  # (within one clause only)
        if (
            not found
            and opened
            and len(said.strip()) <= 8
            and said.strip().startswith(("在", "也在", "都在", "还在", "一直在", "现在在"))
            and AWAY.search(said)
            and not all(m["relation"] == "applicant" for m in opened)
        ):
            # "大儿子20是跟他生的 在东莞": the one the clause before began with lives away
            members = [m for m in members if not any(m is g for g in opened)]
            group, opened = [], []
            continue
        if (
            not found
            and opened
            and all(m["relation"] == "applicant" for m in opened)
            and len(members) > len(opened)
            and _NOT_LIVING_HERE.match(said)
        ):
            # "我在县城，不在屋头住", of one writing for her parents: the sender lives apart
            members = [m for m in members if not any(m is g for g in opened)]
            group, opened = [], []
            continue
        opened = []
        if not found and group and _LOCKED_UP.search(said):
            # "儿子犯了事 判了五年 在监狱里": the one named just before does not live here
            members = [m for m in members if not any(m is g for g in group)]
            group = []
            continue
        if not found and group and DIED.search(said) and not NEARLY.search(said):
            # "老伴在医院陪床走丢了 … 冻死在沟里了": the one named just before
            members = [m for m in members if not any(m is g for g in group)]
            group = []
            continue
        dead = [
            mention
            for mention, words in pieces
            if mention is not None
            and (DIED.search(words) or GONE.fullmatch(words.strip()))
            and not NEARLY.search(words)
        ]
        # "我爸爸和哥哥三年前…都走了": the one joined to a dead person by 和 died too
        dead += [
            mention
            for (mention, words), (after, _) in zip(pieces, pieces[1:], strict=False)
            if mention is not None
            and any(after is d for d in dead)
            and re.fullmatch(r"\s*(?:和|跟|与|同|还有)?\s*", words)  # "爸妈都不在了": both
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
        away = AWAY.search(DIED.sub("", said)) if NEARLY.search(said) else AWAY.search(said)
        if speaker_only(found) and (
            (away and _SENDER_NOT_COUNTED.search(said)) or _REGISTER_MOVED.search(said)
        ):
            # "我嫁出去了不算", of one who writes for her father's household
            members = [m for m in members if m["relation"] != "applicant" or m["age"] is not None]
            group = []
            continue
        if (
            away
            and len(pieces) > 1
            and pieces[0][0] is not None
            and re.fullmatch(r"\s*\d{1,3}\s*(?:岁|多|了)?\s*", pieces[0][1])
            and not AWAY.search(pieces[0][1])
            and AWAY.search("".join(words for _, words in pieces[1:]))
        ):
            # "老婆64 两个儿子都在外面": the first with her age is here; those after are away
            gone_away |= {
                label
                for mention, _ in pieces[1:]
                if mention is not None
                for _, label in mention.people
            }
            found = [pieces[0][0]]
            pieces = pieces[:1]
            said = pieces[0][1]
            away = None
        if away and not speaker_only(found) and not _away_yet_of_it(found, said):
            gone_away |= {label for mention in found for _, label in mention.people}
            group = []
            continue  # "儿子媳妇在外头打工": not living here
        if found and all(label in gone_away for mention in found for _, label in mention.people):
            continue  # "大女子在重庆读大学 … 大女子十九": the one said to live away
        for mention, words in pieces:
            if mention is None:
                adjacent = []
                if re.match(r"\s*(?:他|她)\s*\d{2,3}(?![\d个口人])", words):
                    _pronoun_age(members, [], words)  # "我60，他66": after a pause
                elif (
                    len(group) == 1
                    and group[0]["age"] is None
                    and re.fullmatch(r"\s*\d{1,3}\s*(?:多|来)?\s*(?:岁|周岁|了)?\s*", words)
                ):
                    _set_age(group, ages.age_after(words)[0])  # "老公 47": typed with spaces
                elif len(group) == 1 and group[0]["age"] is None:
                    _set_age(group, ages.bare_age(words))  # "只有我一个，今年78了"
                elif (
                    len(group) > 1
                    and any(m["age"] is None for m in group)
                    and not all(m["age"] is None for m in group)
                    and re.fullmatch(r"\s*\d{1,3}\s*(?:岁|周岁)?\s*", words)
                ):
                    # "三个女儿 15岁 12岁 8岁": each age said in turn, to the next of them
                    _set_age([next(m for m in group if m["age"] is None)], ages.bare_age(words))
                elif (
                    len(group) > 1
                    and all(m["age"] is None for m in group)
                    and re.fullmatch(r"\s*\d{1,3}\s*(?:岁|周岁)?\s*", words)
                    and re.match(r"\s*\d", words)
                    and not shared
                    and group_in_turn
                ):
                    _set_age(group[:1], ages.bare_age(words))
                elif (
                    len(group) > 1
                    and all(m["age"] is None for m in group)
                    and re.match(r"\s*(?:\d个|两个)?\s*都(?:是|有)?\s*\d", words)
                ):
                    _set_age(group, ages.bare_age(words))  # "我和老伴两个，都70多了"
                elif len(group) > 1 and re.match(r"^(?:另|还有)?1个", words):
                    # "两个娃儿，一个读高中16，一个读小学10岁": the shares, in turn
                    _shares_in_turn(group, shared, words)
                continue
            group = [new_member(relation, label) for relation, label in mention.people]
            if mention is found[0] and mention.start == 0:
                opened = group
            shared: list[dict] = []
            age, end = ages.age_after(words)
            count = _PAIR_COUNT.match(words) if mention.is_group and age is None else None
            if count:  # "我跟老公两个四十多": the count, then the age of each
                age, end = ages.age_after(words[count.end() :])
                end += count.end()
            in_shares = mention.is_group and len(group) > 1 and re.match(r"\s*(?:另)?1个", words)
            if in_shares:
                age, end = None, 0  # "两个儿子一个9岁一个6岁": each one's age, in turn
            if age is not None and _one_generation(adjacent, group):
                _set_age(adjacent, age)  # "公公婆婆七十多", "爸妈七十多": the age of both
            adjacent = (
                [m for m in group if m["age"] is None]
                if age is None and re.fullmatch(r"\s*(?:和|跟|同|与)?\s*", words)
                else []
            )
            told = _group_said_before(members, mention, age, grouped)
            if told is not None:
                # "我和两个娃儿，我36 两个娃儿都是8岁": the same two, said again
                if in_shares:
                    _shares_in_turn(told, shared, words[end:])
                else:
                    _set_age(told, age)
                    for member in told:
                        _apply(member, words[end:])
                group = told
                continue
            again = _said_before(members, mention, age, grouped)
            if again is None and len(mention.people) == 1:
                again = one_of_group(grouped, mention)
                if again is not None and age is not None:
                    _set_age([again], age)
                if again is not None and mention.people[0][1] not in ORDINALS:
                    again["label"] = mention.people[0][1]  # "两个娃儿 … 儿子十岁": the son
            if again is not None:
                # "和儿子两个住，儿子有精神病": one son, said twice
                _apply(again, words[end:])
                group = [again]
                if mention is found[0] and mention.start == 0:
                    opened = group
                _pronoun_age(members, group, words[end:])
                continue
            in_turn = re.findall(r"(?<![\d.])(\d{1,2})\s*(?:岁|周岁)", words) or re.findall(
                r"(?<![\d.])(\d{1,2})(?=[\s，,]|$)", words
            )
            if group_in_turn and mention.is_group and len(in_turn) == len(group):
                for member, said_age in zip(group, in_turn, strict=True):
                    member["age"] = int(said_age)  # "三个女儿 15岁 12岁 8岁": each in turn
            else:
                _set_age(group, age)
            _pronoun_age(members, group, words[end:])
            shares = re.split(r"(?:另)?1个", words[end:]) if mention.is_group else [words[end:]]
            if in_shares or (mention.is_group and len(shares) - 1 == len(group)):
                _shares_in_turn(group, shared, words[end:])  # "一个读高中16，一个…"
            else:
                for member in group:
                    _apply(member, words[end:])
            members += group
            if mention.is_group:
                grouped += group
            if not words[end:].strip():
                last_clause += group
    _ages_in_order(members, text)
    for word, name in called:
        member = next((m for m in members if m["label"] == word and "called" not in m), None)
        if member is not None:
            member["called"] = name  # "我现在的男人刘万成50 … 刘万成在场镇上打小工"
    if not _LIVES_HERE.search(text):  # "前夫不管": a former spouse, not of the household
        members = [m for m in members if m["label"] not in FORMER_SPOUSE]
    wives = [m for m in members if m["relation"] == "spouse" and m["label"] not in _SON_S_WIFE]
    sons = [m["age"] for m in members if m["relation"] == "child" and m["age"]]
    for member in members:
        if (
            wives
            and member["relation"] == "spouse"
            and member["label"] in _SON_S_WIFE
            and member["age"]
            and sons
            and member["age"] <= max(sons) + 10
        ):
            member["relation"] = "in_law"  # "老婆子58 儿子36 媳妇33": the son's wife
    return members


_SON_S_WIFE = ("媳妇", "媳妇儿")


# "我14岁就过来了", "他30岁那年": an age of long ago, not today's
_PAST_AGE = re.compile(r"\d{1,3}\s*岁(?=\s*(?:就|那年|的时候|时候|那会|时(?!间)|过来|嫁|出去))")
_SENDER_NOT_COUNTED = re.compile(
    r"(嫁出[去来]|出嫁|嫁人|分出[去来]|成家)[^，。]{0,3}(?:了)?[^，。]{0,2}不算"
)
# "我户口早迁出来了", of one who writes for her parents' household
_REGISTER_MOVED = re.compile(r"户口[^，。]{0,3}(?:迁出|迁走|迁到|迁了|早迁)")
_NOT_LIVING_HERE = re.compile(
    r"\s*(?:也|都|平时)?(?:不在|没在|没有在)(?:屋头|家里?|家头)(?:住|头住)|\s*(?:也|都|平时)?(?:不|没)住(?:在|到)?(?:屋头|家里?)"
)
_MARRIED_AWAY = re.compile(
    r"\s*(?:都|也都|全都)?(?:成家了|结婚了|嫁出去了|分家了|各过各的|不跟我们|不在一起)"
)
_AGES_ONLY = re.compile(r"^\s*(?:\d{1,3}\s*岁?\s*[、/]?\s*){2,}$")


def _ages_in_order(members: list[dict], text: str) -> None:
    """ "4 我 老婆 两个女，45 41 17 14": the ages told after everyone, in the order named."""
    if not members or any(m["age"] is not None for m in members):
        return
    for clause in re.split(r"[，,。；;\n]", text):
        said = re.findall(r"\d{1,3}", clause) if _AGES_ONLY.match(clause) else []
        if len(said) == len(members) and all(0 < int(a) < 110 for a in said):
            for member, age in zip(members, said, strict=True):
                member["age"] = int(age)
            return


_LOCKED_UP = re.compile(r"(监狱|坐牢|服刑|劳改|判了\d*年|在里头|他不算|她不算)")


def _one_generation(before: list[dict], group: list[dict]) -> bool:
    """Named side by side and of one generation ("公公婆婆", "爸妈", "我老公"): one age
    said after both is both's; "奶奶孙子十岁" is the grandson's alone."""
    couple = {"applicant", "spouse"}
    relations = {m["relation"] for m in before + group}
    return bool(before) and (len(relations) == 1 or relations <= couple)


# A count between a group and its age: "我跟老公两个四十多", "我们2个都70几".
_PAIR_COUNT = re.compile(r"\s*(?:\d|两|俩)\s*个?(?:人)?\s*(?:都(?:是|有)?)?\s*(?=\d)")
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
        age = int(pronoun.group(1))
        waiting = [m for m in reversed(members) if m["age"] is None and m not in group]
        # "一个女儿一个儿子，他48 我46": of an age to be the husband, not the son named last
        young = ("child", "grandchild")
        # (a grown man's age is no child's: "他和两个娃儿 … 他39 女儿12" by his sister, of him)
        other = next(
            (m for m in waiting if (m["relation"] in young) == (age < 25)),
            waiting[0] if waiting and not (age >= 25 and waiting[0]["relation"] in young) else None,
        )
        if other is not None:
            other["age"] = age


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


def _group_said_before(
    members: list[dict], mention: Mention, age: ages.Age | None, grouped: list[dict]
) -> list[dict] | None:
    """The one group of the same words named before in this message ("两个娃儿 … 两个娃儿都是
    8岁"), when it had no age or the same one; or the rest of a larger group of one word with
    no age yet ("三个孙孙 … 大孙孙8岁 两个小的是双胞胎 4岁")."""
    if not mention.is_group:
        return None
    labels = [label for _, label in mention.people]
    size = len(labels)
    runs = [
        members[start : start + size]
        for start in range(len(members) - size + 1)
        if [m["label"] for m in members[start : start + size]] == labels
        and all(any(m is g for g in grouped) for m in members[start : start + size])
        and len({m["age"] for m in members[start : start + size]}) == 1
        and (age is None or members[start]["age"] in (None, age.recorded))
    ]
    if len(runs) == 1:
        return runs[0]
    if len(set(labels)) == 1:
        waiting = [
            m
            for m in members
            if m["label"] == labels[0] and m["age"] is None and any(m is g for g in grouped)
        ]
        if len(waiting) == size:
            return waiting
    return None


def _set_age(group: list[dict], age: ages.Age | None) -> None:
    for member in group:
        if age is None:
            continue
        member["age"] = age.recorded
        if age.low != age.high:
            member["age_said"] = f"{age.low}-{age.high}"
        if not age.settled:
            member["age_range"] = [age.low, age.high]


# "女儿16、13、10岁": the ages of several of one word, listed after it.
_AGES_LISTED = re.compile(
    r"(?P<who>(?:女儿|儿子|娃儿|孙子|孙女|孙娃儿|女子|孩子|小孩))"
    r"(?P<ages>\d{1,2}\s*岁?(?:\s*、\s*\d{1,2}\s*岁?){1,5})(?!\s*[\d个口人的])"
)


def _each_with_age(match: re.Match) -> str:
    ages = re.findall(r"\d{1,2}", match.group("ages"))
    return "，".join(f"{match.group('who')}{age}岁" for age in ages)


def _shares_in_turn(group: list[dict], shared: list[dict], words: str) -> None:
    """ "两个娃儿一个读高中16 一个读小学10岁", "两个儿子一个9岁一个6岁": each share of the
    group's words ("一个…") is the next member's not yet told of (`shared`, kept across the
    clauses the shares are said in)."""
    for share in re.split(r"(?:另)?1个", words)[1:]:
        member = next((m for m in group if not any(m is d for d in shared)), None)
        if member is None:
            break
        shared.append(member)
        _apply(member, share)
        late = re.search(r"(\d{1,2})\s*(?:岁|$)", share)
        if late and member["age"] in (None, ages.school_age(share)):
            member["age"] = int(late.group(1))  # "一个读高中16"
            member.pop("age_said", None)
        elif member["age"] is None and (each := ages.age_after(share)[0]) is not None:
            _set_age([member], each)  # "一个三十多一个二十多"


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

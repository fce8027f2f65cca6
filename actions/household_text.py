"""Reading household members and their circumstances from what a resident says:
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

from actions import ages
from actions.parsing import to_arabic
from actions.people_words import RELATIONS, Mention, mentions

FLAGS = (
    "disability_grade",
    "needs_long_term_care",
    "serious_illness",
    "bedridden",
    "in_school",
    "able_to_work",
)
_CLAUSE = re.compile(r"[，,。；;\n！!？?]|还有|另外|然后")
_NEG = r"(?:没有|没得|莫得|没|不是|不|无|未)[^，,。；;]{0,2}$"
_SCHOOL = re.compile(
    r"(读书|上学|读小学|读初中|读高中|读大学|上大学|上初中|上高中|上小学|在校|幼儿园|中专|职高|"
    r"学生|年级|念书|读高|读初|高中|初中|小学|大学|大专|学前班|技校|初[一二三]|高[一二三])"
)
_NOT_SCHOOL = re.compile(
    r"(没上幼儿园|没读幼儿园|没上学前班|还没上|还没读|没读书|没上学|不读书|没读了|不读了|辍学|退学|没有读书|没念书|毕业了)"
)
_ABLE = re.compile(
    r"(能干活|能做活|能做事|能打工|在打工|打工|还做得|还干得|还能做|还能干|务工|能劳动|干得动|做得动|能种地|干农活|做活|干活|"
    r"上班|工地|种地|种田|务农|帮人|看店|跑车|跑货车|开货车|拉货|跑运输|开车|做生意|开店|打零工|零工|挣钱|做事|做工|搬砖|"
    r"公益岗|护林|保洁|扶贫车间|养猪|养鸡|种菜|洗碗|馆子|摘|散工|苦力|扫地|打扫|"
    r"装修|厂里|做得动|干得了|喂猪|种几亩|种地卖|菜卖|卖菜|"
    r"种(?:脐橙|柑橘|橘子|烟|果|玉米|包谷|苞谷|洋芋|土豆|红薯|庄稼|粮食|药材|茶|魔芋))"
)
_UNABLE = re.compile(
    r"(不能干活|干不了|做不动|干不动|不能劳动|没劳动力|丧失劳动能力|不能做事|做不了|动不了|动不得|"
    r"身体不行|做不得|干不得|干不起|做不起|不能做|不能干|没得劳动力|莫得劳动力|没得人要|没人要|没有人要|莫得人要|找不到活)"
)
# Work at home: labour capacity when of working age (under 60), not for the old, for whom
# "种点菜吃" is what everyone does.
_CHORES = re.compile(
    r"(带娃|带孩子|带孙|照顾|照管|煮饭|做饭|家务|在屋头|种点|自己吃|守到|守我|守他|守她)"
)
_FARM = re.compile(
    r"(种地|种田|务农|干农活|种菜|养猪|养鸡|喂猪|种几亩|种地卖|菜卖|卖菜|种几分|"
    r"种(?:脐橙|柑橘|橘子|烟|果|玉米|包谷|苞谷|洋芋|土豆|红薯|庄稼|粮食|药材|茶|魔芋))"
)
_WELL = re.compile(r"^[^，。]{0,2}(好的|都好|好好的|身体好|健康|没得病|没病|没啥病|没得啥病)")
_STILL = re.compile(r"(还在|还能|还做得|还干得|天天)")
# "干不得重活": unable, unless the same words say what light work is still done
# ("干不得重活，在屋头种点地").
_HEAVY_ONLY = re.compile(r"(?:干不得|做不得|干不了|做不了|干不动|做不动|不能干|不能做)重活路?")
_GRADE = re.compile(r"(\d)\s*级(?:残疾|残|伤残)?|残疾\s*(\d)\s*级")
_DISABLED = re.compile(
    r"(残疾|残废|残疾证|瘫痪|聋|哑|瞎|盲|智障|脑瘫|截肢|精神病|伤残|成残|残了|致残)"
)
_ILLNESS = re.compile(
    r"(重病|大病|大手术|癌|肿瘤|尿毒症|白血病|脑溢血|脑出血|脑血栓|中风|脑梗|心脏病|肝硬化|重特大疾病|透析|肾衰|精神分裂|"
    r"血友病|脉管炎|红斑狼疮|再生障碍)"
)
_BEDRIDDEN = re.compile(
    r"(下不来床|床都下不来|下不得床|起不了床|床都起不来|卧床|瘫在床|躺在床|瘫痪|起不来床|下不了床|瘫起|瘫了|睡在床上)"
)
_CARE = re.compile(
    # Needing care, not giving it: "要人照顾", "要我妈照顾" (but "我要照顾他" gives care).
    r"(要人?护理|需要护理|要(?!在)[^照，。\s]{1,3}照(?:顾|管)|需要人照顾|离不开人|要人守|要人伺候|长期照顾|要人管|"
    r"要我管|离不得人|要人看[到着倒]|要人守[到着倒]|端屎端尿|不能自理|生活不能自理|大小便|屙屎屙尿|吃喝拉撒|要人帮|要人喂|"
    r"护理补贴)"
)
_NONE = re.compile(
    r"^(没有|没得|莫得|都没有|都没得|都莫得|没|无|都好|都健康|没有的|没有这些|都不是|身体都还好|都还好|都还行)"
)
_FILLER = re.compile(r"\s*(我|我的|我家|我们|我屋头|还有|就是|有个|那个|这个|然后|另外)?\s*")
_OTHERS = re.compile(r"(其他人|其他的|其余|别的人|别个|剩下的|另外的人|其他)")
_EVERYONE = re.compile(
    r"(全家|一家人|一家子|我们都|我们家都|大家|所有人|都没|都好|都还好|都莫|都还行|都健康|她们都|他们都)"
)
# People said to live elsewhere: named, but not members, and nothing said applies here.
AWAY = re.compile(
    r"(在外|外头|外面|外地|广东|深圳|浙江|上海|北京|江苏|福建|主城|出去打工|打工去了|不在屋头|不在家|"
    r"没回来|走了|去世|过世|死了|不住一起|离家|嫁出去|成家了|靠.{0,6}给|给的钱|给钱|寄|打钱)"
)
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


def _speaker_only(found: list[Mention]) -> bool:
    """ "我在外面工地上受伤了": the speaker lives here wherever they work."""
    return bool(found) and all(p[0] == "applicant" for m in found for p in m.people)


def _counted_member(members: list[dict], found: list[Mention]) -> bool:
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


def _clauses(text: str) -> list[str]:
    """Clauses, split at punctuation and, in speech written without it, at the spaces
    between words ("老汉儿脑梗 半边瘫了 儿子腿断了")."""
    spaced = re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff\d])", "，", text)
    return [clause for clause in _CLAUSE.split(spaced) if clause.strip()]


def _flag(pattern: re.Pattern, words: str) -> bool | None:
    """True when `words` say it, False when they deny it ("没得残疾"), None when silent."""
    match = pattern.search(words)
    if not match:
        return None
    return not re.search(_NEG, words[: match.start()])


_TOPIC_FINE = re.compile(
    r"(?:看病|上学|读书|住房|住的|吃穿|医保|房子)[^，。]{0,4}(?:都|也)?(?:没得?|没有|不成|莫得?)问题"
)


# Schooling had, not school now: "只读过小学三年级", "上过初中".
_SCHOOLING_ONCE = re.compile(r"(?:只|就)?(?:读|上|念)过[^，。]{0,6}")
# Work that was: "以前打零工" says nothing of today.
_ONCE = re.compile(r"(以前|原来|过去|之前|前几年|那几年)")


def circumstances(words: str) -> dict:
    """Flags said about someone: "二级残疾，卧床" → grade 2, bedridden; "没得残疾" → none."""
    flags: dict = {}
    words = _SCHOOLING_ONCE.sub("", _TOPIC_FINE.sub("", words))
    grade = _GRADE.search(words)
    disabled = _flag(_DISABLED, words)
    if grade and disabled is not False and 1 <= int(next(g for g in grade.groups() if g)) <= 4:
        flags["disability_grade"] = int(next(g for g in grade.groups() if g))
    elif disabled is True:
        flags["disability_grade"] = "unknown"  # disabled, grade not said: ask
    elif disabled is False or (disabled is None and _WELL.search(words)):
        flags["disability_grade"] = None  # "女儿好的": no disability either
        flags["no_disability"] = True
    for name, pattern in (
        ("serious_illness", _ILLNESS),
        ("bedridden", _BEDRIDDEN),
        ("needs_long_term_care", _CARE),
    ):
        value = _flag(pattern, words)
        if value is not None:
            flags[name] = value
    if flags.get("bedridden"):
        flags.setdefault("able_to_work", False)
    if _NOT_SCHOOL.search(words):
        flags["in_school"] = False
    elif _SCHOOL.search(words):
        flags["in_school"] = True
    light = _TIED.sub("", _HEAVY_ONLY.sub("", words))
    if _HEAVY_ONLY.search(words) and not (_ABLE.search(light) or _CHORES.search(light)):
        flags["able_to_work"] = "weak"  # unable, unless light work is said next
    elif _UNABLE.search(light):
        flags["able_to_work"] = False
    elif _ONCE.search(words) and not re.search(r"(现在|还在|如今)", words):
        pass  # "以前在外头打工": not today's work
    elif _ABLE.search(_FARM.sub("", light)) and not flags.get("in_school"):
        flags["able_to_work"] = True
    elif _ABLE.search(light) and not flags.get("in_school"):
        # Farming: labour capacity under 60; past it, only "还在种地" (see _update).
        flags["able_to_work"] = "farm_still" if _STILL.search(words) else "farm"
    elif _CHORES.search(light) and not flags.get("needs_long_term_care"):
        flags["able_to_work"] = "chores"  # able if of working age: see _update
    return flags


# A person right after these verbs is cared for, not the one who acts: "我在屋头带娃儿种地".
_CARED_FOR = re.compile(r"(?:带|照顾|照看|看|管|守|陪|伺候|供|养|喂|接送)(?:到|着|倒)?$")
# Tied to the house by someone's care: says neither able nor unable ("出不去打工").
_TIED = re.compile(r"(出不去打工|出不去做活路?|出不去|走不开|脱不开身|离不开)")
# "要我妈照顾", "全靠老婆伺候": the one who gives care, named inside the need for it.
_NEEDS = re.compile(r"(?:要|需要|靠|全靠|得)我?$")
_CARING = re.compile(r"\s*(?:照顾|照管|伺候|护理|守|管)")
_OWN_WORK = re.compile(r"\s*(?:和|又|还|也)?(?:种|做|干|打|喂|养|煮|卖|摘|搞|割|挖)")


def _parts(text: str) -> list[tuple[list[Mention], list[tuple[Mention | None, str]]]]:
    """Per clause: the people named, and (mention, the words after it) pieces."""
    parts = []
    for clause in _clauses(to_arabic(text)):
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
    for found, pieces in _parts(text):
        if AWAY.search("".join(words for _, words in pieces)) and not _speaker_only(found):
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
            if again is not None:
                # "和儿子两个住，儿子有精神病": one son, said twice
                _apply(again, words[end:])
                group = [again]
                continue
            _set_age(group, age)
            if pronoun := re.match(r"\s*[，、]?(?:他|她)\s*(\d{1,3})(?!\d)", words[end:]):
                # "我和老公，我48他50": 他 is the one named before who has no age yet
                other = next(
                    (m for m in reversed(members) if m["age"] is None and m not in group), None
                )
                if other is not None:
                    other["age"] = int(pronoun.group(1))
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
    _by_age(member, flags)
    member.update(flags)
    if member["age"] is None and flags.get("in_school") and ages.school_age(words):
        member["age"] = ages.school_age(words)
        member["age_said"] = "school"


def find(members: list[dict], relation: str, label: str, taken: list[dict] = ()) -> dict | None:
    """The member a word refers to: same word first, else same relation."""
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


def _by_proxy(members: list[dict]) -> bool:
    """The applicant was named by someone else (the sender is not the applicant)."""
    applicant = next((m for m in members if m["relation"] == "applicant"), None)
    return applicant is not None and applicant["label"] not in ("我", "自己", "本人")


def _targets(members: list[dict], mention: Mention, taken: list[dict]) -> list[dict]:
    targets = []
    proxy_sender = _by_proxy(members) and not any(m["label"] == "我" for m in members)
    for relation, label in mention.people:
        if proxy_sender and relation == "applicant":
            continue  # "我在主城打工": the sender, who does not live in the household
        target = find(members, relation, label, taken + targets if mention.is_group else ())
        if target is not None and not any(target is t for t in targets):
            targets.append(target)
    return targets


def apply_circumstances(members: list[dict], text: str) -> bool:
    """Apply what `text` says about the members ("老汉儿二级残疾", "其他人都没得残疾") to
    `members`, in place. True when anything was applied. A clause that names nobody is
    about the people of the clause before when that clause began with them, else about the
    speaker ("在镇上给人洗碗" → the applicant). Said unable once in a message, a member
    stays unable for the rest of it ("做不动了，种点菜吃")."""
    applied = False
    named: list[dict] = []  # everyone named so far in this message
    speaker = [m for m in members if m["relation"] == "applicant"][:1] or (
        members[:1] if len(members) == 1 else []
    )
    previous: list[dict] = speaker
    unable: list[dict] = []
    weak: list[dict] = []
    last_group: list[dict] = []
    for found, pieces in _parts(text):
        if (
            AWAY.search("".join(words for _, words in pieces))
            and not _speaker_only(found)
            and not _counted_member(members, found)
        ):
            previous = speaker
            continue
        if pieces and pieces[0][0] is None and _FILLER.fullmatch(pieces[0][1]) and len(pieces) > 1:
            pieces = pieces[1:]  # "我爸…": the clause starts with the person
        subject = None
        for position, (mention, words) in enumerate(pieces):
            if mention is not None:
                targets = _targets(members, mention, [])
            elif re.match(r"\s*我(?:要|想|不|看)", words):
                targets = speaker  # "我要照顾他出不去打工": the speaker, though not a member word
            elif _OTHERS.search(words):
                targets = [m for m in members if not any(m is n for n in named)]
            elif _EVERYONE.search(words) and not named:
                targets = list(members)
            elif ordinal := pick_ordinal(members, words):
                targets = [ordinal]  # "大的读一年级，小的还没上幼儿园"
            elif len(last_group) > 1 and re.match(r"^(?:另|还有)?1个", words):
                # "两个娃儿 一个读大学一个读高中": the shares of the group, in turn
                for member, share in zip(
                    last_group, re.split(r"(?:另)?1个", words)[1:], strict=False
                ):
                    if flags := circumstances(share):
                        _update(member, flags)
                        applied = True
                continue
            else:
                targets = previous
            flags = circumstances(words)
            if flags.get("able_to_work") is False:
                unable += targets
            elif flags.get("able_to_work") == "weak":
                weak += targets
            for target in targets:
                if flags.get("able_to_work") and any(target is u for u in unable):
                    flags = {k: v for k, v in flags.items() if k != "able_to_work"}
                elif flags.get("able_to_work") in _LIGHT and any(target is w for w in weak):
                    target["able_to_work"] = None  # "干不得重活，在屋头种点地": light work
                if flags:
                    _update(target, flags)
                    applied = True
            if mention is not None:
                named += [t for t in targets if not any(t is n for n in named)]
                last_group = targets if mention.is_group else []
            if position == 0:
                subject = targets if mention is not None else None
        if subject is not None:
            previous = subject or speaker  # the next clause goes on about this person
        elif any(mention is not None for mention, _ in pieces) and not re.search(
            r"(要|靠|让|喊|等|给)$", pieces[0][1] if pieces[0][0] is None else ""
        ):
            previous = speaker  # "我要照顾我爸": the person named is not the subject
        # else "吃喝拉撒都要我管": the person named serves the one the clause before was about
    return applied


_LIGHT = ("chores", "farm", "farm_still")


def _update(member: dict, flags: dict) -> None:
    flags = dict(flags)
    flags.pop("no_disability", None)
    if flags.get("able_to_work") == "weak":
        flags["able_to_work"] = False
    if flags.get("able_to_work") == "chores" and member.get("able_to_work") is not None:
        flags.pop("able_to_work")
    _by_age(member, flags)
    if flags.get("able_to_work") and (
        member.get("in_school") or (member.get("age") is not None and member["age"] < 16)
    ):
        flags.pop("able_to_work")  # pupils and children are not the household's workers
    if flags.get("in_school") and (member.get("age") or 0) > 25:
        flags.pop("in_school")  # "两个都在读书" said by a grandfather: not about himself
    member.update(flags)


def _by_age(member: dict, flags: dict) -> None:
    """Work at home or on the farm, read against the member's age: caring for the family
    is labour capacity under 60; farming too, and past 60 only when still at it ("还在种地");
    "种点菜吃" at 70 is what everyone does."""
    said, age = flags.get("able_to_work"), member.get("age")
    if said not in _LIGHT:
        return
    if age is None and said == "chores":
        flags.pop("able_to_work")
    elif age is None or age < 60:
        flags["able_to_work"] = True if said != "chores" else age < 60
    elif said == "farm_still":
        flags["able_to_work"] = True
    else:
        flags.pop("able_to_work")


def says_none(text: str) -> bool:
    """ "没有" / "都没有" / "莫得": nobody, nothing."""
    return bool(_NONE.match(re.sub(r"[\s，。,.!！]", "", text)))


def settle_health(members: list[dict]) -> None:
    """After the health question is answered: whatever was not said is not the case."""
    for member in members:
        for flag in ("needs_long_term_care", "serious_illness", "bedridden"):
            if member[flag] is None:
                member[flag] = False


def read_work(members: list[dict], text: str, asked: bool = True) -> bool:
    """Who can work: "我和老婆能干活", "老公在工地上做活，我在屋头带娃", "都能", "都不能".
    When the resident named who can, the others are taken as not able (the question asks
    exactly that)."""
    cleaned = to_arabic(text)
    if any(
        re.search(
            r"(都不能(?:干|做|劳动|动|打工)|都干不了|都做不动|没有人能|没人能|都没劳动力|"
            r"1个都不能|都做不得)",
            c,
        )
        and not any(not m.is_group for m in mentions(c))  # "儿子半年都做不得": one of them
        for c in _clauses(cleaned)
    ):
        for member in members:
            member["able_to_work"] = False
        return True
    before = [m["able_to_work"] for m in members]
    if re.search(r"^(都能|全部都能|都可以|都干得动|都在做|都做得)", re.sub(r"\W", "", cleaned)):
        for member in members:
            if not member.get("in_school") and (member["age"] or 30) >= 16:
                member["able_to_work"] = True
    else:
        apply_circumstances(members, text)
    if not (_ABLE.search(cleaned) or _UNABLE.search(cleaned) or _CHORES.search(cleaned)):
        return any(m["able_to_work"] != b for m, b in zip(members, before, strict=True))
    said = [m for m, b in zip(members, before, strict=True) if m["able_to_work"] != b]
    said += [m for m in members if m["able_to_work"] is not None and m not in said]
    if not any(m["able_to_work"] is not None for m in members):
        return False
    anyone_able = any(m["able_to_work"] for m in members)
    for member in members:
        if member["able_to_work"] is None:
            # The elderly who only mind the house ("要照顾他，只种点菜" at 70 and more) are
            # answered too: not the household's labour.
            old = asked and (member.get("age") or 0) >= 70
            member["able_to_work"] = (
                False if anyone_able or member.get("in_school") or old else None
            )
    return True


def needs_school_answer(members: list[dict]) -> bool:
    return any(
        m["in_school"] is None and m["age"] is not None and 3 <= m["age"] <= 25 for m in members
    )


def read_school(members: list[dict], text: str) -> bool:
    cleaned = to_arabic(text)
    if says_none(cleaned) or re.search(r"(都没读|都不读|没有读书的|都没上学|没有上学的)", cleaned):
        for member in members:
            if member["in_school"] is None:
                member["in_school"] = False
        return True
    if re.search(
        r"^(?:\d个|[他她]们|娃儿|孩子)?(?:都|也都|都还)(?:在读|读书|上学|在上学)",
        re.sub(r"\W", "", cleaned),
    ):
        for member in members:
            if member["in_school"] is None:
                member["in_school"] = member["age"] is not None and member["age"] <= 25
        return True
    before = [m["in_school"] for m in members]
    apply_circumstances(members, text)
    if [m["in_school"] for m in members] == before:
        return False
    for member in members:
        if member["in_school"] is None:
            member["in_school"] = False
    return True


def pick_ordinal(members: list[dict], words: str) -> dict | None:
    """ "大的15，小的12": the eldest / youngest child."""
    children = [m for m in members if m["relation"] in ("child", "grandchild")]
    for word, index in _PEOPLE_OF_ORDINAL.items():
        if words.startswith(word) and children and -len(children) <= index < len(children):
            return children[index]
    return None

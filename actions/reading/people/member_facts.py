"""Health, work and school said of the household's members, in any answer: who a clause
is about (the people it names; "其他人" everyone not named before; "都/全家" everyone; else
the people of the clause before), and the answers to the health, work and school
questions. Works on the members in place; pure, no I/O."""

from __future__ import annotations

import copy
import re

from actions.reading.parsing import to_arabic
from actions.reading.people.circumstances import (
    ABLE,
    CANNOT_GO_OUT,
    CHORES,
    HEALED,
    LIGHT,
    STRONG,
    UNABLE,
    circumstances,
    update,
)
from actions.reading.people.household_text import clauses, parts
from actions.reading.people.member_identity import (
    AWAY,
    ORDINAL_SHARES,
    SAME_PERSON,
    counted_member,
    find,
    given_named,
    pick_ordinal,
    pick_ordinal_group,
    speaker_only,
)
from actions.reading.people.people_words import Mention, mentions

_NONE = re.compile(
    r"^(没有|没得|莫得|都没有|都没得|都莫得|没|无|都好|都健康|没有的|没有这些|都不是|身体都还好|都还好|都还行)"
)
_FILLER = re.compile(
    r"\s*(我|我的|我家|我们|我屋头|还有|就是|只有|就只有|有个|那个|这个|然后|另外)?\s*"
    # "今年八月间老头子脑溢血": the time first, then the person the clause is about
    r"(?:(?:今年|去年|前年|上个?月|这个?月)?(?:[一二三四五六七八九十\d]{1,2}月)?(?:份|间|底|初|头)?(?:的时候)?)?\s*"
    # "我屋头两个儿是双胞胎": the count before the group named
    r"(?:[两23三]个(?:儿子?|女儿?|娃儿?|孙[子女儿娃])[都也]?是)?\s*"
)
_OTHERS = re.compile(r"(其他人|其他的|其余|别的人|别个|剩下的|另外的人|其他)")
_EVERYONE = re.compile(
    r"(全家|一家人|一家子|我们都|我们家都|大家|所有人|都没|都好|都还好|都莫|都还行|都健康|她们都|他们都)"
)


_PROXY_PRONOUN = re.compile(r"[他她](?![们妈爸爹娘屋家])")
_SOMEONE = re.compile(r"有(?:个|一个|1个)[^，。\d]{0,6}的(?:[，。\s]|$)")


def _by_proxy(members: list[dict]) -> bool:
    """The applicant was named by someone else (the sender is not the applicant)."""
    applicant = next((m for m in members if m["relation"] == "applicant"), None)
    return applicant is not None and applicant["label"] not in SAME_PERSON["applicant"]


def _targets(members: list[dict], mention: Mention, taken: list[dict]) -> list[dict]:
    targets = []
    proxy_sender = _by_proxy(members) and not any(
        m["label"] in SAME_PERSON["applicant"] for m in members
    )
    couple = mention.people == [("applicant", "我"), ("spouse", "老伴")]
    for relation, label in mention.people:
        if proxy_sender and relation == "applicant" and not couple:
            continue  # "我在主城打工": the sender, who does not live in the household
        if proxy_sender and couple and relation == "applicant":
            # "两口子种烤烟" of the household applied for: the applicant and spouse
            target = next((m for m in members if m["relation"] == "applicant"), None)
            if target is not None and not any(target is t for t in targets):
                targets.append(target)
            continue
        target = find(members, relation, label, taken + targets if mention.is_group else ())
        if target is not None and not any(target is t for t in targets):
            targets.append(target)
    return targets


# "没办啥子证", "没得证": in the same message as the one disabled person it is about.
_NO_CERTIFICATE_SAID = re.compile(
    r"(没(?:有|得)?(?:去)?办[^，。]{0,3}证|没得证|没有证|莫得证|证[^，。]{0,2}没办)"
)


_ONLY_CERTIFIED = re.compile(r"只有([^，。\s]{1,6}?)(?:办了|有|办得有|办的有|才有)残疾证")
_CERTIFICATE_HELD = re.compile(
    r"(有残疾证|有证|办了证|办的证|办得有|证[^，。]{0,3}(?:几级|[1-4一二三四]级))"
)


def _of_school_age(members: list[dict], baby: dict, named: list[dict]) -> list[dict]:
    """Another child of the same relation old enough for school, one not yet said to be at
    one first (the message may be read twice)."""
    older = [
        m
        for m in members
        if m["relation"] == baby["relation"]
        and m is not baby
        and 3 <= (m["age"] or 0) <= 25
        and m.get("in_school") is not False
        and not any(m is n for n in named)
    ]
    return sorted(older, key=lambda m: m.get("in_school") is not None)[:1]


_MALE = re.compile(
    r"(男人|老公|丈夫|爱人|老汉|老头|爸|父亲|公公|儿子|儿|男娃|孙子|孙儿|哥|弟|叔|伯|舅|爷)"
)
_FEMALE = re.compile(
    r"(老婆|媳妇|婆娘|妻子|妈|母亲|老娘|婆婆|女儿|女子|女娃|孙女|姐|妹|姑|姨|奶|嬢|孃)"
)


def _the_one_by_sex(members: list[dict], speaker: list[dict], pronoun: str) -> list[dict]:
    """The grown members other than the speaker whose word says the pronoun's sex (他: 男人,
    老汉 …; 她: 老婆, 妈 …)."""
    word = _MALE if pronoun == "他" else _FEMALE
    other = _FEMALE if pronoun == "他" else _MALE
    return [
        m
        for m in _besides(members, speaker)
        if word.search(m["label"]) and not other.search(m["label"]) and (m["age"] or 30) >= 16
    ]


def _besides(members: list[dict], speaker: list[dict]) -> list[dict]:
    return [m for m in members if not any(m is s for s in speaker)]


_CHILD_BY_ORDER = re.compile(
    r"^(?:大的|小的|老[大二三四幺]|幺儿|幺女|大儿|二儿|小儿|大女|二女|小女)$"
)


def _another_child(mention, targets: list[dict], named: list[dict]) -> bool:
    """A child said by an order word ("幺儿") whose only match is a child named by another
    order word earlier in the same message ("老二"): a child not on the list."""
    return bool(
        len(mention.people) == 1
        and _CHILD_BY_ORDER.match(mention.people[0][1])
        and len(targets) == 1
        and any(targets[0] is n for n in named)
        and _CHILD_BY_ORDER.match(targets[0]["label"])
        and targets[0]["label"] != mention.people[0][1]
    )


_SAID_WELL = re.compile(r"(身体还行|身体还好|身体好|都还好|都好|还硬朗|好得很|没得病|没啥子病)")


def _elders_told_before_the_speakers_work(
    targets: list[dict], speaker: list[dict], flags: dict, well: list[dict], words: str
) -> bool:
    """A clause naming nobody, carried to parents told of just before, that tells wage work
    ("打零工", "跑摩的") or, after the parents were said well, being unable: the speaker's,
    when the speaker is of working age."""
    if not (targets and speaker) or any(t is speaker[0] for t in targets):
        return False
    if not all(t["relation"] in ("parent", "grandparent") for t in targets):
        return False
    if not 16 <= (speaker[0].get("age") or 0) < 60 or not all(
        (t["age"] or 0) >= 55 for t in targets
    ):
        return False
    said = flags.get("able_to_work")
    return said is True or (said is False and all(any(t is w for w in well) for t in targets))


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
    strong: list[dict] = []  # "老伴还硬朗": the farming said next is work, at any age
    well: list[dict] = []  # "爸妈身体还行": said to be well
    kept: list[dict] = []  # "没法出去做活路": kept from work outside the house
    graded = [m.get("disability_grade") for m in members]
    last_group: list[dict] = []
    for found, pieces in parts(text, together=True, names=given_named(members)):
        if (
            AWAY.search("".join(words for _, words in pieces))
            and not speaker_only(found)
            and not counted_member(members, found)
        ):
            # "老头子去年走了 肺癌": what follows, unnamed, is still about the one gone
            previous = []
            continue
        if pieces and pieces[0][0] is None and _FILLER.fullmatch(pieces[0][1]) and len(pieces) > 1:
            pieces = pieces[1:]  # "我爸…": the clause starts with the person
        subject = None
        for position, (mention, words) in enumerate(pieces):
            pronoun = False  # the person is said by a pronoun or an order word
            work_only = False
            if mention is not None:
                targets = _targets(members, mention, [])
                if _another_child(mention, targets, named):
                    targets = []  # "老二五年级 幺儿还没上幼儿园": 幺儿 is not 老二
                lead = pieces[position - 1][1][-2:] if position else ""
                if len(mention.people) == 1 and (
                    eldest := pick_ordinal_group(members, mention.people[0][1] + words)
                    or pick_ordinal_group(members, lead + mention.people[0][1])
                ):
                    # "大的两个读小学", "两个大的读初中": the two eldest children
                    targets = eldest
            elif _SOMEONE.search(words):
                targets = []  # "我屋头有个瘫起的": someone not yet named, not the speaker
            elif (
                re.match(r"\s*我(?:要|想|不|看)", words)
                and _by_proxy(members)
                and (sender := [m for m in members if m["label"] == "我" and m is not speaker[0]])
            ):
                targets = sender  # "我要守他 只能打点零工": the sender of the household, not him
            elif pronoun := bool(_by_proxy(members) and _PROXY_PRONOUN.search(words)):
                # "带他去把残疾证办下来": to someone applying for another, 他/她 is that person
                targets = [m for m in members if m["relation"] == "applicant"]
            elif pronoun := bool(
                (re.match(r"\s*[他她](?!们)", words) or re.search(r"都是[他她](?!们)", words))
                and len(others := _besides(members, speaker)) == 1
            ):
                targets = others  # "她做不得": the one other person of a household of two
            elif pronoun := bool(
                (said := re.match(r"\s*([他她])(?!们)", words))
                and len(others := _the_one_by_sex(members, speaker, said.group(1))) == 1
            ):
                # "他在路边租个门面修车", of a husband among daughters and a mother
                targets = others
            elif re.match(r"\s*我(?:要|想|不|看)", words):
                targets = speaker  # "我要照顾他出不去打工": the speaker, though not a member word
            elif re.match(r"\s*(?:他们|她们|他俩|她俩)", words) and (
                group := [m for m in named if not any(m is s for s in speaker)]
                or _besides(members, speaker)
            ):
                targets = group  # "就我一个人做 … 他们两个都做不得": the others, not the speaker
            elif re.match(r"\s*(?:我们|咱们)?(?:两个人?|2个人?|俩)都", words) and len(members) >= 2:
                # "…，两个都还在做": the two named before, or the two of the household
                targets = named[-2:] if len(named) >= 2 else members[:2]
            elif re.match(r"\s*(?:也|又)?都(?!是[他她])", words) and len(named) >= 2:
                # "张大爷高血压 … 张大娘风湿 … 都没得残疾证，做不动了": all those named, and
                # what follows is about them too, unless the speaker is one of them (then
                # "…，忙的时候去基地上做" is the speaker's)
                targets = list(named)
                pronoun = _by_proxy(members) or not any(t is s for t in targets for s in speaker)
            elif (
                re.match(r"\s*(?:这|那)?(?:两|2)个老(?:人家?|年人)", words)
                and len(old := [m for m in members if (m.get("age") or 0) >= 60]) == 2
            ):
                # "两个老人种点苞谷洋芋": the two old members, their work only ("两个老人眼睛都快
                # 看不到了" in a story says no certificate: the health question asks)
                targets, work_only = old, True
            elif _OTHERS.search(words):
                targets = [m for m in members if not any(m is n for n in named)]
            elif _EVERYONE.search(words) and not named:
                targets = list(members)
            elif eldest := pick_ordinal_group(members, words):
                targets = eldest  # "大的两个读小学": the two eldest children
            elif (ordinal := pick_ordinal(members, words)) and len(
                shares := ORDINAL_SHARES.split(words)
            ) > 1:
                # "大的初二 二的三年级": each child's share, in turn
                for share in shares:
                    if (child := pick_ordinal(members, share)) and (flags := circumstances(share)):
                        update(child, flags)
                        applied = True
                continue
            elif ordinal:
                targets = [ordinal]  # "大的读一年级，小的还没上幼儿园"
                pronoun = True  # the clauses after go on about that child
            elif len(last_group) > 1 and re.match(r"^(?:另|还有)?1个", words):
                # "两个娃儿 一个读大学一个读高中": the shares of the group, in turn
                for member, share in zip(
                    last_group, re.split(r"(?:另)?1个", words)[1:], strict=False
                ):
                    if flags := circumstances(share):
                        update(member, flags)
                        applied = True
                continue
            elif re.match(r"\s*(?:有)?[2-9]个(?![月年天人都])", words):
                targets = []  # "三个老的 两个睡在床上": some of them, not the speaker
            else:
                targets = previous
            flags = circumstances(words)
            if work_only:
                flags = {k: v for k, v in flags.items() if k == "able_to_work"}
            if HEALED.search(words) and "serious_illness" not in flags:
                # "以前得过癌症,发现得早,现在好了": the illness told just before is over
                flags = {**flags, "serious_illness": False}
            if (
                mention is None
                and flags.get("able_to_work") is True
                and targets
                and all((t["age"] or 99) < 16 for t in targets)
            ):
                # "娃儿离不得人 … 在屋头给厂里串珠子 计件的": work a child cannot do is the speaker's
                targets = speaker
            elif (
                mention is None
                and targets is previous
                and _elders_told_before_the_speakers_work(targets, speaker, flags, well, words)
            ):
                # "我妈血压有点高 其他都好，打零工 …", "爸妈身体还行，没上班 … 做不了事":
                # the work the speaker goes on to tell is the speaker's, not the parents'
                targets = speaker
            if flags.get("in_school") and len(targets) == 1 and (targets[0]["age"] or 3) < 3:
                # "孙娃儿读幼儿园" of grandchildren of 1, 5 and 10: not the baby
                targets = _of_school_age(members, targets[0], named) or targets
            if STRONG.search(words):
                strong += targets
            elif flags.get("able_to_work") in ("farm", "farm_small") and all(
                any(t is s for s in strong) for t in targets
            ):
                flags = {**flags, "able_to_work": "farm_still"}
            if flags.get("able_to_work") is False:
                unable += targets
            elif flags.get("able_to_work") == "weak":
                weak += targets
            if CANNOT_GO_OUT.search(words):
                kept += targets
            for target in targets:
                if flags.get("able_to_work") in ("farm", "farm_small", "chores") and any(
                    target is k for k in kept
                ):
                    # "没法出去做活路 屋头喂了几只鸡": the chores of one kept home (by_age)
                    flags = {**flags, "able_to_work": "kept_in"}
                if flags.get("able_to_work") and any(target is u for u in unable):
                    flags = {k: v for k, v in flags.items() if k != "able_to_work"}
                elif flags.get("able_to_work") in LIGHT and any(target is w for w in weak):
                    target["able_to_work"] = None  # "干不得重活，在屋头种点地": light work
                    if flags["able_to_work"] == "farm_small":
                        # "重活做不了 种点菜": light farming, work only of the working age
                        flags = {**flags, "able_to_work": "chores"}
                    elif flags["able_to_work"] == "chores":
                        # "重活做不了 … 在屋头": no work said at all
                        flags = {**flags, "able_to_work": False}
                if flags:
                    update(target, flags)
                    applied = True
            if _SAID_WELL.search(words):
                well += targets
            if mention is not None:
                named += [t for t in targets if not any(t is n for n in named)]
                last_group = targets if mention.is_group else []
            if position == 0:
                # "他脑溢血 右边瘫了": the next clauses go on about him
                subject = targets if mention is not None or pronoun else None
        if subject is not None:
            previous = subject or speaker  # the next clause goes on about this person
        elif any(mention is not None for mention, _ in pieces) and not re.search(
            r"(要|靠|让|喊|等|给)$", pieces[0][1] if pieces[0][0] is None else ""
        ):
            previous = speaker  # "我要照顾我爸": the person named is not the subject
        # else "吃喝拉撒都要我管": the person named serves the one the clause before was about
    newly = [
        m
        for m, before in zip(members, graded, strict=True)
        if m.get("disability_grade") == "unknown" and before != "unknown"
    ]
    only = _ONLY_CERTIFIED.search(text)
    if only:
        # "只有儿媳妇办了残疾证": the others waiting for a grade have no certificate
        holders = {
            id(t)
            for m in mentions(only.group(1), names=given_named(members))
            for t in _targets(members, m, [])
        }
        for member in members:
            if member.get("disability_grade") == "unknown" and id(member) not in holders:
                member["disability_grade"] = None
    elif len(newly) == 1 and (
        "白内障" in text
        or (_NO_CERTIFICATE_SAID.search(text) and not _CERTIFICATE_HELD.search(text))
    ):
        # "我妈眼睛看不到了 没办啥子证", "眼睛看不到了 白内障拖成这样的": no grade to ask
        newly[0]["disability_grade"] = None
    return applied


def says_none(text: str) -> bool:
    """ "没有" / "都没有" / "莫得": nobody, nothing."""
    return bool(_NONE.match(re.sub(r"[\s，。,.!！]", "", text)))


def settle_health(members: list[dict]) -> None:
    """After the health question is answered: whatever was not said is not the case."""
    for member in members:
        if member["bedridden"] and member["needs_long_term_care"] is None:
            member["needs_long_term_care"] = True  # someone kept in bed is someone cared for
        for flag in ("needs_long_term_care", "serious_illness", "bedridden"):
            if member[flag] is None:
                member[flag] = False


def read_work(members: list[dict], text: str, asked: bool = True) -> bool:
    """Who can work: "我和老婆能干活", "老公在工地上做活，我在屋头带娃", "都能", "都不能".
    When the resident named who can, the others are taken as not able (the question asks
    exactly that)."""
    cleaned = to_arabic(text)
    nobody = [
        c
        for c in clauses(cleaned)
        if re.search(
            r"(都不能(?![^，。]{0,3}自理)|都干不了|都做不动|没有人能|没人能|都没劳动力|"
            r"1个都不能|都做不得)",
            c,
        )
        and not any(
            not m.is_group for m in mentions(c, names=given_named(members))
        )  # "儿子半年都做不得": one of them
        # "右手啥子都做不得": nothing can be done with it, not nobody can work
        and not re.search(r"(啥子|什么|哪样|么子|样样|啥)都(?:不能|干不了|做不动|做不得)", c)
    ]
    if nobody:
        # "就我一个人做 种几亩田 他们两个都做不得": the others, not the speaker
        others = any(re.search(r"(他们|她们|其他人|别的人|另外)", c) for c in nobody)
        rest = "，".join(c for c in clauses(cleaned) if c not in nobody)
        for member in members:
            if not (others and member["relation"] == "applicant"):
                member["able_to_work"] = False
        if others and rest:
            # the rest read of everyone (what is said of the husband stays his), and only
            # the speaker's work taken from it
            told = copy.deepcopy(members)
            apply_circumstances(told, rest)
            for member, after in zip(members, told, strict=True):
                if member["relation"] == "applicant" and after["able_to_work"] is not None:
                    member["able_to_work"] = after["able_to_work"]
        return True
    before = [m["able_to_work"] for m in members]
    household = [m for m in members if m["able_to_work"] is None and _working_age_and_well(m)]
    if asked and household and _of_the_household(members, cleaned):
        # "就管果园 冬天帮别人摘果子打点零工" when the speaker's work is known: no one
        # named, the household's work, of those of working age with nothing against it
        for member in household:
            member["able_to_work"] = True
        return True
    if _ALL_ABLE.search(re.sub(r"\W", "", cleaned)):
        for member in members:
            if not member.get("in_school") and (member["age"] or 30) >= 16:
                member["able_to_work"] = True
    else:
        apply_circumstances(members, text)
    if not (ABLE.search(cleaned) or UNABLE.search(cleaned) or CHORES.search(cleaned)):
        return any(m["able_to_work"] != b for m, b in zip(members, before, strict=True))
    said = [m for m, b in zip(members, before, strict=True) if m["able_to_work"] != b]
    said += [m for m in members if m["able_to_work"] is not None and m not in said]
    if not any(m["able_to_work"] is not None for m in members):
        return False
    anyone_able = any(m["able_to_work"] for m in members)
    for member in members:
        if member["able_to_work"] is None and _kept_home_by_care(member, cleaned):
            member["able_to_work"] = True
        if member["able_to_work"] is None:
            # The elderly who only mind the house ("要照顾他，只种点菜" at 70 and more) are
            # answered too: not the household's labour.
            old = asked and (member.get("age") or 0) >= 70
            # (and someone kept in bed or in need of constant care, whenever said)
            cared_for = bool(member.get("bedridden") or member.get("needs_long_term_care"))
            # Others than those named able are not, in answer to the work question; in the
            # health answer ("老公腰不好 还做得") only the old and the infirm among them are not:
            # a woman of 48 who minds her son was not asked who can work.
            member["able_to_work"] = (
                False
                if (anyone_able and (asked or _past_work(member)))
                or member.get("in_school")
                or old
                or cared_for
                else None
            )
    return True


def _of_the_household(members: list[dict], cleaned: str) -> bool:
    """Work told with no one named, after the speaker's own capacity was told."""
    speaker = next((m for m in members if m["relation"] == "applicant"), None)
    return bool(
        speaker is not None
        and speaker["able_to_work"] is True
        and not mentions(cleaned, names=given_named(members))
        and circumstances(cleaned).get("able_to_work") is True
        and not UNABLE.search(cleaned)
    )


def _working_age_and_well(member: dict) -> bool:
    return bool(
        18 <= (member.get("age") or 0) < 60
        and not member.get("in_school")
        and not member.get("serious_illness")
        and not _past_work(member)
    )


def _past_work(member: dict) -> bool:
    return bool(
        (member.get("age") or 0) >= 60
        or member.get("bedridden")
        or member.get("needs_long_term_care")
        or member.get("disability_grade") in (1, 2)
    )


# "都能", "两个都还在做", "我们两口子都还做得": everyone named as a group can work.
_ALL_ABLE = re.compile(
    r"^(?:我们|咱们|他们|[他她]们|我家|屋头|全家|一家人?)?(?:2个|2口子|老2口|俩)?(?:人)?"
    r"(?:全部|全)?(?:都|也都)(?:还)?(?:能|可以|干得动|做得动|在做|在干|做得|干得|"
    # "两个人都在橙子地头": both at work on the farm
    r"在[^，。\d]{0,4}(?:地头|地里|田头|田里|坡上|果园|茶园))(?!不)"
)


# "我在医院守女儿 出不去", "我陪儿子读书 走不开": the speaker is kept home by someone's care.
_CARER = re.compile(r"我[^，。]{0,4}(?:守|照顾|照管|陪|招呼|伺候)")
_KEPT_HOME = re.compile(r"(出不去|走不开|脱不开身|离不开|离不得|走不脱|出不了门)")


def _kept_home_by_care(member: dict, text: str) -> bool:
    """A carer of working age kept home by a sick or disabled member has the capacity to
    work (what keeps them home is care, not incapacity): the speaker only, under 60, not
    seriously ill, bedridden or severely disabled."""
    return (
        member["relation"] == "applicant"
        and member.get("label") in ("我", "自己", "本人")
        and member.get("age") is not None
        and 16 <= member["age"] < 60
        and not (
            member.get("serious_illness")
            or member.get("bedridden")
            or member.get("disability_grade") in (1, 2)
        )
        and bool(_CARER.search(text) and _KEPT_HOME.search(text))
    )


def needs_school_answer(members: list[dict]) -> bool:
    return any(
        m["in_school"] is None and m["age"] is not None and 3 <= m["age"] <= 25 for m in members
    )


_LEVEL = re.compile(
    r"(小学|初中|高中|大学|中专|中职|职高|技校|卫校|幼儿园|初[一二三123]|高[一二三123]|\d年级)"
)


def _said_again(members: list[dict], text: str) -> bool:
    """ "儿子读初二" again, of the one pupil the household has: the schooling said before,
    not an answer that left someone out (more levels than pupils known, or others named)."""
    levels = _LEVEL.findall(text)
    pupils = [m for m in members if m["in_school"]]
    named = [
        find(members, r, w) for m in mentions(text, names=given_named(members)) for r, w in m.people
    ]
    return bool(
        levels
        and len(levels) <= len(pupils)
        and named
        and all(n is not None and n["in_school"] for n in named)
    )


def read_school(members: list[dict], text: str) -> bool:
    cleaned = to_arabic(text)
    if says_none(cleaned) or re.search(r"(都没读|都不读|没有读书的|都没上学|没有上学的)", cleaned):
        for member in members:
            if member["in_school"] is None:
                member["in_school"] = False
        return True
    if re.search(
        r"^(?:\d个|[他她]们|娃儿|孩子)?(?:都|也都|都还)(?:在读|读书|上学|在上学|"
        # "两个都在镇上读小学": where, then the level
        r"在\w{1,4}?(?:读|上)(?:小学|初中|高中|大学|中职|职高|技校|幼儿园)|"
        # "两个都是初一", "都读五年级": all of them at one level
        r"(?:是|在读|读|上|在上|在)?(?:初[一二三123]|高[一二三123]|小学|初中|高中|大学|中职|职高|技校|\d年级))",
        re.sub(r"\W", "", cleaned),
    ):
        for member in members:
            if member["in_school"] is None:
                member["in_school"] = member["age"] is not None and member["age"] <= 25
        return True
    before = [m["in_school"] for m in members]
    apply_circumstances(members, text)
    if (
        [m["in_school"] for m in members] == before
        and needs_school_answer(members)
        and not _said_again(members, cleaned)
    ):
        return False  # (the message may have been read for every fact already)
    for member in members:
        if member["in_school"] is None:
            member["in_school"] = False
    return True


# "还没办残疾证", "没评级", "老公还没得": no certificate, so no grade.
NO_CERTIFICATE = re.compile(
    r"(没(?:有|得)?(?:去)?办|没评|没鉴定|没(?:有|得)?(?:残疾)?证|证[^，。]{0,3}没(?:下来|办|拿到)|没去评|"
    r"还没(?:得|有)?$)"
)
_GRADE_SAID = re.compile(r"([1-4])\s*级|^\D{0,6}([1-4])\D{0,3}$")


_GRADE_UNKNOWN = re.compile(r"(不晓得|不知道|不清楚|搞不清)[^，。]{0,3}级")


def read_grades(members: list[dict], text: str) -> bool:
    """The answer to "what grade is the certificate": "我是肢体三级 老公还没得" — a grade
    or no certificate for each member waiting for one, by the people each clause names
    (a clause naming nobody is about the first member still waiting)."""
    changed = False
    before: list[dict] = []  # "儿媳妇 三级 智力的": the clause before named her
    for clause in clauses(to_arabic(text)):
        # "两个儿都是一级": each of the group, not its first twice
        named = [
            t
            for mention in mentions(clause, names=given_named(members))
            for t in _targets(members, mention, [])
        ]
        waiting = [m for m in members if m["disability_grade"] == "unknown"]
        targets = [m for m in named if m is not None and any(m is w for w in waiting)]
        if not named and _OTHERS.search(clause):
            targets = [w for w in waiting if not any(w is b for b in before)]  # "其他人没得"
        elif not named:
            # (a grade said again of someone who had it already is no one else's)
            targets = [m for m in before if any(m is w for w in waiting)] if before else waiting[:1]
        elif not _GRADE_SAID.search(clause) and not NO_CERTIFICATE.search(clause):
            before = [m for m in named if m is not None]
        grade = _GRADE_SAID.search(clause)
        if not grade and _GRADE_UNKNOWN.search(clause):
            # "孙女的不晓得几级": she has a grade, not known — unknown, never "none"
            for target in (m for m in named if m is not None and m["disability_grade"] is None):
                target["disability_grade"] = "unknown"
                changed = True
        for target in targets:
            if grade:
                target["disability_grade"] = int(grade.group(1) or grade.group(2))
            elif NO_CERTIFICATE.search(clause) or (
                _OTHERS.search(clause) and re.search(r"(没得|没有|莫得|都没|没办)", clause)
            ):
                target["disability_grade"] = None
            else:
                continue
            changed = True
    return changed

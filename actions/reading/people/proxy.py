"""Applying for someone else (代办): a child for a parent, a village cadre for an elder.
The applicant is that person; the sender's phone is the contact; the sender confirms that
the applicant agrees, and staff have the applicant sign at the home visit. Pure, no I/O."""

from __future__ import annotations

import re

from actions.reading.parsing import to_arabic
from actions.reading.people.people_words import (
    ELDER_MEN,
    ELDER_TITLES,
    SURNAMES,
    TO_RELATION,
    mentions,
)

_FOR = re.compile(
    # (not "因为他坐牢就不给办", "为了女儿想问下": a reason, no one applied for)
    r"(?:帮|替|给|代|(?<![因作成认以])为(?!了))(?:我们[^\s，,。我你]{0,4}村的?|村里的?|我们这的?|屋头的?(?=我)|屋头的?|我们?(?:的|家)?)?"
    # ("帮屋头我爸申请": the home, then the one of it)
    r"(?:我(?:的|家)?(?=[爸妈老婆奶爷外]))?(?:一个|一位|1个)?"
    r"(?P<who>[^\s，,。？?我你自己不]{1,7}?)"
    r"(?:问一?下|问问|问|申请|办|登记|弄|搞|咨询|打的?电话|打的)"
)
_NOT_WHO = re.compile(
    r"^(一下|忙|个忙|点|的|人|大家|别人|他|她|他们|她们|老百姓|群众|钱|屋头|家里|我家|家|屋里|我们家)$"
)
_OURSELVES = re.compile(
    r"(?:帮|替|给|代|为)(?:我们|咱们)(?:两个|2个|俩|老两口|两口子|一家|全家|几个|这家)"
)
_CADRE = re.compile(
    r"(妇女主任|妇联|小组长|组长|社长|村干部|网格员|村主任|村支书|支书|村委|社工|驻村|第一书记|村文书|村医|"
    # "我是冯坪乡火石村的文书": the village's clerk or accountant
    r"村的?(?:文书|会计|主任|书记)|"
    r"[乡镇]的?干部|帮扶干部|结对帮扶)"
)
_FOR_SOMEONE = re.compile(
    r"(帮别人|替别人|帮人申请|代办|代人申请|帮他申请|帮她申请|替他|替她|(?<!单独)(?<!单列)(?<!分户)(?<!没)(?<!不)(?:帮|给)(?:他|她)(?:弄|办|报|登记)|"
    # "我帮他们问一下低保", "我片区有一户…", "是我结对帮扶的户": a cadre or a doctor for a household
    r"(?:帮|替|给)(?:他们|她们)(?:家)?(?:重新|再|一起)?(?:问|申请|办|报)|(?:帮|替)(?:这户|这家)|结对帮扶的户|片区有一户)"
)
_LIVES_WITH = re.compile(
    r"(一起住|住一起|住在一起|跟我住|和我住|同住|我在照顾|我[^，。]{0,6}(?:在屋头住|住在屋头|在家住|住在家里))"
)
# Applying for a couple ("替父母申请"): the first of them is the applicant, the other a member.
_ONE_OF_PAIR = {
    "父母": "父亲",
    "爸妈": "爸",
    "爸爸妈妈": "爸爸",
    "老汉儿老妈": "老汉儿",
    "二老": "父亲",
    "公婆": "公公",
    "爷爷奶奶": "爷爷",
    "外公外婆": "外公",
}
_SPOKEN = {
    "老汉儿": "您父亲",
    "老汉": "您父亲",
    "老爸": "您父亲",
    "父亲": "您父亲",
    "爸爸": "您父亲",
    "爸": "您父亲",
    "老妈": "您母亲",
    "母亲": "您母亲",
    "妈妈": "您母亲",
    "妈": "您母亲",
    "老娘": "您母亲",
}


# "申请人是我母亲": the applicant named as the sender's relative.
_APPLICANT_IS = re.compile(
    r"(?:(?:申请人|户主)(?:是|叫|为)?\s*|(?:用|写|填|以)\s*)我(?:的|家)?(?P<who>[^\s，,。:：的]{1,4}?)"
    r"(?=[\s，,。]|$|的(?:名字|名义|身份证))"
)
# "我是桐子岭村骆家福的女儿": the sender is the named person's child or grandchild.
_CHILD_OF = re.compile(
    r"我是[^，。]{0,14}?(?P<name>[\u4e00-\u9fff]{2,3})的(?P<as>孙女|孙子|外孙女|外孙|女儿|儿子|儿媳妇|媳妇)"
)
_AS = {"孙女": "grandparent", "孙子": "grandparent", "外孙女": "grandparent", "外孙": "grandparent",
       "女儿": "parent", "儿子": "parent", "儿媳妇": "in_law", "媳妇": "in_law"}  # fmt: skip


# Kin outside the household, the person a nephew or niece applies for ("我幺婶是五保户").
KIN = (
    "幺婶", "婶婶", "婶娘", "婶子", "幺叔", "叔叔", "幺爸", "姑姑", "姑妈", "幺姑", "舅舅", "舅妈",
    "幺舅", "姨妈", "幺姨", "大伯", "伯伯", "伯娘", "伯父", "伯母", "叔父", "婶母", "姨父", "姑父",
)  # fmt: skip
_KIN = re.compile(rf"我(?:的|家)?(?P<who>{'|'.join(KIN)})")
# "我是她远房侄儿", "我是他们的邻居": the sender says who they are to the person asked about.
_I_AM_THEIRS = re.compile(
    r"我是(?:她|他|他们|她们|这家|这个老人)(?:的|家的?)?(?:远房|亲|隔壁)?"
    r"(?:侄儿子|侄儿|侄子|侄女|外甥女|外甥|邻居|隔壁|亲戚|干女儿|干儿子|侄孙|晚辈)"
)


def detect(text: str) -> dict | None:
    """{"who": word for the applicant, "relation", "by": "family" | "cadre"} when the sender
    applies for someone else, else None."""
    found = _detect(text)
    if found is None and text:
        # "帮我妈和我哥问一下低保": the first of two applied for
        # "我是 帮我老丈母 问一下 低保": a caller's words, heard with a space after each
        words = text.split()
        spoken = len(words) >= 6 and sorted(map(len, words))[len(words) // 2] <= 2
        for said in (
            _AND_ANOTHER.sub(r"\g<1>", text),
            re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", "", text) if spoken else text,
        ):
            if said != text and (found := _detect(said)):
                break
    return found


_AND_ANOTHER = re.compile(
    r"((?:帮|替|给)我?[^\s，,。和跟我]{1,4}?)(?:和|跟)我?[^\s，,。]{1,4}?(?=问|申请|办|登记)"
)


def _detect(text: str) -> dict | None:
    named = _APPLICANT_IS.search(text or "")
    if (
        named
        and named.group("who") in TO_RELATION
        and TO_RELATION[named.group("who")] != "applicant"
    ):
        who = named.group("who")
        return {"who": who, "relation": TO_RELATION[who], "by": "family"}
    child = _CHILD_OF.search(text or "")
    if (
        child
        and child.group("name")[0] in SURNAMES
        and child.group("name") not in TO_RELATION
        and not _CADRE.search(text or "")
    ):
        return {"who": child.group("name"), "relation": _AS[child.group("as")], "by": "family"}
    match = _FOR.search(text or "")
    cadre = bool(_CADRE.search(text or ""))
    home = (
        bool(re.match(r"(?:屋头|家里|家头|屋里|我家)的?", match.group(0)[1:])) if match else False
    )
    if match and (
        match.group("who") in ("娘家", "婆家", "老家", "娘屋头", "妈家")
        or (home and re.fullmatch(r"(?:两个)?(?:老人|老人家|老的|二老)", match.group("who")))
        # "我爸…尘肺 … 我在主城上班 想帮家里申请个低保": the parents' household, from away
        or (match.group("who") in ("家里", "屋头", "屋里", "家") and _AWAY.search(text))
    ):
        # "帮屋头老人问一下 … 我妈七十一了": the sender's parents, the first named
        # "我帮我娘家问一下 … 我妈八十了": the parents' household, the first parent named
        parents = [
            p for m in mentions(to_arabic(text)) for p in m.people if p[0] in ("parent", "in_law")
        ]
        if parents:
            return {"who": parents[0][1], "relation": parents[0][0], "by": "family"}
        match = None
    if match and match.group("who") in ("他", "她") and (kin := _named_before(text, match.start())):
        # "我爸…尘肺…我帮他问下低保": the one 他 stands for, named before
        return {"who": kin[1], "relation": kin[0], "by": "cadre" if cadre else "family"}
    if match and _NOT_WHO.match(match.group("who")):
        match = None
    if match and _OURSELVES.match(match.group(0)):
        match = None  # "给我们两个老的申请": the sender is one of them
    if match and re.search(r"(单独|分户|单列|另外)", match.group("who")):
        # "给她单独办一个": one of the sender's own household, to be counted on her own (分户),
        # which staff decide on the household's application, not someone else's
        match = None
    if match:
        who = _ONE_OF_PAIR.get(match.group("who"), match.group("who"))
        if who not in TO_RELATION and (named := mentions(to_arabic(who))):
            relation, word = named[0].people[0]
            # "老汉儿老妈": the first of them; "一户老两口": a couple, neither the sender
            who = word if relation != "applicant" else "老人" if "老" in who else "申请人"
        if TO_RELATION.get(who) == "grandchild" and not cadre:
            # "我想给我孙女申请个低保": a grandmother for the granddaughter she raises applies
            # for her own household, as its head
            return None
        return {
            "who": who,
            "relation": TO_RELATION.get(who, "other"),
            "by": "cadre" if cadre else "family",
        }
    if (
        _I_AM_THEIRS.search(text or "")
        or (kin := _KIN.search(text or ""))
        and re.search(r"(她|他)[^，。\s]{0,4}(?:能|可以|可不可以|能不能|还能|还可以|符合|够)", text)
    ):
        kin = _KIN.search(text or "")
        who = kin.group("who") if kin else "申请人"
        return {"who": who, "relation": "other", "by": "family"}
    if _FOR_SOMEONE.search(text or "") or (cadre and re.search(r"(老人|五保|孤寡|困难户)", text)):
        return {
            "who": "老人" if cadre else "申请人",
            "relation": "other",
            "by": "cadre" if cadre else "family",
        }
    return None


# The sender lives and works away from the household applied for
_AWAY = re.compile(
    r"我(?:在|到)[^，。\s]{1,6}(?:上班|打工|工作|务工|做事)|我(?:早就)?嫁(?:到|出去)|我(?:早就)?出来了"
)


# Those a sender applies for when they say "帮他问": not the sender, not the sender's spouse
# ("村里有个李婆婆85岁了 … 我帮她问一下": an elder named by title)
_APPLIED_FOR = ("parent", "grandparent", "in_law", "sibling", "elder")


def _named_before(text: str, end: int) -> tuple[str, str] | None:
    """The last of the sender's kin named before `end`, as (relation, word)."""
    people = [p for m in mentions(to_arabic(text[:end])) for p in m.people]
    return next((p for p in reversed(people) if p[0] in _APPLIED_FOR), None)


def without_them(text: str, applied: dict | None = None) -> str:
    """ "他们老两口", "就他们两个老的": the people applied for, already named, not the sender and
    a spouse; "张俊30，他爸58，我56", of a mother applying for her son: his father is her
    husband."""
    text = re.sub(
        r"(他们|她们)(老两口|两口子|老2口|2口子|老二口|(?:两|2|二)个老的|(?:两|2|二)个老人)",
        "他们",
        text or "",
    )
    if (applied or {}).get("relation") == "child":
        text = re.sub(r"[他她](?:爸爸?|老汉儿?|父亲)", "老公", text)
        text = re.sub(r"[他她](?:妈妈?|母亲)", "老婆", text)
    return text


def spoken(proxy: dict) -> str:
    """How the assistant names the applicant to the sender: 您母亲, 这位老人 …"""
    who = proxy.get("who") or "申请人"
    if who in _SPOKEN:
        return _SPOKEN[who]
    if who in KIN:
        return f"您{who}"
    return "这位老人" if "老人" in who or who in ("五保户", "孤寡老人") else who


# "两个 我妈和我哥 我不算": the sender said to be no member
_NOT_ME = re.compile(r"(我不算|不算我|我不在(?:内|里头|里面)|没算我|不包括我)")


def as_applicant(listed: list[dict], proxy: dict, text: str) -> list[dict]:
    """Members as a proxy lists them: the person applied for becomes the applicant; the
    sender ("我") is left out unless they live together."""
    counted = re.match(r"\s*\d+\s*[个口]", to_arabic(text or ""))
    aged = re.search(r"(?<![妈爸娘汉哥姐弟妹])我\s*\d{1,3}(?!\d)", to_arabic(text or ""))  # "我21"
    if (not _LIVES_WITH.search(text or "") and not counted and not aged) or _NOT_ME.search(
        text or ""
    ):
        listed = [m for m in listed if m["relation"] != "applicant"]
    chosen = next((m for m in listed if m["label"] == proxy.get("who")), None) or next(
        (
            m
            for m in listed
            if proxy.get("relation") not in (None, "other") and m["relation"] == proxy["relation"]
        ),
        None,
    )  # "我爸我妈" for "帮我妈申请": the mother, though the father is a parent too
    if proxy.get("by") == "cadre" or proxy.get("relation") in (None, "other"):
        for member in listed:
            if member["label"] in ELDER_TITLES and member["relation"] != "applicant":
                member["relation"] = "elder"  # "婆婆和她儿子": the old woman herself, to a cadre
    elders = [m for m in listed if m["relation"] == "elder"]
    if chosen is None and elders:
        chosen = elders[0]  # "帮隔壁两个老人问下 … 柯大爷78 柯婆婆75": the first named
    if chosen is not None and chosen["relation"] == "elder":
        # Elders named by title: the one applied for, and the other of a couple his spouse
        for member in listed:
            if member is chosen:
                member["relation"] = "applicant"
            elif member["relation"] == "elder":
                member["relation"] = "spouse" if _man(member) != _man(chosen) else "other"
        return listed
    if chosen is None:
        return listed
    seen_from = _FROM_APPLICANT.get(chosen["relation"], {})
    if chosen["label"] in KIN:
        for member in listed:
            if member["label"][:1] in ("堂", "表") and member["relation"] == "other":
                member["relation"] = "child"  # "叔叔和我堂弟": the uncle's son
    for member in listed:
        if member["label"] == chosen["label"]:
            member["relation"] = "applicant"  # every mention of that person
        else:
            # The sender said who everyone is to the sender; the case says it to the applicant.
            sender = "self" if member["relation"] == "applicant" else member["relation"]
            member["relation"] = seen_from.get(sender, member["relation"])
            if sender == "self":
                member["relation"] = seen_from.get("self", "other")
    return listed


def _man(member: dict) -> bool:
    return member["label"].endswith(ELDER_MEN)


# Relations to the sender → relations to the applicant, by who the applicant is to the sender.
_FROM_APPLICANT = {
    "parent": {
        "self": "child",
        "sibling": "child",
        "parent": "spouse",
        "child": "grandchild",
        "spouse": "in_law",
        "grandparent": "parent",
    },
    "grandparent": {
        "self": "grandchild",
        "sibling": "grandchild",
        "parent": "child",
        "child": "other",
    },
    "child": {
        "self": "parent",
        "spouse": "spouse",
        "sibling": "child",
        "parent": "other",
        "in_law": "spouse",  # "帮我儿子儿媳妇申请": his wife
        "grandchild": "child",  # … and the sender's grandson, his son
    },
    "sibling": {
        "self": "sibling",
        "sibling": "sibling",
        "parent": "parent",
        "sibling_in_law": "spouse",  # "帮我哥申请 … 我哥 我嫂子": his wife
        "other": "child",  # the sender's nephew is the applicant's son
    },
    "spouse": {"self": "spouse", "child": "child", "parent": "in_law"},
    # an uncle or aunt raising the sender and the sender's brothers and sisters
    "other": {"self": "other", "sibling": "other"},
}

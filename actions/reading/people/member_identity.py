"""Which member a word means, and who is no longer of the household. Pure, no I/O.

A member is a dict (`new_member`) with the Household JSON's member fields plus `label`, the
word the resident used. One person may be called differently from one message to the next
("老汉儿" and "我爸": `same_person`); the order words ("大的", "老二", "幺儿") pick a child or
grandchild by age (`find`, `pick_ordinal`). People said to live elsewhere or to have died are
named but are no members (`AWAY`, `DIED`, `GONE`), unless already counted and only working
away (`counted_member`).
"""

from __future__ import annotations

import re

from actions.reading.parsing import to_arabic
from actions.reading.people.people_words import RELATIONS, Mention, is_given_name

FLAGS = (
    "disability_grade",
    "needs_long_term_care",
    "serious_illness",
    "bedridden",
    "in_school",
    "able_to_work",
)


def new_member(relation: str, label: str, age: int | None = None) -> dict:
    """A member with nothing said of them yet (None: not known, never guessed)."""
    return {"relation": relation, "label": label, "age": age, **{flag: None for flag in FLAGS}}


# People said to live elsewhere: named, but not members, and nothing said applies here.
AWAY = re.compile(
    r"(在外|外头|外面|外地|广东|深圳|浙江|上海|北京|江苏|福建|主城|成都|广州|东莞|温州|宁波|苏州|杭州|新疆|"
    r"厦门|武汉|西安|昆明|贵阳|万州|重庆城|出去打工|打工去了|不在屋头|不在家|"
    r"没回来|走了|去世|过世|死了|没留住|没救过来|没挺过来|没抢救过来|[冻病淹摔饿]死|死在|不住一起|离家|嫁出去|成家了|成家[^，。\d]{0,2}出去|分出去|分家了|(?<!到处)(?<!乱)(?<!就)(?<!又)跑了(?![\d一二三四五六七八九十几两半]+(?:个|趟|回|天|次))|跑掉了|离婚了|离了婚|改嫁|靠.{0,6}给|给的钱|给钱|寄|打钱|"
    # married out (not 嫁过来, married in); in prison; said not to count
    r"嫁了|嫁人|出嫁|嫁到|嫁给|嫁在|监狱|坐牢|服刑|劳改|判了|在里头|不算[嘛的了吧哈哦]?$|不算在内|不算家里|"
    # married into his wife's family
    r"上门女婿|倒插门|入赘|招郎|上门去了|"
    # gone and not heard of ("三月份就联系不上了", "我爸找不到人了")
    r"联系不上|找不到人|失联|下落不明|没得?音讯|没有?消息|"
    # given to the other parent ("小的那个娃儿3岁 判给他妈了")
    r"判给|归(?:他|她)(?:妈|爸)|跟(?:他|她)(?:妈|爸|前妻|前夫)(?:在|过|住)|"
    # living at a relative's ("孙娃在县城他大伯屋头读书")
    r"在[^，。]{0,4}(?:他|她)?(?:大伯|二伯|伯伯|叔叔|幺爸|舅舅|姑姑|姑妈|姨妈|小姨|亲戚|别人|别个)(?:屋头|家))"
)
DIED = re.compile(
    r"(走了|去世|过世|死了|[冻病淹摔饿]死|死在|不在了|没了|没得了|病故|没留住|没救过来|没救回来|没挺过来|"
    r"没抢救过来)"
)
NEARLY = re.compile(r"(差点|险些|差一点|怕|吓)")
GONE = re.compile(r"(?:也|早就|已经|早)?(?:没得了|没了|不在了)")  # "妈没得了": died


def given_named(members: list[dict]) -> list[str]:
    """The members told by a given name only ("秀莲", "刘华福" also as "华福"), for the readers
    of later answers."""
    names = [m["label"] for m in members if m["relation"] == "other" and is_given_name(m["label"])]
    names += [m["called"] for m in members if m.get("called")]
    return names + [name[1:] for name in names if len(name) == 3]


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
            if not (len(same) == 1 and (unique(said) or same[0]["label"] == label)):
                return False
    return True


# Words for one person the resident may call differently from one message to the next.
SAME_PERSON = {
    "father": ("父亲", "爸爸", "老爸", "爸", "老汉儿", "老汉", "老爹", "老父亲"),
    "mother": ("母亲", "妈妈", "老妈", "妈", "老娘", "老母亲"),
    "spouse": tuple(RELATIONS["spouse"]),
    "applicant": ("我", "我自己", "本人", "自己"),
}
# Order words for the children or grandchildren: the eldest, the youngest, the second …
ORDINALS = {
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
    # (as the readers see them, in Arabic figures: "二的三年级" → "2的3年级")
    "老2": 1,
    "2的": 1,
    "2娃": 1,
    "老3": 2,
}
# A pause before an order word: one child's words end, the next's begin ("大的初二 二的三年级")
ORDINAL_SHARES = re.compile(r"[\s，,]+(?=" + "|".join(ORDINALS) + ")")


def identity(member: dict) -> str:
    for key, words in SAME_PERSON.items():
        if member["label"] in words:
            return key
    return member["label"]


def unique(member: dict) -> bool:
    """There is one of this person in a family (我, 老婆, 老汉儿), not several (娃儿)."""
    return identity(member) in SAME_PERSON or member["relation"] in ("parent", "grandparent")


def same_person(known: dict, said: dict) -> bool:
    """ "老汉儿" and "我爸" are the same person; two 娃儿 may not be."""
    return identity(known) == identity(said) or known["label"] == said["label"]


_ORDINAL_WORDS = {
    **ORDINALS,
    "幺儿": -1,
    "幺女": -1,
    "幺妹": -1,
    "小孙儿": -1,
    "大孙儿": 0,
    "大孙女": 0,
}


# "二孙女", "大儿子", "幺孙娃儿": a child or grandchild by order, whatever the word after it.
_ORDER_PREFIX = re.compile(
    r"^(大|二|三|老二|老三|幺|小)(孙女|孙子|孙儿|孙娃儿|孙娃|儿子|女儿|娃儿|女子|女娃儿?|男娃儿?)$"
)
_PREFIX_INDEX = {"大": 0, "二": 1, "老二": 1, "三": 2, "老三": 2, "幺": -1, "小": -1}


def ordinal_index(label: str) -> int | None:
    """The place among the children (0 the eldest, -1 the youngest) an order word says."""
    if label in _ORDINAL_WORDS:
        return _ORDINAL_WORDS[label]
    prefixed = _ORDER_PREFIX.match(label)
    return _PREFIX_INDEX[prefixed.group(1)] if prefixed else None


def _by_age(young: list[dict]) -> list[dict]:
    """The children eldest first when every age is known, else in the order told."""
    if all(m["age"] is not None for m in young):
        return sorted(young, key=lambda m: -m["age"])
    return young


def one_of_group(grouped: list[dict], mention: Mention) -> dict | None:
    """ "三个孙孙 … 大孙儿5岁 老二4岁 幺儿一岁多": one of the children counted before, by
    their order or the next without an age, not someone new."""
    relation, label = mention.people[0]
    if relation in ("applicant", "spouse"):
        # "我和老婆 … 我50 老婆48": the two of the group
        return next((m for m in grouped if m["relation"] == relation and m["age"] is None), None)
    if relation == "sibling":
        # "他们两兄弟 … 大哥60 二哥55": the brothers counted before, in turn
        return next((m for m in grouped if m["relation"] == relation and m["age"] is None), None)
    young = [m for m in grouped if m["relation"] in ("child", "grandchild")]
    waiting = [m for m in young if m["age"] is None]
    if not waiting or (
        ordinal_index(label) is None and relation not in {m["relation"] for m in young}
    ):
        return None
    if (index := ordinal_index(label)) is not None:
        if -len(young) <= index < len(young) and young[index]["age"] is None:
            return young[index]
    return waiting[0]


_GENERIC = {"孙娃儿", "孙娃子", "孙娃", "孙孙", "娃儿", "娃", "娃娃", "孩子", "小孩", "小孩子"}


_DAUGHTER_WORDS = re.compile(r"(女儿|女子|闺女|女娃|妹儿|幺女|姑娘|孙女)$")
_SON_WORDS = re.compile(r"(儿子|儿娃子?|男娃|幺儿|孙子|孙儿)$")


def _sex_word(label: str) -> str | None:
    return "f" if _DAUGHTER_WORDS.search(label) else "m" if _SON_WORDS.search(label) else None


def find(members: list[dict], relation: str, label: str, taken: list[dict] = ()) -> dict | None:
    """The member a word refers to: same word first, else same relation; "大的"/"小的" the
    eldest or youngest child or grandchild."""
    index = ordinal_index(label)
    if index is not None and not any(m["label"] == label for m in members):
        young = _ordinal_pool(members, label)
        if label not in _ORDINAL_WORDS:  # "二孙女": among the grandchildren
            young = [m for m in young if m["relation"] == relation] or young
        young = _by_age(young)  # "大孙女" of members told youngest first
        if -len(young) <= index < len(young):
            return young[index]
    fallback = None  # the same word's person again, when every other is taken
    for pool in (
        [m for m in members if m["label"] == label],
        # "我妈种地" of the member told as "妈妈" (to a daughter applying for her father the
        # mother is the applicant's spouse, not his parent)
        [m for m in members if len(label) == 1 and m["label"] == label * 2],
        # "华福瘫了" of the member told as "刘华福"
        [m for m in members if relation == "other" and len(label) == 2 and m["label"][1:] == label],
        # "刘万成在打小工" of the one told as "我现在的男人刘万成50"
        [m for m in members if label in (m.get("called"), (m.get("called") or "")[1:])],
        # "孙女读小学" of the member first told as "小孙女"
        [m for m in members if _ORDER_PREFIX.match(m["label"]) and m["label"].endswith(label)],
        # "女子说不读了" of the member told as "女儿": a daughter, not the son told first
        [
            m
            for m in members
            if m["relation"] == relation and _sex_word(m["label"]) == _sex_word(label) is not None
        ],
        # "两个孙女读三年级" of "三个孙娃儿 … 孙女九岁": a child told without a word for
        # son or daughter before one told with another ("孙儿")
        sorted(
            (m for m in members if m["relation"] == relation),
            key=lambda m: m["label"] not in _GENERIC,
        ),
    ):
        free = [m for m in pool if not any(m is t for t in taken)]
        if free:
            return free[0]
        if pool and not taken:
            return pool[0]
        fallback = fallback or (pool[0] if pool else None)
    return fallback


def _ordinal_pool(members: list[dict], word: str) -> list[dict]:
    """Those an order word counts among: the children and grandchildren; only the
    grandchildren for a word of theirs ("大孙女") or when several grandchildren live with
    at most one of their parents' generation ("大儿子 … 四个孙娃 … 老二初二")."""
    young = [m for m in members if m["relation"] in ("child", "grandchild")]
    grandchildren = [m for m in young if m["relation"] == "grandchild"]
    if grandchildren and (
        "孙" in word or (len(grandchildren) > 1 and len(young) - len(grandchildren) <= 1)
    ):
        return grandchildren
    return young


_ORDER_GROUP = re.compile(
    r"\s*(?:(?P<a>[大小])的\s*(?P<n>[2-5二两三])个|(?P<m>[2-5二两三])个(?P<b>[大小])的)"
)


def pick_ordinal_group(members: list[dict], words: str) -> list[dict]:
    """ "大的两个读小学 幺女读幼儿园": the two eldest (or youngest) children, by age."""
    said = _ORDER_GROUP.match(words)
    if not said:
        return []
    count = int(to_arabic(said.group("n") or said.group("m")))
    pool = sorted(
        (m for m in members if m["relation"] in ("child", "grandchild") and m["age"] is not None),
        key=lambda m: -m["age"],
    )
    if len(pool) <= count:
        return []
    return pool[:count] if (said.group("a") or said.group("b")) == "大" else pool[-count:]


def pick_ordinal(members: list[dict], words: str) -> dict | None:
    """ "大的15，小的12": the eldest / youngest child."""
    children = next(
        (_ordinal_pool(members, word) for word in ORDINALS if words.startswith(word)), []
    )
    for word, index in ORDINALS.items():
        if words.startswith(word) and children and -len(children) <= index < len(children):
            return children[index]
    return None

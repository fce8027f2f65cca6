"""Who a resident is talking about: the words for family members (老汉儿, 婆娘, 幺女 …) and
for groups of them ("我和老婆", "两个娃儿", "一儿一女", "老两口"). Pure, no I/O.

`mentions(text)` finds each person or group in the order said; a group stands for several
members that share what is said after it ("我和老婆五十多岁" → two adults of about 50).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

# Word the resident says → relation in the Household JSON (relative to the sender).
FORMER_SPOUSE = (
    "前头那个男人",
    "前头那个男的",
    "前头那个老公",
    "前头那个婆娘",
    "前头的男人",
    "前夫",
    "前妻",
)
RELATIONS = {
    # (老朽, 老身: an old man's or woman's "I" in a written letter)
    "applicant": ["我自己", "本人", "自己", "老朽", "老身", "我"],
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
        "老头子",
        "老婆子",
        "老婆婆",  # (an old man's wife, in Chongqing words: "我七十七了 老婆婆七十三")
        "老太婆",
        "老头",
        "娃儿他爸",
        "娃儿他妈",
        "孩子他爸",
        "孩子他妈",
        # an old couple raising grandchildren call each other by the children's word
        "她奶奶",
        "他奶奶",
        "她爷爷",
        "他爷爷",
        "娃儿他奶奶",
        "娃儿他爷爷",
        "娃儿奶奶",
        "娃儿爷爷",
        # … and in Chongqing words: the grandchild's 婆婆 / 爷爷 ("孙娃儿他婆婆")
        "孙娃儿他婆婆",
        "孙娃他婆婆",
        "孙娃儿的婆婆",
        "孙子他婆婆",
        "孙女她婆婆",
        "孙娃儿他爷爷",
        "孙娃儿他公公",
    ],
    "child": [
        "大儿子",
        "二儿子",
        "小儿子",
        "大女儿",
        "二女儿",
        "小女儿",
        "大女娃",
        "小女娃",
        "大男娃",
        "小男娃",
        "儿子",
        "女儿",
        "幺儿",
        "大儿",
        "小儿",
        "二儿",
        "幺女",
        "大女子",
        "二女子",
        "小女子",
        "幺女子",
        "幺妹",
        "女子",
        "娃儿",
        "孩子",
        "小孩",
        "闺女",
        "大女",  # "大女 20 小女 15": the elder daughter
        "小女",  # (a father's "my daughter" in a written letter; 犬子 his son)
        "犬子",
        "姑娘",
        "大娃儿",
        "二娃儿",
        "小娃儿",
        "幺娃儿",
        "大娃",
        "二娃",
        "小娃",
        "女娃儿",
        "女娃子",
        "女娃",
        "男娃儿",
        "男娃子",
        "男娃",
        "老大",
        "老二",
        "老三",
    ],
    "parent": [
        "老汉儿",
        "老汉",
        "父亲",
        "爸爸",
        "老爸",
        "老父亲",
        "老爹",
        "母亲",
        "妈妈",
        "老妈",
        "老母亲",
        "老娘",
        "爸",
        "妈",
    ],
    "grandparent": ["爷爷", "奶奶", "外公", "外婆", "家公", "家婆"],
    "grandchild": ["孙娃儿", "孙娃子", "孙娃", "孙子", "孙女", "外孙女", "外孙", "孙儿", "孙孙"],
    "sibling": [
        "大哥",
        "二哥",
        "三哥",
        "大姐",
        "二姐",
        "三姐",
        "哥哥",
        "姐姐",
        "弟弟",
        "妹妹",
        "兄弟",  # "我兄弟六十六": a brother (a younger one, mostly)
        "哥",
        "姐",
        "弟",
        "妹",
    ],
    "in_law": [
        "儿媳妇",
        "儿媳",
        "女婿",
        "公公",
        "婆婆",
        "岳父",
        "岳母",
        # a man's wife's parents, as he (or a neighbour of his) says them
        "老丈母娘",
        "老丈母",
        "丈母娘",
        "丈母",
        "老丈人",
        "丈人",
        "老岳母",
        "老岳父",
        # a husband's brothers, living with his wife's household ("大伯哥52", "小叔子")
        "大伯哥",
        "大伯子",
        "小叔子",
    ],
    # A brother's or sister's spouse, to the sender (proxy maps them to the applicant).
    "sibling_in_law": ["嫂子", "嫂嫂", "大嫂", "弟媳妇", "弟媳", "弟妹", "姐夫", "妹夫"],
    # Nieces and nephews raised in the household ("外甥女她爸妈都不在了 一直跟我们过").
    "other": [
        "外甥女",
        "外甥",
        "侄女",
        "侄儿子",
        "侄儿",
        "侄子",
        "侄孙",
        # … and the uncle or aunt who raises them ("我和我弟跟着叔叔过")
        "叔叔",
        "幺爸",
        "二爸",  # (a father's younger brothers, by order)
        "三爸",
        "四爸",
        "幺叔",
        "小叔",
        "舅舅",
        "幺舅",
        "姑姑",
        "幺姑",
        "小姑",
        "舅妈",
        # an uncle's or aunt's child, living with the household (to a nephew applying for
        # the uncle, his son: proxy.as_applicant)
        # a husband's elder brother, or the father's, living with them ("大伯92")
        "大伯",
        "二伯",
        # a former spouse who still lives in ("我前头那个男人瘫了 改嫁的时候把他带过来一起过";
        # household_text keeps them only when said to live here)
        *FORMER_SPOUSE,
        "堂弟",
        "堂哥",
        "堂兄",
        "堂姐",
        "堂妹",
        "表弟",
        "表哥",
        "表姐",
        "表妹",
    ],
}
# Titles for an elder outside the family, after a surname: the man's, then the woman's.
# The short kin words a resident puts right before someone's figure ("我妈一个月一百多",
# "老伴一百六"), by kind: the money readers tell whose a sum is by them.
KIN_BEFORE_A_FIGURE = {
    "parents": ("妈", "爸", "老汉"),
    "spouse": ("老伴", "老婆", "老公", "婆娘", "男人", "老头子", "老头", "老太婆"),
    "grandparents": ("爷爷", "奶奶", "婆婆", "公公", "外公", "外婆"),
    "siblings": ("哥", "姐", "弟", "妹"),
    "children": ("儿子", "女儿"),
}


def kin_words(*kinds: str) -> str:
    """The kin words of `kinds` as a regular-expression alternation, the longest first."""
    words = {word for kind in kinds for word in KIN_BEFORE_A_FIGURE[kind]}
    return "|".join(sorted(words, key=lambda w: (-len(w), w)))


ELDER_MEN = ("大爷", "爷爷", "伯伯", "大伯", "老汉", "老爷子", "公公")
ELDER_WOMEN = ("大娘", "婆婆", "奶奶", "孃孃", "嬢嬢", "大妈", "老婆婆", "太婆", "婶婶", "老太太")
ELDER_TITLES = sorted(ELDER_MEN + ELDER_WOMEN, key=len, reverse=True)
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤冉牟柯蒲粟幸庹"
    "祝翁游甘聂欧伍易施童骆凌项葛蓝符喻雍晏瞿舒庞洪倪滕阮卿谯敖鲜佘"
)

# Surnames that are not also a common word after 老 (老田 "old fields", 老毛病, 老高血压 …).
_NAME_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙胡郭何罗郑梁谢宋唐许韩冯邓曹彭曾肖董袁潘蒋蔡杜程苏魏吕丁任沈姚卢"
    "姜崔钟谭汪范贾韦邹孟熊秦邱尹薛段雷侯覃冉牟柯蒲廖"
)
SPOUSE_BY_SURNAME = (
    rf"老[{_NAME_SURNAMES}](?![\u4e00-\u9fff]?(?:家|屋|村|组|书记|主任|师|板|大爷|婆婆))"
)


_WORDS = sorted(
    ((word, relation) for relation, words in RELATIONS.items() for word in words),
    key=lambda pair: -len(pair[0]),
)
TO_RELATION = dict(_WORDS)
_SPOUSE = "|".join(re.escape(w) for w in RELATIONS["spouse"])
_CHILDREN = (
    "外孙女|外孙子|外孙|孙娃儿|孙娃子|孙娃|孙子|孙女|孙儿|孙孙|女娃儿|女娃子|女娃|男娃儿|男娃子|男娃|娃儿|娃|孩子|小孩|"
    "儿子|女儿|姑娘|学生"
)


def _two_old_ones(match: re.Match, context: str) -> list[tuple[str, str]]:
    rest = context.replace(match.group(0), " ")
    if re.search(rf"(?<!老)({_SPOUSE})", rest) and not re.search(
        r"(老伴|老头子|老太婆|老婆子)", rest
    ):
        return [("parent", "老的"), ("parent", "老的")]
    return [("applicant", "我"), ("spouse", "老伴")]


# (pattern, how to turn a match into (relation, label) pairs); tried before single words.
_GROUPS: list[tuple[re.Pattern, object]] = [
    (
        re.compile(rf"我(?:和|跟|同|与)(?:我)?({_SPOUSE})"),
        lambda m: [("applicant", "我"), ("spouse", m.group(1))],
    ),
    (
        re.compile(rf"({_SPOUSE})(?:和|跟|同)我"),
        lambda m: [("spouse", m.group(1)), ("applicant", "我")],
    ),
    # "屋头五口人 两个老的八十岁了 婆娘有病": with a spouse named too, the two old ones are
    # the parents; said alone ("两个老的都七十多了"), the couple speaking
    # (and "老婆屋头种地 老的做不动了": the old ones, said bare after a pause)
    (
        re.compile(
            r"(?<![们我])(?:2|二|两)个老的|(?<![\u4e00-\u9fff\d])老的(?=[都也]?(?:做不|干不|动不|走不))"
        ),
        None,
    ),
    # "三个 我 我屋头的 女儿": the one of the house, said for the wife (or the husband)
    (
        re.compile(
            r"我屋(?:头|里)的(?=[\s，,。、]|$)|(?<![\u4e00-\u9fff])(?:我家|我们)?那口子|"
            # "我家那个三月份在工地上摔下来", "三个 我 我家那个 女儿"
            r"我(?:家|屋头|屋里)那个(?=[\s，,。、]|$|在|从|去|摔|病|得|瘫|是|有|也|还|天天|今年|去年|前年|[一二三四五六七八九十\d]+月)"
        ),
        lambda m: [("spouse", "老伴")],
    ),
    # "小儿子两口子在北京打工": the son and his wife, not the couple speaking
    (
        re.compile(r"((?:大|小|二|幺|三|老)?(?:儿子|女儿|儿|女))(?:2口子|二口子|两口子)"),
        lambda m: [
            ("child", m.group(1)),
            ("in_law", "女婿" if "女" in m.group(1) else "儿媳妇"),
        ],
    ),
    (
        re.compile(
            r"(?:我们|我们的|我俩|我们俩|我们二个)?(?:2口子|二口子|老2口|老二口|两口子|老两口)"
            r"|(?:我们)?(?:2|二|两)个老的|我们老2个|我们老两个|我(?:们)?俩|我们?2(?=[都也还是])|我(?:们)?(?:2|两)个(?=[^\d老娃孩儿女孙人腿脚手眼膝耳胳膀]|$)"
        ),
        lambda m: [("applicant", "我"), ("spouse", "老伴")],
    ),
    # "我和老陈", "老陈58": a wife names her husband (or he her) by 老 and the surname
    (
        re.compile(rf"我(?:和|跟|同)({SPOUSE_BY_SURNAME})"),
        lambda m: [("applicant", "我"), ("spouse", m.group(1))],
    ),
    (
        re.compile(rf"(?<![\u4e00-\u9fff]村)(?<!帮)(?<!给)({SPOUSE_BY_SURNAME})(?=\s*\d)"),
        lambda m: [("spouse", m.group(1))],
    ),
    # "老陈肺癌 化疗了几次", "老陈在医院": the same, followed by what is said of him or her
    (
        re.compile(
            rf"(?:^|(?<=[\s，,。]))({SPOUSE_BY_SURNAME})"
            r"(?=肺|癌|得了|是|在|身体|做|腰|腿|眼|有|查|住|瘫|病|现在|今年|去年|一直|又|也|还|前|的病)"
        ),
        lambda m: [("spouse", m.group(1))],
    ),
    (re.compile(r"1儿1女|一儿一女"), lambda m: [("child", "儿子"), ("child", "女儿")]),
    # "我和他爸上山挖药": a mother speaking of the children's father by the child
    (
        re.compile(r"(?<=我[和跟同与])[他她](?:爸爸?|老汉儿?|爹)(?![爸妈])"),
        lambda m: [("spouse", "老公")],
    ),
    (re.compile(r"(?<=我[和跟同与])[他她](?:妈妈?|娘)(?![爸妈])"), lambda m: [("spouse", "老婆")]),
    # "我们两弟兄住一起": the speaker and a brother
    # ("他们两兄弟": both of them, neither the speaker)
    (
        re.compile(r"(?:[他她]们)?(?:两|2)(?:弟兄|兄弟)"),
        lambda m: [("sibling", "兄弟")] * (2 if m.group(0).startswith(("他们", "她们")) else 1),
    ),
    # "柯大爷78 柯婆婆75", "罗孃孃": elders a neighbour or cadre names by surname and title
    (
        # (not the 顾 of 照顾: "照顾婆婆" is caring for her)
        # ("王以秀婆婆": by the whole name and the title)
        re.compile(
            rf"(?<![照回兼光不])(?:[{SURNAMES}])(?:[^\s\d，,。、的和跟与了在是有说叫个]{{2}})?"
            rf"(?:{'|'.join(ELDER_TITLES)})"
        ),
        lambda m: [("elder", m.group(0))],
    ),
    # "二孙女读五年级", "幺孙娃儿": a child or grandchild by order (member_identity.ordinal_index)
    (
        re.compile(
            r"(?:大|二|三|老二|老三|幺|小)(?:孙娃儿|孙娃|孙女|孙子|孙儿|儿子|女儿|娃儿|女子)"
        ),
        lambda m: [
            (_child_relation(re.sub(r"^(?:老二|老三|[大二三幺小])", "", m.group(0))), m.group(0))
        ],
    ),
    # "我儿生下来就瘫起的", "她女在外头": a son or daughter said with one character
    (
        re.compile(r"[我他她](儿|女)(?![子儿女媳婿孙娃人士])"),
        lambda m: [("child", "儿子" if m.group(1) == "儿" else "女儿")],
    ),
    # "我50 老婆49 儿13": a son or daughter in one character, in a list, before the age
    (
        re.compile(r"(?:^|(?<=[\s，,。、;；]))(儿|女)(?=\s*\d)"),
        lambda m: [("child", "儿子" if m.group(1) == "儿" else "女儿")],
    ),
    # "大的14，小的11": the children by age, when an age follows
    (
        re.compile(r"(大的|小的|老大|老二|老三|大娃|小娃)(?=\s*(?:\d|读|在读|上|念|还在读))"),
        lambda m: [("child", m.group(1))],
    ),
    (
        re.compile(rf"(\d)个({_CHILDREN})"),
        lambda m: (
            [(_child_relation(m.group(2)), m.group(2))] * int(m.group(1))
            if 2 <= int(m.group(1)) <= 8
            else [(_child_relation(m.group(2)), m.group(2))]
        ),
    ),
]
_SINGLE = re.compile("|".join(re.escape(word) for word, _ in _WORDS))
# Words that contain a relation word but are not a family member.
_NOT_PEOPLE = re.compile(
    r"(我们村|我们这|我们那|我们家|我家|我屋|自己的|自己掏|自己出|自己吃|自己种|自己用|自己做|自己会|自己能|自己可以|自己弄|自己穿|自己走|自己照顾|自己动|自己洗|我想|我要|我问|我申请|我不|我看|"
    # places abroad with a kin word in their name ("在安哥拉工地上")
    r"安哥拉|墨西哥|芝加哥|哥伦比亚|圣地亚哥|哥斯达黎加|"
    r"小儿麻痹|男人家|老人家|妈的|爸的|媳妇儿?家|兄弟姐妹|兄弟姊妹|姐妹|姊妹|兄弟们|弟兄们|弟兄伙|老弟|"
    # "兄弟，问一下": one written to, not one of the household
    r"(?:^|(?<=[，。,\s]))兄弟(?=[，,!！])|"
    # "在县城他大伯屋头读书": a place, at the uncle's
    r"(?:[大二]伯|兄弟)(?=屋|家|那)|"
    # "我一个老婆婆", "我是个老头子": the speaker, said of herself or himself
    r"(?<=我)(?:是|就是)?(?:这|[一1])?个老(?:婆婆|太婆|婆子|头子|头儿?|汉子?)|"
    # "34岁了还跟个娃儿一样": a likeness, no one of the household
    r"(?<=[跟像和])个?(?:娃儿?|小娃儿?|小孩子?|孩子|细娃儿?|老人|老头儿?|老太婆)(?=一样|似的|样的))"
)


def _child_relation(word: str) -> str:
    return "grandchild" if word.startswith(("孙", "外孙")) else "child"


@dataclass
class Mention:
    """Someone (or a group) named at `start`…`end` of the text."""

    people: list[tuple[str, str]]  # (relation, label) per person
    start: int
    end: int

    @property
    def is_group(self) -> bool:
        return len(self.people) > 1


# A child by order after 我 ("我老三得了尿毒症"): whose child, not the speaker.
_ORDER_WORD = re.compile(r"(老[大二三四五幺]|幺儿|幺女|大儿|二儿|大女|二女)")


# Two children named as a pair, then said to be twins: "两个娃儿(都是8岁) 双胞胎"
TWO_THEN_TWINS = (
    r"[两2二俩]个(?:娃儿?|孩子|小孩|儿子|女儿|娃娃|孙子|孙女|孙孙|孙娃儿?)[^，。\d]{0,3}"
    r"(?:\d{1,2}\s*岁?)?[^，。\d]{0,3}?"
)
_TWINS_OF_THE_TWO = re.compile(rf"({TWO_THEN_TWINS})((?:是|都是)?[双2二两]胞胎)")


def _as_children(text: str) -> str:
    """ "三个小的都是一岁", "三胞胎": that many children, in words of the same length (the
    mentions' places are the text's); "男的51", the husband."""
    text = re.sub(r"(?<=[2-9两二三四五])个小的", "个娃儿", text)
    # "两个女": two daughters
    text = re.sub(r"(?<=[2-9两二三四五])个女(?![儿子婿人娃孩])", "个娃", text)
    # "两个儿都是一级": two sons ("两个儿是双胞胎" names them once, as the twins)
    text = re.sub(r"(?<=[2-9两二三四五])个儿(?![子女媳童孙]|是[双2二两三3]胞胎)", "个娃", text)
    # "两个娃儿都是8岁 双胞胎": the two just named are the twins, not two more
    text = _TWINS_OF_THE_TWO.sub(lambda m: m.group(1) + " " * len(m.group(2)), text)
    text = re.sub(r"[双2二两]胞胎", "2个娃", text)
    # "我48 男的51": a wife's word for her husband, when an age follows it
    text = re.sub(r"(?<![2-9两二三四五个])男的(?=\s*\d)", "男人", text)
    return re.sub(r"[3三]胞胎", "3个娃", text)


# A member known only by a given name ("德才52 秀莲33", "五个，德才 秀莲 青青", "还有华福"):
# two characters (three with a surname) in none of the family words, with none of the
# characters of the everyday words that stand before an age or in a list ("今年", "一共").
_NOT_IN_NAMES = re.compile(
    r"[年岁今共有是个口人家里多都也还满快过读上就了的在和跟们几约差概现月天块元钱万千百"
    r"没不啥么哪这那我你他她儿爸妈姓叫名户该爹娘哥姐弟妹婆公爷奶学级初高中小大老号斤亩病残证地田]"
)
_NOT_NAMES = {
    "低保",
    "存款",
    "房子",
    "贷款",
    "补贴",
    "医保",
    "社保",
    "养老",
    "土地",
    "粮食",
    "困难",
    "特困",
}
_BEFORE_AGE = re.compile(
    r"(?:^|(?<=[\s，,、。；;：:]))([\u4e00-\u9fff]{2,3})"
    r"(?=\s*\d{1,3}\s*(?:岁|周岁)?(?:[\s，,、。；;]|$))"
)
_COUNT_THEN_LIST = re.compile(r"^\s*(?:\d{1,2}|几)\s*[个口](?:人)?\s*[，,、：:\s]\s*([^，,。；;]+)")
_AND_ALSO = re.compile(r"还有([\u4e00-\u9fff]{2})(?=\s*(?:[，,。；;\s]|$))")


def is_given_name(word: str) -> bool:
    given = word[1:] if len(word) == 3 and word[0] in SURNAMES else word
    return (
        len(given) == 2
        and word not in _NOT_NAMES
        and not _NOT_IN_NAMES.search(given)
        and not any(w in word for w, _ in _WORDS if len(w) >= 2)
        and not any(title in word for title in ELDER_TITLES)
    )


def given_names(text: str) -> list[str]:
    """The members a message names by given name only (digits already Arabic): before an
    age, listed after the household's count, or "还有华福" at the end of a list."""
    found = [m.group(1) for m in _BEFORE_AGE.finditer(text)]
    listed = _COUNT_THEN_LIST.match(text)
    if listed:
        words = [w for w in re.split(r"[\s，,、]+|还有|和|跟", listed.group(1)) if w]
        named = [w for w in words if is_given_name(w)]
        found += named if len(named) >= 2 else []
    found += [m.group(1) for m in _AND_ALSO.finditer(text) if found or _SINGLE.search(text)]
    found = [w for w in found if is_given_name(w)]
    # "华福54 姓刘 刘华福": the full name of one told by the given name
    return list(dict.fromkeys(w for w in found if not (len(w) == 3 and w[1:] in found)))


def mentions(text: str, context: str | None = None, names: Sequence[str] = ()) -> list[Mention]:
    """Each person or group named in `text` (digits already Arabic), in order; `context`:
    the whole message `text` is a clause of, where who a group is depends on it; `names`:
    members known by a given name only ("秀莲"), each a member of relation `other`."""
    text = _as_children(text)
    found: list[Mention] = []
    taken = [False] * len(text)
    for name in sorted(names, key=len, reverse=True):
        for match in re.finditer(re.escape(name), text):
            if not any(taken[match.start() : match.end()]):
                found.append(Mention([("other", name)], match.start(), match.end()))
                taken[match.start() : match.end()] = [True] * len(name)
    for pattern, people in _GROUPS:
        for match in pattern.finditer(text):
            if any(taken[match.start() : match.end()]):
                continue
            said = _two_old_ones(match, context or text) if people is None else people(match)
            found.append(Mention(said, match.start(), match.end()))
            taken[match.start() : match.end()] = [True] * (match.end() - match.start())
    blanked = "".join("\0" if taken[i] else ch for i, ch in enumerate(text))
    for noise in _NOT_PEOPLE.finditer(blanked):
        taken[noise.start() : noise.end()] = [True] * (noise.end() - noise.start())
    for match in _SINGLE.finditer(blanked):
        if any(taken[match.start() : match.end()]):
            continue
        word = match.group(0)
        if (
            word in ("大哥", "大姐")
            and (context or text).startswith(text[: match.start()] + word)
            and re.match(r"[，,！!\s]|你|您|请|麻烦|问", text[match.end() :] or "，")
            and not text[: match.start()].strip()
        ):
            continue  # "大哥，我想问下": the one written to, not a brother
        after = match.end() + (blanked[match.end() : match.end() + 1] in "的家屋")
        if word == "我" and (
            (_SINGLE.match(blanked, after) and not taken[after : after + 1] == [True])
            or _ORDER_WORD.match(blanked, after)
        ):
            continue  # "我妈", "我的老汉儿", "我老三": whose, not who
        found.append(Mention([(TO_RELATION[word], word)], match.start(), match.end()))
    return sorted(found, key=lambda mention: mention.start)

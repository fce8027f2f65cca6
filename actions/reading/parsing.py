"""Pure helpers that read a resident's answer: names, head counts and money, in Chinese or
mixed numerals ("一万二", "两千来块", "每个月八百", "1.2万", "一两千"). No I/O here.

Numerals go through cn2an (a maintained converter that knows 两, 零 and the colloquial
"一万二" = 12000) instead of a hand-written parser. Before it, a spoken range ("一两千",
"四五千", "三四万") becomes its midpoint, as does an explicit one ("四千到五千"): the rules
need one figure, and the summary shows the resident what was taken. Approximations (来块,
多, 出头, 左右, 把块) are the figure said.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from decimal import Decimal

import cn2an

from actions.reading.allowances import BY_THE_MONTH, alternation

_NUMBER = re.compile(r"(\d+(?:\.\d+)?)\s*(万|千|百|k|K|w|W)?(?![a-zA-Z])")
_MONTHLY = re.compile(r"(每个?月|一个?月|月收入|每月|个月|月均|一月)")
_NAME_PREFIX = re.compile(
    r"^(我的名字是|我的名字叫|名字是|名字叫|申请人是|申请人叫|户主是|户主叫|户主|我叫|我是|叫|是)"
)
_RELATIVE_ONLY = re.compile(
    r"^(?:我|他|她)(?:的|家)?(?:母亲|父亲|妈妈|爸爸|妈|爸|老汉儿?|老妈|老娘|婆婆|公公|爷爷|奶奶|"
    r"外公|外婆|儿子|女儿|哥哥|姐姐|弟弟|妹妹)$"
)
_SOMEONE_CALLED = re.compile(r"^[\u4e00-\u9fff]{0,5}?(叫|名字是|名字叫)")
# A name and the particle a grumbler ends it with ("王安福嘛")
_GRUMBLE_END = re.compile(r"^([\u4e00-\u9fff]{2,3})(?:嘛|噻|撒|哦|嘞|啊|吧)$")
_NAME = re.compile(r"^[\u4e00-\u9fff]{2,5}$|^[\u4e00-\u9fff]{1,6}[·•][\u4e00-\u9fff]{1,6}$")
_PERIOD = re.compile(r"(一年|每年|全年|一年到头|一个月|每个月|每月|一月)")
_NOT_A_NAME = re.compile(
    r"(不晓得|不知道|不清楚|什么|啥子|为什么|低保|申请|你好|谢谢|没有|莫得|没得|机器|名字|姓名|嗦|听不|大声|我|你)"
)
# After a number, words that make it a count, an age, a date or a grade, not an amount.
_COUNTED = re.compile(
    r"(个|口|岁|年|级|次|天|场|号|点|人|间|处|辆|亩|头|只|周|胎|台|栋|套|层|斤|公斤|多岁|几岁|个月|月份|"
    r"学期|礼拜|星期)"
)
_MONEY = re.compile(r"(块|元|百|毛|角)")
# (and as typed by the young: "3k", "1w" — 一万 —, "4百多")
_UNIT = {"": 1, "百": 100, "千": 1000, "k": 1000, "K": 1000, "万": 10000, "w": 10000, "W": 10000}
_DIGIT = {c: i for i, c in enumerate("零一二三四五六七八九")}
_SCALE = {"十": 10, "百": 100, "千": 1000, "万": 10000}
# Two neighbouring digits before a unit: "一两千", "四五千", "三四万", "七八百" (and 三五百).
_CHINESE_RANGE = re.compile(
    r"(?<![一二三四五六七八九十百千万\d])([一二三四五六七八])([二三四五六七八九])([十百千万])"
)
# "一千两千的", "三百四百": two figures of one unit, the smaller first — a range
_UNIT_TWICE = re.compile(
    r"(?<![一二两三四五六七八九十百千万\d])([一二两三四五六七八九])([百千万])、?"
    r"([二两三四五六七八九])\2(?![一二两三四五六七八九十])"
)


def _unit_twice(match: re.Match) -> str:
    low, unit, high = match.groups()
    digits = "一二三四五六七八九"
    if digits.index(high.replace("两", "二")) <= digits.index(low.replace("两", "二")):
        return match.group(0)
    return f"{low}{unit}到{high}{unit}"


_ARABIC_RANGE = re.compile(
    r"(\d+(?:\.\d+)?)\s*(万|千)?\s*(?:到|至|~|～|-|－)\s*(\d+(?:\.\d+)?)\s*(万|千)?"
)


# Words whose characters cn2an would read as numbers: 幺儿/幺女 (the youngest), 零工 (odd jobs).
_WORDS_NOT_NUMBERS = re.compile(
    r"幺|零(?=工|花|用|碎|星|售|食|钱)|一(?=直|起|样|般|点|些|下|共|定|会|辈子|身)|万(?=一)|五(?=保)"
    r"|三(?=保障|轮)|二(?=娃|的[^\d一二三四五六七八九十百千]|儿子|女儿|姑娘)|(?<=老)[二三](?![十百千万])"
    # 二哥, 三姐: a brother or sister by order
    r"|(?<![\d一二三四五六七八九十])[二三四](?=[哥姐爸妈伯叔姑嬢孃舅姨])"
    # the days of the week ("礼拜五回来", "星期二", "周六"): no count
    r"|(?:(?<=礼拜)|(?<=星期)|(?<=周))[一二三四五六](?![十百千万块元次场天个趟多来\d一二三四五六七八九]|回(?!来|去))"
)
# Four-character idioms made of numerals ("七零八碎的" is bits and pieces, not 708): what
# they say, without a figure
_IDIOMS = re.compile(r"七零八[碎落]|三三[二两]{2}|七七八八")
_IDIOMS_SAY = {"七": "零碎", "三": "零星"}
_HIDDEN = "幺零一五三万二四六"
_HIDE = str.maketrans({c: chr(0xE000 + i) for i, c in enumerate(_HIDDEN)})
_SHOW = str.maketrans({chr(0xE000 + i): c for i, c in enumerate(_HIDDEN)})


# Chongqing and other spoken forms of the negation, made plain once before any reader looks
# at a message: "莫得存款", "莫吃低保", "冇得", "木有" all say 没. A lone 莫 counts only before
# the words it negates here (莫 is also a surname).
_SPOKEN_NEGATION = (
    (re.compile(r"莫得|么得|冇得|没的(?=[啥钱人事病收存车房问])"), "没得"),
    (re.compile(r"莫有|木有|冇有"), "没有"),
    (re.compile(r"[莫冇](?=[吃拿领存车钱房啥收事读上问办参买得工证人])"), "没"),
)


_PAUSE = re.compile(
    r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff\d])"
    r"|(?<=\d)\s+(?=[\u4e00-\u9fff])(?![块元岁周个月年天万千百头亩斤多左上出号级])"
)


_SPACED = re.compile(r"(?<=\S) (?=\S)")


def unspaced(text: str) -> str:
    """A message typed with a space after every character ("养 老 金 一 个 人 一 百 二", by
    someone whose fingers are bent or who types one character at a time): the spaces are no
    pauses; joined again, except between two figures ("我 和 老 伴 72 71")."""
    tokens = (text or "").split()
    singles = sum(len(t) == 1 for t in tokens)
    words = [t for t in tokens if not t.isdigit()]
    if len(words) >= 6 and 0.4 * len(tokens) <= singles < 0.7 * len(tokens):
        # "还 有 那个 高龄 补贴 一 个 月 五十": a caller's words heard one by one; a
        # character alone joins its neighbours, words of two or more keep their pauses
        return _word_spaced(tokens)
    if len(tokens) < 5 or singles < 0.7 * len(tokens):
        return text
    joined = _SPACED.sub(
        lambda m: " " if text[m.start() - 1].isdigit() and text[m.end()].isdigit() else "", text
    )
    # The clause breaks are lost with the spaces: one after each figure that ends its
    # clause ("一个月一百二娃儿们过年…" → "一个月一百二，娃儿们过年…")
    return _FIGURE_ENDS.sub(r"\1，", joined)


_PERSON_WORD = re.compile(
    r"我|他|她|老婆|老公|男人|婆娘|媳妇|老伴|女儿|儿子|女子|娃儿|孙子|孙女|老汉儿?|老妈|我妈|我爸|妈妈|爸爸"
)


def _word_spaced(tokens: list[str]) -> str:
    out = tokens[0]
    for before, token in zip(tokens, tokens[1:], strict=False):
        figures = before[-1].isdigit() and token[0].isdigit()
        # (not into a longer word: "杨 明 山 木易杨 明天的明" keeps the name apart)
        joins = (len(before) == 1 and len(token) <= 2) or (len(token) == 1 and len(before) <= 2)
        # (nor into the next person, where a new clause begins: "搬 砖 老婆 在家")
        joins = joins and not _PERSON_WORD.fullmatch(token)
        out += "" if joins and not figures else " "
        out += token
    return out


_FIGURE_ENDS = re.compile(
    r"((?:[一二两三四五六七八九\d][十百千万]|[十百千万])[零一二两三四五六七八九\d]?)"
    r"(?=[^零一二两三四五六七八九十百千万\d块元钱多来左把出头斤个天月年岁号次回只头亩分角毛几，。,.\s])"
)


def pauses_as_commas(text: str) -> str:
    """Speech written without punctuation ("老汉儿脑梗 半边瘫了 儿子腿断了"): the spaces
    between words are where the clauses break, but not a pause inside one figure ("三百
    五十几块")."""
    return _PAUSE.sub("，", _PAUSED_FIGURE.sub(_figure_rejoined, text or ""))


# Keyboard slips of pinyin input that the readers' words must survive ("申情低保").
_SLIPS = (
    (re.compile(r"申情|申轻|伸请"), "申请"),
    (re.compile(r"低宝|底保|抵保"), "低保"),
    (re.compile(r"里拜|礼败"), "礼拜"),
    (re.compile(r"透西(?!瓜)"), "透析"),
    (re.compile(r"公益刚|公益杠|公议岗"), "公益岗"),
    (re.compile(r"(?<=[一二三四五六七八九两])白(?![菜天色])"), "百"),
    # homophones of a writer who types by the sound ("养老近", "鸡旦", "高学压", "残及正")
    (re.compile(r"养老(?:近|今|进|巾)"), "养老金"),
    (re.compile(r"鸡旦"), "鸡蛋"),
    (re.compile(r"高(?:学|雪)压"), "高血压"),
    (re.compile(r"残(?:及|急|积)"), "残疾"),
    (re.compile(r"(?<=残疾)正"), "证"),
    (re.compile(r"(?<=[读上念][一二三四五六1-6])年几"), "年级"),
)


def plain_negation(text: str) -> str:
    """ "莫存款 莫车" → "没存款 没车": one spelling of the negation for every reader, and
    the common keyboard slips mended ("申情" → "申请")."""
    for pattern, plain in _SLIPS:
        text = pattern.sub(plain, text)
    for pattern, plain in _SPOKEN_NEGATION:
        text = pattern.sub(plain, text)
    return text


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _chinese_range(match: re.Match) -> str:
    low, high = _DIGIT[match.group(1)], _DIGIT[match.group(2)]
    if high != low + 1 and (low, high) != (3, 5):
        return match.group(0)
    return _plain(Decimal(low + high) * _SCALE[match.group(3)] / 2)


_TAIL_RANGE = re.compile(
    r"(?<![一二三四五六七八九十百千万\d])([一二三四五六七八九])([百千万])([一二三四五六七八])([二三四五六七八九])"
    r"(?![十百千万一二三四五六七八九])"
)


# … with the smaller unit said: "一百七八十" → 175, "一千七八百" → 1750
_TAIL_RANGE_SAID = re.compile(
    r"(?<![一二三四五六七八九十百千万\d])([一二三四五六七八九])([百千万])([一二三四五六七八])([二三四五六七八九])"
    r"([十百千])(?![十百千万一二三四五六七八九])"
)


# Tens and a pair of neighbouring digits before a unit: "十二三万" → 125000, "二十三四万"
_TENS_RANGE = re.compile(
    r"(?<![一二三四五六七八九十百千万\d])([一二三四五六七八九])?十([一二三四五六七八])([二三四五六七八九])"
    r"([百千万])"
)


def _tens_range(match: re.Match) -> str:
    tens = _DIGIT[match.group(1)] if match.group(1) else 1
    low, high = _DIGIT[match.group(2)], _DIGIT[match.group(3)]
    if high != low + 1:
        return match.group(0)
    return _plain((tens * 10 + Decimal(low + high) / 2) * _SCALE[match.group(4)])


def _tail_range_said(match: re.Match) -> str:
    head, unit, below = _DIGIT[match.group(1)], _SCALE[match.group(2)], _SCALE[match.group(5)]
    low, high = _DIGIT[match.group(3)], _DIGIT[match.group(4)]
    if high != low + 1 or below * 10 != unit:
        return match.group(0)
    return _plain(head * unit + Decimal(low + high) * below / 2)


def _tail_range(match: re.Match) -> str:
    head, unit = _DIGIT[match.group(1)], _SCALE[match.group(2)]
    low, high = _DIGIT[match.group(3)], _DIGIT[match.group(4)]
    if high != low + 1:
        return match.group(0)
    return _plain(head * unit + Decimal(low + high) * unit / 20)


def _arabic_range(match: re.Match) -> str:
    high_unit = _UNIT[match.group(4) or ""]
    low_unit = _UNIT[match.group(2) or match.group(4) or ""]
    low, high = Decimal(match.group(1)) * low_unit, Decimal(match.group(3)) * high_unit
    return _plain((low + high) / 2) if low < high else match.group(0)


def _cn2an(text: str) -> str:
    # cn2an can split "两千来块" badly if a stray character follows a number; it only warns.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return cn2an.transform(text, "cn2an")


# A range of small counts, alone or within the tens: "一个月七八天", "三四次", "赶七八场", "一年卖
# 五六只", "两三亩", "十五六天", "二十七八块" → 7.5, 3.5, …, 15.5, 27.5 (not ages: a range across a
# rule's line is asked).
_COUNT_RANGE = re.compile(
    r"(?<![一二三四五六七八九十百千万\d])(?:([二三四五六七八九]?)(十))?"
    r"([一二三四五六七八])([二三四五六七八九])(?=[天次回趟场只头亩斤箱桶袋担挑窝棵株块元])"
)


def _count_range(match: re.Match) -> str:
    low, high = _DIGIT[match.group(3)], _DIGIT[match.group(4)]
    if high != low + 1:
        return match.group(0)
    tens = (_DIGIT[match.group(1)] if match.group(1) else 1) * 10 if match.group(2) else 0
    return _plain(Decimal(tens) + Decimal(low + high) / 2)


_DIGIT_BEFORE_UNIT = re.compile(r"(?<![\d.])(\d)(?=[万千百](?![米克]))")
_PAUSED_FIGURE = re.compile(
    r"(?<![一二两三四五六七八九十零])(?P<big>[一二两三四五六七八九十]+(?P<u>[万千百]))[\s，,]+"
    r"(?P<small>[一二两三四五六七八九](?P<v>[千百十]))"
)
_RANK = {"万": 4, "千": 3, "百": 2, "十": 1}


def _figure_rejoined(match: re.Match) -> str:
    if _RANK[match.group("v")] >= _RANK[match.group("u")]:
        return match.group(0)  # "三百 四百": two figures
    return match.group("big") + match.group("small")


def to_arabic(text: str) -> str:
    """Chinese numerals in `text` replaced by digits ("一万二左右" → "12000左右"), a range by
    its midpoint ("一两千" → "1500", "四千到五千" → "4500")."""
    text = (text or "").replace("两", "二").replace("俩", "二")
    # "5百", "1千2百多" (a transcript mixing digits and words): the words' figure
    text = _DIGIT_BEFORE_UNIT.sub(lambda m: "零一二三四五六七八九"[int(m.group(1))], text)
    # "三百 五十几块", "一万 两千": one figure said with a pause inside it
    text = _PAUSED_FIGURE.sub(_figure_rejoined, text)
    # "千五", "万二": a thousand five hundred, twelve thousand (一 unsaid)
    text = re.sub(
        r"(?<![一二三四五六七八九十\d])([千万])(?=[一二三四五六七八九](?![十百千万]))",
        lambda m: "一" + m.group(1),
        text,
    )
    # "千把块", "万把块", "百把块": about a thousand …
    text = re.sub(r"(?<![一二三四五六七八九十\d])([百千万])把", lambda m: "一" + m.group(1), text)
    # "就要上万", "上千块": at least that, the figure said
    text = re.sub(r"上([千万])(?=[块元]|$|[，。,.\s了啊哦])", lambda m: "一" + m.group(1), text)
    # "一年约千元", "每月百元": a hundred, a thousand said without 一
    text = re.sub(
        r"(?<![一二三四五六七八九十两几\d])([百千万])(?=[元块])", lambda m: "一" + m.group(1), text
    )
    text = _IDIOMS.sub(lambda m: _IDIOMS_SAY[m.group(0)[0]], text)
    text = _WORDS_NOT_NUMBERS.sub(lambda m: m.group(0).translate(_HIDE), text)
    text = _UNIT_TWICE.sub(_unit_twice, text)  # "一千两千" → "一千到二千"
    text = _TENS_RANGE.sub(_tens_range, text)  # "十二三万" → 125000
    text = _TAIL_RANGE_SAID.sub(_tail_range_said, text)  # "一百七八十" → 175
    text = _TAIL_RANGE.sub(_tail_range, text)  # "一百七八" → 175, "一千二三" → 1250
    text = _COUNT_RANGE.sub(_count_range, text)  # "七八天" → 7.5天, "十五六天" → 15.5天
    text = _ARABIC_RANGE.sub(_arabic_range, _cn2an(_CHINESE_RANGE.sub(_chinese_range, text)))
    return text.translate(_SHOW)


def has_range(text: str) -> bool:
    """True when `text` gives a range ("一两千", "一万到两万"), read as its midpoint."""
    text = (text or "").replace("两", "二").replace("俩", "二")
    if any(_chinese_range(m) != m.group(0) for m in _CHINESE_RANGE.finditer(text)):
        return True
    return any(_arabic_range(m) != m.group(0) for m in _ARABIC_RANGE.finditer(_cn2an(text)))


# "高龄补贴五十", "高龄补贴一个人五十": a small figure right after an allowance paid by the
# month (each one's, it may be) is money
_AFTER_ALLOWANCE = re.compile(
    f"(?:{alternation(BY_THE_MONTH)}|养老金)(?:[一1]个人|每人|每个人|各人)?(?:是|有|就)?$"
)
_AFTER_PERIOD = re.compile(
    r"(?:§|1?个?月|每天|1天|一天|个?学期|个?礼拜|个?星期|1场|一场|每场|1次|一次|每次)"
    r"(?:也|就|还|都)?(?:要|得|卖|花|给|出|用|赚|挣|收|拿|吃|打)?(?:得到|个)?"
    # "一个星期生活费五十": the cost named between the period and the figure
    r"(?:的?(?:生活费|伙食费|车费|药费|药钱|饭钱|菜钱|零花钱|路费|吃药|买药|拿药)(?:要|是|就)?)?$"
)


def numbers(text: str) -> list[Decimal]:
    """All amounts in `text`, with 万/千 applied."""
    converted = to_arabic(_PERIOD.sub("§", text.replace(",", "")))  # § marks a period said
    converted = re.sub(r"(\d)\s*(?:多|几|来)\s*([万千])", r"\1\2", converted)  # "20多万"
    found = []
    for match in _NUMBER.finditer(converted):
        value, unit = match.group(1), match.group(2) or ""
        after = converted[match.end() : match.end() + 2]
        # "五十来块", "三十多块": the approximation before the unit says nothing of it
        unit_after = re.sub(r"^(来|多|把|几)", "", converted[match.end() : match.end() + 3])
        # "药一个月七八十", "一场卖二三十": a small figure right after a period is money
        per_period = _AFTER_PERIOD.search(
            converted[max(0, match.start() - 9) : match.start()]
        ) or _AFTER_ALLOWANCE.search(converted[max(0, match.start() - 9) : match.start()])
        if converted[max(0, match.start() - 1) : match.start()] == "几":
            continue  # "几十块": some tens, no figure
        if not unit and (
            _COUNTED.match(after)
            # "一百来天", "二十多次": counted, not money
            or re.match(r"(?:来|多|把|几)(?:天|次|场|个|岁|年|回|趟|亩|头|只|斤|公)", after)
            or (
                per_period
                and Decimal(value) < 100
                and re.match(r"[个双件只头张条次天场趟斤]|回(?![来家去])", unit_after)
            )
            or (Decimal(value) < 100 and not _MONEY.match(unit_after) and not per_period)
        ):
            continue  # "两个娃儿", "80岁", "2018年", "3级": not money
        amount = (Decimal(value) * _UNIT[unit]).normalize() + 0
        if amount <= 5_000_000:  # larger is an identity or phone number, not money said
            found.append(amount)
    return found


def parse_name(text: str) -> str | None:
    """A person's name from an answer such as "我叫张小明" or "张小明。"."""
    text = re.sub(
        r"[（(][^）)]{0,24}[）)]", "", text or ""
    )  # "段华成（申请人）", "吴清和（口天吴，…）"
    clauses = [c for c in re.split(r"[\s，。,.!！?？~～、；;]+", text) if c]
    # "他叫何家福，单人何，家庭的家": the name is the clause that says it; the rest spells it.
    # "申请人是我母亲，陈素芬。我叫周建华": past a relative's word to the name itself.
    first = [c for c in clauses if not _RELATIVE_ONLY.match(_NAME_PREFIX.sub("", c))][:1]
    # "申请人写我奶奶吧，她叫杨玉珍": the clause that says 叫
    called = [c for c in clauses if re.match(r"^[他她]?(?:叫|名字叫?是?)", c)]
    for cleaned in [re.sub(r"[:：]", "", "".join(clauses)), *first, *called]:
        cleaned = _NAME_PREFIX.sub("", cleaned)
        # Whoever is named ("他叫…", "我老汉儿叫…"): the words after 叫 are the name.
        cleaned = _SOMEONE_CALLED.sub("", cleaned)
        if _NOT_A_NAME.search(cleaned):
            continue
        if _NAME.match(cleaned):
            return _GRUMBLE_END.sub(r"\1", cleaned)
    # "问我名字搞啥子 哦 要登记嘛 黎昌富 黎明的黎…": the one clause that is a name
    from actions.reading.people.people_words import SURNAMES

    # ("王安福嘛": a name, then the particle a grumbler ends it with)
    bare = [_GRUMBLE_END.sub(r"\1", c) for c in clauses]
    names = [c for c in bare if _NAME.fullmatch(c) and c[0] in SURNAMES and "的" not in c]
    names = [c for c in names if not _NOT_A_NAME.search(c)]
    return names[0] if len(names) == 1 else None


def parse_household_size(text: str) -> int | None:
    """How many live and eat together: "4口人", "四个人", "就我一个" → 1."""
    if re.search(r"(就我一个|只有我|我一个人|一个人住|独自|单身|独居)", text or ""):
        return 1
    living = re.search(
        r"(?:一起生活|一起住|住在一起|在家|常住|实际|吃住在一起|一起过)[^，。\d]{0,5}?(\d+)\s*[个口人]",
        to_arabic(text or ""),
    )
    if living and 1 <= int(living.group(1)) <= 20:
        return int(living.group(1))  # "户口本上是七个人，但常年在家一起生活的是四个"
    converted = to_arabic(re.sub(r"(一家|一屋|全家|屋头|一起)", " ", text or ""))
    found = re.findall(r"\d+(?:\.\d+)?", converted)
    if len(found) != 1 or "." in found[0]:
        return None
    size = int(found[0])
    return size if 1 <= size <= 20 else None


@dataclass(frozen=True)
class Amount:
    annual: Decimal
    monthly_given: bool


def parse_annual_amount(text: str) -> Amount | None:
    """A yearly sum in yuan; monthly answers ("每个月八百") are multiplied by 12, a range is
    its midpoint. Several numbers is not a single answer and gives None."""
    if re.search(r"(没有收入|没得收入|莫得收入|没收入|零收入|一分都没有)", text or ""):
        return Amount(Decimal(0), False)
    found = numbers(text or "")
    if len(found) != 1:
        return None
    monthly = bool(_MONTHLY.search(text)) and not re.search(r"(一年|每年|全年)", text)
    return Amount(found[0] * 12 if monthly else found[0], monthly)

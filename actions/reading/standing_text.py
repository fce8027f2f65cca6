"""Reading a household's standing and troubles: 建档立卡 / 低保 / 特困 / 返贫, the 三保障
problems and a recent sudden hardship. Pure functions, no I/O."""

from __future__ import annotations

import re

from actions.reading.parsing import pauses_as_commas, to_arabic

_NEGATION = r"(不是|没有|没得|莫得|没|不|未|非)"
STATUS = {
    "registered_poor": r"(建档立卡(?:贫困)?户?|建卡贫困户|贫困户|扶贫户|建卡户|(?<=是)建卡的|贫困家庭)",
    "receiving_dibao": r"(吃低保|吃了低保|领了?低保|有低保|享受低保|低保户|在吃低保|拿低保|吃着低保|吃过低保|有过低保|"
    r"享受过低保|吃的低保|低保停了|低保取消|"
    r"低保被取消|低保没了)",
    "receiving_tekun": r"(特困|五保)",
    "returned_to_poverty": r"(返贫|又穷了|又困难了|又返回贫困|脱贫了又|监测户|监测对象)",
}
GUARANTEES = {
    "education": r"(读不起书|读不起|(?:上学|读书)[^，。]{0,5}(?<!不)难|上不起学|辍学|失学|没钱读书|读书困难|上学困难|交不起学费|去不了学校|"
    r"学校去不了|不读了|没读了|读不了书|上不了学|没法读书|没办法读书)",
    "medical": r"(看病[^，。]{0,5}(?:看不起|(?<!不)难)|(?:换肾|手术|移植|治疗)[^。]{0,10}(?:哪里拿得出|拿不出|出不起|换不起|做不起|治不起)|(?:手术|看病|治病|医药|药|化疗|透析|住院)[^，。]{0,6}(?:还|都|也)?没得?着落|看病的?钱都?(?:是)?借|(?:上学|读书)和看病[^，。]{0,3}(?<!不)难|(?:手术费|医药费|药费|药钱|治疗费|住院费|看病的?钱)[^，。]{0,6}(?:拿不出|凑不齐|凑不出|出不起|付不起|交不起)|看病[^，。]{0,3}(?:恼火|困难|好难)|没得?钱去(?:看|医院|治|大医院)?|看病[^，。]{0,6}差|看病[^，。]{0,10}(?:钱|费)[^，。]{0,8}(?:哪里|去哪|凑不|找不)|(?:看病|康复|治疗|吃药|复查)[^，。]{0,8}没得?钱|没钱(?:看病|治|康复|吃药)|报了?[^，。]{0,3}还差|报不完|没参保|没有医保|没买医保|看不起病|没有参保|医保没交|医保没买|看病困难|报不了(?!好多|多少|几个)|"
    r"不报销|报销不了|医保不报|报销?了?[^。]{0,6}(?:还是|也|都)拿不出|看病[^，。]{0,6}没(?:有|得)?解决|看病[^，。]{0,3}(?:大问题|问题大)|"
    r"(?:手术|住院|治疗|化疗|透析|换肾|医药|吃药|药)[^，。]{0,8}(?:拿不出|凑不齐|凑不起|凑不出|出不起|付不起|交不起)|"
    r"(?:透析|化疗|住院|治病|医药|药)的?钱都?是?借|没得?钱(?:看|治)|(?:医院|去看|去治|割|开刀)[^，。]{0,3}没得?钱|"
    r"看病[^，。]{0,6}(?:钱|费)[^，。]{0,2}不够|治不下去|(?:停药|断药)了?[^，。]{0,3}(?:治不|没钱|没得钱)|没钱[^，。]{0,2}(?:做|开刀|植皮|手术|住院)|(?:做|开刀|手术)不起)",
    "housing": r"(危房(?!改造)|垮了?[^，。]{0,2}[一1]?个?角|塑料(?:布|膜|纸)[^，。]{0,3}(?:遮|盖|搭)|借住|房子烂|房子垮|住房不安全|没房住|房子漏|房子裂|住房困难|土坯房|(?<!不)漏雨|就漏|"
    r"(?<!不)漏水|(?:房|屋子|墙)[^，。头]{0,3}垮了|冲垮|下雨[^，。]{0,2}漏|墙歪|墙[^，。]{0,3}歪了|开裂|(?:墙|房|屋)[^，。]{0,4}裂|要垮|怕垮|(?:木头|木棒|柱子|棍子|杆子|木料)[^，。]{0,3}撑|烧了|没得房子住(?!得)|莫得房子住(?!得)|没地方住|(?<!个人)(?<!自己)住不得|裂缝|土泥巴屋|窝棚|房子?[^，。]{0,8}(?<!不)危险|不安全)",
}
HARDSHIPS = {
    "accident": r"(车祸|意外|[摔跌绊][了倒]?[一1]?跤|[那一1]跤|跌倒|摔(?!东西|碗|门|盘|杯|桌)|工伤|受伤|出事故|事故|不小心|烧了|着火|出事|出了事|出的事|撞|骨折|腿断|"
    r"卷进|绞进|轧断|压断|砸断|砸伤|压伤|(?:闪|扭)[了到伤]?(?:了)?腰|"
    r"(?:腿|手|脚|骨头|腰|胳膊|肋骨|脚杆|手杆)[^，。]{0,3}断了|断了(?:腿|手|脚))",
    "disaster": r"(涨大水|涨水|发大水|大水|水淹|淹了|天干(?!净)|干死了|大旱|垮山|山垮|遭埋|埋了|火灾|失火|水灾|洪水|滑坡|地震|冰雹|遭灾|受灾|房子垮了|泥石流|垮塌|干旱|旱灾|(?:暴雨|大雨)(?![^，。]{0,3}漏)|"
    r"山洪|塌方|(?:天|太)热[^，。]{0,8}死|热死|高温|缺氧|冲走|冲垮|雪灾|冻灾|遭了?冻|霜冻|风灾|大风|雷)",
    "illness": r"(突然倒|倒下了|并发症|今年[^，。]{0,4}(?:这个|这场|得的|生的)病|住了[^，。]{0,5}院|得了重病|得了大病|得了癌|住院|开刀|动了?手术|做了?手术|急病|查出|重病|确诊|患了|得了.{0,4}(?:癌|病|症)|癌|尿毒症|脑梗(?!过)|中风(?!过)|"
    r"白血病|血友病|病.{0,3}加重|病重|得了?[^，。看]{0,3}病|癌症|病倒)",
    # A death is not itself a sudden hardship here: "老伴走了" is often years ago.
    # (a livestock epidemic is no natural disaster: "猪瘟 猪死完了")
    "other": r"(变故|被骗|顶梁柱|收入[^，。]{0,3}断了|断了收入|唯一的收入|猪瘟|鸡瘟|发瘟|瘟疫|死完了)",
}
_UNSUSTAINABLE = re.compile(
    r"(过不下去|揭不开锅|吃不起饭|活不下去|没法过|没钱吃饭|生活困难得很|日子难过|撑不下去|撑不住|扛不住|顶不住|熬不下去|过不走|"
    r"吃饭都成问题|(?:吃饭|过年|买米|生活|买菜)的?钱都没|没得着落|没着落|吃了上顿没下顿|难得过|顶梁柱倒|过不起走|莫法过|没得法过|"
    r"没得?粮了?|没米了|周济|接济|基本生活[^，。]{0,3}(?:困难|难以|保障不了|没保障)|借[^，。]{0,3}(?:过日子|度日|吃饭|过生活)|靠借钱|熬[^，。]{0,3}算[^，。]{0,3}|维持不下去|维持不了)"
)
_NONE = re.compile(
    r"^(没有|没得|莫得|都没有|都没得|都莫得|没|无|都不是|都没|都好|还好|不是|没有的|都不)"
    r"|(啥子都没得|啥子都不是|什么都不是|都不是|一样都不是|都非|皆非|均非|皆不是|均不是)"
)


def _clean(text: str) -> str:
    return re.sub(r"[\s，。,.!！]", "", text or "")


_FINE = re.compile(
    r"(还好|还可以|还行|还住得|住得|不漏|没问题|不要钱|有医保|都在读书|过得去|都好|都有|都还有|"
    r"改造过|改造了|修好了|修过了|现在没得|现在没有)"
)


def says_none(text: str) -> bool:
    """ "都没有", or only "all is fine" words ("房子旧是旧，不漏雨", "都还可以")."""
    cleaned = _clean(text)
    return bool(_NONE.match(cleaned)) or (
        bool(_FINE.search(cleaned)) and not read_guarantees(text) and read_hardship(text) is None
    )


_GUARANTEES_FINE = re.compile(
    r"(医保[^，。]{0,3}(?:有|买|交|参)|看病[^，。]{0,4}(?:没问题|还好|报得|能报|还可以|还行)|"
    r"房子?[^，。]{0,3}(?:住得|还好|没问题|不漏|修好了|(?:改造|修|建)起了)|住起放心|"
    r"(?:读书|上学)[^，。]{0,4}(?:没问题|读得起|不要钱|还好|还可以|还行))"
)


def guarantees_fine(text: str) -> bool:
    """ "医保有买的，房子住得，她读书也没问题": the 三保障 said one by one to be sound."""
    return len(_GUARANTEES_FINE.findall(_clean(text))) >= 2 and not read_guarantees(text)


def _negated_list(text: str, said: str) -> bool:
    """ "也没有吃低保、五保": the negation before a list covers every item of it."""
    for clause in re.split(r"[，。,.!！;；\s]", text or ""):
        where = clause.find(said)
        if where > 0 and re.search(
            _NEGATION + r"[^，。]{0,8}(?:、|和|或者|或|跟)$", clause[:where]
        ):
            return True
    return False


_CLAIMED = re.compile(r"(?:他|她)(?:自己)?说(?:他|她)?(?:是|有|在吃)")
_DENIED_AFTER = re.compile(r"(?:村上|村里|村干部|镇上|人家|他们)[^，。]{0,4}说(?:他|她)?不是")


def read_status(text: str) -> dict[str, bool]:
    """Flags said: "是建档立卡，没吃低保" → registered_poor True, receiving_dibao False."""
    cleaned = _clean(text)
    flags = {}
    for name, pattern in STATUS.items():
        match = re.search(pattern, cleaned)
        if match:
            before = cleaned[max(0, match.start() - 3) : match.start()]
            # "低保没有 贫困户是": a negation before a pause is the last clause's, when the
            # word has its own yes after it
            said_at = (text or "").find(match.group(0))
            if (
                said_at > 0
                and re.match(r"[\s，。,.!！]", text[said_at - 1])
                and re.match(r"(?:是|有|算|评上了)(?![不没])", cleaned[match.end() :])
            ):
                before = ""
            after = cleaned[match.end() : match.end() + 12]
            former = (
                (
                    name in ("receiving_dibao", "receiving_tekun")
                    and (
                        re.search(r"(以前|原来|过去|之前|曾经|前年|去年)\w{0,2}$", before)
                        or re.search(r"(过低保|停了|取消|没了|没得了)", match.group(0) + after)
                    )  # "以前有低保，现在没得了": not any more
                )
                or (
                    # "以前是建卡户 现在不是了": not any more
                    name == "registered_poor"
                    and re.search(r"(以前|原来|原先|过去|之前|曾经)\w{0,2}$", before)
                    and re.search(
                        r"^[^，。]{0,3}[，。\s]*(?:现在|如今|已经)[^，。]{0,2}不是", after
                    )
                )
                or (
                    name == "registered_poor"
                    and re.search(r"(以前|原来|原先|过去|之前|曾经)\w{0,2}$", before)
                    and re.search(r"(脱了|脱贫|出列|销号|摘帽|摘了帽|退出)", after)
                    # (but "现在说是脱贫户了": still on the roll, as a household out of poverty)
                    and not re.search(r"(?:现在|如今)[^，。]{0,3}(?:是|算)脱贫户", after)
                )
            )  # "以前是建卡户 一八年脱了": left poverty since
            flags[name] = (
                not _negated_list(text, match.group(0))
                and not re.search(_NEGATION + "$", before)
                and not re.search(_NEGATION + r"\w?$", before)
                # "以前也没评上贫困户": not chosen as one
                and not re.search(
                    _NEGATION + r"(?:评上|评到|评|选上|当上|算|纳入|办)$",
                    cleaned[max(0, match.start() - 6) : match.start()],
                )
                and not former
                # "贫困户？不是": the question said back, then the answer; "贫困户好像不是": the
                # word, then the answer after it
                and not re.match(r"\s*[？?]\s*(?:不是|没有|没得|莫得|不)", after)
                and not re.search(
                    re.escape(match.group(0))
                    + r" ?(?:也|都)?(?:好像|应该|可能|估计)?(?:不是|没有|没得|莫得|没评上)(?![吃领拿享办评低五特贫建扶监])",
                    text or "",
                )
                # "啥子建档立卡 不晓得哦 应该不是": the word asked back, then the answer
                and not (
                    re.search(r"(?:啥子|什么|啥)$", before)
                    and re.search(r"(?:应该|可能|估计|好像)?(?:不是|没有|没得|莫得)", after)
                )
                # "他说他是五保户 村上说不是": a claim the village denies
                and not (
                    re.search(_CLAIMED, cleaned[: match.start()][-8:])
                    and _DENIED_AFTER.search(cleaned[match.end() :])
                )
            )
    # "低保也没吃过", "低保没有": the word first, then its denial
    if "receiving_dibao" not in flags and re.search(
        r"低保(?:也|都)?(?:没有|没得|莫得|没|不是)(?:吃|领|拿|享受|评)?(?:过|上|到)?"
        r"(?:[的了])?(?=$|[，。,.!！\s]|[贫五特建])",
        pauses_as_commas(text or ""),
    ):
        flags["receiving_dibao"] = False
    return flags


# "房子漏雨 去年捡了瓦还住得": a leak mended, the house lived in
_LEAK_MENDED = re.compile(
    r"漏[风雨水]?[^，。]{0,8}(?:捡|检|翻|盖|修|补)(?:了|过|好)?瓦[^，。]{0,3}还?住得"
)


def read_guarantees(text: str) -> list[str]:
    cleaned = re.sub(r"不(?:漏[风雨水]?){1,3}", "", _clean(text))  # "不漏风漏雨": sound
    cleaned = _LEAK_MENDED.sub("", cleaned)
    return [name for name, pattern in GUARANTEES.items() if re.search(pattern, cleaned)]


def _negated(text: str, match: re.Match) -> bool:
    """ "没得啥子意外", "意外倒没得": said not to have happened."""
    return bool(
        re.search(r"(没有|没得|莫得|没)[^，。]{0,3}$", text[: match.start()])
        or re.search(r"^[^，。]{0,2}(没有|没得|莫得|没)", text[match.end() :])
        # "今年天干蜜少了 也算不上啥子": said, and said to be no hardship
        or re.search(r"^[^。]{0,10}(?:算不上|不算(?:啥|什么|个啥))", text[match.end() :])
        # "病是前几年得的 不是今年才出的事"
        or re.search(r"不是(?:今年|最近|这几天|这段时间)才?[^，。]{0,2}$", text[: match.start()])
    )


_LONG_AGO = re.compile(
    r"(前几年|几年前|好几年|好多年|多年|早年|年轻时|年轻的时候|小时候|从小|那些年|前年|"
    r"(?:[一二三四五六七八九十几两]+|\d+)多?年前|(?:19\d\d|20(?:0\d|1\d|2[0-4]))年)"
)


_LAST_YEAR = re.compile(r"(去年|上一年|头年)")


_STILL_WEIGHING = re.compile(r"(尿毒症|癌|白血病|透析|化疗|花了|借|欠)")


def _clause_of(text: str, match: re.Match) -> str:
    start = text.rfind("，", 0, match.start()) + 1
    end = text.find("，", match.end())
    return text[start : end if end >= 0 else len(text)]


def _long_ago(text: str, match: re.Match) -> bool:
    """ "我男人前几年出车祸走了": an event years ago is no sudden hardship now."""
    return bool(_LONG_AGO.search(to_arabic(_clause_of(text, match))))  # (二〇一九年 too)


# "去年孙儿住院 今年还好": over now.
_RECOVERED = re.compile(
    r"^[^。]{0,12}?(?:今年|现在|这阵|如今)(?:还好|好了|没事|好多了|还可以|好些了|好点了|好一些了)"
    # "摔那一跤不算吧,已经好些了": told as no trouble now
    r"|^[^。]{0,6}?(?:不算吧?|已经好些了|已经好多了|好些了)"
)


def _feared(text: str, match: re.Match) -> bool:
    """ "下大雨就怕", "怕遭冰雹": feared, not happened."""
    return bool(
        re.search(r"(怕|担心|万一|要是)[^，。]{0,3}$", text[: match.start()])
        or re.search(r"^[^，。]{0,2}(就怕|怕|担心)", text[match.end() :])
        # "下大雨还是不放心": a worry
        or re.search(r"^[^，。]{0,4}(?:不放心|心慌|睡不着)", text[match.end() :])
    )


_NO_EVENT = re.compile(
    r"(没得?|没有|没出|不是)[^，。]{0,4}(突然|突发|意外|事|变故|别的)|(突然|突发|意外)[^，。]{0,3}(倒)?(没得?|没有)"
)


def told_as_past(text: str) -> bool:
    """ "没得啥子 病是前年查出来的": asked about sudden troubles, the resident says there
    is none now and that what was told is years old."""
    cleaned = _clean(text)
    return (
        read_hardship(text) is None
        and bool(re.search(r"(没得|没有|没|莫得)", cleaned))
        and bool(
            _LONG_AGO.search(cleaned)
            # "不是，没有，我妈是去年中风的 今年就是一直瘫起的"
            or re.search(r"去年[^，。]{0,8}的(?:事)?", cleaned)
            or _OVER_NOW.search(cleaned)
            # "就是摔了一跤 现在好些了": the trouble told, over now
            or re.search(r"(?:现在|如今|这阵)(?:好些了|好点了|好多了|好了|没事了)", cleaned)
        )
    )


# "开刀都过了", "那个病已经好了": the trouble told is over
_OVER_NOW = re.compile(r"(开刀|手术|住院|病|事)[^，。]{0,3}(?:都|已经)?(?:过了|过去了|好了|没事了)")


def denies_hardship(text: str, asked: bool = False) -> bool:
    """ "没得啥子突然的事", "意外倒没得", "莫得别的"; and, when the question asked only about
    sudden troubles, "没有"."""
    cleaned = _clean(text)
    # "不是，都还可以，没有" to the status question, whose last part asks about sudden troubles
    last = re.split(r"[，。,.!！;；\s]+", (text or "").strip(" ，。,.!！"))[-1]
    return (
        bool(_NO_EVENT.search(cleaned))
        or (asked and bool(_NONE.match(cleaned)))
        or (last != (text or "").strip(" ，。,.!！") and bool(_BARE_NONE.fullmatch(last)))
    )


_BARE_NONE = re.compile(r"(没有|没得|莫得|都没有|都没得|都莫得|没|无|都没)(了|的)?")


def read_hardship(text: str) -> dict | None:
    """{"kind", "basic_living_unsustainable"} when a sudden event is told, else None.
    Clause breaks are kept: in "没得，车祸" the 没得 answers another part of the question."""
    spaced = pauses_as_commas(text)
    cleaned = re.sub(r"[,.!！;；、]", "，", re.sub(r"\s", "", spaced))
    for kind, pattern in HARDSHIPS.items():
        if any(
            not _negated(cleaned, match)
            and not _long_ago(cleaned, match)
            # "房子去年下大雨垮了一个角": last year's storm or fall, living going on since
            # ("我妈去年中风瘫在床上了": last year's stroke too)
            and not (
                kind in ("accident", "disaster", "illness", "other")
                and _LAST_YEAR.search(_clause_of(cleaned, match))
                and not _UNSUSTAINABLE.search(cleaned)
                # (but a grave illness still treated, or last year's bills still owed)
                and not (kind == "illness" and _STILL_WEIGHING.search(cleaned))
            )
            and not _feared(cleaned, match)
            and not _RECOVERED.search(cleaned[match.end() :])
            and not re.match(
                r"[^，。]{0,3}(?:都|已经)?(?:过了|过去了|好了|没事了)", cleaned[match.end() :]
            )
            for match in re.finditer(pattern, cleaned)
        ):
            return {
                "kind": kind,
                "basic_living_unsustainable": bool(_UNSUSTAINABLE.search(cleaned)),
            }
    if _UNSUSTAINABLE.search(cleaned):
        # "就是婆娘这个病 屋头快揭不开锅了": the illness that broke the family's living
        # (not "看病有医保": a word about the cover, not an illness)
        kind = (
            "illness"
            if re.search(
                r"((?<!看)病|看病(?![^，。]{0,2}(?:有医保|看得起|没问题))|住院|化疗|手术)", cleaned
            )
            else "other"
        )
        return {"kind": kind, "basic_living_unsustainable": True}
    return None

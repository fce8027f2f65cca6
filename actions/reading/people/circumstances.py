"""What is said of one person: disability and its grade, serious illness, bedridden, needing
care, in school, able to work ("二级残疾，卧床", "没得残疾", "在工地上做活", "干不得重活").
`circumstances(words)` reads the words said of someone into flags; `update` applies them
to a member, reading work at home or on the farm against the member's age. Pure, no I/O.
"""

from __future__ import annotations

import re

_NEG = r"(?:没有|没得|莫得|没|不是|不|无|未)[^，,。；;]{0,2}$"
_SCHOOL = re.compile(
    r"(读书|上学|读小学|读初中|读高中|读大学|上大学|上初中|上高中|上小学|在校|幼儿园|中专|职高|"
    r"学生|年级|念书|研究生|读研|读博|读高|读初|高中|初中|小学|大学|大专|学前班|技校|初[一二三123]|高[一二三123]|"
    # "今年考到重庆", "我在永州读", "在贵阳读护理", "卫校"
    r"考到|考上|考起|卫校|师范|职高|中专|(?:在|去)[^，。\s]{1,4}读(?!了|过)|读(?:护理|会计|医|师范|专业|汽修|数控|电焊|烹饪|幼师|计算机)|职教中心|职业学校|职校|技工学校)"
)
_NOT_SCHOOL = re.compile(
    r"((?:幼儿园|学校|学堂)[^，。]{0,2}(?:不收|不要|收不了|进不去|不肯收)(?![钱费学])|没上幼儿园|没读幼儿园|没上学前班|还没上|还没读|没读书|没上学|不读书|没读了|(?<!学期)(?<!这学年)(?<!读完)不读了|没去了|不去了|没再去|辍学|退学|休学|读不成了?|读不下去了?|没有读书|没念书|毕业了)"
)
ABLE = re.compile(
    r"(轻巧活|轻活|帮工|清漂|守夜|值夜班|看大门|看门|砌[^，。]{0,2}(?:坎|墙|砖|房)|挑[^，。]{0,2}(?:东西|担子|砖|沙)|木工|木匠|瓦匠|泥水匠|"
    r"出去(?:打工|做|干|挣)|(?:一年|每年)出去|(?:做|干)[^，。不]{0,3}活路|活路[^，。不]{0,4}(?:在做|在干)|能干活|能做活|能做事|能打工|在打工|打工|还做得|还干得|还能做|还能干|务工|能劳动|干得动|做得动|(?:割|背|挑|担|挖|扛|种|砍)得动|能种地|干农活|做活|干活|"
    r"上班|工地|种地|种田|务农|帮人|看店|跑车|跑货车|开货车|拉货|跑运输|开车|做生意|开店|打零工|零工|挣钱|做事|做工|搬砖|"
    r"公益岗|护林|保洁|扶贫车间|养猪|养鸡|养鱼|鱼塘|收银|超市(?=[^，。]{0,4}(?:上班|当|做|打工))|种菜|洗碗|馆子|帮厨|餐馆|摘|散工|苦力|扫地|打扫|"
    r"装修|厂里|进厂|进了?[^，。]{0,3}厂|在[^，。]{0,6}厂[里头上]?(?:做|干|上班|打工)?|拉人|摩托|做得动|养蜂|放蜂|养[^，。]{0,2}蜜?蜂|保安|门卫|夜班|跑业务|跑销售|业务员|销售员|(?:当|做)[^，。]{0,2}(?:司机|保姆|月嫂|服务员|厨师)|快递|送外卖|打杂|干得了|喂猪|种几亩|种地卖|菜卖|卖菜|喂[^，。]{0,3}[猪鸡鸭牛羊]|种(?:脐橙|橙子|柑橘|柑子|橘子|桔子|柚子|核桃|花椒|烤烟|烟叶|药材|魔芋)|"
    r"还在做|还在干|(?<!裂)(?<!裂了)(?<!开)缝(?!隙|子|儿)|绣|编[^，。]{0,2}(?:筐|篮|背篓|背篼|竹|席|扫把)|扎[^，。]{0,2}(?:扫把|扫帚|笤帚)|手工|计件|包装|挖[^，。]{0,2}药|采药|"
    r"砖厂|搬[^，。]{0,2}砖|扫[^，。]{0,2}(?:路|公路|街)|拉客|载客|三轮|摩的|小卖部|守[^，。]{0,3}(?:店|摊)|"
    r"(?:背|拿|挑|担)[^，。]{0,4}(?:场上|街上)?[^，。]{0,2}卖|场上卖|赶场卖|街上卖|去[^，。]{0,4}(?:场上|街上|镇上|城里)卖|剥核桃|"
    r"搬运|下力|[下卸装]货|(?:做|修|砌|盖|起)房子(?![^，。\d]{0,3}(?:用|花|借|欠|贷|钱|的钱))|(?:煤矿|挖煤|下井|矿上)(?![^，。]{0,6}(?:赔|出事|死|走了|没了|抚恤|补))|跟[到着倒]?[^，。]{0,3}(?:别个|别人|人家|师傅)[^，。]{0,2}(?:做|干)|"
    r"小工|短工|季节工|(?:修|挖|铺)[^，。]{0,2}(?:公路|路)(?![^，。]{0,2}(?:通|好|断|垮))|修车|修理|补胎|补鞋|修鞋|擦鞋|修伞|配钥匙|修摩托|(?:租|开)[^，。]{0,3}门面|守[^，。]{0,4}(?:防火|火点|山)|防火点|看山|采茶|摘茶|茶叶基地|(?:基地|园区)[^，。]{0,3}(?:做|干|上班)|(?:做|干)[一1]季|放(?:羊|牛)|养(?:羊|牛)|篾|种[^，。]{0,5}亩|捡[^，。]{0,2}(?:破烂|废品|垃圾|瓶子|纸壳|纸板)|收[^，。]{0,2}(?:破烂|废品)|"
    r"种(?:脐橙|柑橘|橘子|烟|果|玉米|包谷|苞谷|洋芋|土豆|红薯|庄稼|粮食|药材|茶|魔芋)|"
    r"(?<![不没])(?:都|也|还)?能做(?![饭家])|撑起|撑着|顶起|一个人扛|"
    r"(?:(?:就|只有|只是)我?|^)(?:一|1)个人?在?(?:做|干)(?![不])|是我在(?:种|做|干|喂)|^在?(?:做|干)$|(?:就|只有)[^，。]{0,3}一个劳动?力|"
    # "地里的重活全是我妈一个人", "还在挖地": who does the farm's work
    r"(?:活|活路|重活|农活)[^，。]{0,3}(?:全是|都是|全靠|都靠|全部是)|挖地|挖土|还在挖)"
)
UNABLE = re.compile(
    r"(不能干活|干不了|做不动|干不动|不能劳动|不能劳作|年迈|(?:也|都)不能(?=$|[，。；;！!\s])|没劳动力|丧失劳动能力|不能做事|做不了|动不了|动不得|"
    r"身体不行|做不成|干不成|做不得|干不得|做不到事|做不到活|干不到活|做不来事|干不起|做不起|不能做|不能干|没得劳动力|莫得劳动力|没得人要|没人要|没有人要|莫得人要|找不到活|"
    r"(?:腰杆?|腿杆?|脚杆?|手杆?|背)[^，。]{0,3}(?:不行|不得行|使不上劲)|"
    # "只能做点轻的家务": the house's chores, no more
    r"只(?:能|会)?(?:做|干)得?了?[^，。]{0,4}家务)"
)
# Work at home: labour capacity when of working age (under 60), not for the old, for whom
# "种点菜吃" is what everyone does.
CHORES = re.compile(
    r"(带娃|带孩子|带孙|照顾|照管|煮饭|做饭|家务|(?<!两个)(?<!我们)(?<!个人)(?<!就我)在屋头|种了?点|自己吃(?![不饭药])|守到|守[着倒到]?[我他她]|"
    r"伺候|招呼[我他她]|陪[^，。]{0,6}(?:读书|上学|上课|住院|看病)|在医院守)"
)
_FARM = re.compile(
    r"(种地|种田|务农|干农活|种菜|养猪|养鸡|喂猪|种几亩|种地卖|菜卖|卖菜|种几分|挖地|挖土|还在挖|"
    # scrap picked up is, like the farm, the work of the old as long as they can walk
    r"捡[^，。]{0,2}(?:破烂|废品|垃圾|瓶子|纸壳|纸板)|收[^，。]{0,2}(?:破烂|废品)|"
    r"(?:活|活路|重活|农活)[^，。]{0,3}(?:全是|都是|全靠|都靠|全部是)|"
    r"喂[^，。]{0,3}[猪鸡鸭牛羊]|"
    r"种(?:脐橙|橙子|柑橘|柑子|橘子|桔子|柚子|李子|桃子|核桃|花椒|烟|果|玉米|包谷|苞谷|洋芋|土豆|红薯|庄稼|粮食|药材|茶|魔芋))"
)
# A little farming ("种点菜", "种点苞谷") is the work of someone still able up to 70; "只种点菜",
# "就门口种点菜" and "重活做不了 种点菜" say how little is left (see `by_age`).
_SMALL_FARM = re.compile(
    r"种(?:了|[他她]?(?:那|这))?点(?:小?菜|地|田|苞谷|包谷|玉米|洋芋|土豆|庄稼|粮食|红薯|谷子|果子|果树|茶)"
)
_ONLY_SMALL_FARM = re.compile(r"(?:只|就)[^，。]{0,5}种了?点|老的[^，。]{0,3}种了?点")
# "就种点菜种点包谷": a field crop besides the vegetables is farming, however it is put
_FIELD_CROP = re.compile(
    r"种了?点[^，。]{0,2}菜[^，。]{0,3}种了?点(?:苞谷|包谷|玉米|洋芋|土豆|红薯|谷子|庄稼|粮食)"
)
_WELL = re.compile(
    r"^[^，。]{0,2}(好的(?!时候)|都好|好好的|身体好|健康|没得病|没病|没啥病|没得啥病)"
)
_STILL = re.compile(
    r"(还在|还能|还做得|还干得|天天|还种|还喂|还养|(?:都是|全是|全靠)[他她我](?:[一1]个人)?在?(?:做|种|干)|力气大|"
    r"都在(?:种|做|干|喂|养)|没请人|[一1]个人(?:种|做|干|挖)|硬朗|身体还好|身体好)"
)
STRONG = re.compile(r"(硬朗|身体还好|身体好|还结实|身体还行|还健旺)")
# "干不得重活": unable, unless the same words say what light work is still done
# ("干不得重活，在屋头种点地").
_HEAVY_ONLY = re.compile(
    r"(?:干不得|做不得|干不了|做不了|干不动|做不动|不能干|不能做)重活路?|"
    r"重活路?[^，。\d]{0,2}(?:干不得|做不得|干不了|做不了|干不动|做不动|不能干|不能做)"  # "重活做不得"
)
# Not at work now, which says nothing of being able to ("我走不开，没上班").
_NOT_AT_WORK = re.compile(r"(?:没|没有|没得|莫得|不)(?:去)?(?:上班|打工|工作)")
# What was sold off, not work: "把她的棺材拿去卖了", "把房子卖了".
_SOLD_OFF = re.compile(r"把[^，。]{1,8}(?:拿|背|挑)?去?卖")
_IDLE = re.compile(r"(懒|不想做|不肯做|不愿做|不愿意做|游手好闲|不务正业)")
HEALED = re.compile(r"(现在好了|已经好了|治好了|康复了|好利索了)")
_DONE_ANYWAY = re.compile(r"([干做])不动也?[得要还]?(?:照样)?\1")
_GRADE = re.compile(r"(\d)\s*级(?:残疾|残|伤残)?|残疾证?\s*[，,]?\s*(\d)\s*级")
_DISABLED = re.compile(
    r"(残疾|残废|残疾证|瘫痪|瘫了|瘫在|瘫起|偏瘫|截瘫|半身不遂|轮椅|聋|哑|瞎|盲|智障|脑瘫|截肢|精神病|伤残|成残|残了|致残|"
    r"不会说话|说不出话|不能说话|听不到声音|听不见|"
    # sight nearly gone, autism: a certificate is likely ("只看得到个影子", "自闭症 办了证")
    r"(?<!白内障)(?:眼睛[^，。]{0,3}看不[到见](?!清)(?![^，。]{0,3}白内障)|看不到路|只看得到[^，。]{0,2}影子)|失明|"
    r"自闭|孤独症|唐氏|"
    # a mind that is not right ("脑壳有点问题", "智力有问题", "脑壳不灵光"): likely certified
    r"(?:脑壳|脑子|脑袋|智力|精神)[^，。]{0,2}(?:有[^，。]{0,2}问题|不灵光|不好使|不正常|不清楚)|智力低下|傻子|"
    r"(?:锯|截)(?:了|掉)(?![^，。]{0,2}[树木柴板图])|少了?[一1](?:条|只)(?:腿|脚|手|胳膊))"
)
# A 重特大疾病: cancer, uremia, leukaemia, a big operation … Heart disease, a stroke and a
# mental illness are one only when the words make them so (先天性心脏病, 心脏病要开刀, a stroke
# just had): their lasting aftermath is a disability or being bedridden, read as such.
_ILLNESS = re.compile(
    r"(重病|大病|大手术|开颅|癌|肿瘤|长了?[^，。]{0,3}瘤|瘤子|尿毒症|白血病|脑溢血|脑出血|先天性心脏病|"
    r"心脏病?[^，。]{0,6}(?:手术|开刀|搭了?桥|支架|换瓣)|换[^，。]{0,2}瓣膜|瓣膜[^，。]{0,3}(?:手术|置换)|(?<!过)(?:中风|脑梗|脑血栓)(?!过)|肝硬化|重特大疾病|透析|肾衰|"
    r"血友病|脉管炎|红斑狼疮|再生障碍|尘肺|心梗|心肌梗|(?:放|装|安|上)了?[^，。]{0,2}支架)"
)
_ACUTE = re.compile(
    r"(突然|刚|住院|住了|急性|抢救|加重|这个月|上个月|今年|去年|医生说|大病|又得了|又遭)"
)
_BEDRIDDEN = re.compile(
    r"(昏迷|植物人|(?:[一1]天到黑|成天|天天|一直|整天)睡起|下不来床|床都下不来|下不得床|起不了床|床都起不来|卧床|瘫在床|躺在床|趴在床|瘫痪|起不来床|下不了床|瘫起|"
    r"瘫了(?![^，。]{0,6}轮椅)(?!半边)|(?<!不能一直)(?<!不能老是)(?<!不要一直)(?<!不能总是)睡在床上|睡起不得动|(?:吃喝拉撒|屙屎屙尿)[^，。]{0,3}都在床上)"
)
_CARE = re.compile(
    # Needing care, not giving it: "要人照顾", "要我妈照顾" (but "我要照顾他" gives care).
    r"(要人?护理|需要护理|需[^，。]{0,4}照[料顾]|要(?!在|回|留|去)[^照，。\s]{1,3}照(?:顾|管)|需要人照顾|离不开人|要人守|要人伺候|长期照顾|要人管|"
    r"要我管|要人翻身|离不得人|都要人[弄管喂搞]|都是我[弄管喂搞]|都靠我|要人看[到着倒]|要人守[到着倒]|端屎端尿|不能自理|生活不能自理|大小便|屙屎屙尿|吃喝拉撒|要人帮|要人喂|"
    r"护理补贴|长期照看|要人照看|有人照看|要人提醒|(?:吃饭|穿衣|上厕所)[^，。]{0,6}都要人|要人背|"
    r"老年痴呆|痴呆症|阿尔茨海默|走丢|"
    r"要人服侍|送饭喂药|要人喂药|(?:走路|走)[^，。]{0,2}要[人我]牵|要人牵到?走|都要人服侍|屎尿[^，。]{0,4}(?:要人|是我|都要|靠我)|接屎接尿|要人招呼|都要人招呼)"
)


# "全靠他一个人端屎端尿": the care he gives, not care he needs.
_GIVES_CARE = re.compile(
    r"(?:全?靠|都是|全是)[他她我](?:[一1]个人)?[^，。]{0,2}(?:端屎端尿|伺候|照顾|喂|护理|招呼)"
)


def _flag(pattern: re.Pattern, words: str) -> bool | None:
    """True when `words` say it, False when they deny it ("没得残疾"), None when silent."""
    match = pattern.search(words)
    if not match:
        return None
    before = words[: match.start()]
    if re.search(r"\S不[得了]\s+$", before):
        return True  # "半边动不得 要人招呼": a verb's "can't", then a pause: no denial
    return not re.search(_NEG, before)


_TOPIC_FINE = re.compile(
    r"(?:看病|上学|读书|住房|住的|吃穿|医保|房子)[^，。]{0,4}(?:都|也)?(?:没得?|没有|不成|莫得?)问题"
)
# Schooling had, not school now: "只读过小学三年级", "上过初中".
_SCHOOLING_ONCE = re.compile(r"(?:只|就)?(?:读|上|念)过[^，。]{0,6}")
# Work that was: "以前打零工" says nothing of today.
_ONCE = re.compile(r"(以前|原来|过去|之前|前几年|那几年)")
# Tied to the house by someone's care: says neither able nor unable ("出不去打工").
_TIED = re.compile(
    r"((?:没法|没办法)出去(?:做活路?|打工|挣钱|做事)?|出不去打工|出不去做活路?|出不去|走不开|脱不开身|离不开)"
)


# Illnesses whose lasting aftermath is read as such, not as a serious illness now, when they
# were years ago: a stroke, an injury's big operation ("早些年颈椎受了重伤 做过大手术").
_STROKE = re.compile(r"(中风|脑梗|脑血栓|支架|大手术|做过手术|动过手术)")
_YEARS_AGO = re.compile(r"(前年|几年|好多年|多年|以前|早年|早些年|那些年|年轻时|做过|动过)")


# Words that name work but say nothing of the light work still done, dropped before it is read:
# heavy work only, tied to the house, something sold off, not at work now.
_NO_WORK_SAID = (_HEAVY_ONLY, _TIED, _SOLD_OFF, _NOT_AT_WORK)


def circumstances(words: str) -> dict:
    """Flags said about someone: "二级残疾，卧床" → grade 2, bedridden; "没得残疾" → none."""
    flags: dict = {}
    words = _SCHOOLING_ONCE.sub("", _TOPIC_FINE.sub("", words))
    grade = _GRADE.search(
        re.sub(r"([一二三四])级", lambda m: f"{'一二三四'.index(m[1]) + 1}级", words)
    )
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
        if name == "needs_long_term_care" and _GIVES_CARE.search(words):
            continue
        if name == "serious_illness" and HEALED.search(words):
            continue  # "以前得过癌症,发现得早,现在好了": no serious illness now
        value = _flag(pattern, words)
        if value is not None:
            flags[name] = value
    if re.search(
        r"(坐轮椅|推轮椅|轮椅上|坐得起轮椅|坐得上轮椅|坐[^，。]{0,2}轮椅)", words
    ) and not re.search(r"(卧床|床上|下不来床)", words):
        flags["bedridden"] = False  # "瘫了 坐轮椅": in a wheelchair, not in bed
    if flags.get("bedridden"):
        flags.setdefault("able_to_work", False)
    if _NOT_SCHOOL.search(words):
        flags["in_school"] = False
    elif _SCHOOL.search(words):
        flags["in_school"] = True
    # "干不动也得干": done all the same
    words = _DONE_ANYWAY.sub("还在做", words)
    light = words
    for unsaid in _NO_WORK_SAID:
        light = unsaid.sub("", light)
    if (
        flags.get("serious_illness")
        and _STROKE.search(words)
        and (_YEARS_AGO.search(words) or not _ACUTE.search(words))
        and not _ILLNESS.search(_STROKE.sub("", words))
    ):
        # "前年中风了", "老娘中风 瘫在床上": its aftermath, not a serious illness now
        flags.pop("serious_illness")
    if _IDLE.search(words) and not UNABLE.search(light):
        flags["able_to_work"] = "idle"  # "身体好得很 就是懒": able, of working age
    elif _HEAVY_ONLY.search(words) and not (ABLE.search(light) or CHORES.search(light)):
        flags["able_to_work"] = "weak"  # unable, unless light work is said next
    elif UNABLE.search(light):
        flags["able_to_work"] = False
    elif _ONCE.search(words) and not re.search(r"(现在|还在|如今)", words):
        # "以前在外头打工": not today's work, but the capacity of a healthy adult (see `by_age`)
        if ABLE.search(light) and not flags.get("in_school"):
            flags["able_to_work"] = "once"
    elif ABLE.search(_FARM.sub("", light)) and not flags.get("in_school"):
        flags["able_to_work"] = True
    elif ABLE.search(light) and not flags.get("in_school"):
        # Farming: labour capacity under 60; past it, only "还在种地" (see update).
        flags["able_to_work"] = "farm_still" if _STILL.search(words) else "farm"
    elif (
        _SMALL_FARM.search(light)
        and not _HEAVY_ONLY.search(words)
        and not (_ONLY_SMALL_FARM.search(words) and not _FIELD_CROP.search(words))
        and not flags.get("needs_long_term_care")
    ):
        # "老婆在屋头种点菜", "公公种点菜" (in their sixties): still farming, however small;
        # "我爸还种点苞谷" at 78: still at it
        flags["able_to_work"] = "farm_still" if re.search(r"还种", words) else "farm_small"
    elif CHORES.search(light) and not flags.get("needs_long_term_care"):
        # able if of working age (see `update`); "还种点地" is still farming
        still = _STILL.search(words) and re.search(r"(种|喂|养)", words)
        flags["able_to_work"] = "farm_still" if still else "chores"
    if flags.get("able_to_work") in ("farm", "farm_small", "chores") and CANNOT_GO_OUT.search(
        words
    ):
        flags["able_to_work"] = "kept_in"  # "没法出去做活路 屋头喂了几只鸡": see `by_age`
    return flags


# Kept from work outside the house (by care, or by age and health)
CANNOT_GO_OUT = re.compile(
    r"(?:没法|没办法|走不开|出不去)[^，。]{0,2}(?:出去)?(?:做活路|打工|挣钱|做事)"
)


LIGHT = ("chores", "farm", "farm_small", "farm_still", "once")


def update(member: dict, flags: dict) -> None:
    flags = dict(flags)
    flags.pop("no_disability", None)
    if flags.get("disability_grade") == "unknown" and isinstance(
        member.get("disability_grade"), int
    ):
        flags.pop("disability_grade")  # "残疾证一直没办下来" after the grade was told
    if flags.get("able_to_work") == "weak":
        flags["able_to_work"] = False
    if flags.get("able_to_work") in ("chores", "once") and member.get("able_to_work") is not None:
        flags.pop("able_to_work")
    by_age(member, flags)
    if flags.get("able_to_work") and (
        member.get("in_school") or (member.get("age") is not None and member["age"] < 16)
    ):
        flags.pop("able_to_work")  # pupils and children are not the household's workers
    if flags.get("in_school") and (member.get("age") or 0) > 25:
        flags.pop("in_school")  # "两个都在读书" said by a grandfather: not about himself
    member.update(flags)


def by_age(member: dict, flags: dict) -> None:
    """Work at home or on the farm, read against the member's age: caring for the family
    is labour capacity under 60; farming under 65 ("我妈种地 喂猪" at 63), a little farming
    under 70 ("老婆在屋头种点菜" at 63), and past it only when still at it ("还在种地");
    "种点菜吃" at 70 is what everyone does: not able."""
    said, age = flags.get("able_to_work"), member.get("age")
    if said == "idle":
        if age is None or age < 60:
            flags["able_to_work"] = True
        else:
            flags.pop("able_to_work")
        return
    if said == "kept_in":
        # "我守到我妈 没法出去做活路 屋头喂了几只鸡": the chores of one kept home are
        # labour capacity under 60 (the care keeps them, see member_facts), not past it
        flags["able_to_work"] = age is None or age < 60
        if age is None:
            flags.pop("able_to_work")
        return
    if said not in LIGHT:
        return
    if said == "once":
        # "我原来种地 现在地都埋了": work that was, of someone healthy and of working age
        healthy = not (
            member.get("serious_illness")
            or member.get("bedridden")
            or member.get("disability_grade") in (1, 2)
        )
        if age is not None and age < 60 and healthy:
            flags["able_to_work"] = True
        else:
            flags.pop("able_to_work")
    elif age is None and said == "chores":
        flags.pop("able_to_work")
    elif (
        age is None
        or age < 60
        or (said == "farm" and age < 65)
        # (the parents of the one who speaks: "两个老的在屋头种点菜" is no labour)
        or (
            said == "farm_small"
            and age < 70
            and member["relation"] not in ("parent", "grandparent")
        )
        or said == "farm_still"
    ):
        flags["able_to_work"] = True
    elif member.get("able_to_work") is True:
        flags.pop("able_to_work")  # "还种点地 喂了两头猪": the still-farming said first holds
    else:
        flags["able_to_work"] = False  # light work of the old: not the household's labour

"""The help a statement points to, when it asks nothing (issue 11: many real messages are
statements, not questions). A hardship told — a fire or a flood, an accident, an illness and
its bills, someone disabled in bed, a child's school fees — points to the help for it
(临时救助, 医疗救助, the care subsidy, the pupils' supplement); a grievance about not being
approved, to how objections are heard. The assistant answers that, and offers the
application, instead of "答不了".

Patterns in our own words (the policy's terms and common speech), tried in this order: the
most sudden trouble first. Pure, no I/O."""

from __future__ import annotations

import re

from actions.policy_terms import hard_outside, spelled

_TOPICS: tuple[tuple[str, re.Pattern], ...] = (
    (
        "temporary_assistance",
        re.compile(
            r"(火灾|失火|着火|起火|火烧|烧[光完没毁掉了]|遭火|大火|洪水|发大水|涨水|水灾|洪灾|淹了|冲垮|冲走|"
            r"山垮|滑坡|泥石流|塌方|垮塌|(?:房子|屋|墙)[^，。]{0,4}(?:垮|塌|倒|压|裂)|压了|地震|冰雹|"
            r"车祸|出了?事故|摔[伤断死]|摔下来|掉下来|从[^，。]{0,6}摔|工伤|意外|突然|"
            # "孩子都吃不上饭了": no food in the house
            r"吃不上饭|吃不起饭|揭不开锅|没得米|没米了|断顿|饭[^，。]{0,2}吃不上|米[^，。]{0,2}(?:都|也)?买不(?:回来|起|到)|"
            # "希望…腾出一间房子来让我们暂时住一段时间"
            r"暂时住|没有?地方住|没得地方住|腾[^，。]{0,4}房|"
            # "牛棚四壁露风，冬天要怎么过呀": no shelter for the winter
            r"牛棚|四壁露风|冬天[^，。]{0,4}(?:怎么|咋个?|如何)过)"
        ),
    ),
    (
        "major_disease",
        re.compile(
            r"(癌|肿瘤|尿毒症|白血病|透析|化疗|放疗|大病|重病|重疾|住院|手术|开刀|输[^，。]{0,3}血|复发|"
            # "那次治疗就花了二十多万，自费十多万"
            r"(?:治疗|治病|看病|医病|康复)[^。]{0,16}花(?:费|销)?了?[^，。]{0,3}(?:\d|[一两二三四五六七八九十百千万])|"
            # "一天一万的药费", "每月需要1.5万元的治疗费", "全部用于孩子的治疗"
            r"(?:\d|[一两二三四五六七八九十百千万])[^，。]{0,3}的?(?:药费|医药费|医疗费|治疗费|康复费)|"
            r"用于[^，。]{0,6}(?:治疗|看病|治病)|"
            r"自费[^，。]{0,6}(?:\d|[一两二三四五六七八九十百千万])|"
            r"(?:药钱|药费|医药费|医疗费|治疗费|看病)[^，。]{0,8}(?:\d|[一两二三四五六七八九十百千万]|不起|没|欠|借|拿不出)|"
            # "我真的想放弃治疗了", "没有治愈希望,让出院", "没有钱救我老公", "挣些钱再检查"
            r"放弃治疗|治愈[^，。]{0,2}希望|治不好|没得治|让[^，。]{0,3}出院|"
            # "药就要停了", "只能卖血": treatment about to stop for want of money
            r"(?:药|治疗|透析)[^，。]{0,3}(?:就要|快要?|只能|只有)?(?:停|断)了|卖血|"
            # "因为这个病 … 家里什么都没有了": all the household had went on the illness
            r"(?:因为|为了)[^，。]{0,6}病[^。]{0,30}(?:什么都没有了|啥子?都没得了|一无所有|倾家荡产)|"
            r"(?:没有?钱|没得钱|拿不出钱)[^，。]{0,4}(?:救|治|医)|挣[^，。]{0,6}钱再(?:检查|看病|治|去医院))"
        ),
    ),
    (
        "disability_care_subsidy",
        re.compile(
            r"((?:一|二|1|2)级(?:残疾|残)|重度残疾|瘫[在了痪起]|卧床|床上|植物人|脑瘫|"
            r"(?:吃喝拉撒|屎尿|大小便)[^，。]{0,4}(?:要人|都要|靠)|离不得人|离不开人|不能自理|"
            r"(?:残疾|瘫)[^，。]{0,12}(?:照顾|管不动|伺候))"
        ),
    ),
    # Debts the household cannot carry ("我们已经债台高筑,实在借无可借了"): costs beyond
    # what it earns, 支出型贫困
    (
        "expenditure_poverty",
        re.compile(
            r"(债台高筑|借无可借|借遍了|借不到钱了|到处借钱|欠[^，。]{0,3}(?:一屁股|一身|一大笔)[^，。]{0,2}债|"
            r"(?:债|账|钱)[^，。]{0,4}(?:还不起|还不上|还不清|还不完))"
        ),
    ),
    # Someone who cannot work and the one who keeps the house tied to them
    # ("老婆病了做不得活路，屋头全靠我一个，我也走不开"): who can have 低保.
    (
        "who_qualifies",
        re.compile(
            r"(饭都[^，。]{0,3}(?:不能|做不了|煮不了|弄不了|做不成)|"
            # "家里确实太困难，实在是撑不下去": a household that cannot get by
            r"(?:家里|屋头|家庭)[^，。]{0,4}(?:太|很|非常|好|特别)困难|"
            # "能卖的几乎都卖了，家里已经没有什么值钱的东西了": all sold to get by
            r"能卖的[^，。]{0,4}都卖了|(?:没有|没得|莫得)[^，。]{0,3}(?:什么|啥子?)值钱的|"
            # "我不能劳动了，还需要她照料 … 所有担子全压在她一个弱女子身上"
            r"(?:不能|没法|没办法|做不了|干不了)劳动[^。]{0,24}(?:照料|照顾|伺候|担子|全靠|都靠|压在)|"
            r"担子[^，。]{0,4}(?:全|都)?压在[^，。]{0,6}(?:身上|肩上)|"
            r"(?:没办法|没法|不能|做不了|干不了|做不得)(?:工作|干活|做活路?|上班)[^。]{0,16}"
            r"(?:全靠我|都靠我|靠我一个)|(?:全靠我|都靠我)[^。]{0,12}(?:没办法|没法|走不开|出不去)"
            r"[^，。]{0,4}(?:工作|打工|挣钱|出远门))"
        ),
    ),
    # No one to support them: 特困 (五保) care.
    (
        "tekun",
        re.compile(
            r"((?:我|自己)(?:死了|走了|不在了)[^。]{0,4}(?:他|她)也(?:就)?(?:死了|活不成|完了|没人管)|"
            # "就想给他找个安顿的地方": a place to be cared for
            r"(?:找个|有个)[^，。]{0,3}(?:安顿|安置|落脚)的?地方|无儿无女|孤老|孤寡|五保|没得?子女|没有子女|孤身一人|光棍一个|无依无靠|"
            # "现一人独居,无任何经济来源"
            r"一人独居|独自一人[^，。]{0,4}(?:住|生活)|(?:无|没有|没得)任?何?经济来源|"
            # "能不能给我孙子找个孤儿院": a child no one can raise
            r"孤儿院|儿童福利院)"
        ),
    ),
    (
        "supplement_student",
        re.compile(
            r"((?:学费|生活费|读书的钱|上学的钱)[^，。]{0,6}(?:差|凑|不够|交不起|拿不出|借)|读不起书|上不起学|"
            r"考[起上取]了?[^，。]{0,3}(?:大学|高中|学校)|供不起|供[^，。]{0,4}(?:读书|上学)|"
            r"(?:读书|上学)[^，。]{0,10}(?:花|要)[^，。]{0,4}(?:\d|[一两二三四五六七八九十百千万])[^，。]*[，,]"
            r"[^，。]{0,8}(?:不够|挣不够|供不起|吃力|负担|压力))"
        ),
    ),
)
# Softer words, for a statement of thanks or worry that names a field of help but no trouble
# in it ("俺老伴儿的病能继续治了", "没有政府的救济…女儿都没有学上"): tried after the above.
_SOFT_TOPICS: tuple[tuple[str, re.Pattern], ...] = (
    (
        "tekun",
        re.compile(
            r"((?:我|自己)[^，。]{0,4}(?:老了|走了|先走|死了|不在了|去世)[^。]{0,12}"
            r"(?:怎么办|咋办|咋个办|没人|照料|照顾|一天算一天|哪个管|谁管|谁来管)|"
            r"(?:母亲|父亲|我妈|我爸|老人)[^，。]{0,3}(?:去世|走了|不在了)[^。]{0,10}(?:一天算一天|怎么办|咋办)|"
            r"将来[^，。]{0,4}(?:咋办|怎么办|咋个办)|百年之后)"
        ),
    ),
    (
        "leaving_dibao",
        re.compile(
            r"(条件改善|条件好了|日子好了|日子好过|收入高了|不需要低保|退出低保|让给更困难|帮助更困难)"
        ),
    ),
    (
        "major_disease",
        re.compile(
            r"(重疾|疗程|救命钱|病[^，。]{0,3}(?:能|可以)?(?:继续)?(?:治|看|照顾)|有病|生病|看病|治病|"
            r"(?:医保|新农合)[^，。]{0,6}报销|报销比例)"
        ),
    ),
    (
        "supplement_student",
        re.compile(r"(没有?学上|没得学上|上不了学|读不成书|读不起|上学|读书|学费)"),
    ),
    ("disability_living_subsidy", re.compile(r"(残疾人|残疾)")),
    (
        "dibao_benefits",
        re.compile(r"((?:这么多|好多|各种|很多)[^，。]{0,2}政策|多亏[了着]?低保|靠[着]?低保)"),
    ),
    (
        "temporary_assistance",
        re.compile(
            r"(救助|救济|帮扶|帮助了|帮了我|(?:政府|邻居|大家|大伙)[^，。]{0,6}帮(?:助|忙)|"
            # "这个年不知道怎么过了", "我和孙子都不知道如何过日子"
            r"不知道[^，。]{0,4}(?:如何|怎么|咋个?)过)"
        ),
    ),
    # "我不管他,他可怎么活啊": someone who cannot live on their own — who can have 低保
    # "我们真的撑不下去了": a household that cannot get by, who can have 低保
    (
        "who_qualifies",
        re.compile(r"((?:他|她)[^，。]{0,2}(?:怎么|咋个?|如何)活|撑不下去?|过不下去|日子过不走)"),
    ),
)
# An application waited on: "申请交了半年了", "等了三个月还没消息".
_WAITING = re.compile(
    r"((?:申请|材料)[^，。]{0,4}交了[^，。]{0,3}(?:个|半)?[^，。]{0,2}(?:月|年)|等了[^，。]{0,4}(?:月|年)|"
    r"还没(?:批|消息|下来|结果))"
)
# Already on 低保 (a statement of what is received, not an application).
_ON_DIBAO = re.compile(
    r"((?:办了|吃上了?|评上了?|领到了?|拿到了?|给俺办了|给我办了)[^，。]{0,3}低保)"
)
# Someone else's 低保 reported: false claims, money kept back, a cadre's kin, one not poor.
_REPORTED = re.compile(
    r"暗箱操作|虚报|冒领|优亲厚友|人情保|关系保|骗保|私吞|克扣|贪污|挪用|不是困难户|不是贫困户[^。]{0,8}(?:拿|吃|领)|"
    r"(?:村支书|支书|书记|村主任|村长|村干部|组长|社长)[^，。；]{0,8}(?:母亲|父亲|妈|爸|亲戚|老婆|儿子|女儿|家人)"
    r"[^，。；]{0,16}(?:吃|拿|领|享受)[^，。；]{0,3}低保"
)
# A decision asked to be looked at again, or money held back to be paid.
_RECONSIDERED = re.compile(
    r"(?:请求|要求|申请|希望|求)[^。？?]{0,10}重新(?:核定|审核|认定|评定|核查|调查)|重新核定|"
    r"补发[^，。]{0,6}低保|行政复议|扣发[^，。]{0,6}低保|"
    # "撤销…《最低生活保障金停发告知书》，恢复最低生活社会保障待遇": a stop to be undone
    r"撤销[^。]{0,12}(?:停发|取消|终止)|恢复[^，。]{0,6}(?:低保|最低生活)"
)
# A grievance: refused, passed over, stopped without a word.
_GRIEVANCE = re.compile(
    r"(没评上|评不上|没批|不给批|批不下来|没申请上|申请不上|名额满|没得名额|说不符合|不够条件|"
    r"取消了|被取消|停了|停发|没得了|没人通知|不公平|凭什么|凭啥|刷下来|刷掉|刷了|拿掉|除名|评掉|踢出|"
    r"看关系|靠关系|讲关系|关系户|说了不算|走后门|"
    # "书记说你还可以劳动，不能吃低保，再问他理都不理"; "申请了三年也没批复"
    r"(?:说|告诉|讲|喊)[^。]{0,12}(?:不能吃低保|吃不了低保)|不给吃|理都不理|不理我|没来[^，。]{0,4}看过|申请不下来|"
    r"没有?申请下来|没有?(?:给予)?批复|没有?批下来|"
    # "真正贫困的得不到补助,弄虚作假的却开着小汽车", "突然被移除"
    r"得不到补助|弄虚作假|开着?[^，。]{0,2}小?汽车|什么世道|被移除|被移出|移出了|"
    # someone else's 低保 reported (_REPORTED)
    f"{_REPORTED.pattern})"
)


def statement_topic(text: str, soft: bool = True) -> str | None:
    """The answer key a statement's hardship or grievance points to; None if none. ``soft``:
    the softer words of thanks and worry too (not strong enough to overrule the NLU)."""
    text = spelled(text or "")
    if reports_someone_s_dibao(text):
        # (before another office's words: "…慰问金被村干部私吞；村干部代领并克扣村民低保")
        return "objection"
    if hard_outside(text):
        return None  # "建议政府修条排水沟": another office's matter, whatever the rain did
    if asks_to_reconsider(text):
        # "请求重新核定…符合低保救助条件，补发低保金": a decision asked to be looked at again,
        # whatever illness or house the story tells
        return "objection"
    for key, pattern in _TOPICS:
        if pattern.search(text):
            return key
    if _GRIEVANCE.search(text) and re.search(r"(低保|救助|补助|补贴|申请|评|批)", text):
        return "objection"
    if _WAITING.search(text):
        return "how_long"  # "申请交了半年了，村上说在等镇上"
    if _ON_DIBAO.search(text):
        return "dibao_amount"  # "去年乡政府给俺办了低保，一年给俺300元钱"
    for key, pattern in _SOFT_TOPICS if soft else ():
        if pattern.search(text):
            return key
    return None


def asks_to_reconsider(text: str) -> bool:
    """ "请求重新核定…补发低保金", "撤销…停发告知书，恢复最低生活保障待遇": a decision on
    低保 asked to be looked at again — how objections are heard, whatever the story names."""
    text = spelled(text or "")
    return bool(_RECONSIDERED.search(text) and re.search(r"低保|最低生活", text))


def reports_someone_s_dibao(text: str) -> bool:
    """ "村干部代领并克扣村民低保": a report of someone else's 低保, ours to answer whatever
    other office's words it holds (慰问金)."""
    text = spelled(text or "")
    return bool(_REPORTED.search(text) and re.search(r"低保", text))


def already_on_dibao(text: str) -> bool:
    """ "去年乡政府给俺办了低保": the sender receives 低保 already."""
    return bool(_ON_DIBAO.search(spelled(text or "")))

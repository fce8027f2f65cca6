"""Reading a household's assets from what a resident says: savings, vehicles (farm
machinery and mobility vehicles do not count), houses owned, shops ("没得存款，有个摩托车，
老家一个房子"). Pure functions, no I/O; only what was said is returned."""

from __future__ import annotations

import re
from decimal import Decimal

from actions.reading.money_text import clauses, says_nothing
from actions.reading.parsing import numbers, to_arabic

# "卡上就三百多": what a card or passbook holds
_CARD_HOLDS = re.compile(r"(?:卡|折子|存折)(?:上|里|里头)(?:就|只)(?:有|剩)?")
_DEPOSITS = (
    r"(存款|存了|存折|银行里|银行有|积蓄|存的钱|存的(?:就是|有|是)|存起|攒了|攒的|存到|存得有|存有|存着|卡上有|卡里有|卡头有|卡里头有|"
    rf"{_CARD_HOLDS.pattern}|"
    r"(?:卡|折子|存折)(?:上|里|里头)?还(?:剩|有)|(?:卡|折子|存折)(?:上|里|里头)\s*$)"
)
_NO_DEPOSITS = re.compile(
    r"(没有?存款|莫得存款|没得存款|没存款|没存(?!几个|好多|多少)|存款没有(?!几个|好多|多少)|"
    r"存款莫得(?!几个|好多|多少)|存款没得(?!几个|好多|多少)|一分存款都没有|没积蓄|没有积蓄|"
    r"存款(?:早就?|都|也|早都)?(?:用完|用光|花光|花完)|没得钱存|没有?钱存|"
    r"(?:一|1)分钱?存款都(?:没得|没有|莫得)|存款都(?:没得|没有|莫得)了|"
    r"(?:烧了|用完了|花完了)[^。]{0,4}现在[^，。]{0,3}(?:一|1)分[^，。]{0,2}(?:没得|没有|莫得)|"
    # "存款肯定没得", "存款早就吃完了", "老本都吃光了", "她没得钱"
    r"存款[^，。\d]{0,3}(?:没得|没有|莫得)(?!几个|好多|多少)|(?:存款|老本|积蓄)[^，。\d]{0,3}(?:吃完|吃光|用完|用光|花光|花完)|"
    r"^\s*[他她我]?(?:们)?(?:没得|没有|莫得)钱(?!存)|(?:^|\s)(?:没得|没有|莫得)钱(?:\s|$))"
)
_NO_CAR = re.compile(
    r"(没有?\s?车|莫得\s?车|没得\s?车|没买车|车子?\s?[也都]?没有|车子?\s?[也都]?没得|车子?\s?[也都]?莫得|无车|"
    r"车子?[^，。]{0,8}(?:朋友|亲戚|别人|别个)的|车子?[^，。]{0,6}不是(?:我们|我|自己)的)"
)
_CAR = re.compile(
    r"(?<![\d.])(\d)(?![\d.])\s*(?:辆|个|台)?\s*(?:旧|破|二手|2手)?\s*(?P<kind>(?:小|大)?(?:小车|轿车|货车|面包车|汽车|摩托车|摩托|车子|机动三轮|三轮摩托|车))"
)
_CAR_AFTER = re.compile(r"(?:小车|轿车|货车|面包车|汽车|摩托车|摩托|车子)\s*([1-9])\s*(?:辆|个|台)")
# A motorbike said, and no car ("一个摩托车 没得汽车"): the motorbike is a motor vehicle
_MOTORBIKE = re.compile(
    r"(?<![\d.])(\d)(?![\d.])\s*(?:辆|个|台)?\s*(?:旧|破|二手|2手)?\s*(?:摩托车?|三轮摩托)"
)
_NO_CAR_ONLY = re.compile(r"(?:没有?|莫得|没得|没买)\s?(?:汽车|小车|轿车)(?![^，。]{0,4}摩托)")
_HAS_CAR = re.compile(
    r"(有|买了)\s*(?:一)?(?:辆|个|台)?[^，。没]{0,5}?(小车|轿车|货车|面包车|汽车|摩托车|摩托|机动三轮|三轮摩托|车)"
    # "车就那个三轮摩托": the one vehicle there is
    r"|车子?(?:就|只有|就是)(?:是)?(?:一|那)?(?:辆|个|台)?[^，。没]{0,3}?"
    r"(小车|轿车|货车|面包车|汽车|摩托车|摩托|机动三轮|三轮摩托)"
    # "存款没得 就那个摩托车 跑摩的用的": the one there is
    r"|(?:^|[\s，。,])(?:就|只有|就是)(?:那|这|1|一)(?:辆|个|台)[^，。没不\s]{0,5}?"
    r"(小车|轿车|货车|面包车|汽车|摩托车|摩托|机动三轮|三轮摩托)"
    # "摩托车是送外卖用的": the one there is, said by what it is for
    r"|(?:^|[\s，。,])(小车|轿车|货车|面包车|汽车|摩托车|摩托|机动三轮|三轮摩托)(?:是|就是)"
    r"[^，。没不\s]{1,8}(?:用的|买的)"
)
# A tricycle driven for hire ("开三轮车拉客", "就一个三轮车 跑生意的") is a motor tricycle
_FOR_HIRE = re.compile(
    r"(?<!电动)(?<!脚蹬)(?<!人力)(?<!电瓶)三轮车?(?!摩托)(?=[^，。]{0,8}(?:拉客|载客|跑生意|跑客|拉人|营运|拉货|有油|烧油|加油))|"
    r"开(?:个|辆|的)?三轮车?(?!摩托)"
)
# (a motor tricycle, 机动三轮 or 三轮摩托, is a vehicle)
_FARM = re.compile(
    r"(农用车|(?<!机动)(?<!摩托)(?<!电动)三轮车?(?!摩托)|拖拉机|旋耕机|代步车|轮椅|残疾车|残疾人助动车|助动车|"
    # an electric bicycle (电瓶车, 电动车 in the countryside) is no motor vehicle
    r"电瓶车|电动车|电单车|自行车)"
)
_NO_HOUSE = re.compile(
    r"(没有?房|莫得房|没得房|房子(?:遭|被)?(?:没了|埋了|埋起了|冲走了)|(?:房子(?:被)?冲垮|房子烧了|房子[早都也已经就]{0,4}垮)(?![^，。]{0,2}(?:半边|[一1]半|[一1]部分|[一1]角))"
    r"|(?:1|一)(?:个|套|处|间|栋)房子?都(?:没|莫))"
)
# Living in a rented or borrowed room: no house of their own, when it answers the question
# about assets; said in passing ("住的租的房子，还可以") it does not undo that answer.
_RENTING = re.compile(r"(租房|借住|住亲戚|租的房|租的|住的我的房子|住在我屋|住我屋|住的我屋)")
_HOUSES = re.compile(
    r"(\d+)\s*(?:处|套|栋|间|座|个)\s*(?:房|屋)|房子?[^，。\d]{0,3}(\d+)\s*(?:处|套|栋|座)|房子\s*([2-9])\s*个(?![月人娃儿子女平年])"
)
_ONE_HOUSE = re.compile(
    r"(有房子|一处房|1处房|1个房子|房子1个|1间|1栋|老房子|自己的房子|住自己屋|自建房|这个房子|住的这个|"
    r"土房子|土坯房|毛坯房|泥巴屋|泥巴房|土墙房|土墙|石头房|平房|危房|房子就|就那个(?:房|屋|老)|木房子|木房|瓦房|砖房|堂屋|"
    r"房子是(?!租|借|别|亲戚|[他她]))"
)
# "老家一个房子，镇上还买了个小房子": one house per clause.
_A_HOUSE = re.compile(
    r"((?:1|一)个[^，。没]{0,2}房子|买了个?[^，。没]{0,2}房|(?:1|一)套[^，。没]{0,2}房|"
    r"(?:分的|分了|分到)(?:1|一)?套|(?:安置房|新房子?|老房子?|老屋)(?:1|一)(?:套|处|栋|个)|(?:老房子|老屋)(?:也)?还在|修了个?[^，。没]{0,2}房|"
    r"还有(?:1|一)套|^\s*(?:1|一)套|(?:搬迁|安置)[^，。没]{0,4}(?:修了|分了|有)(?:1|一)个)"
)
# "就住的这一个房子": only the house they live in, whatever else was said of it.
_ONLY_THIS_HOUSE = re.compile(r"(?:就|只有)(?:住的)?(?:这|那)(?:1|一)?(?:个|栋|处)(?:房|屋)")
# No house to live in, whatever house was named: it fell, or it is someone else's.
_HOMELESS = re.compile(
    r"((?:没得|没有|莫得)房子?住|没地方住|无家可归|自己[^，。]{0,3}(?:没得|没有|莫得)房|"
    # "老房子拆了 新房子还没分到 现在没得房子"
    r"房子[^，。]{0,2}(?:拆了|被拆|拆掉)[^。]{0,12}(?:没得|没有|莫得)房|"
    r"自己的房子[^，。]{0,6}垮了)"
)
_REBUILT = re.compile(
    r"(房子[^，。]{0,3}(?:重新|翻)修|重新修了?[^，。]{0,2}房|修了新房|新房子(?![^，。]{0,4}(?:还没|没|在修|正在|要修|明年|才交|才能|交钥匙))|(?:房子|屋)[^，。]{0,2}重建)"
)
_SHOP = re.compile(r"(门面|门市|商铺|铺面|店面|商品房出租|收租)")
# A vehicle sold: "原先有个摩托车 卖了请律师了", "原来有个摩托车，看病卖了".
_SOLD = re.compile(
    r"[^，。\s]*(?:摩托车?|小车|车子?|货车|面包车)[^，。]{0,5}(?:[，,][^，。\d]{0,4})?卖[了掉]"
)
# Savings that were: "原来存了两万多 都拿去医院了 现在莫得了".
_ONCE = re.compile(r"(原来|以前|之前|本来)")
_LEFT = re.compile(r"(还剩|剩下|剩了|只剩|剩的|现在剩|就剩)")
# A sum once received ("修路占地赔了六万", "拆迁补偿款"): what is left of it is savings.
_LUMP = re.compile(
    r"(赔了|赔偿|赔的钱|赔款|补偿款|补偿了|征地|占地|拆迁|卖房子的钱|卖房的钱|抚恤金|保险赔)"
)
_USED_UP = re.compile(
    r"((?<![快要])(?<!快要)(?<!差不多)(?:拿去|用完)|花光|花完|用光|买光|吃光|现在没得了|现在没有了|都没了|全部用了|全都用了|都用了|都花了|全花了)"
)
# "没得几个", "不多": few, the figure said next
_FEW = re.compile(r"(?:没得|没有|莫得)(?:几个|好多|多少)|不多|没多少|不得好多")
# "存款好多我不晓得，应该莫得好多": savings said without a figure that can be taken.
_VAGUE_DEPOSITS = re.compile(
    r"(不晓得|不知道|不清楚|说不清|莫得好多|没得好多|没好多|没多少|不多|一点点|有点)"
)
# "存款几千块": a size, not a figure (in the clause of the savings, not of a debt).
_A_SIZE = re.compile(r"(几[十百千万]|好几|一些|些钱)")


def vague_deposits(text: str) -> bool:
    """Savings mentioned, but with no figure: unknown, never a guess of zero."""
    parts = clauses(text, by_figure=False)
    vague = [
        c
        for index, c in enumerate(parts)
        if re.search(_DEPOSITS, c)
        and (
            _VAGUE_DEPOSITS.search(" ".join(parts[index : index + 2]))  # "存折有没得 我不晓得"
            or (_A_SIZE.search(c) and not re.search(r"(欠|借|贷)", c) and not _USED_UP.search(text))
        )
    ]
    return bool(vague) and not read_assets(text).get("deposits")  # "不多，两三千" is a figure


def read_assets(text: str, asked: bool = True) -> dict:
    """{deposits, vehicles, houses, commercial_property}: only what was said; `asked`: in
    answer to the question about assets."""
    assets: dict = {}
    cleaned = to_arabic(text)
    if _NO_DEPOSITS.search(cleaned):
        assets["deposits"] = Decimal(0)
        # "没得存款 他那个卡上就三百多块": no savings to speak of, and what the card holds
        held = next((c for c in clauses(text) if _CARD_HOLDS.search(c) and numbers(c)), None)
        if held is not None:
            assets["deposits"] = numbers(held)[0]
    else:
        parts = clauses(text, by_figure=False)
        for index, clause in enumerate(parts):
            if re.search(_DEPOSITS, clause) and _USED_UP.search(text) and _ONCE.search(clause):
                assets["deposits"] = Decimal(0)  # "原来存了两万多 都拿去医院了"
            elif re.search(_DEPOSITS, clause):
                found = numbers(clause)
                following = parts[index + 1] if index + 1 < len(parts) else ""
                if not found and not re.search(r"(车|房|屋|欠|借|贷)", following):
                    found = numbers(following)  # "存款不多，两三千"
                after = parts[index + 2] if index + 2 < len(parts) else ""
                if (
                    not found
                    and _FEW.fullmatch(following.strip())
                    and not re.search(r"(车|房|屋|欠|借|贷)", after)
                ):
                    found = numbers(after)  # "存款 没得几个 两三千块"
                if len(found) == 1:
                    assets["deposits"] = found[0]
                left = next((c for c in parts[index + 1 :] if _LEFT.search(c) and numbers(c)), None)
                if left is not None:
                    assets["deposits"] = numbers(left)[0]  # "…用了些 还剩五千左右"
            elif _LUMP.search(clause) and "deposits" not in assets:
                # "占地赔了六万 … 还剩一万出头", "赔的钱还剩两万多"
                left = next((c for c in parts[index:] if _LEFT.search(c) and numbers(c)), None)
                if left is not None:
                    assets["deposits"] = numbers(_LEFT.split(left)[-1] or left)[0]
    cleaned = _FOR_HIRE.sub("机动三轮", cleaned)
    without_farm = _SOLD.sub("", _FARM.sub("", cleaned))
    motorbike = _MOTORBIKE.search(without_farm)
    if motorbike and _NO_CAR_ONLY.search(without_farm):
        assets["vehicles"] = int(motorbike.group(1))  # "一个摩托车 没得汽车": the motorbike
    elif _NO_CAR.search(without_farm):
        assets["vehicles"] = 0
    elif match := _CAR.search(without_farm) or _CAR_AFTER.search(without_farm):
        assets["vehicles"] = int(match.group(1))
        kinds = {m.group("kind").replace("摩托车", "摩托"): m for m in _CAR.finditer(without_farm)}
        kinds = {k: m for k, m in kinds.items() if k not in ("车", "车子")}
        if len(kinds) > 1:
            # "一个摩托 一个二手面包车": each kind of vehicle named with its own count
            assets["vehicles"] = sum(int(m.group(1)) for m in kinds.values())
    elif _HAS_CAR.search(without_farm):
        # "有个摩托 还有个面包车": one of each kind named
        named = {
            (m.group(2) or m.group(3) or m.group(4) or m.group(5)).replace("摩托车", "摩托")
            for m in _HAS_CAR.finditer(without_farm)
        } - {"车"}
        assets["vehicles"] = max(1, len(named))
    elif _FARM.search(cleaned) or (asked and _SOLD.search(cleaned)):
        # farm machinery and mobility vehicles do not count; a vehicle sold is none
        assets["vehicles"] = 0
    own = [
        c for c in clauses(cleaned, by_figure=False) if _ONE_HOUSE.search(c) or _A_HOUSE.search(c)
    ]
    no_house = _NO_HOUSE.search(cleaned) or (asked and _RENTING.search(cleaned))
    if _HOMELESS.search(cleaned):
        assets["houses"] = 0  # "房子就那一个，已经垮了，现在没得房子住"
    elif _REBUILT.search(cleaned):
        assets["houses"] = 1  # "老房子垮了 … 把房子重新修了": the new one stands
    elif no_house and not (
        own and not any(_NO_HOUSE.search(c) or _RENTING.search(c) for c in own)
    ):  # "老家有个老房子，城里是租的": one house of their own
        assets["houses"] = 0
    elif _ONLY_THIS_HOUSE.search(cleaned):
        assets["houses"] = 1  # "赔的钱修了房子 … 就住的这一个房子": the one they live in
    elif len([c for c in clauses(cleaned, by_figure=False) if _A_HOUSE.search(c)]) >= 2:
        assets["houses"] = len([c for c in clauses(cleaned, by_figure=False) if _A_HOUSE.search(c)])
    elif match := _HOUSES.search(cleaned):
        assets["houses"] = int(match.group(1) or match.group(2) or match.group(3))
    elif _ONE_HOUSE.search(cleaned):
        assets["houses"] = 1
    if _SHOP.search(cleaned):
        assets["commercial_property"] = not re.search(
            r"(没有?|莫得|没得)(门面|商铺|铺面|店面)|(门面|商铺|铺面|店面)[^，。]{0,3}(租的|租别人|是租)|"
            # "铺面就是屋头前面那间": a room of the house they live in
            r"(门面|商铺|铺面|店面)[^，。]{0,2}(?:就)?是(?:自己)?(?:屋头|屋里|家里|住的房子|房子)",
            cleaned,
        )  # "店面是租的": not theirs
    if says_nothing(cleaned):
        for key, value in (("deposits", Decimal(0)), ("vehicles", 0)):
            assets.setdefault(key, value)
    return assets

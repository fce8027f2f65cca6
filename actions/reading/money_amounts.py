"""How much a year one figure a resident says comes to: by the month ("每个月八百" → ×12), by
the school term (two a year), for each of several people ("两个女儿各给五百"), by the day
("一个月做得到十来天，一天一百五"), by the mu ("一亩七百 九亩"), and the day's pay corrected at
the summary ("一天一百八 不是两百"). `money_text` decides whose money a figure is. Pure
functions, no I/O.
"""

from __future__ import annotations

import re
from decimal import Decimal

from actions.reading.parsing import numbers, pauses_as_commas, to_arabic

MONTH = re.compile(r"(每个?月|一个?月|月收入|每月|个月|一月|月均)")
YEAR = re.compile(r"(一年|每年|全年|年收入)")
# A school term: two a year ("一学期学费一千四").
_TERM = re.compile(r"(?:一|1|每)个?学期")
# A rate by the hour, the day or the market day ("一个小时10块钱", "赶场一场卖五六十") says
# nothing of the year: how many days (or 场) it comes to is asked, or said beside it.
_MARKET = r"(?:一|每|1)个?场(?![^，。]{0,3}?(?:病|祸|灾|雨|火|手术|意外|官司|电影|事|仗|架))"
_RATE = re.compile(
    rf"(小时|钟头|一天|1天|每天|天天|一晌|一个工|(?:一|1|每)(?:早上|上午|下午|晚上)|逢场天?|{_MARKET}|(?:一|1|每)次(?!性)|"
    r"(?:一|1|每)(?:挑|趟|担|单)(?!子))"  # "挑一挑十块": the load's pay, not the year's
)
# By the week ("一个星期挣两三百"): 52 a year; by the quarter ("一个季度发一回"): 4.
WEEK = re.compile(r"((?:一|每)个?(?:星期|礼拜)|(?:一|每)周)")
QUARTER = re.compile(r"((?:一|每|1)个?季度?(?![节])|按季度?)")


_EACH = re.compile(
    r"(\d+|两|二|三|四|五)\s*(?:个|兄弟|姊妹|姐妹|口子)[^，。]{0,8}?(?:各|一个给|一人|每人|每个(?!月)|[一1]个人)"
)
# "两兄弟每个月一起给她寄六七百": the sum of them all, not each one's
_TOGETHER = re.compile(r"(一起|一共|合起|凑|加起)")
# "我跟我兄弟一人每个月给五百", "他们养老金一个人一百多": two people, each.
_EACH_OF_TWO = re.compile(
    r"(我(?:跟|和)我?的?[^，。\d]{1,3}?|我们(?:跟|和)[^，。\d]{1,4}?|他们|老两口|两口子|两个老的|(?:我)?爸妈|父母|公婆|我们两个|我们2个|"
    r"两个的|两个人的?|两人的?|2个的|2个人的?|"
    r"爷爷奶奶|外公外婆|公公婆婆|两个老人|"
    r"(?:老汉|老爸|爸爸?|爷爷|公公|外公)[和跟]?我?(?:老娘|老妈|妈妈?|奶奶|婆婆|外婆)|"
    # "我爸和我叔一人一年给她一千五": two kin named, each
    r"我?[大二三四幺小]?(?:爸|叔|伯|舅|姑|姨|哥|姐|弟|妹|儿子|女儿)[^，。\d和跟]{0,2}[和跟]我?"
    r"[大二三四幺小]?(?:爸|叔|伯|舅|姑|姨|哥|姐|弟|妹|儿子|女儿)[^，。\d]{0,2}?)"
    r"[^，。]{0,10}?(?:各|[一1]人|每人|[一1]个人)"
)


_SOME_MORE = re.compile(r"\d\s*(?:块|元)几")


def per_year(clause: str) -> Decimal | None:
    """The year's amount of the one figure a clause says; None for none, several, or a rate
    by the hour or the day."""
    found = numbers(clause)
    if len(found) != 1 or _RATE.search(clause) or _SOME_MORE.search(to_arabic(clause)):
        return None  # (a figure with 几 after its unit, "一块几角", is no figure)
    monthly = MONTH.search(clause) and not YEAR.search(clause)
    weekly = WEEK.search(clause) and not (monthly or YEAR.search(clause))
    quarterly = QUARTER.search(clause) and not (monthly or weekly or YEAR.search(clause))
    value = (
        found[0] * 12 if monthly else found[0] * 52 if weekly else found[0] * 4 if quarterly
        else found[0]
    )  # fmt: skip
    if _TERM.search(clause) and not YEAR.search(clause):
        value *= 2
    if _TOGETHER.search(clause):
        pass
    elif each := _EACH.search(clause):  # "两个女儿各给五百"
        count = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5}.get(each.group(1)) or int(
            each.group(1)
        )
        value *= count
    elif _EACH_OF_TWO.search(clause):
        value *= 2
    return value


# "每个一年给一千" after "两个儿子": each of the people counted in the clause before.
EACH_HEAD = re.compile(
    r"^\s*(?:过年|过节|逢年过节|每年|一年|1年)?\s*(?:每个|各|每人|[一1]人|[一1]个人|(?:一|1)个(?=给|寄|打|拿))(?!月)"
)
_PEOPLE_COUNT = re.compile(
    r"(\d)\s*个(?:儿子|女儿|娃儿|子女|孩子|兄弟|姊妹|姐妹|老的|人|闺女|姑娘|女(?![婿娃])|儿(?![媳]))|(?:我们|其他|其余|另外)(\d)\s*个|"
    r"(老两口|两口子|老2口|2口子|我(?:和|跟)(?:我的?)?(?:老伴|老婆|老太婆|老婆子|老头子|老头|老公|婆娘|男人|堂客)|"
    r"公公婆婆|爷爷奶奶|外公外婆|爸爸妈妈|爸妈|父母|老汉儿老妈|公婆|二老)"
)


# "卖了五头猪 一头两千出头": each of the animals counted in the clause before.
EACH_ANIMAL = re.compile(r"^\s*(?:一|1|每)\s*(头|只|匹)")
_ANIMAL_COUNT = r"(\d+)\s*{}"


def animal_count(clause: str, unit: str) -> int | None:
    """How many head a clause counts ("卖了五头猪" → 5; the last count said)."""
    counts = re.findall(_ANIMAL_COUNT.format(unit), to_arabic(clause))
    return int(counts[-1]) if counts and int(counts[-1]) > 1 else None


def people_count(clause: str) -> int | None:
    """How many people a clause counts ("两个儿子", "我们两个", "老两口")."""
    found = _PEOPLE_COUNT.search(to_arabic(clause))
    if not found:
        return None
    return 2 if found.group(3) else int(found.group(1) or found.group(2))


# Days worked, or market days (赶场: a 场 every three days or so) gone to; or the times a
# month a job is worked ("一个月上工十来次", paid "一次一百多到两百"); not the 回 of money sent
# home ("一年打个两三千回来").
_DAYS = re.compile(
    r"(?:一|1|每)个?月[^，。]{0,6}?(\d+(?:\.5)?|十|二十)\s*(?:来|多|几)?(?:天|场|次|回(?![来去家]))"
)
_AVERAGE_DAYS = re.compile(r"(?:平均|一般|算下来)[^，。\d]{0,4}" + _DAYS.pattern)
_DAYS_A_YEAR = re.compile(
    r"(?:一|1|每)年[^，。]{0,6}?(\d+(?:\.5)?|十|二十)\s*(?:来|多|几)?(?:天|场|次|回(?![来去家]))"
)
_DAYS_A_WEEK = re.compile(
    r"(?:一|1|每)个?(?:礼拜|里拜|星期|周)[^，。\d]{0,4}?(\d)\s*(?:天|场|次|回)"
)
# Days worked in all this year ("暑假去分快递 一天一百 做了四十来天"): the year's days.
_DAYS_IN_ALL = re.compile(
    r"(?:(?:做|干|跑|上|打|去|摘|采)(?:了|得到)|加起来|合起来|总共|一共)\s*(\d+)\s*(?:来|多|几)?天"
)
_DAYS_THEN_MONTH = re.compile(r"(\d+(?:\.5)?\s*(?:来|多)?)天(左右)?\s*(?:一|1|每)个?月(?!\d)")
_PUT_RIGHT_DAYS = re.compile(r"(不对|不是|说错|搞错|哦)")
_DAY_RATE = re.compile(
    rf"(?:(?:一|1|每)(?:天|早上|上午|下午|晚上)|{_MARKET}|(?:一|1|每)(?:次|回)(?!\s*\d+\s*[次回]))[^，。\d]{{0,4}}?"
    r"(\d+(?:\.\d+)?)(?![\d.]|\s*[双个斤只件张条根包箱株棵次回挑趟担单])(?:\s*多?\s*到\s*(\d+))?"
)


# The months of the year the days were worked ("今年算下来做了七个月的样子"): not twelve.
# "一年做得到两个月"; "一早上三十来块 两个来月有": the months said by themselves after the rate
_MONTHS_WORKED = re.compile(
    r"(?:(?:做|干|上|打|摘|采|捡)了?(?:得到)?|(?<![\d月])(?=\d+(?:\.5)?\s*个[多来]?月\s*"
    r"(?:有|左右|的样子)?(?:[\s，,。]|$)))\s*(\d+(?:\.5)?)\s*个[多来]?月"
)


def months_midpoint(converted: str) -> str:
    """ "做了78个月" (七八个月, after to_arabic): the midpoint of the two months said, 7.5."""
    return re.sub(
        r"(?<![\d.])([1-9])([2-9])(?=\s*个月)",
        lambda m: f"{m.group(1)}.5" if int(m.group(2)) == int(m.group(1)) + 1 else m.group(0),
        converted,
    )


_HALF_YEAR_WORKED = re.compile(r"(?:做|干|上|打|摘|采)了?(?:得到)?\s*半年")


_EVERY_DAY = re.compile(r"(天天|每天都|一天都没歇|一天不落|落雨也去|下雨也去)")


def _year_of_days(rate: re.Match, region: str) -> Decimal | None:
    """The year's pay of one day's (or one time's, one market day's) rate, from the count of
    days said in its region of the answer. More than 3,000 yuan is no day's pay here ("一天
    搬一万来块" counts bricks)."""
    pay = Decimal(rate.group(1))
    if pay > 3000:
        return None
    if rate.group(2) and Decimal(rate.group(2)) > pay:
        pay = (pay + Decimal(rate.group(2))) / 2  # "一次一百多到两百": the midpoint
    # "忙的时候一个月二十天 闲的时候就几天 平均下来一个月十二三天": the average, said last
    days = _AVERAGE_DAYS.search(region) or _DAYS.search(region)
    yearly = _DAYS_A_YEAR.search(region) if not days else None
    weekly = _DAYS_A_WEEK.search(region) if not (days or yearly) else None
    in_all = _DAYS_IN_ALL.search(region) if not (days or yearly or weekly) else None
    if weekly and 0 < int(weekly.group(1)) <= 7:
        # "卖菜一个礼拜两场 一场卖二三十": market days a week × the day's takings × 52
        return (Decimal(weekly.group(1)) * pay * 52).to_integral_value()
    found = days or yearly or in_all
    if not found and _EVERY_DAY.search(region):
        return (pay * 30 * 12).to_integral_value()  # "天天去，一天卖得到五六块": every day
    if not found:
        # "挑砖一天百把块，一年做得到两个月": months of day work, thirty days each (as 个把月 is)
        months = _MONTHS_WORKED.search(region)
        if months and 0 < Decimal(months.group(1)) <= 12:
            return (pay * Decimal(months.group(1)) * 30).to_integral_value()
        return None
    said = found.group(1)
    count = Decimal({"十": 10, "二十": 20}.get(said) or said)
    if days and (fix := _PUT_RIGHT_DAYS.search(region, days.end())):
        # "一个月做二十天 哦不对 没得二十天 十五天左右": the month's days put right, said last
        later = re.findall(r"(\d+(?:\.5)?)\s*(?:来|多|几)?天", region[fix.end() :])
        if later:
            count = Decimal(later[-1])
    if in_all:
        counts = [Decimal(m.group(1)) for m in _DAYS_IN_ALL.finditer(region)]
        # "春茶做了三十来天 秋茶做了十来天": the days of each season, added; "做了二十天
        # 哦不对 十五天": the count put right
        count = counts[-1] if _PUT_RIGHT_DAYS.search(region) else sum(counts)
    if days:
        months = _MONTHS_WORKED.search(region)
        if months and _OWN_SUM.match(region[months.end() :]):
            months = None  # "我出去做了两个多月 挣了万把块": those months' own sum
        worked = Decimal(months.group(1)) if months and 0 < Decimal(months.group(1)) <= 12 else 12
        if months is None and _HALF_YEAR_WORKED.search(region):
            worked = Decimal(6)
        value = count * pay * worked if 0 < count <= 31 else None
    else:
        value = count * pay if 0 < count <= 366 else None
    return value.to_integral_value() if value is not None else None


_ANY_DAYS = (_DAYS, _DAYS_A_YEAR, _DAYS_A_WEEK, _DAYS_IN_ALL)
# Another person's doings begun after a rate and its days ("一个月赶四五场 他去年冬天帮人家看
# 工地 看了三个月"): the months said there are not the rate's
_ANOTHER = re.compile(
    r"[，。,\s](?:他|她|老公|老婆|男人|婆娘|儿子|女儿|我(?=在|去|帮|到|就))(?!们)"
)


def _up_to_another(text: str, rate: re.Match) -> str:
    """`text` from where the rate's person is named before it ("…春茶采了个把月卖鲜叶 卖了四千多
    老婆帮别个采茶一天一百二 采了二十来天": the month of one's own tea is not her days) up to
    where, after the rate and the days said with it, another person's doings begin."""
    said = [m.end() for p in _ANY_DAYS if (m := p.search(text, rate.end()))]
    start = min(said) if said else rate.end()
    another = _ANOTHER.search(text, start)
    named = [m.start() for m in _ANOTHER.finditer(text, 0, rate.start())]
    return text[named[-1] if named else 0 : another.start() if another else len(text)]


# months of work followed by what they earned in all: theirs, not a day rate's
_OWN_SUM = re.compile(r"[\s，,]*[^，。\d]{0,4}(?:挣|赚|找|拿|得)了?[^，。\d]{0,3}\d")


# Between a day's pay and the same said again: a space, "哦", "大概", "就是" — no one else.
_RESTATED_RATE = re.compile(r"[^，。\d]{0,2}[\s，,]*(?:哦|噢|就是|大概|差不多|反正)?[\s，,]*")


def day_earnings(text: str) -> list[tuple[Decimal, str]]:
    """Each day's (or time's) pay said with its days: (the year's amount, the words that said
    it). "一个月做得到十来天，一天一百五" → 12 × 10 × 150; "拉客一天四五十 一个月二十来天 女儿
    一天一百 做了四十来天" → two earnings, each with the days said nearest it (after it, or
    else before it), a count of days serving one rate only."""
    # "一年做个把月": a month's days; "做得到七八个月": seven and a half
    converted = months_midpoint(to_arabic(text).replace("个把月", "30天"))
    # "十天左右一个月": the days said before their month
    converted = _DAYS_THEN_MONTH.sub(r"一个月\1天\2", converted)
    # "一场除开本钱落得到五六十": the net of the day is the day's earning
    converted = re.sub(r"(?:除开|除了|除去|去掉|刨开|刨去|扣了|扣掉|减去)本钱", "", converted)
    rates = list(_DAY_RATE.finditer(converted))
    if (
        len(rates) == 2
        and _RESTATED_RATE.fullmatch(converted[rates[0].end() : rates[1].start()])
        and not any(p.search(converted, 0, rates[1].start()) for p in _ANY_DAYS)
    ):
        # "一天几十块 一天六七十 一个月做得到二十天": the day's pay said again, more closely
        rates = rates[1:]
    if len(rates) <= 1:
        value = _year_of_days(rates[0], _up_to_another(converted, rates[0])) if rates else None
        return [] if value is None else [(value, converted)]
    counts = sorted(
        (m for pattern in _ANY_DAYS for m in pattern.finditer(converted)), key=lambda m: m.start()
    )
    used: list[re.Match] = []
    found = []
    for index, rate in enumerate(rates):
        low = rates[index - 1].end() if index else 0
        high = rates[index + 1].start() if index + 1 < len(rates) else len(converted)
        free = [m for m in counts if not any(m is u for u in used)]
        after = [m for m in free if rate.end() <= m.start() < high]
        before = [m for m in free if low <= m.start() and m.end() <= rate.start()]
        days = after[0] if after else before[-1] if before else None
        if days is None:
            continue
        since = max([low, *(u.end() for u in used)])
        used.append(days)
        region = converted[min(rate.start(), days.start()) : max(rate.end(), days.end())]
        if (value := _year_of_days(rate, region)) is not None:
            # the words of this earning: from the last count of days used, to its own
            found.append((value, converted[min(since, rate.start()) : max(rate.end(), days.end())]))
    return found


# A shop open every day, its day's profit said without days ("小卖部一天卖百把块 赚得到二三十
# 哦不对 二三十"): what it makes is earned every day, thirty a month (the figure put right
# last, the profit rather than the takings).
_SHOP = re.compile(r"(小卖部|商店|店子|门市|铺子|(?:小|开了?个?)[^，。]{0,2}店)")
_SHOP_PROFIT = re.compile(
    r"(?:1|一|每)天[^。]{0,16}?(?:赚|挣|落|找)[^，。\d]{0,4}(\d+)"
    r"(?:[^。\d]{0,8}(?:不对|说错了|搞错了)[^。\d]{0,3}(\d+))?"
)


def shop_by_the_day(text: str) -> Decimal | None:
    """A shop's day profit said without days, for the year (None if not so said)."""
    converted = to_arabic(text)
    if not _SHOP.search(converted) or any(p.search(converted) for p in _ANY_DAYS):
        return None
    found = _SHOP_PROFIT.search(converted)
    if not found:
        return None
    return Decimal(found.group(2) or found.group(1)) * 360


# By the piece: "背篓一个卖四十左右，一个月编得到十来个" (the piece's price × pieces a month).
_PIECE_RATE = re.compile(
    r"(?:一|1|每)(个(?!月|人)|双|件|条|床|把|张|只|头)[^，。\d给寄打发拿]{0,3}?(?:卖|能卖|卖得到|值|赚)?"
    r"[^，。\d给寄打发拿]{0,2}?(\d+)(?!\d)"
)


# The price said before its piece ("八块五一个", in Arabic "8块51个"): read as "一个八块五".
_PRICE_FIRST = re.compile(r"(\d+)\s*(?:块|元)\s*(\d)?\s*钱?\s*1\s*(个|双|件|条|床|把|张|只)(?!月)")


def price_first(text: str) -> str:
    """The text in Arabic figures with "八块五一个" said as "一个八块五" (what `by_the_piece`
    reads, and the words it returns are in)."""
    return _PRICE_FIRST.sub(
        lambda m: f"1{m.group(3)}{m.group(1)}块{m.group(2) or ''}", to_arabic(text or "")
    )


def by_the_piece(text: str) -> tuple[Decimal, list[str]] | None:
    """ "一个卖四十左右，一个月编得到十来个": the price of a piece × the pieces a month × 12
    (or a year's pieces), and the words that said it (to be read for nothing else)."""
    converted = price_first(text)
    rate = _PIECE_RATE.search(converted)
    if not rate:
        return None
    unit = re.escape(rate.group(1))
    price = Decimal(rate.group(2))
    rest = converted[rate.end() :]
    said = rate.group(0)
    if tenths := re.match(r"\s*(?:块|元)钱?(\d)(?![\d个只件条把张双年月天周])", rest):
        price += Decimal(tenths.group(1)) / 10  # "一个一块五": 1.5
        said += tenths.group(0)
    elif jiao := re.match(r"\s*(?:毛|角)", rest):
        price /= 10  # "一个五毛"
        said += jiao.group(0)
    count = r"(\d+(?:\.\d+)?)"  # "一年卖五六只": 5.5
    # (not months: "一年做得到七八个月")
    monthly = re.search(
        rf"(?:一|1|每)个?月[^，。\d]{{0,8}}?{count}\s*来?多?{unit}(?!月)", converted
    )
    yearly = re.search(rf"(?:一|1|每)年[^，。\d]{{0,8}}?{count}\s*来?多?{unit}(?!月)", converted)
    if monthly and 1 < Decimal(monthly.group(1)) <= 1000:
        return (price * Decimal(monthly.group(1)) * 12).to_integral_value(), [
            said,
            monthly.group(0),
        ]
    if yearly and 1 < Decimal(yearly.group(1)) <= 10000:
        return (price * Decimal(yearly.group(1))).to_integral_value(), [said, yearly.group(0)]
    return None


# Animals sold by weight: "肥猪卖了两头 一头三百来斤 九块钱一斤".
_HEADS_SOLD = re.compile(r"卖了?\s*(\d+)\s*[头只]")
_WEIGHT_EACH = re.compile(r"(?:一|1|每)[头只][^，。\d]{0,3}?(\d+)\s*(?:来|多|左右)?\s*斤")
_PRICE_A_JIN = re.compile(
    r"(\d+(?:\.\d+)?)\s*(?:块|元)钱?\s*(?:一|1|每)斤|(?:一|1|每)斤[^，。\d]{0,3}?(\d+(?:\.\d+)?)\s*(?:块|元)"
)


def by_weight(text: str) -> tuple[Decimal, list[str]] | None:
    """ "卖了两头 一头三百来斤 九块钱一斤": heads × the weight of one × the price a 斤, and
    the words that said it (to be read for nothing else)."""
    converted = to_arabic(text)
    weight = _WEIGHT_EACH.search(converted)
    price = _PRICE_A_JIN.search(converted)
    if not (weight and price):
        return None
    heads = [m for m in _HEADS_SOLD.finditer(converted) if m.start() < weight.start()]
    count = int(heads[-1].group(1)) if heads else 1
    each = Decimal(price.group(1) or price.group(2))
    return Decimal(count) * int(weight.group(1)) * each, [weight.group(0), price.group(0)]


# Produce sold by weight at a price a 斤 (or a 公斤): "卖出去两百来斤 六十块一斤", "谷子卖了三千斤
# 一块三一斤", "一公斤四十 卖了一百公斤". What was harvested or is left unsold ("还有四百斤卖不
# 脱") is no income; only what was sold, by the month when so said.
_A_WEIGHT = re.compile(
    # (after a price's tenths, "2块8一斤", "一块二一斤", the 一 is the weight's too)
    r"(?:(?<![十百千万\d])|(?<=[块元][\d一二三四五六七八九]))一(?=(?:公斤|斤)(?!多|左右|来|半))"
)
_PRICE = r"(\d+(?:\.\d+)?)\s*(?:块|元)?钱?\s*(?:(\d)\s*(?:毛|角)?)?钱?|(\d)\s*(?:毛|角)钱?"
_PRICE_BY_WEIGHT = re.compile(
    rf"(?:{_PRICE})\s*每\s*(公斤|斤)|每\s*(公斤|斤)[^，。\d]{{0,3}}?(?:{_PRICE.replace('(', '(?P<a>', 1)})"
)
_SOLD_WEIGHT = re.compile(
    r"(?:卖(?!不)|(?<=[摘收])(?=了)|(?<=打)(?=了|得到))(?:了|出去了?|掉了?|出了?|得到|脱了?)?[^，。\d不]{0,4}?(\d+(?:\.\d+)?)\s*(?:来|多|左右)?\s*(公斤|斤)"
)

_MONTH_SOLD = re.compile(r"(?:1|一|每)个?月[^，。\d\s]{0,6}$")


def per_weight(text: str) -> str:
    """The text with "一斤"/"一公斤" of a price as 每斤/每公斤, in Arabic figures (what
    `by_quantity` reads, and the words it returns are in)."""
    return to_arabic(_A_WEIGHT.sub("每", text or ""))


def _price_of(found: re.Match, offset: int) -> Decimal:
    whole, tenths, jiao = found.group(offset), found.group(offset + 1), found.group(offset + 2)
    if jiao:
        return Decimal(jiao) / 10
    return Decimal(whole) + (Decimal(tenths) / 10 if tenths else 0)


def _price_and_unit(found: re.Match) -> tuple[Decimal, str]:
    """A match of _PRICE_BY_WEIGHT: the price and its unit (斤 or 公斤), either way round."""
    if found.group(4):
        return _price_of(found, 1), found.group(4)
    return _price_of(found, 6), found.group(5)


def by_quantity(text: str) -> tuple[Decimal, list[str]] | None:
    """ "卖出去两百来斤 六十块一斤": the weight sold × the price of a 斤 (公斤 and 斤 put
    right: a 公斤 is two 斤), and the words that said it (to be read for nothing else)."""
    converted = per_weight(text)
    price = _PRICE_BY_WEIGHT.search(converted)
    # what was sold, before what was picked ("收了三百多斤 只卖出去一百来斤")
    sold = next(
        (m for m in _SOLD_WEIGHT.finditer(converted) if m.group(0).startswith("卖")), None
    ) or _SOLD_WEIGHT.search(converted)
    if not (price and sold):
        return None
    each, unit = _price_and_unit(price)
    if not 0 < each <= 500:
        return None
    weight = Decimal(sold.group(1))
    if sold.group(2) != unit:
        weight = weight * 2 if sold.group(2) == "公斤" else weight / 2
    value = weight * each
    if _MONTH_SOLD.search(converted[: sold.start()]):
        value *= 12  # "一个月卖得到百把斤菜"
    # (the weight picked, said besides, is no money either)
    picked = [m.group(0) for m in _SOLD_WEIGHT.finditer(converted) if m.group(0) != sold.group(0)]
    return value.to_integral_value(), [sold.group(0), price.group(0), *picked]


# Paid by the trip or the job ("拉一趟八十 一天两三趟"): the day's pay is the job's × the jobs a
# day, read then with the days as any day's pay is.
_JOB = r"(?:趟|单|车|个钟|钟)"
_JOB_RATE = re.compile(
    rf"(?:一|1|每)\s*个?{_JOB}(?P<words>[^，。\d]{{0,5}}?)(?P<pay>\d+(?:\.\d+)?)"
    r"(?!\s*(?:分钟|分|小时|个|趟|次|天|单|车|斤|公斤)|\d)\s*(?:块|元)?钱?"
)
_JOBS_A_DAY = re.compile(
    rf"(?:一|1|每)天[^，。\d]{{0,4}}?(?P<count>\d+(?:\.\d+)?)\s*(?:来|多)?\s*个?{_JOB}"
)


def by_the_job(text: str) -> str:
    """ "拉一趟八十 一天两三趟" → "一天200": the day's pay, for day_earnings to read."""
    converted = to_arabic(text)
    rate, count = _JOB_RATE.search(converted), _JOBS_A_DAY.search(converted)
    if not (rate and count) or not 0 < Decimal(count.group("count")) <= 60:
        return text
    day = (Decimal(rate.group("pay")) * Decimal(count.group("count"))).to_integral_value()
    return _as_a_days_pay(converted, rate, count, day)


def _as_a_days_pay(text: str, rate: re.Match, count: re.Match, day: Decimal) -> str:
    """`text` with the rate's words left out and the count's said as "一天<day>", for
    day_earnings to read (the two in either order)."""
    said = {rate: "", count: f"一天{day}"}
    first, second = sorted((rate, count), key=lambda m: m.start())
    rest = text[second.end() :]
    if re.match(r"\s+\d", rest) and said[second]:
        # ("一天跑二三十单 一个月下来三千五六": a pause between two figures stays a pause)
        rest = "，" + rest.lstrip()
    return (
        text[: first.start()]
        + said[first]
        + text[first.end() : second.start()]
        + said[second]
        + rest
    )


# Paid by the weight picked ("摘花椒 一斤一块五 一天摘得到八十斤"): the day's pay is the price a
# 斤 × the 斤 a day, read then with the days as any day's pay is.
_WEIGHT_A_DAY = re.compile(
    r"(?:一|1|每)天[^，。\d卖]{0,6}?(?P<count>\d+(?:\.\d+)?)\s*(?:来|多|左右)?\s*(?P<unit>公斤|斤)"
)


def by_the_weight_picked(text: str) -> str:
    """ "一斤两块 一天能摘二十斤" → "一天40": the day's pay, for day_earnings to read."""
    converted = per_weight(text)
    price, count = _PRICE_BY_WEIGHT.search(converted), _WEIGHT_A_DAY.search(converted)
    if not (price and count) or _SOLD_WEIGHT.search(converted):
        return text
    each, unit = _price_and_unit(price)
    if price.end() > count.start():
        # "每斤2块 1天能摘20斤": the figure after 块 is the day's, not ten fen
        each = Decimal(price.group(6))
        price = re.search(re.escape(converted[price.start() : count.start()].rstrip()), converted)
    weight = Decimal(count.group("count"))
    if count.group("unit") != unit:
        weight = weight * 2 if count.group("unit") == "公斤" else weight / 2
    if not (0 < each <= 50 and 0 < weight <= 1000):
        return text
    return _as_a_days_pay(converted, price, count, (each * weight).to_integral_value())


# Paid a few 厘 or 分 a piece ("搬砖 一块6厘 一天搬一万来块 六七十块钱"): the day's pay is the
# price of a piece × the pieces a day (块 here the brick, not the yuan); a day's pay said again
# in yuan after it ("六七十块钱") is the same money.
_SMALL_PRICE = re.compile(
    r"(?:一|1|每)\s*(?:块|个|匹|片|张)[^，。\d]{0,3}?(\d+)\s*(厘|分)(?!钟)(?:钱)?"
)
_PIECES_A_DAY = re.compile(
    r"(?:一|1|每)天[^，。\d]{0,4}?(?P<count>\d+)\s*(?:来|多|左右)?\s*(?:块|个|匹|片|张)(?!钱)"
)
_YUAN_AGAIN = re.compile(r"^\s*(\d+)\s*(?:块|元)钱?\s*$")


def by_the_small_piece(text: str) -> str:
    """ "一块6厘 一天搬10000来块 六七十块钱" → "一天60": the day's pay, for day_earnings."""
    converted = to_arabic(text)
    price, count = _SMALL_PRICE.search(converted), _PIECES_A_DAY.search(converted)
    if not (price and count) or count.start() < price.end():
        return text
    each = Decimal(price.group(1)) / (1000 if price.group(2) == "厘" else 100)
    day = (each * Decimal(count.group("count"))).to_integral_value()
    if not 0 < day <= 2000:
        return text
    rest = converted[count.end() :].lstrip(" ，,")
    head, _, tail = (re.split(r"([，, ])", rest, maxsplit=1) + ["", ""])[:3]
    if (again := _YUAN_AGAIN.match(head)) and abs(Decimal(again.group(1)) - day) <= day / 3:
        day, rest = Decimal(again.group(1)), tail  # "六七十块钱": the day's pay, said in yuan
    return (
        converted[: price.start()] + converted[price.end() : count.start()] + f"一天{day} " + rest
    )


def about_pieces(clause: str) -> bool:
    return bool(_PIECE_RATE.search(to_arabic(clause)))


def about_days(clause: str) -> bool:
    """The clause gives the day's pay or the days worked ("零工一天两百", "一个月做得到十五天")."""
    return any(
        p.search(to_arabic(clause))
        for p in (_DAY_RATE, _DAYS, _DAYS_A_YEAR, _DAYS_A_WEEK, _DAYS_IN_ALL)
    )


_PER_MU = re.compile(
    r"(?:一|1|每)亩[^，。\d]{0,3}?(?:(?:一|1|每)年[^，。\d]{0,2})?(\d+)(?!\d|\s*(?:年|斤|公斤|担))"
)
_MU = re.compile(r"(\d+)\s*亩")


def by_the_mu(text: str) -> tuple[Decimal, Decimal] | None:
    """ "地租给别个 一亩七百 九亩": (the rent a mu, how many mu)."""
    converted = to_arabic(text)
    rate = _PER_MU.search(converted)
    # the count said nearest the rate ("四亩地 … 另外两亩租给别个 一亩一年七十": the two)
    count = min(
        (m for m in _MU.finditer(converted) if rate and m.start() != rate.start()),
        key=lambda m: abs(m.start() - rate.start()),
        default=None,
    )
    if not (rate and count) or not 0 < int(count.group(1)) <= 200:
        return None
    return Decimal(rate.group(1)), Decimal(count.group(1))


_RATE_FIXED = re.compile(
    r"(?:一|1|每)天[^，。\d]{0,3}(\d+)[^，。\d]{0,3}[，,]?\s*不是[^，。\d]{0,2}(\d+)"
    r"|不是[^，。\d]{0,4}(\d+)[^，。\d]{0,4}[，,]?\s*(?:是|只有|就)?[^，。\d]{0,2}(?:一|1|每)天[^，。\d]{0,3}(\d+)"
)


def rate_correction(text: str) -> tuple[Decimal, Decimal] | None:
    """(new, old) day's pay when a resident corrects it at the summary: "一天一百八 不是两百"."""
    found = _RATE_FIXED.search(pauses_as_commas(to_arabic(text)))
    if not found:
        return None
    new, old = (
        (found.group(1), found.group(2)) if found.group(1) else (found.group(4), found.group(3))
    )
    return (Decimal(new), Decimal(old)) if int(old) > 0 else None

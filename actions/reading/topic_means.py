"""The readers of the household's means and standing in one message, called by
`reader.read` after those of the applicant and the household (`topic_people`), whose
members decide whose an amount said without its source is: income by source and costs,
savings, vehicles and houses, the standing (建档立卡, 低保 …), the 三保障 and a sudden
hardship. Each takes the message, the question being asked (`requested`) and the facts so
far (`state`, changed in place), and marks the `Reading` when the message answers the
question asked. Pure, no I/O.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING

from actions.reading import assets_text, money_text, standing_text
from actions.reading.allowances import BY_THE_MONTH, FOR_THE_VERY_OLD, alternation
from actions.reading.money_amounts import MONTH, YEAR, rate_correction
from actions.reading.parsing import to_arabic
from actions.reading.people.member_identity import identity
from actions.reading.people.people_words import kin_words, mentions
from actions.reading.speech import looks_like_question, statements

if TYPE_CHECKING:
    from actions.reading.reader import Reading


def _yuan(value: Decimal) -> int:
    return int(value.to_integral_value())


def _amounts(values: dict[str, Decimal]) -> dict[str, int]:
    return {key: _yuan(value) for key, value in values.items()}


# A figure put right: "哦不对 护林员是五百".
_PUT_RIGHT = re.compile(r"(不对|说错了|搞错了|应该是|记错了)")

# More of a kind already told, in answer to "还有别的收入吗": "还卖了", "另外还有", "也卖了".
_MORE = re.compile(r"(还|另外|另|也|再)[^，。,.]{0,3}(卖|有|养|喂|种|挣|赚|得|收)")

# More costs, in answer to the costs question asked again: "还有药 一个月三四百".
# (and "现在还在贴膏药吃药 一个月两百" after the operation's share: the cost that goes on)
_MORE_COSTS = re.compile(
    r"\s*(还有|另外|还要|还得|再加上|加上|另外还有|(?:现在|目前|到现在)?都?还在)"
)


_PERIOD = re.compile(r"((?:一|1|每|个)(?:个)?(?:月|年|季度|学期|星期|礼拜|天)|每月|每年|年年|月月)")


# Said of the whole household's wages: not one more earner's ("两个人一共一个月四千").
# (not the days added up: "春茶秋茶加起来四十来天")
_ALL_TOLD = re.compile(
    r"(?:一共|总共|加起来|合计|合起来)(?![^，。\d]{0,2}[\d一二三四五六七八九十几两百]+\s*(?:来|多)?\s*个?(?:天|月|工))|"
    r"两个人|两口子|我们|全家|一家"
)


_SPOUSE_SENDS = re.compile(
    r"(?:^|(?<=[，。,；;\s]))\s*(?:我的?)?(?:老公|男人|老婆|婆娘|媳妇|爱人)[^，。\s]{0,8}"
    r"(?:寄|打|拿|带)[^，。]{0,8}回[^，。\s]*"
)


_EACH_ONE = re.compile(
    r"养老金[^，。]{0,4}(?:[一1]个人|[一1]人|每人|每个人|各人|各自)[^，。\d]{0,6}\d|"
    r"(?:[一1]个人|[一1]人|每人|每个人|各人|各自)[^，。\d]{0,6}养老金"
)
_HOW_MANY = re.compile(
    r"(?:两|2|二|三|3)\s*(?:个(?!月)|人|口子)|老两口|他们|她们|爸妈|父母|二老|公婆|爷爷奶奶|外公外婆|俩|各(?!人|自)|加起来|一共|总共|我的|他的|她的|我妈|我爸|老伴的"
)


# An allowance said by the person: "失独的特扶金一个人一个月四百", "高龄补贴一个人五六十"
_ALLOWANCE_EACH = re.compile(
    rf"(?P<what>{alternation(BY_THE_MONTH)})[^，。\d]{{0,6}}(?:[一1]个人|[一1]人|每人|每个人|各人)"
)


# Both have the same ("两个人的养老金 一个月都是一百八十几"): each one's
_BOTH_THE_SAME = re.compile(
    r"(?:两个人?|2个人?|两口子|老两口|我们两个|我们2个|二老)[^，。\d]{0,4}(?:养老金|养老钱)[^，。]{0,8}?都是|"
    # "他们两个都有养老金 一个人一个月一百八十几": each of the two has the figure
    # ("两个人都有养老金 一个人…" is each one's in money_text already)
    r"(?:两个|2个)(?!人)[^，。\d]{0,2}都有(?:养老金|养老钱)[\s，,]*"
    r"(?:[一1]个人|[一1]人|每人|每个人)"
)


# Whose each one's money is: the old of sixty and over (the basic pension), the parents (特扶金,
# 扶助金), the old of eighty and over (高龄补贴).
_EACH_OF = {
    "pension": lambda m: (m.get("age") or 0) >= 60,
    "parents": lambda m: m["relation"] in ("applicant", "spouse"),
    "eighty": lambda m: (m.get("age") or 0) >= 80,
}


def _each_one_s(money: str, members: list[dict], income: dict) -> None:
    """Money said as each one's ("养老金一个人一百多", "特扶金一个人一个月四百") is each of
    those it is paid to, not one's: the pension each of the old's, 特扶金 each parent's,
    高龄补贴 each one's of eighty and over."""
    told = _pension_words(to_arabic(money))
    old = [m for m in members if _EACH_OF["pension"](m)]
    if (
        income.get("basic_pension")
        and (
            (
                _EACH_ONE.search(told)
                and not _HOW_MANY.search(told)
                and not any(m.is_group for m in mentions(told))
            )
            or _BOTH_THE_SAME.search(told)
        )
        and len(old) > 1
    ):
        # "还有养老金 一个人一百多" of a couple of seventy: each of the old has one
        income["basic_pension"] = income["basic_pension"] * len(old)
    if not income.get("other"):
        return
    told_clauses = money_text.clauses(money)
    for index, clause in enumerate(told_clauses):
        said = _ALLOWANCE_EACH.search(to_arabic(clause))
        if (
            not said
            and index + 1 < len(told_clauses)
            and re.search(alternation(BY_THE_MONTH), clause)
            and not money_text.read_income(clause)
        ):
            # "还有个高龄补贴 好像一个人一个月五十": the allowance named, its figure next
            clause = f"{clause} {told_clauses[index + 1]}"
            said = _ALLOWANCE_EACH.search(to_arabic(clause))
        value = money_text.read_income(clause).get("other") if said else None
        if not value:
            continue
        whose = "eighty" if said.group("what") in FOR_THE_VERY_OLD else "parents"
        each = [m for m in members if _EACH_OF[whose](m)]
        if len(each) > 1:
            income["other"] += value * (len(each) - 1)


def _pension_words(money: str) -> str:
    """The words of the message about the pension: from the clause before it that names it
    (or the start) on; "我妈在包装厂一天一百 … 养老金一个人一个月一百一" names 我妈 for the
    factory, not for the pension."""
    where = money.find("养老金")
    if where < 0:
        return money
    start = max(money.rfind(mark, 0, where) for mark in "，。,.；;！!？?") + 1
    # Pauses: back over the words without a figure ("… 一年 爸妈 养老金 一个人 …")
    pieces = money[start:where].split(" ")
    while len(pieces) > 1 and not re.search(r"\d", pieces[-2]):
        pieces[-2:] = [pieces[-2] + " " + pieces[-1]]
    ends = [i for i in (money.find(mark, where) for mark in "，。,.；;！!？?") if i >= 0]
    end = min(ends, default=len(money))
    if _BOTH_TOLD.match(money[end + 1 :]):
        end = len(money)  # "…一个人一个月170，两个就是340": the sum follows
    return money[where - len(pieces[-1]) : end]


# The sum of both said after each one's: "两人合计426元", "两个就是三百四"
_BOTH_TOLD = re.compile(r"\s*(?:(?:[两二三234]\s*(?:个|人|口))|合计|一共|总共|加起来|合起来)")


def wage_earners(money: str) -> list[str]:
    """Whose wages a message tells: for each clause with a wage, the person it names, or the
    one the clause before named ("我在工地上做活，一个月三千" is the speaker's), else the
    speaker. One entry per person (`identity`), sorted. Called on a message whose wages were
    read."""
    subject = ["applicant"]
    earners: set[str] = set()
    previous = ""
    first_figure = None  # whose the first figure is ("一天六七十 … 老婆卖了点蜂蜜 一千来块")
    for clause in money_text.clauses(money, by_figure=False):
        # (not a pension's figure said after its name: "老汉今年开始领养老金了 一个月一百九")
        pension = re.search(money_text.INCOME_SOURCES["basic_pension"], f"{previous} {clause}")
        found = mentions(to_arabic(clause))
        if found:
            subject = [identity({"relation": r, "label": w}) for r, w in found[0].people]
        elif re.match(r"\s*(?:他|她)", clause):
            subject = ["?"]  # "他一个月六千": someone, maybe the one told before
        told = money_text.read_income(clause)
        if first_figure is None and money_text.numbers(clause):
            first_figure = list(subject)
        # (a figure of a source named in the clause before: "卖了点蜂蜜 一千来块", "有时候给点
        # 一年五六百")
        of_the_last = (
            set(money_text.read_income(f"{previous}，{clause}")) - {"wages", money_text.UNASSIGNED}
            if told.get(money_text.UNASSIGNED) and previous
            else set()
        )
        previous = clause
        if (
            told.get("wages")
            or (told.get(money_text.UNASSIGNED) and not pension and not of_the_last)
            or (told.get("transfers") and _SPOUSE_SENDS.search(clause))
        ):
            earners |= set(subject)  # an amount without its source is the wage named around it
    if (
        not earners
        and first_figure
        and (
            (told := money_text.read_income(money)).get("wages") or told.get(money_text.UNASSIGNED)
        )
    ):
        # a day's pay read only with its days ("一天六七十 一个月做得到二十天", "老汉零工一天
        # 七八十，一个月做得到十来天"): of the one the first figure's clause is about
        earners = set(first_figure)
    return sorted(earners)


def _another_earner(money: str, requested: str | None, state: dict, income: dict) -> bool:
    """ "老婆在超市一个月两千" after "我在工地上做活，一个月三千": wages of someone whose wages
    were not told yet, to be added to the wages told before, not put in their place."""
    earlier = set(state.get("wage_earners") or [])
    now = set(wage_earners(money))
    return bool(
        requested in ("income", "work")
        and income.get("wages")
        and (state.get("income") or {}).get("wages")
        and earlier
        and now
        and not now & earlier
        and "?" not in now
        and income["wages"] != (state.get("income") or {})["wages"]  # the same said again
        # "两个人加起来五千" is everyone's total, unless it is of others named ("公公婆婆砖厂
        # 两个人一个月两千出头" after the speaker's own wages)
        and not (_ALL_TOLD.search(money) and not _of_others(money, now))
    )


# Kin named as the one a pension is of ("我哥", "老伴的")
_KIN_OF = re.compile(f"({kin_words('parents', 'spouse', 'grandparents', 'siblings')}|他|她)")


def _another_s_pension(
    money: str, requested: str | None, state: dict, income: dict, before: dict
) -> bool:
    """The pension of another of the old, told when asked for more income: not the first
    one's said again (a different figure, of someone named, with two or more of sixty)."""
    new, old = income.get("basic_pension"), before.get("basic_pension")
    return bool(
        requested == "income"
        and new
        and old
        and new != Decimal(str(old))
        and Decimal(str(old)) % new
        and new % Decimal(str(old))
        and not _PUT_RIGHT.search(money)
        and _KIN_OF.search(money)
        and len([m for m in state.get("members") or [] if _EACH_OF["pension"](m)]) > 1
    )


def _of_others(money: str, earners: set[str]) -> bool:
    return bool(earners - {"applicant"}) and not re.search(r"(我们|全家|一家|屋头)", money)


# Figures that differ from time to time with none for the year ("有时候千把块 有时候几百 有时候
# 一分都莫得"), or a year never counted.
_STILL_UNSURE = re.compile(
    r"有时候[^，。\s]{0,6}(?:\d|几[十百千])[^。]{0,16}有时候[^，。\s]{0,6}(?:\d|几[十百千]|一分|没得|莫得|没有)|"
    f"(?:{money_text.CANNOT_COUNT})"
    r"[^，。]{0,4}$|"
    # "真的记不到了 …": said first
    r"^\s*(?:真的|确实|实在|还是|我)?"
    f"(?:{money_text.CANNOT_COUNT})"
)


_SPREAD_UNSURE = re.compile(r"多的时候[^。]{0,12}少的时候|少的时候[^。]{0,12}多的时候")
# Figures that differ from time to time, said of no source ("有时候1个月1000多 有时候几百")
_SPREAD_SAID = re.compile(
    r"有时候?[^，。\s]{0,6}\d[^。]{0,16}有时候?[^，。\s]{0,6}(?:\d|几[十百千]|1分|没得|莫得|没有)|"
    f"{_SPREAD_UNSURE.pattern}"
)
_CANNOT_COUNT = re.compile(f"({money_text.CANNOT_COUNT})")


# A son or daughter (or the husband's kin) working away from home
_KIN_AWAY_WORKING = re.compile(
    r"(?:儿子|女儿|儿|女|闺女|子女|儿女|娃儿|大儿|二儿|幺儿|女婿|孙子|孙女|"
    # "我爸妈在广东打工", by a grandchild writing for a grandparent
    r"我(?:爸妈|爸爸|妈妈|父母|老汉儿?))[^，。]{0,6}"
    r"(?:在外|外头|外面|外地|出去|广东|深圳|东莞|浙江|上海|北京|福建|江苏|新疆|主城|重庆|成都)[^，。]{0,6}"
    r"(?:打工|务工|上班|做事|做活路?|挣钱|不在屋头|不在家|没在屋头|没在家|安家|成家)"
)


# A child named, then only a figure (and its period): "儿子一年一千"
_CHILD_S_FIGURE = re.compile(
    r"\s*我?(?:儿子|女儿|儿女|子女|大儿子?|二儿子?|幺儿|大女儿?|二女儿?|幺女|女婿)"
    r"[^，。\d]{0,3}(?:(?:1|每)个?月|(?:1|每)年|过年)?[^，。\d]{0,2}\d+[^，。\d]{0,4}$"
)


# "儿子一人一千": each child's figure
_EACH_CHILD_S = re.compile(
    r"(?:儿子|女儿|子女|儿女)[^，。\d]{0,3}(?:一人|每人|1人|1个人|一个人)\s*\d"
)


# A figure said wrong before ("前面我打错了 不是一千五"): what follows is a correction.
_SAID_WRONG = re.compile(r"(不是|打错|说错|搞错|不对|记错)")


def _month_said_again(money: str, state: dict, income: dict, before: dict) -> None:
    """A source's month's figure said again keeps the year told: in a clause without its
    period ("就是养老金一百八，残疾补贴一百一，我给的三百一个月" after the allowance by the month),
    or with it after the months worked were told ("儿子送货三千左右一个月" after "一个月三千左右，
    一年做十个月"), of the same earner, in the first income answer, not as a correction."""
    for clause in money_text.clauses(money):
        if YEAR.search(clause):
            continue
        for said, value in money_text.read_income(clause).items():
            # (a figure without its source is the source it was put to)
            kind = said
            if said == "unassigned":
                kind = next((k for k, v in income.items() if value and v == value), said)
            told = Decimal(str(before.get(kind) or 0))
            if not (told and value and income.get(kind) == value):
                continue
            if not MONTH.search(clause) and told == value * 12:
                income[kind] = told
            elif (
                MONTH.search(clause)
                and (state.get("asks") or {}).get("income", 0) <= 1
                and not _SAID_WRONG.search(money)
                and any(told == value / 12 * n for n in range(3, 12))
                and (
                    kind != "wages"
                    or set(wage_earners(clause)) <= set(state.get("wage_earners") or [])
                )
            ):
                income[kind] = told


def _vague_pending(state: dict) -> list[str]:
    """Income sources said before without a figure that can be taken, none told since."""
    income = state.get("income") or {}
    return [
        f.split(".", 1)[1]
        for f in state.get("unknown_facts") or []
        if f.startswith("income.") and not income.get(f.split(".", 1)[1])
    ]


def _spread_of_the_named(money: str, state: dict) -> list[str]:
    """ "真的算不清楚 有时候一个月一千多 有时候几百 … 一年好多我说不出来", of work named in an
    earlier answer with no figure yet: that source's year is not known (not a month's figure)."""
    spread = _SPREAD_SAID.search(to_arabic(money))
    if not spread or not _CANNOT_COUNT.search(money):
        return []
    if any(re.search(p, spread.group(0)) for p in money_text.INCOME_SOURCES.values()):
        return []  # the spread of a source it names: vague_kinds' to read
    income = state.get("income") or {}
    unfigured = [k for k in dict.fromkeys(state.get("income_named") or []) if not income.get(k)]
    return unfigured if len(unfigured) == 1 else []


def read_money(text: str, money: str, requested: str | None, state: dict, reading: Reading) -> None:
    """Income by source and costs (`money`: the message without identity and phone numbers);
    vague amounts are unknown facts, never guesses."""
    if requested == "assets":
        # The savings answer's story of a sum spent ("占地赔了六万 给我妈做手术 … 还剩一万")
        # is no year's income or cost; money said by the period still is.
        money = "，".join(c for c in money_text.clauses(money) if _PERIOD.search(c))
    vague = (
        money_text.vague_kinds(money)
        if requested == "income"
        # (in the work answer, only money said vaguely: "有时候出去打点零工" names work, whose
        # figure the income question asks for)
        or (requested == "work" and re.search(r"(块|元|钱|百|千|万)", money))
        else []
    )
    unsure_again = (
        requested == "income"
        and not vague
        and len(_vague_pending(state)) == 1
        and bool(_STILL_UNSURE.search(to_arabic(money)))
    )
    if unsure_again:
        # "有时候千把块 有时候几百 有时候一分都莫得 … 没算过", asked again about a source
        # whose figure could not be said: still no figure
        vague = _vague_pending(state)
    if requested == "income" and not vague and not unsure_again:
        vague = _spread_of_the_named(money, state)
    # the sources whose figure could not be said before this answer (one this very answer
    # cannot put a figure on takes none of its figures: "卖猪两千多 包谷也卖了点 记不到好多")
    before_vague = _vague_pending(state) if requested == "income" else []
    if vague:
        state["unknown_facts"] = sorted(
            {*(state.get("unknown_facts") or []), *(f"income.{k}" for k in vague)}
        )
    named = (
        [k for k in state.get("income_named") or [] if k != "transfers"] or None
        if requested in ("income", "work")
        else None
    )
    pending = before_vague
    if len(pending) == 1 and not vague:
        named = pending  # the source the resident could not put a figure on
    unread = (
        ((state.get("unclear") or {}).get("income") or [""])[-1] if requested == "income" else ""
    )
    if (
        unread
        and not money_text.named_sources(money)
        and len(earlier := money_text.named_sources(unread)) == 1
    ):
        # "补鞋好的时候一天五六十，落雨就没得", then "一个月算下来一千块左右": the figure of
        # the source the answer before named and could not put a figure on
        named = earlier
    # In answer to the costs question, "生活费" is a cost, not money sent home.
    income = money_text.read_income(money, named) if requested != "expenses" else {}
    _each_one_s(money, state.get("members") or [], income)
    if requested == "expenses" and not money_text.read_expenses(money):
        # "老婆一个月一千五" when the costs are asked, after "我一个月挣两千": the income
        # answer goes on with another earner's wages; nothing else is taken from it here.
        late = money_text.read_income(money)
        if late.get(money_text.UNASSIGNED) and not set(late) - {money_text.UNASSIGNED}:
            late = {"wages": late[money_text.UNASSIGNED]}
        if set(late) == {"wages"} and _another_earner(money, "income", state, late):
            income = late
    fixed = rate_correction(money) if requested == "confirmed" else None
    if fixed and (state.get("income") or {}).get("wages"):
        # "一天一百八 不是两百": the wages told by the day, at the day's pay now said
        new, old = fixed
        income = {"wages": Decimal(str(state["income"]["wages"])) * new / old}
    if requested in ("work", "health", None, "consent"):
        kept = [k for k in state.get("income_named") or [] if k == "transfers"]
        named_now = money_text.named_sources(money)
        state["income_named"] = [*named_now, *kept] if named_now else state.get("income_named")
    if requested in (None, "consent", "household_size", "members") and _KIN_AWAY_WORKING.search(
        money
    ):
        # "儿子在广东打工", "儿子在福建 不在屋头": a child working or living away, whose money
        # home is asked about once
        state["income_named"] = [*(state.get("income_named") or []), "transfers"]
    if requested == "income" and _SPREAD_UNSURE.search(money) and _CANNOT_COUNT.search(money):
        # "多的时候一两千 少的时候几百 也不是月月都有 我算不清楚": no year's figure for the
        # money told so, however a range in it reads
        spread = [k for k in income if k in ("transfers", "other")]
        vague = sorted({*vague, *spread})
        state["unknown_facts"] = sorted(
            {*(state.get("unknown_facts") or []), *(f"income.{k}" for k in spread)}
        )
    for kind in vague:
        income.pop(kind, None)
    if unsure_again:
        # (its figures are of that source, none of another, but for a source named with its
        # own: "真的记不到了 有时候几百有时候一千多 … 打零工那个一天150 做了个把月")
        named = {k for k, p in money_text.INCOME_SOURCES.items() if re.search(p, money)}
        income = {k: v for k, v in income.items() if k in named and k not in vague}
    if (
        income.get("transfers")
        and _SPOUSE_SENDS.search(money)
        and any(m["relation"] == "spouse" for m in state.get("members") or [])
    ):
        # "老公一个月寄两千来块回来": a member's wage sent home, not a relative's gift (of
        # the transfers, that clause's: "…老公寄两千回来 我妈过年给五百")
        sent = money_text.read_income(_SPOUSE_SENDS.search(money).group(0)).get("transfers")
        moved = min(sent, income["transfers"]) if sent else income["transfers"]
        income["wages"] = income.get("wages", 0) + moved
        income["transfers"] -= moved
        if not income["transfers"]:
            income.pop("transfers")
    if income and "total" not in income:
        unassigned = income.pop(money_text.UNASSIGNED, None)
        known = [k for k, v in (state.get("income") or {}).items() if v]
        if (
            requested == "income"
            and _PUT_RIGHT.search(money)
            and len(known) == 1
            and len(income) + (unassigned is not None) == 1
            and not money_text.named_sources(money)
        ):
            # "说错了 是一百八十几" after "养老金一个月两百": the one source told, put right
            unassigned = unassigned if unassigned is not None else income.popitem()[1]
            income[known[0]] = unassigned
            unassigned = None
        if unassigned is not None and requested == "confirmed" and len(known) == 1:
            income[known[0]] = unassigned  # "不对，一个月一千二": the one source told
        elif unassigned is not None and (
            same := [k for k, v in (state.get("income") or {}).items() if v and v == unassigned]
        ):
            # "保洁一个月八百" after "当保洁员，公益岗 … 一个月八百": the source told before
            income[same[0]] = unassigned
        elif unassigned is not None and len(pending) == 1:
            # "儿子寄钱 好多不晓得" first, "一般八百 有时候一千" when asked again: that source's
            income[pending[0]] = income.get(pending[0], 0) + unassigned
        elif (
            unassigned is not None
            and requested == "income"
            and _CHILD_S_FIGURE.match(to_arabic(money))
            and not any(m["relation"] == "child" for m in state.get("members") or [])
        ):
            # "儿子一年一千" of one who lives without her children: money they give
            income["transfers"] = income.get("transfers", 0) + unassigned
        elif (
            unassigned is not None
            and (state.get("income") or {}).get("transfers")
            and _EACH_CHILD_S.search(to_arabic(money))
        ):
            pass  # "钱就是儿子一人一千" after "两个儿子一年一个给一千": each one's, told again
        elif unassigned is not None and requested in ("income", "work"):
            # An amount said without its source: a worker's wages when someone in the
            # household works, else "other" (the summary shows it; it counts the same).
            workers = any(m.get("able_to_work") for m in state.get("members") or [])
            key = "wages" if workers else "other"
            income[key] = income.get(key, 0) + unassigned
        before = state.get("income") or {}
        if (
            before.get("other")
            and income.get("other") == 0
            and re.search(r"(?:没得|没有|莫得|无)(?:啥子)?(?:别的|其他|其它)", money)
        ):
            income.pop("other")  # "没得别的收入" after "保险赔了两千四": nothing more, not none
        if requested in ("income", "confirmed") and not (MONTH.search(money) or YEAR.search(money)):
            for kind, value in income.items():
                told = Decimal(str(before.get(kind) or 0))
                if told and told == value * 12:
                    income[kind] = told  # "女儿实习那八百": the month's figure said again
                elif told and _PUT_RIGHT.search(money) and told / 2 <= value * 12 <= told * 2:
                    income[kind] = value * 12  # "哦不对 护林员是五百": by the month, as before
        elif requested == "income" and before:
            _month_said_again(money, state, income, before)
        if income.get("wages"):
            if _another_earner(
                money, "income" if requested == "expenses" else requested, state, income
            ):
                income["wages"] += Decimal(str(before["wages"]))
                state["wage_earners"] = sorted({*state["wage_earners"], *wage_earners(money)})
            else:
                state["wage_earners"] = wage_earners(money)
        if requested == "income" and before and (more := _MORE.search(money)):
            # "今年还卖了一头牛 五千出头" after "卖苞谷 三四千": more of a kind told before, added
            # when all of that kind's amount is in the words after 还 and differs from the one
            # told ("种地三千五 还卖了一头牛 五千" says the whole again; the first answer said
            # again whole, "…还有基础养老金一百八…", is not more either)
            after = money_text.read_income(money[more.start() :])
            income = {
                k: v + Decimal(str(before[k]))
                if before.get(k) and after.get(k) == v and v != before[k]
                else v
                for k, v in income.items()
            }
        if _another_s_pension(money, requested, state, income, before):
            # "我哥刚满60 养老金才开始领 一个月一百八" after the mother's: his own, added
            income["basic_pension"] += Decimal(str(before["basic_pension"]))
        state["income"] = {**before, **_amounts(income)}
        state["income"].pop("total", None)
        told = {f"income.{k}" for k, v in income.items() if v and k not in vague}
        if told & set(state.get("unknown_facts") or []):
            # "儿子给一点" first, "三个儿子一年一个给两千" when asked again: now known
            state["unknown_facts"] = sorted(set(state["unknown_facts"]) - told)
        reading.understood |= requested == "income"
    elif requested == "income" and state.get("income") and money_text.ALREADY_SAID.search(text):
        reading.understood = True  # "就是刚才说的那些": told with the work answer
    expenses = money_text.read_expenses(money)
    if requested != "expenses":
        expenses = {k: v for k, v in expenses.items() if v}  # "孙儿还小，没上学" is no answer
    if (
        expenses
        and requested not in ("expenses", "confirmed")
        and (state.get("asks") or {}).get("expenses")
    ):
        # Costs told in passing after the costs answer ("去年老婆子…花了七万多" in the troubles
        # answer) do not replace it; a correction at the summary does.
        expenses = {k: v for k, v in expenses.items() if k not in (state.get("expenses") or {})}
    if expenses and requested != "income":
        spent = state.get("expenses") or {}
        if requested == "expenses" and any(spent.values()):
            # "娃儿读书是免费的，没花啥子钱" when asked again about schooling: no cost for
            # that, the medical costs told before stand
            named = {k for k, p in money_text.EXPENSE_TYPES.items() if re.search(p, money)}
            expenses = {k: v for k, v in expenses.items() if v or not spent.get(k) or k in named}
        if requested == "expenses" and _MORE_COSTS.match(money):
            # "还有药 一个月三四百" after the dialysis: more of that cost, added
            expenses = {
                k: v + Decimal(str(spent[k])) if spent.get(k) and v != spent[k] else v
                for k, v in expenses.items()
            }
        state["expenses"] = {**spent, **_amounts(expenses)}
        reading.understood |= requested == "expenses"


def read_assets_and_standing(
    text: str, money: str, requested: str | None, state: dict, reading: Reading
) -> None:
    """Savings, vehicles and houses; the household's standing (建档立卡, 低保 …), the 三保障 and
    a sudden hardship."""
    assets = (
        assets_text.read_assets(money, asked=requested == "assets")
        if requested in ("assets", None) or re.search(r"(存款|车|房)", text)
        else {}
    )
    if (
        assets
        and requested not in ("assets", "confirmed")
        and (state.get("asks") or {}).get("assets")
    ):
        # Said in passing after the assets answer ("房子冲垮了" in the troubles answer): the
        # answer stands; only a correction at the summary changes it.
        assets = {k: v for k, v in assets.items() if k not in (state.get("assets") or {})}
    if assets:
        state["assets"] = {**(state.get("assets") or {}), **assets}
        state["assets"]["deposits"] = (
            _yuan(Decimal(state["assets"].get("deposits", 0)))
            if "deposits" in state["assets"]
            else None
        )
        state["assets"] = {k: v for k, v in state["assets"].items() if v is not None}
        if requested == "assets":
            # As with the health question: what was not mentioned is not there.
            state["assets"] = {"deposits": 0, "vehicles": 0, "houses": 1, **state["assets"]}
            reading.understood = True
    if requested == "assets" and assets_text.vague_deposits(money):
        state["unknown_facts"] = sorted({*(state.get("unknown_facts") or []), "assets.deposits"})
    # "他这种能吃低保不" asks; it does not tell the family's standing
    flags = standing_text.read_status(text if requested == "status" else statements(text))
    if flags:
        state["status"] = {**(state.get("status") or {}), **flags}
        reading.understood |= requested == "status"
    guarantees = standing_text.read_guarantees(text)
    members = state.get("members") or []
    if (
        "education" in guarantees
        and members
        and all(m.get("age") is not None and not 6 <= m["age"] < 18 for m in members)
    ):
        # "儿子没读书了 病了就没读了" of a son of twenty: no child of school age is kept
        # from school
        guarantees = [g for g in guarantees if g != "education"]
    if guarantees:
        state["three_guarantees"] = guarantees
        reading.understood |= requested == "three_guarantees"
    hardship = (
        standing_text.read_hardship(text)
        if requested in ("status", "three_guarantees", "hardship")
        or (requested in (None, "consent") and not looks_like_question(text))
        else None
    )
    if (
        hardship
        and requested in ("status", "three_guarantees", "hardship")
        and hardship["kind"] == "illness"
        and not hardship["basic_living_unsustainable"]
        and standing_text.denies_hardship(text)
    ):
        # "没得啥子突然的事，我妈中风是去年的事了": the illness told is not a sudden hardship
        hardship = None
    if hardship:
        earlier = state.get("hardship")
        if hardship["kind"] == "other" and isinstance(earlier, dict):
            # "吃饭都成问题" after "房子被洪水冲垮了": the same event, now worse.
            hardship = (
                {**earlier, "basic_living_unsustainable": True}
                if hardship["basic_living_unsustainable"]
                else earlier
            )
        state["hardship"] = hardship
        reading.understood |= requested in ("hardship", "three_guarantees")
    elif requested in ("status", "three_guarantees", "hardship") and standing_text.denies_hardship(
        text, asked=requested == "hardship"
    ):
        # Asked, the resident says nothing sudden happened ("意外倒没得，就是病拖起的"): a
        # story's illness or trouble told earlier was not a sudden hardship.
        state["hardship"] = "none"
        reading.understood |= requested == "hardship"
        if requested == "three_guarantees" and state.get("three_guarantees") is None:
            state["three_guarantees"] = guarantees

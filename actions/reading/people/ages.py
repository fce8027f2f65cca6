"""Ages as residents say them, to the precision the rules need. Pure, no I/O.

The rules compare an age only with 6, 18 and 70 (分类救助: under 6, adult, 70 and over), so
"七十多了" is enough: every age from 70 to 79 gives the same answer, and the lower bound is
recorded. A span that crosses one of those lines ("十几岁" and 18, "几岁" and 6) is not
enough, and is asked once. A school level stands for a typical age when none was said.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

LINES = (6, 18, 70)  # the ages the rules compare with (POLICY.md, classified_supplement)

# Common surnames, for a name said between the person and the age ("姐姐段润芝63岁");
# those that are also everyday words here (高 as in 高中, 和, 于, 万 …) are left out.
_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦傅邹熊孟秦邱江尹薛阎段雷侯龙史陶黎贺顾毛郝"
    "龚邵邝覃武钱戴严莫孔向汤冉谯蒲秋牟甘涂庞颜殷饶易伍游母柏"
)
# After the person: "72岁", "今年78了", "七十多", "快80了", "50出头", "十几岁", and after a
# name ("段润芝63岁").
AGE = re.compile(
    rf"^[\s，,]*(?:[{_SURNAMES}][\u4e00-\u9fff]{{1,2}}(?=\s*(?:今年)?\s*\d))?"
    r"[\s，,]*(?:今年|已经|都|也|是|有|才|满|刚)*\s*(?P<near>快|将近|差不多|接近)?\s*"
    r"(?P<n>\d{1,3})\s*(?P<approx>多|几|来|出头|好几|上下|左右)?\s*"
    r"(?P<unit>岁|周岁|了|$|[，,。；;、 ]|的|(?=[^\d个口万千百块元斤年级月天次号点.]))"
)
BABY = re.compile(r"^\s*(?:刚|才|刚满|才满)?\s*\d{1,2}\s*个月")
# "一个岁数" said alone: "今年78了", "七十多了" (the answer to "多大了").
BARE_AGE = re.compile(
    r"(?:今年|已经|都|也|才|快|将近)?\s*(?P<near>快|将近)?(?P<n>\d{1,3})\s*(?P<approx>多|几|来|出头|好几)?\s*(?:岁|周岁|了)"
    # (not "带个8岁的娃儿": the age of someone named next)
    r"(?!的)"
)
SCHOOL_AGE = {
    "幼儿园": 4,
    "学前班": 5,
    "小学": 9,
    "初中": 13,
    "初一": 12,
    "初二": 13,
    "初三": 14,
    "高中": 16,
    "高一": 15,
    "高二": 16,
    "高三": 17,
    "中专": 16,
    "职高": 16,
    "技校": 17,
    "大学": 19,
    "大专": 19,
    "大一": 18,
    "大二": 19,
    "大三": 20,
    "大四": 21,
}
_GRADE = re.compile(r"(\d)\s*年级")


@dataclass(frozen=True)
class Age:
    low: int
    high: int

    @property
    def settled(self) -> bool:
        """True when every age in the span gives the rules the same answer."""
        return all((self.low < line) == (self.high < line) for line in LINES)

    @property
    def recorded(self) -> int | None:
        return self.low if self.settled else None

    @property
    def crossed_line(self) -> int | None:
        return next((line for line in LINES if self.low < line <= self.high), None)


def _span(match: re.Match) -> Age | None:
    n = int(match.group("n"))
    if not 0 <= n <= 110:
        return None
    approx, near = match.group("approx"), match.group("near")
    if near:
        return Age(max(0, n - 3), max(0, n - 1))
    if approx in ("多", "几", "来", "好几") and n % 10 == 0 and n > 0:
        return Age(n + (1 if n == 10 else 0), n + 9)
    if approx == "出头":
        return Age(n, n + 3)
    return Age(n, n)


def age_after(words: str) -> tuple[Age | None, int]:
    """The age said at the start of `words` (what follows a person), and where it ends."""
    baby = BABY.match(words)
    if baby:
        return Age(0, 0), baby.end()
    match = AGE.match(words)
    if not match:
        return None, 0
    if (
        not match.group("unit")
        and not match.group("approx")
        and int(match.group("n")) < 10
        and words[match.end() :].strip()
    ):
        # "老汉儿72" is an age; a small number without 岁 only when nothing follows it
        # ("女儿14 儿子7"), not before other words
        return None, 0
    return _span(match), match.end("n") + len(match.group("approx") or "")


def bare_age(text: str) -> Age | None:
    """An age said without the person ("今年78了"), for the question "多大了"."""
    match = BARE_AGE.search(text)
    return _span(match) if match else None


def school_age(words: str) -> int | None:
    """A typical age for the school level in `words` ("读五年级" → 11), else None."""
    words = re.sub(r"([初高])([123])", lambda m: m.group(1) + "一二三"[int(m.group(2)) - 1], words)
    grade = _GRADE.search(words)
    if grade and 1 <= int(grade.group(1)) <= 6:
        return 5 + int(grade.group(1))
    for level, age in SCHOOL_AGE.items():
        if level in words:
            return age
    return None


def at_or_above_line(span: list[int]) -> int:
    """The age recorded when a span crossing a line is said to be past it."""
    line = Age(*span).crossed_line
    return line if line is not None else span[0]


def below_line(span: list[int]) -> int:
    """The age recorded when a span crossing a line is said to be short of it."""
    line = Age(*span).crossed_line
    return line - 1 if line is not None else span[0]

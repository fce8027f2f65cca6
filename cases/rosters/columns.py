"""The two rosters' columns as the national systems export them (one row per member, the
household's fields repeated on each of its rows), and the words their cells may hold.

- 低保 roster (民政): 低保户编号, 乡镇, 村, 姓名, 身份证号, 与户主关系, 保障人数, 月保障金, 类别,
  家庭月人均收入, 劳动能力 (有/无, that member); optional 联系电话.
- 建档立卡 roster (扶贫): 户编号, 乡镇, 村, 姓名, 身份证号, 与户主关系, 家庭人口, 年人均纯收入,
  劳动能力 (five words, the first three able to work), 脱贫状态, 义务教育保障, 基本医疗保障,
  住房安全保障 (是/否); optional 联系电话.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

DIBAO, REGISTERED_POOR = "dibao", "registered_poor"


@dataclass(frozen=True)
class Layout:
    """One roster's columns: the household number's, the required and optional ones, and
    which of them are the household's (the same on every row of a household)."""

    roster: str
    household: str
    required: tuple[str, ...]
    optional: tuple[str, ...]
    household_fields: tuple[str, ...]

    @property
    def columns(self) -> tuple[str, ...]:
        return self.required + self.optional


DIBAO_LAYOUT = Layout(
    roster=DIBAO,
    household="低保户编号",
    required=("低保户编号", "乡镇", "村", "姓名", "身份证号", "与户主关系", "保障人数", "月保障金",
              "类别", "家庭月人均收入", "劳动能力"),
    optional=("联系电话",),
    household_fields=("乡镇", "村", "保障人数", "月保障金", "类别", "家庭月人均收入"),
)  # fmt: skip
REGISTERED_POOR_LAYOUT = Layout(
    roster=REGISTERED_POOR,
    household="户编号",
    required=("户编号", "乡镇", "村", "姓名", "身份证号", "与户主关系", "家庭人口", "年人均纯收入",
              "劳动能力", "脱贫状态", "义务教育保障", "基本医疗保障", "住房安全保障"),
    optional=("联系电话",),
    household_fields=("乡镇", "村", "家庭人口", "年人均纯收入", "脱贫状态", "义务教育保障",
                      "基本医疗保障", "住房安全保障"),
)  # fmt: skip
LAYOUTS = {DIBAO: DIBAO_LAYOUT, REGISTERED_POOR: REGISTERED_POOR_LAYOUT}

#: Other headings the same column goes by in some exports.
ALIASES = {"身份证号码": "身份证号", "公民身份号码": "身份证号", "证件号码": "身份证号",
           "联系方式": "联系电话", "手机号码": "联系电话", "电话": "联系电话"}  # fmt: skip
#: 与户主关系 of the head (户主) of a household.
HEAD = frozenset({"户主", "本人"})
#: 低保 class and 劳动能力 on the 低保 roster.
DIBAO_CLASSES = ("A", "B", "C")
DIBAO_ABLE = {"有": True, "无": False}
#: 劳动能力 on the 建档立卡 roster; the first three count as able to work.
REGISTERED_ABLE = {"普通劳动力": True, "技能劳动力": True, "弱劳动力或半劳动力": True,
                   "丧失劳动力": False, "无劳动力": False}  # fmt: skip
POVERTY_STATUSES = ("未脱贫", "已脱贫", "返贫")
YES_NO = {"是": True, "否": False}
#: The three guarantees (三保障) and the glossary's keys for them.
GUARANTEE_COLUMNS = {"义务教育保障": "education", "基本医疗保障": "medical",
                     "住房安全保障": "housing"}  # fmt: skip

_SPACE = re.compile(r"\s+")
_UNIT = re.compile(r"\([^()]*\)$")


def heading(cell: object) -> str:
    """A header cell as a column name: full-width forms folded, spaces and line breaks
    dropped, a unit in brackets at the end dropped (月保障金（元） → 月保障金), a leading *
    (a required-column mark) dropped, other names of a column mapped to the one used here."""
    text = _SPACE.sub("", unicodedata.normalize("NFKC", str(cell or ""))).lstrip("*")
    text = _UNIT.sub("", text)
    return ALIASES.get(text, text)

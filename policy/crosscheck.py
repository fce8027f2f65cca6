"""信息比对 (三(三)1): what the quarterly cross-check of the 低保 roster (民政) and the 建档立卡
roster (扶贫) finds, as rules on one household's figures. Reading the rosters and telling
which households are the same is ``cases.rosters``; here are only the thresholds, the
clauses and the plain reasons.

- 应保未保 (三(二)1, 应保尽保): a 建档立卡 household, whatever its 脱贫状态, with no member on
  the 低保 roster and 年人均纯收入 / 12 below the rural 低保 standard S.
- 应扶未扶 (三(二)2, 应扶尽扶): a 低保 household with no member on the 建档立卡 roster,
  家庭月人均收入 × 12 below the poverty line L, and a member able to work (开发能力); the
  三保障 are not on the 低保 roster, so the reason asks to verify them.
- 应退未退 (三(三)2, 应退则退): a 低保 household whose 家庭月人均收入 is at or above S — the
  mirror of the eligibility rule p < S (``dibao_exit``); rigid expenses (支出型贫困) are
  checked before an exit.

Arithmetic is exact, as in the engine: ``a / 12 < S`` is tested as ``a < 12·S``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from policy.context import fmt
from policy.glossary import ROSTER_FINDINGS

SHOULD_BE_COVERED, SHOULD_BE_REGISTERED, SHOULD_EXIT, INCONSISTENT = ROSTER_FINDINGS
#: The clause each category rests on; 信息不一致 on the cross-check itself.
CLAUSES = {
    SHOULD_BE_COVERED: "三(二)1",
    SHOULD_BE_REGISTERED: "三(二)2",
    SHOULD_EXIT: "三(三)2",
    INCONSISTENT: "三(三)1",
}


@dataclass(frozen=True, slots=True)
class Verdict:
    """A finding of the rules: its category (one of ``ROSTER_FINDINGS``), clause and reason."""

    category: str
    clause: str
    reason: str


def _verdict(category: str, reason: str) -> Verdict:
    return Verdict(category, CLAUSES[category], reason)


def should_be_covered(
    *, annual_per_capita: Decimal, standard: Decimal, poverty_status: str, on_dibao: bool
) -> Verdict | None:
    """应保未保: a 建档立卡 household below the 低保 standard that no 低保 household holds."""
    if on_dibao or annual_per_capita >= 12 * standard:
        return None
    return _verdict(
        SHOULD_BE_COVERED,
        f"建档立卡户（{poverty_status}）年人均纯收入{fmt(annual_per_capita)}元，低于农村低保标准"
        f"{fmt(standard)}元/人·月（全年{fmt(12 * standard)}元），家中无人在低保名单上："
        "应纳入农村低保（应保尽保），请核实家庭收入后受理。",
    )


def should_be_registered(
    *, monthly_per_capita: Decimal, poverty_line: Decimal, able_to_work: int, registered: bool
) -> Verdict | None:
    """应扶未扶: a 低保 household below the poverty line, with a member able to work, that
    no 建档立卡 household holds."""
    if registered or able_to_work == 0 or 12 * monthly_per_capita >= poverty_line:
        return None
    return _verdict(
        SHOULD_BE_REGISTERED,
        f"低保户家庭月人均收入{fmt(monthly_per_capita)}元（全年{fmt(12 * monthly_per_capita)}元），"
        f"低于扶贫标准{fmt(poverty_line)}元/人·年，家中有{able_to_work}人有劳动能力，"
        "家中无人在建档立卡名单上：请核实“三保障”（义务教育、基本医疗、住房安全）情况，"
        "符合条件的纳入建档立卡（应扶尽扶）。",
    )


def should_exit(*, monthly_per_capita: Decimal, standard: Decimal) -> Verdict | None:
    """应退未退: a 低保 household at or above the standard (the mirror of p < S)."""
    if monthly_per_capita < standard:
        return None
    return _verdict(
        SHOULD_EXIT,
        f"低保户家庭月人均收入{fmt(monthly_per_capita)}元，不低于农村低保标准"
        f"{fmt(standard)}元/人·月：退出前请先核实家庭有无大病医疗、子女教育等刚性支出"
        "（支出型贫困），确不符合条件的按程序退出低保（应退则退）。",
    )

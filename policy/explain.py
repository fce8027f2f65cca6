"""An assessment in words: short and plain for a resident, complete for staff.

Both texts are built from the same assessment and the one glossary of Chinese words
(``policy.glossary``: programme names, verdicts, routes, medical items); nothing is written
twice.
"""

from __future__ import annotations

from policy.assessment import Assessment, Programme
from policy.clauses import clause_title
from policy.context import fmt
from policy.glossary import MEDICAL_ITEMS, PROGRAMMES, ROUTES, VERDICTS

#: The glossary's words, under the names this module has always exported.
PROGRAMME_NAMES = PROGRAMMES
STATUS_WORDS = VERDICTS
ROUTE_WORDS = ROUTES
ITEM_WORDS = MEDICAL_ITEMS
#: Programmes a resident is told about as help they may get (not referrals or exit).
HELP = tuple(name for name in PROGRAMME_NAMES if name != "dibao_exit")
NEXT_STEP = "下一步：工作人员会上门核实情况，最后由乡镇审核决定。"


def _names(names: list[str], limit: int = 3) -> str:
    shown = "、".join(PROGRAMME_NAMES[name] for name in names[:limit])
    return shown + ("等" if len(names) > limit else "")


def for_resident(assessment: Assessment) -> str:
    """A few plain sentences for an elderly villager: what the family can likely get, about
    how much a month, and what happens next (about 2-3 SMS segments)."""
    programmes = assessment.programmes()
    likely = [n for n in HELP if n != "dibao" and programmes[n].status == "eligible"]
    to_check = [n for n in HELP if n != "dibao" and programmes[n].status == "needs_review"]
    dibao = assessment.dibao
    parts = ["您好，按您说的情况初步算了一下："]
    if dibao.status == "eligible":
        parts.append("您家可能可以享受农村低保")
    elif dibao.status == "needs_review":
        parts.append("您家可能可以享受农村低保，但家里的财产要先核实")
    elif dibao.status == "ineligible":
        standard = fmt(assessment.figures.standard)
        parts.append(
            f"您家每人每月收入不低于低保标准{standard}元，"
            + (
                "可能要退出低保"
                if assessment.dibao_exit.status == "eligible"
                else "暂不符合低保条件"
            )
        )
    if likely:
        lead = {"eligible": "还", "needs_review": "还", "ineligible": "但还"}.get(dibao.status, "")
        parts.append(f"{lead}可能有{_names(likely)}")
    if to_check:
        parts.append(f"{_names(to_check, 2)}要工作人员看了才能定")
    text = "，".join(parts[1:]) or "暂时没有找到您家符合的补助"
    text = parts[0] + text + "。"
    if assessment.monthly_total > 0:
        text += f"算下来每月大约{assessment.monthly_total}元"
        text += "，残疾人补贴金额还没定。" if assessment.amounts_incomplete else "。"
    return text + NEXT_STEP


def _heading(name: str, result: Programme) -> str:
    bits = [f"【{PROGRAMME_NAMES[name]}】{STATUS_WORDS[result.status]}"]
    amount = getattr(result, "monthly_amount", None)
    if amount is not None:
        bits.append(f"每月{amount}元")
    elif "monthly_amount" in type(result).model_fields and result.status == "eligible":
        bits.append("金额待定")
    if getattr(result, "route", None):
        bits.append(ROUTE_WORDS[result.route])
    if getattr(result, "klass", None):
        bits.append(f"{result.klass}类（每{result.review_every_months}个月核查）")
    if getattr(result, "members", None):
        bits.append("成员" + "、".join(f"第{i + 1}位" for i in result.members))
    if getattr(result, "items", None):
        bits.append("、".join(ITEM_WORDS[item] for item in result.items))
    if getattr(result, "combined_funds", False):
        bits.append("统筹临时救助、慈善和社会救助基金")
    return " · ".join(bits)


def for_staff(assessment: Assessment) -> str:
    """Every programme with its status, amount and every reason with its clause, then the
    derived figures and the parameter values used."""
    f = assessment.figures
    lines = [
        f"评估日期 {assessment.assessed_on.isoformat()}｜{f.n}人"
        f"｜可计算年收入C={fmt(f.countable_income)}元"
        f"｜月人均p={fmt(f.per_capita_monthly_income)}元｜刚性支出R={fmt(f.rigid_expenses)}元"
        f"｜低保标准S={fmt(f.standard)}元/人·月"
    ]
    for name, result in assessment.programmes().items():
        lines.append(_heading(name, result))
        lines.extend(f"  - [{r.clause} {clause_title(r.clause)}] {r.text}" for r in result.reasons)
    total = f"合计每月{assessment.monthly_total}元"
    if assessment.amounts_incomplete:
        total += "（有符合条件的项目金额待定）"
    lines.append(total)
    lines.append("参数：")
    for p in assessment.parameters:
        if p.value is None:
            lines.append(f"  - {p.name}：该日期无有效值")
        else:
            state = "已确认" if p.confirmed else "待确认"
            note = f"；{p.note}" if p.note else ""
            lines.append(
                f"  - {p.name}={fmt(p.value)}（{p.effective_from.isoformat()}起，{state}{note}）"
            )
    return "\n".join(lines)

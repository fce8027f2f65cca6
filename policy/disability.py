"""The two disability subsidies (三(二)5): 困难残疾人生活补贴 and 重度残疾人护理补贴."""

from __future__ import annotations

from decimal import Decimal

from policy.assessment import Dibao, DisabilityCareSubsidy, DisabilityLivingSubsidy, reason
from policy.context import Context, fmt, yuan
from policy.linked import dibao_household

CLAUSE = "三(二)5"


def _no_value(ctx: Context, name: str) -> dict[str, str]:
    day = ctx.household.assessed_on.isoformat()
    return reason(CLAUSE, f"{day}尚无{name}的标准金额，金额待定。")


def disability_living_subsidy(ctx: Context, dibao_result: Dibao) -> DisabilityLivingSubsidy:
    """困难残疾人生活补贴: each disabled member of a 低保 or 建档立卡 household, per month."""
    h = ctx.household
    disabled = [i for i, m in enumerate(h.members) if m.disability_grade is not None]
    if not disabled:
        text = "家中没有持证残疾人。"
        return DisabilityLivingSubsidy(status="not_applicable", reasons=[reason(CLAUSE, text)])
    if not (dibao_household(ctx, dibao_result) or h.registered_poor):
        text = "残疾人生活补贴限低保户、建档立卡贫困户中的残疾人。"
        return DisabilityLivingSubsidy(status="ineligible", reasons=[reason(CLAUSE, text)])
    value = ctx.value("disability_living_subsidy")
    people = "、".join(ctx.member(i) for i in disabled)
    reasons = [reason(CLAUSE, f"低保户或建档立卡贫困户中的残疾人：{people}。")]
    if value is None:
        reasons.append(_no_value(ctx, "困难残疾人生活补贴"))
        amount = None
    else:
        amount = yuan(value * len(disabled))
        reasons.append(reason(CLAUSE, f"每人每月{fmt(value)}元。"))
    return DisabilityLivingSubsidy(
        status="eligible", reasons=reasons, members=disabled, monthly_amount=amount
    )


def disability_care_subsidy(ctx: Context) -> DisabilityCareSubsidy:
    """重度残疾人护理补贴: members with a grade 1-2 disability needing long-term care, whatever
    the income; the monthly amount depends on the grade."""
    members = ctx.household.members
    chosen = [
        i for i, m in enumerate(members) if m.disability_grade in (1, 2) and m.needs_long_term_care
    ]
    if not chosen:
        text = "家中没有需要长期照护的一、二级重度残疾人。"
        return DisabilityCareSubsidy(status="not_applicable", reasons=[reason(CLAUSE, text)])
    reasons = []
    total: Decimal | None = Decimal(0)
    for i in chosen:
        grade = members[i].disability_grade
        value = ctx.value(f"disability_care_subsidy_grade{grade}")
        each = "金额待定" if value is None else f"每月{fmt(value)}元"
        reasons.append(reason(CLAUSE, f"{ctx.member(i)}：{grade}级残疾，需长期照护，{each}。"))
        total = None if value is None or total is None else total + value
    if total is None:
        reasons.append(_no_value(ctx, "重度残疾人护理补贴"))
    return DisabilityCareSubsidy(
        status="eligible",
        reasons=reasons,
        members=chosen,
        monthly_amount=None if total is None else yuan(total),
    )

"""The linked poverty-alleviation and assistance programmes (三(二)2, 三(二)3, 三(二)4,
三(二)6): referral to 建档立卡, medical assistance, temporary assistance and charity."""

from __future__ import annotations

from policy.assessment import (
    CharityReferral,
    Dibao,
    MedicalAssistance,
    RegisteredPoorReferral,
    SeparateHouseholdDibao,
    TemporaryAssistance,
    reason,
)
from policy.context import Context, fmt, round_half_up
from policy.dibao import covered
from policy.glossary import GUARANTEES, HARDSHIPS


def dibao_household(ctx: Context, dibao_result: Dibao) -> bool:
    """A 低保 household: likely covered now (eligible/needs_review) or already receiving."""
    return covered(dibao_result) or ctx.household.receiving_dibao


def registered_poor_referral(ctx: Context, dibao_result: Dibao) -> RegisteredPoorReferral:
    """整户纳入建档立卡: a 低保 household below the poverty line, with a member able to work
    (开发能力) and one of the three guarantees (三保障) unmet, joins the registered poor."""
    h = ctx.household
    if h.registered_poor:
        text = "已是建档立卡贫困户。"
        return RegisteredPoorReferral(status="not_applicable", reasons=[reason("三(二)2", text)])
    line = ctx.need("poverty_line")
    per_head = round_half_up(ctx.countable_income, ctx.n, 2)
    checks = [
        (dibao_household(ctx, dibao_result), "属于低保对象", "不属于低保对象"),
        (
            ctx.countable_income < ctx.n * line,
            f"家庭年人均收入{fmt(per_head)}元，低于扶贫标准{fmt(line)}元",
            f"家庭年人均收入{fmt(per_head)}元，不低于扶贫标准{fmt(line)}元",
        ),
        (
            any(m.able_to_work for m in h.members),
            "家中有劳动能力（开发能力）",
            "家中无人有劳动能力",
        ),
        (
            bool(h.three_guarantees_unmet),
            "未解决“三保障”："
            + "、".join(GUARANTEES[item] for item in dict.fromkeys(h.three_guarantees_unmet)),
            "“三保障”均已解决",
        ),
    ]
    met = all(ok for ok, _, _ in checks)
    reasons = [reason("三(二)2", f"{yes if ok else no}。") for ok, yes, no in checks]
    if met:
        reasons.append(reason("三(二)2", "建议整户纳入建档立卡贫困户，由扶贫部门认定。"))
    return RegisteredPoorReferral(status="eligible" if met else "ineligible", reasons=reasons)


def medical_assistance(ctx: Context, dibao_result: Dibao) -> MedicalAssistance:
    """医疗救助: for poor households (低保, 特困, 建档立卡) premium subsidy and major-disease
    assistance; the out-of-catalogue fund for 低保/建档立卡; more for illness-caused poverty."""
    h = ctx.household
    dibao_or_registered = dibao_household(ctx, dibao_result) or h.registered_poor
    if not (dibao_or_registered or h.receiving_tekun):
        if h.returned_to_poverty:
            text = "返贫家庭，按程序审核是否纳入医疗救助。"
            return MedicalAssistance(status="needs_review", reasons=[reason("三(二)2", text)])
        text = "不属于低保、特困或建档立卡贫困家庭。"
        return MedicalAssistance(status="ineligible", reasons=[reason("三(二)3", text)])
    items = ["insurance_premium_subsidy", "major_disease_assistance"]
    reasons = [
        reason(
            "三(二)3",
            "参加基本医疗保险的个人缴费由财政补贴，并纳入重特大疾病医疗救助。",
        )
    ]
    if dibao_or_registered:
        items.append("out_of_catalogue_fund")
        reasons.append(reason("三(二)3", "医保目录外医疗费用可通过扶贫济困医疗救助基金救助。"))
    if ctx.any_serious_illness:
        items.append("illness_poverty_insurance")
        reasons.append(
            reason(
                "三(二)3",
                "家中有重特大疾病患者（因病致贫）：民政资助参保，纳入普通疾病和重特大疾病救助。",
            )
        )
    return MedicalAssistance(status="eligible", reasons=reasons, items=items)


def temporary_assistance(ctx: Context, dibao_result: Dibao) -> TemporaryAssistance:
    """临时救助 / 救急难: a sudden hardship of a 建档立卡 household, or of a 低保 household whose
    basic living cannot go on; combined funds when basic living cannot go on."""
    h, hardship = ctx.household, ctx.household.hardship
    if hardship is None:
        if h.returned_to_poverty:
            text = "返贫家庭，按程序审核是否纳入临时救助。"
            return TemporaryAssistance(status="needs_review", reasons=[reason("三(二)2", text)])
        text = "没有报告突发困难。"
        return TemporaryAssistance(status="not_applicable", reasons=[reason("三(二)4", text)])
    event = HARDSHIPS[hardship.kind]
    unsustainable = hardship.basic_living_unsustainable
    in_dibao = dibao_household(ctx, dibao_result)
    combined = unsustainable and (in_dibao or h.registered_poor)
    if h.registered_poor:
        status, text = "eligible", f"建档立卡贫困户遭遇{event}，纳入“救急难”范围，给予临时救助。"
    elif in_dibao and unsustainable:
        status, text = "eligible", f"低保户遭遇{event}，基本生活无法维持，给予临时救助。"
    else:
        status, text = "needs_review", f"遭遇{event}，可申请一般临时救助，由工作人员审核。"
    reasons = [reason("三(二)4", text)]
    if combined:
        reasons.append(reason("三(二)4", "统筹使用临时救助、慈善救助和社会救助基金帮扶。"))
    return TemporaryAssistance(status=status, reasons=reasons, combined_funds=combined)


def charity_referral(
    ctx: Context, dibao_result: Dibao, separate: SeparateHouseholdDibao
) -> CharityReferral:
    """慈善救助对接: 低保 (any form), 特困 and 建档立卡 households are referred to charity."""
    h = ctx.household
    groups = [
        ("低保对象", dibao_household(ctx, dibao_result) or separate.status == "eligible"),
        ("特困人员", h.receiving_tekun),
        ("建档立卡贫困户", h.registered_poor),
    ]
    names = [name for name, yes in groups if yes]
    if not names:
        text = "不属于低保对象、特困人员或建档立卡贫困户。"
        return CharityReferral(status="not_applicable", reasons=[reason("三(二)6", text)])
    text = f"属于{'、'.join(names)}，可对接慈善救助平台。"
    return CharityReferral(status="eligible", reasons=[reason("三(二)6", text)])

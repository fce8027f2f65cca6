"""农村低保 and what hangs on it: the whole household, separate households, the monthly
supplements and exit (三(二)1, 三(三)1, 三(三)2)."""

from __future__ import annotations

from decimal import Decimal

from policy.assessment import ClassifiedSupplement, Dibao, DibaoExit, SeparateHouseholdDibao, reason
from policy.context import ZERO, Context, fmt, round_half_up, yuan

COVERED = ("eligible", "needs_review")


def covered(dibao_result: Dibao) -> bool:
    """Whether the whole household is (likely) covered by 低保."""
    return dibao_result.status in COVERED


def class_facts(ctx: Context, route: str) -> dict[str, bool]:
    """The facts the county's class rule (``dibao_classes.yaml``) may test."""
    members, income = ctx.household.members, ctx.household.income
    return {
        "some_member_able_to_work": any(m.able_to_work for m in members),
        "earned_income": income.wages + income.poverty_project_wages + income.business > 0,
        "some_member_severe": any(
            m.disability_grade in (1, 2) or m.serious_illness or m.bedridden for m in members
        ),
        "some_member_disabled": any(m.disability_grade is not None for m in members),
        "some_member_aged_70": any(m.age >= 70 for m in members),
        "expenditure_route": route == "expenditure",
    }


def _asset_reasons(ctx: Context) -> list[dict[str, str]]:
    assets, standard, n = ctx.household.assets, ctx.standard, ctx.n
    found = []
    months = ctx.need("deposit_limit_months")
    limit = months * standard * n
    if assets.deposits > limit:
        found.append(
            f"存款{fmt(assets.deposits)}元，超过{fmt(months)}个月低保标准的限额{fmt(limit)}元"
        )
    if assets.vehicles > 0:
        found.append(f"有机动车{assets.vehicles}辆")
    if assets.commercial_property:
        found.append("有经营性房产")
    if assets.houses > 1:
        found.append(f"有住房{assets.houses}套")
    return [reason("三(三)1", f"{item}，家庭财产需工作人员核实。") for item in found]


def dibao(ctx: Context) -> Dibao:
    """农村低保: income route (p < S), expenditure route (支出型贫困) for a household with a
    seriously ill member, assets referred to staff, the monthly top-up and the class.

    When both routes hold, the expenditure route (the larger amount) is taken, so that more
    income never raises the amount (docs/policy.md, "Where POLICY.md was unclear", 1)."""
    h, n, standard = ctx.household, ctx.n, ctx.standard
    if h.receiving_tekun:
        text = "已享受特困人员供养，基本生活已有保障，不另行纳入农村低保。"
        return Dibao(status="not_applicable", reasons=[reason("三(二)1", text)])
    limit = 12 * n * standard  # annual income of n people at the standard
    income, after = ctx.countable_income, ctx.income_after_rigid
    p = round_half_up(income, 12 * n, 2)
    deduction = ctx.need("poverty_project_wage_deduction") * 100
    reasons = [
        reason(
            "三(三)1",
            f"可计算家庭年收入{fmt(income)}元（中央基础养老金不计入，"
            f"扶贫项目就业工资扣减{fmt(deduction)}%就业成本）。",
        ),
        reason(
            "三(二)1",
            f"家庭月人均收入{fmt(p)}元，{'低于' if income < limit else '不低于'}"
            f"农村低保标准{fmt(standard)}元/人·月。",
        ),
    ]
    route = None
    if ctx.any_serious_illness and ctx.rigid_expenses > 0:
        q = round_half_up(after, 12 * n, 2)
        below = after < limit
        reasons.append(
            reason(
                "三(二)1",
                f"家中有重特大疾病患者，扣除刚性支出{fmt(ctx.rigid_expenses)}元后月人均收入"
                f"{fmt(q)}元，{'低于' if below else '仍不低于'}低保标准"
                + ("，按支出型贫困纳入。" if below else "。"),
            )
        )
        route = "expenditure" if below else None
    if route is None and income < limit:
        route = "income"
    if route is None:
        return Dibao(status="ineligible", reasons=reasons)
    counted = income if route == "income" else after
    amount = int(round_half_up(max(ZERO, standard * n * 12 - counted), 12))
    reasons.append(
        reason(
            "三(二)1",
            f"每月补足差额：低保标准{fmt(standard)}元×{n}人−月收入"
            f"{fmt(round_half_up(counted, 12, 2))}元≈{amount}元。",
        )
    )
    assets = _asset_reasons(ctx)
    reasons.extend(assets)
    facts = class_facts(ctx, route)
    rule = next(rule for rule in ctx.dibao_classes if rule.matches(facts))
    reasons.append(
        reason(
            "三(三)2",
            f"分类施保：{rule.klass}类，每{rule.review_every_months}个月核查一次。",
        )
    )
    return Dibao(
        status="needs_review" if assets else "eligible",
        reasons=reasons,
        route=route,
        monthly_amount=amount,
        klass=rule.klass,
        review_every_months=rule.review_every_months,
    )


def separate_household_dibao(ctx: Context, dibao_result: Dibao) -> SeparateHouseholdDibao:
    """分户纳入低保: in a 建档立卡 household not covered as a whole, an adult with a grade 1-2
    disability or bedridden with a serious illness, when p <= 3 × S."""
    h = ctx.household
    if not h.registered_poor or covered(dibao_result):
        why = "非建档立卡贫困户" if not h.registered_poor else "全家已可纳入低保，无需分户"
        return SeparateHouseholdDibao(
            status="not_applicable", reasons=[reason("三(二)1", f"{why}。")]
        )
    chosen = [
        i
        for i, m in enumerate(h.members)
        if m.age >= 18 and (m.disability_grade in (1, 2) or (m.bedridden and m.serious_illness))
    ]
    if not chosen:
        text = "家中没有成年的重度残疾人（一、二级）或长期卧床的重病人员。"
        return SeparateHouseholdDibao(status="ineligible", reasons=[reason("三(二)1", text)])
    multiple = ctx.need("separate_household_income_multiple")
    ceiling = multiple * ctx.standard
    p = round_half_up(ctx.countable_income, 12 * ctx.n, 2)
    within = ctx.countable_income <= 12 * ctx.n * ceiling
    income_reason = reason(
        "三(二)1",
        f"家庭月人均收入{fmt(p)}元，{'在' if within else '超过'}低保标准的{fmt(multiple)}倍"
        f"（{fmt(ceiling)}元）{'以内' if within else ''}。",
    )
    if not within:
        return SeparateHouseholdDibao(status="ineligible", reasons=[income_reason])
    people = "、".join(ctx.member(i) for i in chosen)
    return SeparateHouseholdDibao(
        status="eligible",
        reasons=[
            income_reason,
            reason(
                "三(二)1",
                f"{people}可分户单独纳入低保，按无收入的单人户计每人每月"
                f"{fmt(ctx.standard)}元，需工作人员核实。",
            ),
        ],
        members=chosen,
        monthly_amount=yuan(ctx.standard * len(chosen)),
    )


def _supplement(ctx: Context, index: int) -> tuple[list[str], Decimal | None] | None:
    """The groups a member is in and their monthly sum (None if a value is missing)."""
    m = ctx.household.members[index]
    groups: list[tuple[str, str]] = []
    if m.in_school or m.age < 6:
        groups.append(("在校学生或学龄前儿童", "supplement_student_or_preschool"))
    if m.disability_grade in (1, 2) or m.serious_illness or m.age >= 70:
        groups.append(("重度残疾、重病或70岁以上老人", "supplement_severe"))
    if not groups and m.disability_grade is None:
        return None
    labels: list[str] = []
    total: Decimal | None = ZERO
    if groups:
        amounts = [(ctx.value(name), label) for label, name in groups]
        if any(value is None for value, _ in amounts):
            total = None
            labels.extend(label for _, label in amounts)
        else:
            value, label = max(amounts, key=lambda pair: pair[0])
            total += value
            labels.append(f"{label}{fmt(value)}元")
    if m.disability_grade is not None:
        value = ctx.value("supplement_disabled")
        total = None if value is None or total is None else total + value
        labels.append("残疾人员" + ("" if value is None else f"{fmt(value)}元"))
    return labels, total


def classified_supplement(
    ctx: Context, dibao_result: Dibao, separate: SeparateHouseholdDibao
) -> ClassifiedSupplement:
    """分类重点救助金: per covered member and month, the highest group amount (student or
    preschool child; severe disability, serious illness or aged 70+) plus the disabled amount."""
    if covered(dibao_result):
        indexes = range(ctx.n)
    elif separate.status == "eligible":
        indexes = separate.members
    else:
        text = "未纳入低保，不适用分类重点救助金。"
        return ClassifiedSupplement(status="not_applicable", reasons=[reason("三(三)2", text)])
    members, reasons = [], []
    total: Decimal | None = ZERO
    for index in indexes:
        found = _supplement(ctx, index)
        if found is None:
            continue
        labels, amount = found
        members.append(index)
        total = None if amount is None or total is None else total + amount
        reasons.append(reason("三(三)2", f"{ctx.member(index)}：{'，'.join(labels)}/月。"))
    if not members:
        text = "低保成员中没有残疾人、重病患者、70岁以上老人、学龄前儿童或在校学生。"
        return ClassifiedSupplement(status="ineligible", reasons=[reason("三(三)2", text)])
    return ClassifiedSupplement(
        status="eligible",
        reasons=reasons,
        members=members,
        monthly_amount=None if total is None else yuan(total),
    )


def dibao_exit(ctx: Context, dibao_result: Dibao) -> DibaoExit:
    """退出低保: a household receiving 低保 that no longer qualifies is recommended to leave."""
    if not ctx.household.receiving_dibao:
        text = "目前未享受农村低保。"
        return DibaoExit(status="not_applicable", reasons=[reason("三(三)2", text)])
    if dibao_result.status == "ineligible":
        text = "收入已不低于低保标准，建议按规定及时退出低保（需核实后决定）。"
        return DibaoExit(status="eligible", reasons=[reason("三(三)2", text)])
    text = "仍在低保保障范围内，继续按期核查。"
    return DibaoExit(status="ineligible", reasons=[reason("三(三)2", text)])

"""``assess``: a household in, every programme's answer out, with figures and parameters."""

from __future__ import annotations

import decimal
from collections.abc import Callable, Mapping
from typing import Any

from policy.assessment import (
    PROGRAMMES,
    Assessment,
    Dibao,
    Figures,
    MemberAmount,
    ParameterUsed,
    Programme,
    reason,
)
from policy.context import Context, MissingValue, round_half_up
from policy.dibao import classified_supplement, dibao, dibao_exit, separate_household_dibao
from policy.disability import disability_care_subsidy, disability_living_subsidy
from policy.household import Household
from policy.linked import (
    charity_referral,
    medical_assistance,
    registered_poor_referral,
    temporary_assistance,
)
from policy.parameters import ParameterSet, load_default

#: The clause a programme's "parameter missing" answer cites.
MAIN_CLAUSE = {
    "dibao": "三(二)1",
    "separate_household_dibao": "三(二)1",
    "classified_supplement": "三(三)2",
    "registered_poor_referral": "三(二)2",
    "medical_assistance": "三(二)3",
    "temporary_assistance": "三(二)4",
    "disability_living_subsidy": "三(二)5",
    "disability_care_subsidy": "三(二)5",
    "charity_referral": "三(二)6",
    "dibao_exit": "三(三)2",
}

# Exact sums and products of any realistic money; divisions are done on integer ratios.
_EXACT = decimal.Context(prec=120, rounding=decimal.ROUND_HALF_UP)


def _run(name: str, ctx: Context, rule: Callable[..., Programme], *args: Any) -> Programme:
    try:
        return rule(ctx, *args)
    except MissingValue as missing:
        day = ctx.household.assessed_on.isoformat()
        text = f"{day}没有有效的参数{missing.name}，需工作人员审核。"
        return PROGRAMMES[name](status="needs_review", reasons=[reason(MAIN_CLAUSE[name], text)])


def _figures(ctx: Context) -> Figures:
    income, n = ctx.countable_income, ctx.n
    return Figures(
        n=n,
        countable_income=income,
        rigid_expenses=ctx.rigid_expenses,
        income_after_rigid_expenses=ctx.income_after_rigid,
        per_capita_monthly_income=round_half_up(income, 12 * n, 2),
        per_capita_annual_income=round_half_up(income, n, 2),
        standard=ctx.standard,
    )


_USED: dict[int, tuple[Mapping, list[ParameterUsed]]] = {}


def _parameters(ctx: Context) -> list[ParameterUsed]:
    """The parameters in force, as recorded in the assessment (built once per date and set)."""
    cached = _USED.get(id(ctx.values))
    if cached is not None and cached[0] is ctx.values:
        return cached[1]
    used = []
    for name, dated in ctx.values.items():
        if dated is None:
            used.append(
                ParameterUsed(
                    name=name, value=None, effective_from=None, confirmed=None, source=None
                )
            )
        else:
            used.append(
                ParameterUsed(
                    name=name,
                    value=dated.value,
                    effective_from=dated.effective_from,
                    confirmed=dated.confirmed,
                    source=dated.source,
                    note=dated.note,
                )
            )
    if len(_USED) > 1024:
        _USED.clear()
    _USED[id(ctx.values)] = (ctx.values, used)
    return used


def totals(results: Mapping[str, Programme]) -> tuple[int, bool]:
    """``monthly_total`` (sum of the amounts that are not null) and ``amounts_incomplete``
    (an eligible programme whose amount is null)."""
    total, incomplete = 0, False
    for result in results.values():
        if not isinstance(result, Dibao | MemberAmount):
            continue
        amount = result.monthly_amount
        if amount is not None:
            total += amount
        elif result.status == "eligible":
            incomplete = True
    return total, incomplete


def assess(
    household: Household | Mapping[str, Any], parameters: ParameterSet | None = None
) -> Assessment:
    """Assess ``household`` with ``parameters`` (the shipped defaults when None).

    Raises ``pydantic.ValidationError`` for a malformed household and
    ``policy.errors.NoStandard`` when no 低保 standard is in force on ``assessed_on``.
    """
    if not isinstance(household, Household):
        household = Household.model_validate(household)
    with decimal.localcontext(_EXACT):
        ctx = Context.build(household, parameters or load_default())
        results: dict[str, Programme] = {}
        d = results["dibao"] = _run("dibao", ctx, dibao)
        s = results["separate_household_dibao"] = _run(
            "separate_household_dibao", ctx, separate_household_dibao, d
        )
        results["classified_supplement"] = _run(
            "classified_supplement", ctx, classified_supplement, d, s
        )
        for name, rule in (
            ("registered_poor_referral", registered_poor_referral),
            ("medical_assistance", medical_assistance),
            ("temporary_assistance", temporary_assistance),
            ("disability_living_subsidy", disability_living_subsidy),
        ):
            results[name] = _run(name, ctx, rule, d)
        results["disability_care_subsidy"] = _run(
            "disability_care_subsidy", ctx, disability_care_subsidy
        )
        results["charity_referral"] = _run("charity_referral", ctx, charity_referral, d, s)
        results["dibao_exit"] = _run("dibao_exit", ctx, dibao_exit, d)
        total, incomplete = totals(results)
        return Assessment(
            assessed_on=household.assessed_on,
            figures=_figures(ctx),
            parameters=_parameters(ctx),
            **results,
            monthly_total=total,
            amounts_incomplete=incomplete,
        )

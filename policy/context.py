"""What every programme reads: the household, the derived figures and the parameters in force.

Built once per assessment (:meth:`Context.build`); programmes never touch YAML or dates.
Arithmetic is exact: comparisons multiply instead of dividing (``p < S`` is ``C < 12·n·S``)
and divisions happen only in :func:`round_half_up`, on integer ratios.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from policy.errors import NoStandard, PolicyError
from policy.glossary import RELATIONS
from policy.household import Household
from policy.parameters import ClassRule, DatedValue, ParameterSet

ZERO = Decimal(0)
ONE = Decimal(1)


class MissingValue(Exception):
    """A parameter a programme needs has no value in force on the assessment date."""

    def __init__(self, name: str):
        super().__init__(name)
        self.name = name


def round_half_up(value: Decimal, divisor: int = 1, places: int = 0) -> Decimal:
    """``value / divisor`` rounded half up to ``places`` decimals, exactly (value >= 0)."""
    num, den = value.as_integer_ratio()
    scale = 10**places
    quotient = (2 * num * scale + den * divisor) // (2 * den * divisor)
    return Decimal(quotient).scaleb(-places) if places else Decimal(quotient)


def yuan(value: Decimal) -> int:
    """Whole yuan, half rounded up."""
    return int(round_half_up(value))


def fmt(value: Decimal | int) -> str:
    """A number for a Chinese sentence: ``7560``, ``629.92``, ``0.2``."""
    if isinstance(value, int):
        return str(value)
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f")


@dataclass(slots=True)
class Context:
    """The inputs of every programme function for one household on one date."""

    household: Household
    values: Mapping[str, DatedValue | None]
    dibao_classes: tuple[ClassRule, ...]
    n: int
    standard: Decimal  # S
    countable_income: Decimal  # C
    rigid_expenses: Decimal  # R
    income_after_rigid: Decimal  # max(0, C - R)
    any_serious_illness: bool

    @classmethod
    def build(cls, household: Household, parameters: ParameterSet) -> Context:
        values = parameters.on(household.assessed_on)
        standard = values["rural_dibao_standard"]
        if standard is None:
            raise NoStandard(household.assessed_on)
        deduction = values["poverty_project_wage_deduction"]
        if deduction is None:
            raise PolicyError(
                "assessed_on",
                f"no poverty_project_wage_deduction is in force on {household.assessed_on}",
            )
        income = household.income
        countable = (
            income.wages
            + income.poverty_project_wages * (ONE - deduction.value)
            + income.agriculture
            + income.business
            + income.other_pension
            + income.transfers
            + income.other
        )  # basic_pension is not counted (三(三)1)
        spent = household.rigid_expenses
        rigid = spent.medical + spent.disability_care + spent.education
        return cls(
            household=household,
            values=values,
            dibao_classes=parameters.dibao_classes,
            n=len(household.members),
            standard=standard.value,
            countable_income=countable,
            rigid_expenses=rigid,
            income_after_rigid=max(ZERO, countable - rigid),
            any_serious_illness=any(m.serious_illness for m in household.members),
        )

    def value(self, name: str) -> Decimal | None:
        """A parameter's value in force, or None."""
        dated = self.values[name]
        return None if dated is None else dated.value

    def need(self, name: str) -> Decimal:
        """A parameter's value in force; ``MissingValue`` when none is (→ needs_review)."""
        dated = self.values[name]
        if dated is None:
            raise MissingValue(name)
        return dated.value

    def member(self, index: int) -> str:
        """``第2位成员（配偶，67岁）`` for reason texts."""
        member = self.household.members[index]
        relation = RELATIONS.get(member.relation.strip().lower(), member.relation.strip())
        who = f"{relation}，" if relation else ""
        return f"第{index + 1}位成员（{who}{member.age}岁）"

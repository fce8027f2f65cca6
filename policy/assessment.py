"""The ``Assessment`` JSON: one entry per programme of POLICY.md, the figures and parameters.

Every programme has ``status`` and ``reasons`` (``{clause, text}``) plus the fields POLICY.md
names for it; they are always present (``null``/``[]`` when they do not apply). Money is
whole yuan per month. Derived figures and parameter values are exact decimals, written to
JSON as numbers. Dump with ``model_dump(mode="json")``: ``class`` is the key of the 低保 class.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer

Status = Literal["eligible", "ineligible", "needs_review", "not_applicable"]
STATUSES: tuple[Status, ...] = ("eligible", "needs_review", "ineligible", "not_applicable")
MedicalItem = Literal[
    "insurance_premium_subsidy",
    "major_disease_assistance",
    "out_of_catalogue_fund",
    "illness_poverty_insurance",
]


def _json_number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


Number = Annotated[
    Decimal, PlainSerializer(_json_number, return_type=int | float, when_used="json")
]


class _Out(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        serialize_by_alias=True,
        validate_by_name=True,
        validate_by_alias=True,
    )


class Reason(_Out):
    """Why: the clause of 奉节府办〔2017〕158号 (e.g. ``三(二)1``) and a sentence in Chinese."""

    clause: str
    text: str


def reason(clause: str, text: str) -> dict[str, str]:
    """A reason as the programme models take it (validated into a :class:`Reason`; building
    the dict is cheaper than a model on the engine's hot path)."""
    return {"clause": clause, "text": text}


class Programme(_Out):
    status: Status
    reasons: list[Reason]


class Dibao(Programme):
    route: Literal["income", "expenditure"] | None = None
    monthly_amount: int | None = None
    klass: Literal["A", "B", "C"] | None = Field(default=None, alias="class")
    review_every_months: int | None = None


class MemberAmount(Programme):
    """A programme paid per member: who (indexes into ``members``) and how much a month."""

    members: list[int] = Field(default_factory=list)
    monthly_amount: int | None = None


class SeparateHouseholdDibao(MemberAmount):
    pass


class ClassifiedSupplement(MemberAmount):
    pass


class DisabilityLivingSubsidy(MemberAmount):
    pass


class DisabilityCareSubsidy(MemberAmount):
    pass


class RegisteredPoorReferral(Programme):
    pass


class MedicalAssistance(Programme):
    items: list[MedicalItem] = Field(default_factory=list)


class TemporaryAssistance(Programme):
    combined_funds: bool = False


class CharityReferral(Programme):
    pass


class DibaoExit(Programme):
    pass


class Figures(_Out):
    """The derived figures of POLICY.md; per-capita figures rounded to 0.01 for display
    (the engine compares the exact values)."""

    n: int
    countable_income: Number  # C, annual
    rigid_expenses: Number  # R, annual
    income_after_rigid_expenses: Number  # max(0, C - R), annual
    per_capita_monthly_income: Number  # p = C / 12 / n
    per_capita_annual_income: Number  # C / n
    standard: Number  # S


class ParameterUsed(_Out):
    """A parameter as in force on the assessment date (value null when none is)."""

    name: str
    value: Number | None
    effective_from: date | None
    confirmed: bool | None
    source: str | None
    note: str | None = None


#: The programmes in POLICY.md's order: field name → model.
PROGRAMMES: dict[str, type[Programme]] = {
    "dibao": Dibao,
    "separate_household_dibao": SeparateHouseholdDibao,
    "classified_supplement": ClassifiedSupplement,
    "registered_poor_referral": RegisteredPoorReferral,
    "medical_assistance": MedicalAssistance,
    "temporary_assistance": TemporaryAssistance,
    "disability_living_subsidy": DisabilityLivingSubsidy,
    "disability_care_subsidy": DisabilityCareSubsidy,
    "charity_referral": CharityReferral,
    "dibao_exit": DibaoExit,
}


class Assessment(_Out):
    """What the household can likely get on ``assessed_on``, programme by programme."""

    assessed_on: date
    figures: Figures
    parameters: list[ParameterUsed]
    dibao: Dibao
    separate_household_dibao: SeparateHouseholdDibao
    classified_supplement: ClassifiedSupplement
    registered_poor_referral: RegisteredPoorReferral
    medical_assistance: MedicalAssistance
    temporary_assistance: TemporaryAssistance
    disability_living_subsidy: DisabilityLivingSubsidy
    disability_care_subsidy: DisabilityCareSubsidy
    charity_referral: CharityReferral
    dibao_exit: DibaoExit
    monthly_total: int
    amounts_incomplete: bool

    def programmes(self) -> dict[str, Programme]:
        """The programme results by field name, in POLICY.md's order."""
        return {name: getattr(self, name) for name in PROGRAMMES}

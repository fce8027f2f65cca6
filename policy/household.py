"""The ``Household`` JSON of POLICY.md as a strict pydantic model.

Strict means: unknown keys are rejected, every key of POLICY.md's example must be present,
numbers are not read from strings, booleans are ``true``/``false`` only, money is a
non-negative number kept as ``Decimal`` and ages are whole numbers 0-120. Errors name the
field (``members.0.age``); see :func:`policy.errors.error_list`.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    StrictBool,
    StrictInt,
    StrictStr,
)
from pydantic_core import PydanticCustomError


def _number(value: Any) -> Any:
    kind = type(value)
    if kind is int or kind is Decimal:
        return value
    if kind is float:
        return Decimal(repr(value))  # the shortest form: 0.1 stays 0.1
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise PydanticCustomError("number_type", "Input should be a number")
    return Decimal(repr(float(value))) if isinstance(value, float) else value


def _day(value: Any) -> date:
    if type(value) is date:
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise PydanticCustomError("date_format", "Input should be a date as YYYY-MM-DD")


def _json_number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


# Written back to JSON as a number (not pydantic's default string), so a dumped household
# is valid Household JSON again.
Money = Annotated[
    Decimal,
    Field(ge=0),
    BeforeValidator(_number),
    PlainSerializer(_json_number, return_type=int | float, when_used="json"),
]
Count = Annotated[StrictInt, Field(ge=0)]
Day = Annotated[date, BeforeValidator(_day)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Member(_Strict):
    """A member of the household (共同生活的家庭成员)."""

    age: Annotated[StrictInt, Field(ge=0, le=120)]
    relation: StrictStr
    disability_grade: Annotated[StrictInt, Field(ge=1, le=4)] | None
    needs_long_term_care: StrictBool
    serious_illness: StrictBool
    bedridden: StrictBool
    in_school: StrictBool
    able_to_work: StrictBool


class Income(_Strict):
    """Annual income in yuan, by source."""

    wages: Money
    poverty_project_wages: Money
    agriculture: Money
    business: Money
    basic_pension: Money
    other_pension: Money
    transfers: Money
    other: Money


class RigidExpenses(_Strict):
    """Annual out-of-pocket spending the family cannot avoid (刚性支出), in yuan."""

    medical: Money
    disability_care: Money
    education: Money


class Assets(_Strict):
    """Deposits in yuan; motor vehicles (not farm machinery or mobility vehicles); houses."""

    deposits: Money
    vehicles: Count
    houses: Count
    commercial_property: StrictBool


class Hardship(_Strict):
    """A sudden event (意外事故、家庭成员重病 …)."""

    kind: Literal["accident", "illness", "disaster", "other"]
    basic_living_unsustainable: StrictBool


class Household(_Strict):
    """A household applying on ``assessed_on``: POLICY.md's Household JSON."""

    assessed_on: Day
    members: Annotated[list[Member], Field(min_length=1)]
    income: Income
    rigid_expenses: RigidExpenses
    assets: Assets
    registered_poor: StrictBool
    receiving_dibao: StrictBool
    receiving_tekun: StrictBool
    returned_to_poverty: StrictBool
    three_guarantees_unmet: list[Literal["education", "medical", "housing"]]
    hardship: Hardship | None

"""The Household model is strict, and its errors name the field."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from pydantic import ValidationError

from policy import Household, NoStandard, assess, error_list
from tests.policy.households import HOUSEHOLD, household, member


def errors_of(data) -> list[dict[str, str]]:
    with pytest.raises(ValidationError) as raised:
        Household.model_validate(data)
    return error_list(raised.value)


def fields_of(data) -> set[str]:
    return {error["field"] for error in errors_of(data)}


def test_policy_md_example_is_valid():
    parsed = Household.model_validate(HOUSEHOLD)
    assert parsed.assessed_on == dt.date(2025, 8, 1)
    assert parsed.income.wages == Decimal(0)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"members": []}, "members"),
        ({"members": [member(age=-1)]}, "members.0.age"),
        ({"members": [member(), member(age=121)]}, "members.1.age"),
        ({"members": [member(age="45")]}, "members.0.age"),
        ({"members": [member(age=45.0)]}, "members.0.age"),
        ({"members": [member(age=True)]}, "members.0.age"),
        ({"members": [member(disability_grade=0)]}, "members.0.disability_grade"),
        ({"members": [member(disability_grade=5)]}, "members.0.disability_grade"),
        ({"members": [member(able_to_work="yes")]}, "members.0.able_to_work"),
        ({"members": [member(able_to_work=1)]}, "members.0.able_to_work"),
        ({"members": [member(relation=None)]}, "members.0.relation"),
        ({"members": [{**member(), "name": "张三"}]}, "members.0.name"),
        ({"income": {"wages": -1}}, "income.wages"),
        ({"income": {"wages": "1200"}}, "income.wages"),
        ({"income": {"wages": True}}, "income.wages"),
        ({"income": {"wages": None}}, "income.wages"),
        ({"income": {"wages": float("inf")}}, "income.wages"),
        ({"income": {"wages": Decimal("NaN")}}, "income.wages"),
        ({"income": {"salary": 1}}, "income.salary"),
        ({"rigid_expenses": {"medical": -0.01}}, "rigid_expenses.medical"),
        ({"assets": {"deposits": -5}}, "assets.deposits"),
        ({"assets": {"vehicles": -1}}, "assets.vehicles"),
        ({"assets": {"houses": 1.5}}, "assets.houses"),
        ({"assets": {"commercial_property": "no"}}, "assets.commercial_property"),
        ({"registered_poor": "false"}, "registered_poor"),
        ({"three_guarantees_unmet": ["food"]}, "three_guarantees_unmet.0"),
        ({"three_guarantees_unmet": "housing"}, "three_guarantees_unmet"),
        ({"hardship": {"kind": "flood", "basic_living_unsustainable": True}}, "hardship.kind"),
        ({"hardship": {"kind": "accident"}}, "hardship.basic_living_unsustainable"),
        ({"assessed_on": "2025-8-1"}, "assessed_on"),
        ({"assessed_on": "2025-08-01T00:00:00"}, "assessed_on"),
        ({"assessed_on": 20250801}, "assessed_on"),
        ({"assessed_on": None}, "assessed_on"),
        ({"nickname": "x"}, "nickname"),
    ],
)
def test_bad_input_is_rejected_naming_the_field(changes, field):
    assert field in fields_of(household(**changes))


def test_every_key_must_be_present():
    data = household()
    del data["hardship"]
    del data["members"][0]["bedridden"]
    assert fields_of(data) == {"hardship", "members.0.bedridden"}


def test_the_whole_input_must_be_an_object():
    assert errors_of([1, 2])[0]["field"] == "(root)"


def test_error_messages_are_readable():
    (error,) = errors_of(household(members=[member(age=130)]))
    assert error == {
        "field": "members.0.age",
        "message": "Input should be less than or equal to 120",
    }


def test_money_is_exact():
    parsed = Household.model_validate(household(income={"wages": 0.1, "other": Decimal("0.2")}))
    assert parsed.income.wages + parsed.income.other == Decimal("0.3")


def test_edges_are_accepted():
    parsed = Household.model_validate(
        household(
            members=[member(age=0, disability_grade=1), member(age=120, disability_grade=4)],
            assessed_on=dt.date(2030, 1, 1),
        )
    )
    assert [m.age for m in parsed.members] == [0, 120]


def test_a_dumped_household_is_household_json_again():
    parsed = Household.model_validate(household(income={"wages": 1234.5}))
    dumped = json.loads(parsed.model_dump_json())
    assert dumped["income"]["wages"] == 1234.5
    assert Household.model_validate(dumped) == parsed


def test_no_standard_before_2017_is_an_error_naming_assessed_on():
    with pytest.raises(NoStandard) as raised:
        assess(household(assessed_on="2016-12-31"))
    assert error_list(raised.value) == [{"field": "assessed_on", "message": raised.value.message}]
    assert "rural_dibao_standard" in raised.value.message

"""Properties that hold for every valid household (hypothesis)."""

from __future__ import annotations

import copy
import datetime as dt
import json
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policy import Assessment, Household, assess
from policy.assessment import PROGRAMMES
from policy.clauses import clauses
from policy.explain import for_resident, for_staff

INCOME = (
    "wages",
    "poverty_project_wages",
    "agriculture",
    "business",
    "basic_pension",
    "other_pension",
    "transfers",
    "other",
)
money = st.one_of(
    st.integers(min_value=0, max_value=20_000),
    st.integers(min_value=0, max_value=300_000),
    st.decimals(min_value=0, max_value=100_000, places=2, allow_nan=False, allow_infinity=False),
)
members = st.fixed_dictionaries(
    {
        "age": st.integers(min_value=0, max_value=120),
        "relation": st.sampled_from(["applicant", "spouse", "child", "父亲", ""]),
        "disability_grade": st.one_of(st.none(), st.integers(min_value=1, max_value=4)),
        "needs_long_term_care": st.booleans(),
        "serious_illness": st.booleans(),
        "bedridden": st.booleans(),
        "in_school": st.booleans(),
        "able_to_work": st.booleans(),
    }
)
households = st.fixed_dictionaries(
    {
        "assessed_on": st.dates(dt.date(2017, 1, 1), dt.date(2032, 12, 31)).map(dt.date.isoformat),
        "members": st.lists(members, min_size=1, max_size=7),
        "income": st.fixed_dictionaries({key: money for key in INCOME}),
        "rigid_expenses": st.fixed_dictionaries(
            {"medical": money, "disability_care": money, "education": money}
        ),
        "assets": st.fixed_dictionaries(
            {
                "deposits": money,
                "vehicles": st.integers(min_value=0, max_value=2),
                "houses": st.integers(min_value=0, max_value=3),
                "commercial_property": st.booleans(),
            }
        ),
        "registered_poor": st.booleans(),
        "receiving_dibao": st.booleans(),
        "receiving_tekun": st.booleans(),
        "returned_to_poverty": st.booleans(),
        "three_guarantees_unmet": st.lists(
            st.sampled_from(["education", "medical", "housing"]), max_size=3, unique=True
        ),
        "hardship": st.one_of(
            st.none(),
            st.fixed_dictionaries(
                {
                    "kind": st.sampled_from(["accident", "illness", "disaster", "other"]),
                    "basic_living_unsustainable": st.booleans(),
                }
            ),
        ),
    }
)
fast = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def dibao_amount(household: dict) -> int:
    """The 低保 amount, 0 when there is none."""
    return assess(household).dibao.monthly_amount or 0


@fast
@given(households)
def test_an_assessment_never_crashes_and_is_consistent(household):
    assessment = assess(household)
    dumped = assessment.model_dump(mode="json")
    assert Assessment.model_validate(json.loads(json.dumps(dumped))) == assessment
    total = 0
    for name, result in assessment.programmes().items():
        assert result.reasons, f"{name} gives no reason"
        assert all(reason.clause in clauses() for reason in result.reasons)
        amount = getattr(result, "monthly_amount", None)
        if amount is not None:
            assert amount >= 0
            assert result.status in ("eligible", "needs_review")
            total += amount
    assert assessment.monthly_total == total
    dibao = assessment.dibao
    assert (dibao.monthly_amount is None) == (dibao.status in ("ineligible", "not_applicable"))
    assert (dibao.klass is None) == (dibao.monthly_amount is None)
    assert for_resident(assessment) and for_staff(assessment)


@fast
@given(households, st.sampled_from(INCOME), money)
def test_more_income_never_raises_the_dibao_amount(household, source, extra):
    richer = copy.deepcopy(household)
    richer["income"][source] = Decimal(str(household["income"][source])) + Decimal(str(extra))
    assert dibao_amount(richer) <= dibao_amount(household)


@fast
@given(households, members)
def test_adding_a_member_with_no_income_never_lowers_the_dibao_amount(household, newcomer):
    larger = {**household, "members": [*household["members"], newcomer]}
    assert dibao_amount(larger) >= dibao_amount(household)


@fast
@given(households)
def test_the_household_model_round_trips(household):
    parsed = Household.model_validate(household)
    assert Household.model_validate_json(parsed.model_dump_json()) == parsed


def test_every_programme_is_in_the_assessment():
    assert set(PROGRAMMES) <= set(Assessment.model_fields)

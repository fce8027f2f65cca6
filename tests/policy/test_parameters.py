"""Dated parameters: the YAML files, lookups by date, values added by staff, the class rule."""

from __future__ import annotations

import datetime as dt
import shutil
from decimal import Decimal

import pytest
import yaml

from policy import DatedValue, assess
from policy.parameters import HERE, NAMES, ClassRule, load, load_default
from tests.policy.households import household

D = dt.date


def staff_value(name: str, day: dt.date, value, **extra) -> DatedValue:
    return DatedValue(
        name=name, effective_from=day, value=value, source="county notice", confirmed=True, **extra
    )


def test_every_parameter_of_the_table_has_a_file_with_unit_description_and_sources():
    files = {path.stem for path in HERE.glob("*.yaml")} - {"dibao_classes"}
    assert files == set(NAMES)
    parameters = load_default()
    for name in NAMES:
        parameter = parameters[name]
        assert parameter.unit and parameter.description and parameter.values
        for value in parameter.values:
            assert value.source
            assert isinstance(value.confirmed, bool)
            if not value.confirmed:
                assert value.note, f"{name} {value.effective_from}: say what is unconfirmed"


@pytest.mark.parametrize(
    ("name", "day", "expected"),
    [
        ("rural_dibao_standard", D(2016, 12, 31), None),
        ("rural_dibao_standard", D(2017, 1, 1), 350),
        ("rural_dibao_standard", D(2019, 12, 31), 410),
        ("rural_dibao_standard", D(2021, 8, 31), 496),
        ("rural_dibao_standard", D(2021, 9, 1), 515),
        ("rural_dibao_standard", D(2025, 6, 30), 610),
        ("rural_dibao_standard", D(2025, 7, 1), 630),
        ("poverty_line", D(2015, 12, 31), None),
        ("poverty_line", D(2016, 1, 1), 2952),
        ("poverty_line", D(2019, 12, 31), 3747),
        ("poverty_line", D(2020, 1, 1), 4000),
        ("poverty_line", D(2040, 1, 1), 4000),
        ("separate_household_income_multiple", D(2017, 1, 1), 3),
        ("poverty_project_wage_deduction", D(2017, 1, 1), Decimal("0.2")),
        ("deposit_limit_months", D(2017, 1, 1), 24),
        ("supplement_student_or_preschool", D(2017, 1, 1), 100),
        ("supplement_severe", D(2020, 1, 1), 60),
        ("supplement_disabled", D(2020, 1, 1), 40),
        ("disability_living_subsidy", D(2025, 12, 31), None),
        ("disability_living_subsidy", D(2026, 1, 1), 100),
        ("disability_care_subsidy_grade1", D(2026, 1, 1), 110),
        ("disability_care_subsidy_grade2", D(2026, 1, 1), 100),
    ],
)
def test_the_value_in_force_is_the_latest_on_or_before_the_date(name, day, expected):
    found = load_default().value_on(name, day)
    if expected is None:
        assert found is None
    else:
        assert found.value == Decimal(expected)
        assert found.effective_from <= day


def test_confirmation_is_recorded_per_value():
    standard = load_default()["rural_dibao_standard"]
    confirmed = {value.effective_from.year: value.confirmed for value in standard.values}
    assert confirmed == {
        2017: True,
        2018: True,
        2020: True,
        2021: False,
        2022: False,
        2023: False,
        2024: False,
        2025: True,
    }
    assert "start month" in load_default().value_on("rural_dibao_standard", D(2022, 8, 1)).note


def test_values_are_decimals():
    assert load_default().value_on("poverty_project_wage_deduction", D(2020, 1, 1)).value == (
        Decimal("0.20")
    )


def test_load_default_reads_once():
    assert load_default() is load_default()


def test_with_values_overrides_by_date_and_extends_without_changing_the_original():
    shipped = load_default()
    changed = shipped.with_values(
        [
            staff_value("rural_dibao_standard", D(2025, 7, 1), 640, note="corrected"),
            staff_value("rural_dibao_standard", D(2026, 7, 1), 660),
            staff_value("disability_living_subsidy", D(2025, 1, 1), 80),
        ]
    )
    assert changed is not shipped
    assert shipped.value_on("rural_dibao_standard", D(2025, 7, 1)).value == 630
    assert changed.value_on("rural_dibao_standard", D(2025, 6, 30)).value == 610
    assert changed.value_on("rural_dibao_standard", D(2025, 7, 1)).value == 640
    assert changed.value_on("rural_dibao_standard", D(2025, 7, 1)).source == "county notice"
    assert changed.value_on("rural_dibao_standard", D(2026, 6, 30)).value == 640
    assert changed.value_on("rural_dibao_standard", D(2026, 7, 1)).value == 660
    assert changed.value_on("disability_living_subsidy", D(2025, 6, 1)).value == 80
    assert changed.value_on("disability_living_subsidy", D(2026, 1, 1)).value == 100
    assert len(changed["rural_dibao_standard"].values) == 9
    assert changed.dibao_classes == shipped.dibao_classes


def test_staff_values_reach_the_assessment():
    changed = load_default().with_values([staff_value("rural_dibao_standard", D(2025, 8, 1), 700)])
    assessment = assess(household(assessed_on="2025-08-01"), changed)
    assert assessment.dibao.monthly_amount == 700
    used = {p.name: p for p in assessment.parameters}["rural_dibao_standard"]
    assert (used.value, used.effective_from, used.confirmed) == (700, D(2025, 8, 1), True)
    assert assess(household(assessed_on="2025-08-01")).dibao.monthly_amount == 630


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"name": "dibao_standard"}, "unknown parameter"),
        ({"value": -1}, ">= 0"),
        ({"value": "abc"}, "number"),
        ({"value": True}, "number"),
        ({"value": Decimal("NaN")}, "finite"),
        ({"effective_from": "2025-01-01"}, "date"),
        ({"name": "rural_dibao_standard", "value": 0}, "> 0"),
        ({"confirmed": "yes"}, "confirmed"),
    ],
)
def test_bad_staff_values_are_refused(changes, message):
    fields = {
        "name": "poverty_line",
        "effective_from": D(2025, 1, 1),
        "value": 5000,
        "source": "x",
        "confirmed": True,
        **changes,
    }
    with pytest.raises(ValueError, match=message):
        DatedValue(**fields)


def test_values_given_as_strings_or_floats_become_exact_decimals():
    assert staff_value("poverty_line", D(2025, 1, 1), "4100.50").value == Decimal("4100.50")
    assert staff_value("poverty_project_wage_deduction", D(2025, 1, 1), 0.1).value == Decimal("0.1")


def test_with_values_takes_dated_values_only():
    with pytest.raises(TypeError):
        load_default().with_values([{"name": "poverty_line"}])


def test_the_class_rule_is_data(tmp_path):
    for path in HERE.glob("*.yaml"):
        shutil.copy(path, tmp_path / path.name)
    rules = yaml.safe_load((tmp_path / "dibao_classes.yaml").read_text(encoding="utf-8"))
    rules["rules"] = [
        {"class": "C", "review_every_months": 3, "when": {"some_member_able_to_work": True}},
        {"class": "A", "review_every_months": 12, "when": {}},
    ]
    (tmp_path / "dibao_classes.yaml").write_text(yaml.safe_dump(rules), encoding="utf-8")
    county = load(tmp_path)
    idle = household(income={"agriculture": 1000})
    assert assess(idle).dibao.klass == "B"
    assert assess(idle, county).dibao.klass == "C"
    assert assess(idle, county).dibao.review_every_months == 3


def test_with_dibao_classes_replaces_the_rule():
    rules = [ClassRule("A", 12, {})]
    assert assess(household(), load_default().with_dibao_classes(rules)).dibao.klass == "A"


@pytest.mark.parametrize(
    ("rules", "message"),
    [
        ([], "no rules"),
        ([{"class": "D", "review_every_months": 3, "when": {}}], "class must be"),
        ([{"class": "A", "review_every_months": 0, "when": {}}], "positive"),
        ([{"class": "A", "review_every_months": 3, "when": {"rich": True}}], "unknown fact"),
        (
            [{"class": "A", "review_every_months": 3, "when": {"earned_income": "yes"}}],
            "true or false",
        ),
        (
            [{"class": "A", "review_every_months": 3, "when": {"earned_income": True}}],
            "last rule",
        ),
    ],
)
def test_a_bad_class_rule_is_refused(rules, message):
    with pytest.raises(ValueError, match=message):
        load_default().with_dibao_classes(rules)


def test_a_set_caches_the_values_of_a_date():
    parameters = load_default()
    assert parameters.on(D(2025, 8, 1)) is parameters.on(D(2025, 8, 1))

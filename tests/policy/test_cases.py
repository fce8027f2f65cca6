"""Runs the YAML case tables in ``cases/`` (OpenFisca's manner).

Each file is a list of cases::

    - name: p just below S
      input:                        # merged into POLICY.md's example household
        assessed_on: 2025-08-01
        members: [{age: 70}]        # each merged into the default member
        income: {wages: 7559}
      added_values:                 # optional: values staff added (override/extend by date)
        - {name: rural_dibao_standard, effective_from: 2025-07-01, value: 640}
      output:                       # a partial Assessment: only the keys given are compared
        dibao: {status: eligible, monthly_amount: 0}
        parameters: {rural_dibao_standard: {value: 630}}   # the list, keyed by name
      error: assessed_on            # instead of output: the field the error names

Lists compare whole; dicts compare the keys given; numbers compare by value.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from policy import DatedValue, PolicyError, assess, load_default
from policy.clauses import clauses
from tests.policy.households import household

CASES = Path(__file__).parent / "cases"


def _load() -> list[Any]:
    found = []
    for path in sorted(CASES.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            found.append(pytest.param(case, id=f"{path.stem}: {case['name']}"))
    return found


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def _compare(expected: Any, actual: Any, path: str) -> list[str]:
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{path}: expected an object, got {actual!r}"]
        problems = []
        for key, value in expected.items():
            if key not in actual:
                problems.append(f"{path}.{key}: missing")
            else:
                problems.extend(_compare(value, actual[key], f"{path}.{key}"))
        return problems
    if isinstance(expected, bool) or expected is None or isinstance(actual, bool):
        same = expected is actual
    else:
        same = expected == actual
    return [] if same else [f"{path}: expected {expected!r}, got {actual!r}"]


def run_case(case: dict[str, Any]) -> None:
    parameters = load_default()
    if case.get("added_values"):
        parameters = parameters.with_values(
            DatedValue(
                name=v["name"],
                effective_from=v["effective_from"],
                value=v["value"],
                source=v.get("source", "added by staff in a test"),
                confirmed=v.get("confirmed", True),
            )
            for v in case["added_values"]
        )
    data = household(**case.get("input", {}))
    if "error" in case:
        with pytest.raises(PolicyError) as raised:
            assess(data, parameters)
        assert raised.value.field == case["error"]
        return
    actual = assess(data, parameters).model_dump(mode="json")
    for reason in (
        r for name, p in actual.items() if isinstance(p, dict) for r in p.get("reasons", [])
    ):
        assert reason["clause"] in clauses(), f"unknown clause {reason['clause']}"
    actual["parameters"] = {p["name"]: p for p in actual["parameters"]}
    problems = _compare(_plain(case["output"]), actual, "assessment")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("case", _load())
def test_case(case: dict[str, Any]) -> None:
    run_case(case)


def test_every_programme_has_a_case_table() -> None:
    from policy.assessment import PROGRAMMES

    tables = {path.stem for path in CASES.glob("*.yaml")}
    assert set(PROGRAMMES) <= tables


def test_the_runner_can_fail() -> None:
    case = {"name": "wrong on purpose", "output": {"dibao": {"monthly_amount": 629}}}
    with pytest.raises(AssertionError, match="expected 629, got 630"):
        run_case(case)
    with pytest.raises(AssertionError, match="missing"):
        run_case({"name": "no such key", "output": {"dibao": {"amount": 1}}})

"""The cross-check's case tables (``cases/*.yaml``, OpenFisca's manner): each case writes the
two rosters as CSV files, checks them on ``on`` and compares the JSON's findings (in order)
and unreadable rows with the partial ones given.

    - name: …
      date: 2025-08-01
      dibao: [{家庭月人均收入: 630}]          # rows: tests/cases/rosters/rosters.py defaults
      registered_poor: [{年人均纯收入: 7559.99}]
      findings: [{category: 应退未退, household: D1, reason_has: [刚性支出]}]
      errors: [{file: dibao.csv, row: 2, message: …}]   # none when left out

Lists compare whole and in order; dicts compare the keys given; ``reason_has`` lists words
the reason contains.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.cases.rosters.rosters import check, dibao_rows, registered_rows

CASES = Path(__file__).parent / "cases"


def _load() -> list[Any]:
    found = []
    for path in sorted(CASES.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            found.append(pytest.param(case, id=f"{path.stem}: {case['name']}"))
    return found


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value if isinstance(value, str | int | float | bool) or value is None else str(value)


def matches(expected: Any, actual: Any, where: str = "") -> None:
    if isinstance(expected, dict):
        assert isinstance(actual, dict), f"{where}: {actual!r}"
        for key, value in expected.items():
            if key == "reason_has":
                for words in value:
                    assert words in actual["reason"], f"{where}.reason: {actual['reason']}"
                continue
            assert key in actual, f"{where}: no {key} in {actual}"
            matches(value, actual[key], f"{where}.{key}")
    elif isinstance(expected, list):
        assert isinstance(actual, list) and len(actual) == len(expected), (
            f"{where}: expected {len(expected)}, got {actual!r}"
        )
        for index, (want, got) in enumerate(zip(expected, actual, strict=True)):
            matches(want, got, f"{where}[{index}]")
    else:
        assert _plain(expected) == actual, f"{where}: expected {expected!r}, got {actual!r}"


@pytest.mark.parametrize("case", _load())
def test_case(case, tmp_path):
    result = check(
        tmp_path,
        dibao_rows(*case.get("dibao", [])),
        registered_rows(*case.get("registered_poor", [])),
        on=str(case["date"]),
    )
    output = result.to_json()
    assert output["on"] == str(case["date"])
    matches(case["findings"], output["findings"], "findings")
    matches(case.get("errors", []), output["errors"], "errors")
    assert output["counts"] == {
        category: sum(1 for f in output["findings"] if f["category"] == category)
        for category in ("应保未保", "应扶未扶", "应退未退", "信息不一致")
    }

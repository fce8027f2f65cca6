"""`intake assess FILE|-`, run as the real console script."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.policy.households import household, member

INTAKE = Path(sys.executable).with_name("intake")


def intake(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(INTAKE), "assess", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )


@pytest.fixture
def write(tmp_path):
    def write(data, name="household.json") -> str:
        path = tmp_path / name
        path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
        return str(path)

    return write


def test_a_file_gives_the_assessment_json(write):
    done = intake(write(household()))
    assert done.returncode == 0, done.stderr
    assessment = json.loads(done.stdout)
    assert assessment["dibao"] == {
        "status": "eligible",
        "reasons": assessment["dibao"]["reasons"],
        "route": "income",
        "monthly_amount": 630,
        "class": "B",
        "review_every_months": 6,
    }
    assert assessment["monthly_total"] == 630
    assert all(r["clause"] and r["text"] for r in assessment["dibao"]["reasons"])


def test_stdin_with_a_dash():
    done = intake("-", stdin=json.dumps(household(income={"wages": 7560})))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["dibao"]["status"] == "ineligible"


def test_decimals_are_read_exactly():
    done = intake("-", stdin=json.dumps(household(income={"wages": 7559.99})))
    assert json.loads(done.stdout)["figures"]["countable_income"] == 7559.99


def test_an_array_gives_an_array_in_the_same_order(write):
    dates = ["2025-06-30", "2017-01-01", "2025-07-01", "2021-09-01"]
    done = intake(write([household(assessed_on=day) for day in dates]))
    assert done.returncode == 0, done.stderr
    results = json.loads(done.stdout)
    assert [r["assessed_on"] for r in results] == dates
    assert [r["dibao"]["monthly_amount"] for r in results] == [610, 350, 630, 515]


def test_an_empty_array_gives_an_empty_array(write):
    done = intake(write([]))
    assert (done.returncode, json.loads(done.stdout)) == (0, [])


def test_a_bad_household_exits_2_naming_the_field(write):
    done = intake(write(household(members=[member(age=130)])))
    assert done.returncode == 2
    assert done.stdout == ""
    assert "members.0.age" in done.stderr


def test_a_bad_household_in_an_array_names_the_index_and_nothing_is_printed(write):
    good = household()
    bad = household(income={"wages": "1200"})
    done = intake(write([good, good, bad]))
    assert done.returncode == 2
    assert done.stdout == ""
    assert "household 2: income.wages" in done.stderr
    assert "household 0" not in done.stderr


def test_an_assessment_before_2017_exits_2_naming_assessed_on(write):
    done = intake(write([household(), household(assessed_on="2016-12-31")]))
    assert done.returncode == 2
    assert "household 1: assessed_on" in done.stderr


@pytest.mark.parametrize(
    ("content", "expected"),
    [("{not json", "not valid JSON"), ("42", "expected a Household"), ('"x"', "expected")],
)
def test_not_a_household_exits_2(write, content, expected):
    done = intake(write(content))
    assert done.returncode == 2
    assert expected in done.stderr


def test_a_missing_file_exits_2(tmp_path):
    done = intake(str(tmp_path / "nope.json"))
    assert done.returncode == 2
    assert "cannot read" in done.stderr


def test_chinese_text_comes_out_as_utf8(write):
    done = intake(write(household()))
    assert "低保" in done.stdout

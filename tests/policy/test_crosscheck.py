"""The cross-check's rules on a household's figures (policy.crosscheck): both sides of every
threshold, exact decimals, and the clauses in the county's text."""

from decimal import Decimal as D

import pytest

from policy.clauses import clauses
from policy.crosscheck import (
    CLAUSES,
    should_be_covered,
    should_be_registered,
    should_exit,
)
from policy.glossary import ROSTER_FINDINGS


def test_every_category_has_its_clause_in_the_countys_text():
    assert set(CLAUSES) == set(ROSTER_FINDINGS)
    assert set(CLAUSES.values()) <= set(clauses())
    assert "信息核对" in clauses()["三(三)1"]


@pytest.mark.parametrize(
    ("annual", "standard", "found"),
    [("7559.99", "630", True), ("7560", "630", False), ("0", "630", True),
     ("7319.99", "610", True), ("7320", "610", False)],
)  # fmt: skip
def test_should_be_covered_below_twelve_times_the_standard(annual, standard, found):
    verdict = should_be_covered(annual_per_capita=D(annual), standard=D(standard),
                                poverty_status="已脱贫", on_dibao=False)  # fmt: skip
    assert (verdict is not None) is found
    if found:
        assert verdict.clause == "三(二)1" and verdict.category == "应保未保"
        assert f"全年{int(D(standard) * 12)}元" in verdict.reason


def test_should_be_covered_not_when_on_the_dibao_roster():
    assert should_be_covered(annual_per_capita=D(0), standard=D(630), poverty_status="未脱贫",
                             on_dibao=True) is None  # fmt: skip


@pytest.mark.parametrize(
    ("monthly", "line", "able", "found"),
    [("333.33", "4000", 1, True), ("333.34", "4000", 1, False), ("312.25", "3747", 2, False),
     ("312.24", "3747", 2, True), ("100", "4000", 0, False)],
)  # fmt: skip
def test_should_be_registered_below_the_poverty_line_with_someone_able_to_work(
    monthly, line, able, found
):
    verdict = should_be_registered(monthly_per_capita=D(monthly), poverty_line=D(line),
                                   able_to_work=able, registered=False)  # fmt: skip
    assert (verdict is not None) is found
    if found:
        assert verdict.clause == "三(二)2" and "三保障" in verdict.reason


@pytest.mark.parametrize(
    ("monthly", "standard", "found"),
    [("630", "630", True), ("629.99", "630", False), ("630.01", "630", True),
     ("610", "610", True), ("609.99", "610", False)],
)  # fmt: skip
def test_should_exit_at_or_above_the_standard(monthly, standard, found):
    verdict = should_exit(monthly_per_capita=D(monthly), standard=D(standard))
    assert (verdict is not None) is found
    if found:
        assert verdict.clause == "三(三)2" and "支出型贫困" in verdict.reason

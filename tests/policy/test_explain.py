"""Explanations: short plain Chinese for residents, every reason for staff, one word table."""

from __future__ import annotations

import re

import pytest

from policy import assess
from policy import explain as explain_module
from policy.clauses import clause_title
from policy.explain import PROGRAMME_NAMES, STATUS_WORDS, for_resident, for_staff
from tests.policy.households import household, member

HOUSEHOLDS = {
    "poor single": household(),
    "above the standard": household(income={"wages": 100000}),
    "assets to check": household(assets={"vehicles": 1}),
    "everything": household(
        assessed_on="2026-02-01",
        registered_poor=True,
        returned_to_poverty=True,
        members=[
            member(serious_illness=True),
            member(age=75, relation="mother", disability_grade=1, needs_long_term_care=True),
            member(age=5, relation="grandchild", able_to_work=False),
            member(age=14, relation="child", in_school=True, disability_grade=3),
        ],
        rigid_expenses={"medical": 20000},
        three_guarantees_unmet=["housing"],
        hardship={"kind": "illness", "basic_living_unsustainable": True},
    ),
    "amounts unknown": household(
        assessed_on="2025-12-31", members=[member(disability_grade=1, needs_long_term_care=True)]
    ),
    "leaving": household(receiving_dibao=True, income={"wages": 50000}),
    "tekun": household(receiving_tekun=True),
}


@pytest.mark.parametrize("name", HOUSEHOLDS)
def test_the_resident_text_is_short_plain_chinese(name):
    text = for_resident(assess(HOUSEHOLDS[name]))
    assert len(text) <= 3 * 70, f"{len(text)} characters: {text}"
    assert not re.search(r"[A-Za-z_]", text), text  # no codes or English words
    assert "核实" in text and "乡镇" in text  # what happens next


def test_the_resident_hears_what_and_how_much():
    text = for_resident(assess(household(members=[member(), member(age=72, relation="father")])))
    assert "农村低保" in text
    assert "每月大约1320元" in text  # 1260 + 60


def test_the_resident_hears_when_it_does_not_apply():
    text = for_resident(assess(household(income={"wages": 100000})))
    assert "不符合低保条件" in text and "630" in text
    assert "每月大约" not in text


def test_the_resident_hears_about_an_asset_check_and_unknown_amounts():
    assert "财产" in for_resident(assess(HOUSEHOLDS["assets to check"]))
    assert "还没定" in for_resident(assess(HOUSEHOLDS["amounts unknown"]))
    assert "退出低保" in for_resident(assess(HOUSEHOLDS["leaving"]))


@pytest.mark.parametrize("name", HOUSEHOLDS)
def test_the_staff_text_has_every_programme_and_every_reason(name):
    assessment = assess(HOUSEHOLDS[name])
    text = for_staff(assessment)
    for key, result in assessment.programmes().items():
        assert f"【{PROGRAMME_NAMES[key]}】{STATUS_WORDS[result.status]}" in text
        for reason in result.reasons:
            assert f"[{reason.clause} {clause_title(reason.clause)}] {reason.text}" in text
        if getattr(result, "monthly_amount", None) is not None:
            assert f"每月{result.monthly_amount}元" in text
    assert f"合计每月{assessment.monthly_total}元" in text
    assert "rural_dibao_standard=" in text


def test_both_texts_come_from_the_one_word_table(monkeypatch):
    assessment = assess(household(members=[member(), member(age=5, relation="child")]))
    monkeypatch.setitem(explain_module.PROGRAMME_NAMES, "classified_supplement", "测试救助金")
    assert "测试救助金" in for_resident(assessment)
    assert "【测试救助金】" in for_staff(assessment)

from datetime import date

import pytest

from cases.models import CaseStatus
from cases.procedure import move
from cases.reports.due import due_for_review
from cases.reviews import add_months, next_review_date, review_months
from policy import load_default
from tests.console_seed import file_assessed


@pytest.mark.parametrize("klass, months", [("A", 12), ("B", 6), ("C", 3)])
def test_review_cycles_follow_the_class(klass, months):
    assert review_months(klass) == months
    assert review_months(klass, load_default()) == months


def test_month_arithmetic_clamps_to_the_month_end():
    assert add_months(date(2025, 8, 31), 6) == date(2026, 2, 28)
    assert add_months(date(2023, 11, 30), 3) == date(2024, 2, 29)
    assert add_months(date(2025, 1, 15), 12) == date(2026, 1, 15)
    assert next_review_date(date(2025, 10, 1), "C") == date(2026, 1, 1)


def test_unknown_class_is_refused():
    with pytest.raises(ValueError):
        review_months("D")


def test_due_for_review_lists_approved_cases_per_township(session, cipher):
    for name, township, klass in [("甲一", "吐祥镇", "C"), ("乙二", "吐祥镇", "A"),
                                  ("丙三", "白帝镇", "C")]:  # fmt: skip
        case = file_assessed(session, cipher, name=name, township=township)
        for step in (CaseStatus.visited, CaseStatus.appraised, CaseStatus.publicised):
            move(session, case, to=step, actor="x")
        move(session, case, to=CaseStatus.approved, actor="x", klass=klass, today=date(2025, 1, 10))
    file_assessed(session, cipher, name="丁四")  # not approved
    due = due_for_review(session, township="吐祥镇", on=date(2025, 4, 1), within_days=30)
    assert [(d.applicant_name_masked, d.next_review_on, d.overdue) for d in due] == [
        ("甲*", date(2025, 4, 10), False)]  # fmt: skip
    everywhere = due_for_review(session, on=date(2025, 5, 1), within_days=0)
    assert {d.township for d in everywhere} == {"吐祥镇", "白帝镇"}
    assert all(d.overdue for d in everywhere)

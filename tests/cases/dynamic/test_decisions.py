"""A review answered, decided by staff (continue, change, exit), the exit notice; monitoring
events re-assess the household with 临时救助; every SMS short, the identity never in it."""

from __future__ import annotations

import copy
from datetime import date

import pytest
from sqlmodel import select

from cases.dynamic import exits, monitoring, reviews
from cases.dynamic.lists import review_detail, review_list
from cases.dynamic.models import Review
from cases.models import AssessmentRecord, Case, CaseStatus, CaseTransition
from cases.procedure import ProcedureError
from cases.revisions import latest_household
from channels.models import OutboundMessage
from tests.cases.dynamic.helpers import approved_case

APPROVED = date(2026, 3, 2)


def answered(session, settings, case, **income):
    review = reviews.open_review(session, case, started_by="schedule", settings=settings)
    household = copy.deepcopy(latest_household(session, case.id).household)
    household["income"].update(income)
    household["receiving_dibao"] = True
    reviews.record_answers(session, review, household=household,
                           changes={"topics": ["income"], "said": ["儿子打工一年挣五万"]})  # fmt: skip
    session.commit()
    return review


def test_income_above_the_standard_shows_before_and_after_and_the_exit_is_told(
    settings, session, cipher
):
    case = approved_case(session, cipher, approved_on=APPROVED)
    review = answered(session, settings, case, wages=50000)
    detail = review_detail(session, review)
    assert detail.before["dibao"]["status"] == "eligible"
    assert detail.after["dibao"]["status"] == "ineligible"
    assert detail.after["dibao_exit"]["status"] == "eligible"
    assert [item.status for item in review_list(session, township="吐祥镇")] == ["answered"]
    assert review_list(session, township="白帝镇") == []
    reviews.decide(session, review, decision="exit", exit_reason="income_above_standard",
                   actor="tuxiang", settings=settings, effective_on=date(2099, 1, 1))  # fmt: skip
    session.commit()
    session.refresh(case)
    assert case.status == CaseStatus.exited and case.next_review_on is None
    step = session.exec(select(CaseTransition).where(CaseTransition.to_status == "exited")).one()
    assert step.detail == {"exit_reason": "income_above_standard", "clause": "三(三)2",
                           "effective_on": "2099-01-01"}  # fmt: skip
    bodies = [
        m.body
        for m in session.exec(select(OutboundMessage).where(OutboundMessage.notice_kind == "exit"))
    ]
    text = "".join(bodies)
    assert "2099年1月1日起停发" in text and "超过低保标准" in text and "复核" in text
    # WeChat and Twilio carry these words (two SMS parts at most); the carrier the template.
    assert all(len(body) <= 2 * 67 for body in bodies) and "500236" not in text
    # The case keeps its history, and stays visible for monitoring.
    assert len(session.exec(select(AssessmentRecord)).all()) == 2
    event = monitoring.record_event(session, case, kind="illness", actor="tuxiang",
                                    basic_living_unsustainable=True)  # fmt: skip
    session.commit()
    [item] = monitoring.monitoring_list(session, township="吐祥镇")
    assert item.case_status == "exited" and item.temporary_assistance == "needs_review"
    assert session.get(AssessmentRecord, event.assessment_id).assessment["temporary_assistance"]


def test_continue_and_change_set_the_next_date_from_the_class(settings, session, cipher):
    case = approved_case(session, cipher, approved_on=APPROVED)
    review = answered(session, settings, case)
    reviews.decide(session, review, decision="continue", actor="tuxiang", settings=settings)
    assert review.status == "decided" and case.dibao_class == "C"
    with pytest.raises(ProcedureError):
        reviews.decide(session, review, decision="continue", actor="tuxiang", settings=settings)
    second = reviews.start_now(session, case, actor="tuxiang", settings=settings)
    assert second.id != review.id
    with pytest.raises(ProcedureError) as refused:
        reviews.decide(session, second, decision="change", klass="D", actor="t", settings=settings)
    assert refused.value.field == "class"
    reviews.decide(session, second, decision="change", klass="B", actor="t", settings=settings)
    session.refresh(case)
    assert case.dibao_class == "B"


def test_an_exit_names_a_reason_and_only_an_approved_case_leaves(settings, session, cipher):
    case = approved_case(session, cipher, approved_on=APPROVED)
    for reason, field in (("because", "reason"),):
        with pytest.raises(ProcedureError) as refused:
            exits.exit_case(session, case, reason=reason, actor="t", settings=settings)
        assert refused.value.field == field
    with pytest.raises(ProcedureError) as refused:
        exits.exit_case(session, case, reason="moved_away", actor="t", settings=settings,
                        effective_on=date(2000, 1, 1))  # fmt: skip
    assert refused.value.field == "effective_on"
    exits.exit_case(session, case, reason="by_request", actor="t", settings=settings)
    with pytest.raises(ProcedureError):
        exits.exit_case(session, case, reason="by_request", actor="t", settings=settings)


def test_a_monitoring_event_on_an_approved_household_gives_temporary_assistance(session, cipher):
    case = approved_case(session, cipher, approved_on=APPROVED)
    event = monitoring.record_event(session, case, kind="accident", actor="tuxiang",
                                    note="老汉儿摔断腿 电话13800000001",
                                    basic_living_unsustainable=True)  # fmt: skip
    assessment = session.get(AssessmentRecord, event.assessment_id).assessment
    assert assessment["temporary_assistance"]["status"] == "eligible"
    assert latest_household(session, case.id).source == "monitoring"
    assert "13800000001" not in event.note
    with pytest.raises(monitoring.MonitoringError) as refused:
        monitoring.record_event(session, case, kind="flood", actor="t")
    assert refused.value.field == "kind"
    assert monitoring.case_of_phone(session, "+8613800000001").id == case.id


def test_a_case_without_a_phone_is_a_visit_at_once(settings, session, cipher):
    case = approved_case(session, cipher, approved_on=APPROVED, phone=None)
    review = reviews.open_review(session, case, started_by="schedule", settings=settings)
    assert (review.status, review.no_reply_reason) == ("no_reply", "no_phone")
    assert session.exec(select(Review)).one().id == review.id
    assert session.get(Case, case.id).status == CaseStatus.approved

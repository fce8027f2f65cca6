"""What staff do with a finding: an outcome, a case filed in one step (known facts filled
in, channel and source 信息比对), a review of the household's case for 应退未退, an SMS
invitation through the outbox."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import select

from cases.audit import events
from cases.casefile import get_case
from cases.models import Applicant, AuditEvent, CaseStatus, CaseTransition, HouseholdRecord
from cases.procedure import move
from cases.reports.due import due_for_review
from cases.rosters.followup import (
    FollowupError,
    case_from_finding,
    household_cases,
    invitation,
    invite,
    open_review,
    record_outcome,
)
from cases.rosters.models import RosterFinding
from channels.models import ChannelContact, OutboundMessage
from tests.cases.rosters.rosters import dibao_rows, person, registered_rows
from tests.cases.rosters.test_runs import run_of
from tests.console_seed import file_assessed

TODAY = date(2025, 8, 1)


@pytest.fixture
def run(session, cipher, tmp_path):
    dibao = dibao_rows(
        {"低保户编号": "D1", "身份证号": "a", "姓名": "张大山", "家庭月人均收入": 700,
         "联系电话": "13800000001", "保障人数": 2},
        {"低保户编号": "D1", "身份证号": "b", "姓名": "李小花", "与户主关系": "配偶",
         "家庭月人均收入": 700, "保障人数": 2, "劳动能力": "有"},
        {"低保户编号": "D2", "身份证号": "bad:c", "姓名": "王五", "家庭月人均收入": 650},
    )  # fmt: skip
    registered = registered_rows(
        {"户编号": "R1", "身份证号": "d", "姓名": "赵六", "年人均纯收入": 3000, "家庭人口": 2,
         "劳动能力": "普通劳动力", "脱贫状态": "返贫", "住房安全保障": "否"},
        {"户编号": "R1", "身份证号": "e", "姓名": "钱七", "与户主关系": "子女", "年人均纯收入": 3000,
         "家庭人口": 2, "劳动能力": "无劳动力", "脱贫状态": "返贫", "住房安全保障": "否"},
        {"户编号": "R2", "乡镇": "某某乡", "身份证号": "f", "年人均纯收入": 3000},
    )  # fmt: skip
    return run_of(session, cipher, tmp_path, dibao, registered, on=TODAY)


def finding(session, category, household) -> RosterFinding:
    return session.exec(select(RosterFinding).where(RosterFinding.category == category,
                                                    RosterFinding.household == household)).one()  # fmt: skip


def test_an_outcome_with_a_note(session, run):
    row = finding(session, "应退未退", "D1")
    record_outcome(session, row, outcome="不符合条件", note=" 有大病支出 ", actor="tuxiang")
    assert (row.outcome, row.outcome_note, row.outcome_by) == (
        "不符合条件",
        "有大病支出",
        "tuxiang",
    )
    assert events(session, action="roster_outcome").items[0].detail["finding_id"] == row.id
    with pytest.raises(FollowupError) as refused:
        record_outcome(session, row, outcome="done", note=None, actor="tuxiang")
    assert refused.value.field == "outcome"
    with pytest.raises(FollowupError) as refused:
        record_outcome(session, row, outcome="已退出", note="长" * 501, actor="tuxiang")
    assert refused.value.field == "note"


def test_a_finding_becomes_a_case_with_the_known_facts(session, cipher, run):
    row = finding(session, "应保未保", "R1")
    case, created = case_from_finding(session, row, cipher=cipher, actor="tuxiang", today=TODAY)
    session.commit()
    assert created and row.case_id == case.id and row.outcome == "核实中"
    assert (case.channel, case.township, case.village) == ("crosscheck", "吐祥镇", "龙门村")
    applicant = session.get(Applicant, case.applicant_id)
    assert applicant.name == "赵六" and applicant.phone is None
    assert applicant.id_number_hash == cipher.lookup_hash(person("d"))
    assert cipher.decrypt(applicant.id_number_encrypted) == person("d")
    record = session.exec(select(HouseholdRecord).where(HouseholdRecord.case_id == case.id)).one()
    assert record.source == "crosscheck"
    household = record.household
    assert [(m["relation"], m["age"], m["able_to_work"]) for m in household["members"]] == [
        ("applicant", 2025 - 1973, True), ("子女", 2025 - 1974, False)]  # fmt: skip
    assert household["income"]["other"] == 6000 and household["registered_poor"] is True
    assert household["returned_to_poverty"] is True and household["receiving_dibao"] is False
    assert household["three_guarantees_unmet"] == ["housing"]
    assert record.facts["finding"] == "应保未保（三(二)1）"
    assert record.facts["roster_household"] == "建档立卡名单 R1"
    public = get_case(session, case_id=case.id)
    dibao = public.assessment["dibao"]
    assert dibao["status"] == "needs_review"
    assert any(r["text"].startswith("比对名单未载明") for r in dibao["reasons"])
    filed = session.exec(select(AuditEvent).where(AuditEvent.action == "filed")).one()
    assert filed.actor == "tuxiang" and filed.detail["channel"] == "crosscheck"
    with pytest.raises(FollowupError):  # once
        case_from_finding(session, row, cipher=cipher, actor="tuxiang", today=TODAY)


def test_a_household_with_a_case_is_linked_to_it_not_filed_again(session, cipher, run):
    existing = file_assessed(session, cipher, name="李小花", id_number=person("b"))
    row = finding(session, "应退未退", "D1")
    assert [c.id for c in household_cases(session, row)] == [
        existing.id
    ]  # a member's, not the head's
    case, created = case_from_finding(session, row, cipher=cipher, actor="county", today=TODAY)
    assert case.id == existing.id and not created and row.case_id == existing.id


def test_no_case_from_an_inconsistency_an_unknown_township_and_no_ages_without_valid_ids(
    session, cipher, run
):
    inconsistent = session.exec(select(RosterFinding).where(RosterFinding.kind == "bad_id")).one()
    with pytest.raises(FollowupError):
        case_from_finding(session, inconsistent, cipher=cipher, actor="county")
    with pytest.raises(FollowupError) as refused:
        case_from_finding(
            session, finding(session, "应保未保", "R2"), cipher=cipher, actor="county"
        )
    assert "某某乡" in refused.value.message
    case, _ = case_from_finding(session, finding(session, "应退未退", "D2"), cipher=cipher,
                                actor="county", today=TODAY)  # fmt: skip
    record = session.exec(select(HouseholdRecord).where(HouseholdRecord.case_id == case.id)).one()
    assert record.household is None  # the visit enters the household
    assert record.facts["household_size"] == 1


def test_should_exit_opens_a_review_of_the_households_approved_case(session, cipher, run):
    row = finding(session, "应退未退", "D1")
    with pytest.raises(FollowupError) as refused:
        open_review(session, row, actor="tuxiang", today=TODAY)
    assert "no case" in refused.value.message and refused.value.field is None
    case = file_assessed(session, cipher, name="张大山", id_number=person("a"))
    with pytest.raises(FollowupError) as refused:
        open_review(session, row, actor="tuxiang", today=TODAY)
    assert "not approved" in refused.value.message
    for step in (CaseStatus.visited, CaseStatus.appraised, CaseStatus.publicised):
        move(session, case, to=step, actor="tuxiang")
    move(session, case, to=CaseStatus.approved, actor="tuxiang", klass="B", today=date(2025, 3, 1))
    assert case.next_review_on == date(2025, 9, 1)
    reviewed = open_review(session, row, actor="tuxiang", today=TODAY)
    assert reviewed.id == case.id and case.next_review_on == TODAY and row.case_id == case.id
    step = session.exec(select(CaseTransition).where(CaseTransition.case_id == case.id)
                        .order_by(CaseTransition.id.desc())).first()  # fmt: skip
    assert step.detail["review_requested"] and step.reason.startswith("信息比对（应退未退）")
    assert [d.reference for d in due_for_review(session, on=TODAY, within_days=0)] == [
        case.reference
    ]
    with pytest.raises(FollowupError):
        open_review(session, finding(session, "应保未保", "R1"), actor="tuxiang")


def test_an_invitation_by_sms_through_the_outbox(session, cipher, run):
    row = finding(session, "应退未退", "D1")
    message = invite(session, row, cipher=cipher, actor="tuxiang")
    assert message.to_number == "+8613800000001" and message.sent_by == "tuxiang"
    assert message.body == invitation(row) and "报告家庭收入和支出的变化" in message.body
    # A notice: by domestic SMS its approved template, filled; WeChat and Twilio the words.
    assert (message.channel, message.notice_kind) == ("notice", "roster_report")
    assert message.template_params["township"] == (row.township or "乡镇（街道）")
    assert row.invited_at is not None
    custom = invite(session, row, cipher=cipher, actor="tuxiang", body="请来乡镇窗口。")
    assert custom.body == "请来乡镇窗口。"
    with pytest.raises(FollowupError) as refused:
        invite(session, row, cipher=cipher, actor="tuxiang", body="长" * 501)
    assert refused.value.field == "body"
    session.add(ChannelContact(phone="+8613800000001", opted_out=True))
    session.flush()
    with pytest.raises(FollowupError) as refused:
        invite(session, row, cipher=cipher, actor="tuxiang")
    assert "退订" in refused.value.message
    with pytest.raises(FollowupError) as refused:
        invite(session, finding(session, "应保未保", "R1"), cipher=cipher, actor="tuxiang")
    assert refused.value.field == "phone"
    assert len(session.exec(select(OutboundMessage)).all()) == 2
    assert "申请低保" in invitation(finding(session, "应保未保", "R1"))


def test_a_household_found_exited_leaves_dibao_by_the_exit_procedure(session, cipher, run):
    """已退出: the household's approved case takes the exit step (退出, with its reason and
    clause) and the household is told why, as the exit notice."""
    row = finding(session, "应退未退", "D1")
    case = file_assessed(session, cipher, name="张大山", id_number=person("a"))
    for step in (CaseStatus.visited, CaseStatus.appraised, CaseStatus.publicised):
        move(session, case, to=step, actor="tuxiang")
    move(session, case, to=CaseStatus.approved, actor="tuxiang", klass="B")
    record_outcome(session, row, outcome="已退出", note=None, actor="tuxiang")
    session.refresh(case)
    step = session.exec(select(CaseTransition).where(CaseTransition.to_status == "exited")).one()
    notice = session.exec(
        select(OutboundMessage).where(OutboundMessage.notice_kind == "exit")
    ).one()
    assert case.status == CaseStatus.exited and step.detail["exit_reason"] == "ineligible_on_review"
    assert notice.template_params["reason"] == "复查后已不符合低保条件"

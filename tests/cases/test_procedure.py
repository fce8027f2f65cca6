from datetime import date

import pytest
from sqlmodel import select

from cases import procedure
from cases.models import AuditEvent, CaseStatus, CaseTransition
from cases.procedure import IllegalTransition, ProcedureError, allowed_next, move
from channels.models import Message, OutboundMessage
from tests.console_seed import file_assessed

S = CaseStatus


@pytest.fixture
def case(session, cipher):
    case = file_assessed(session, cipher)
    session.commit()
    return case


def walk(session, case, *steps):
    for step in steps:
        move(session, case, to=step, actor="tuxiang", klass="B" if step == S.approved else None)


def test_the_main_path_to_approval_records_who_and_when(session, case):
    walk(session, case, S.visited, S.appraised, S.publicised)
    move(session, case, to=S.approved, actor="tuxiang", klass="C", today=date(2025, 8, 31))
    session.commit()
    assert case.status == S.approved
    assert case.dibao_class == "C" and case.next_review_on == date(2025, 11, 30)
    steps = session.exec(select(CaseTransition).where(CaseTransition.case_id == case.id)).all()
    assert [(t.from_status, t.to_status) for t in steps] == [
        (S.received, S.visited), (S.visited, S.appraised), (S.appraised, S.publicised),
        (S.publicised, S.approved)]  # fmt: skip
    assert all(t.actor == "tuxiang" and t.created_at for t in steps)
    audits = session.exec(select(AuditEvent.action).where(AuditEvent.case_id == case.id)).all()
    assert audits.count("transition") == 4
    assert allowed_next(session, case) == []


@pytest.mark.parametrize(
    "steps, wanted",
    [
        ((), S.appraised),  # skipping the visit
        ((), S.approved),
        ((S.visited,), S.publicised),
        ((S.visited, S.appraised), S.received),  # backwards
        ((S.rejected,), S.visited),  # terminal
    ],
)
def test_illegal_transitions_are_refused(session, case, steps, wanted):
    for step in steps:
        move(session, case, to=step, actor="x", reason="理由")
    with pytest.raises(IllegalTransition):
        move(session, case, to=wanted, actor="x", reason="理由", klass="A")


def test_rejection_needs_a_reason_and_approval_a_class(session, case):
    with pytest.raises(ProcedureError) as error:
        move(session, case, to=S.rejected, actor="x", reason="  ")
    assert error.value.field == "reason"
    walk(session, case, S.visited, S.appraised, S.publicised)
    with pytest.raises(ProcedureError) as error:
        move(session, case, to=S.approved, actor="x", klass="D")
    assert error.value.field == "class"
    move(session, case, to=S.rejected, actor="x", reason="公示期间有异议，经核实收入超标")
    assert case.status == S.rejected and case.decided_at is not None


def test_a_paused_case_resumes_where_it_was(session, case):
    walk(session, case, S.visited, S.info_requested)
    assert allowed_next(session, case) == [S.visited, S.callback_requested, S.rejected]
    walk(session, case, S.callback_requested)
    assert allowed_next(session, case)[0] == S.visited
    walk(session, case, S.visited, S.appraised)
    assert case.status == S.appraised


def test_a_case_filed_as_a_callback_resumes_at_received(session, cipher):
    case = file_assessed(session, cipher)
    case.status = S.callback_requested
    session.add(case)
    session.flush()
    assert allowed_next(session, case) == [S.received, S.info_requested, S.rejected]


def test_a_stale_case_is_not_overwritten(session, case, engine):
    from sqlmodel import Session

    with Session(engine) as other:
        theirs = other.get(type(case), case.id)
        move(other, theirs, to=S.visited, actor="other")
        other.commit()
    with pytest.raises(procedure.StaleCase):
        move(session, case, to=S.rejected, actor="me", reason="重复申请")


def test_asking_the_applicant_queues_an_sms_and_pauses_the_case(session, case):
    message = procedure.ask_applicant(session, case, body="请补充户口簿照片。", actor="tuxiang")
    session.commit()
    assert case.status == S.info_requested
    queued = session.get(OutboundMessage, message.id)
    assert queued.to_number == "+8613800000001" and queued.case_id == case.id
    assert queued.sent_by == "tuxiang"
    # Asking again sends another message and keeps the case paused.
    procedure.ask_applicant(session, case, body="还需要残疾证。", actor="tuxiang")
    assert case.status == S.info_requested


def test_asking_needs_a_phone_and_a_message(session, cipher):
    case = file_assessed(session, cipher, phone=None)
    with pytest.raises(ProcedureError):
        procedure.ask_applicant(session, case, body="请补充材料", actor="x")
    case2 = file_assessed(session, cipher, name="李四")
    with pytest.raises(ProcedureError):
        procedure.ask_applicant(session, case2, body="   ", actor="x")
    with pytest.raises(ProcedureError):
        procedure.ask_applicant(session, case2, body="字" * 501, actor="x")


def test_the_answer_appears_on_the_case(session, case):
    from cases.casefile import collect_replies, get_case

    procedure.ask_applicant(session, case, body="请问家里几口人？", actor="tuxiang")
    session.add(Message(conversation_id="+8613800000001", direction="in", channel="sms",
                        text="四口人"))  # fmt: skip
    session.commit()
    assert collect_replies(session, case) == 1
    session.commit()
    texts = [m.text for m in get_case(session, case_id=case.id).messages]
    assert "四口人" in texts


def test_a_review_keeps_the_case_approved_and_sets_the_next_date(session, case):
    walk(session, case, S.visited, S.appraised, S.publicised, S.approved)
    procedure.record_review(session, case, klass="A", actor="tuxiang", today=date(2026, 1, 15))
    assert case.status == S.approved and case.dibao_class == "A"
    assert case.next_review_on == date(2027, 1, 15)
    with pytest.raises(ProcedureError):
        procedure.record_review(session, case, klass="X", actor="tuxiang")

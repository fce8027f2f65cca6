"""The notices a case sends (cases.notices): filed with its reference, the decision with its
class and review date, 补充材料, a staff question (one notice, not two), the review reminder
once per review date, and the exit notice; each an outbox row of channel `notice`."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, col, select

from cases import notices, procedure
from cases.models import CaseStatus
from channels.models import OutboundMessage
from tests.console_seed import file_assessed


def rows(session: Session) -> list[OutboundMessage]:
    return list(session.exec(select(OutboundMessage).order_by(col(OutboundMessage.id))).all())


def test_filing_and_deciding_send_their_notices(session, cipher):
    case = file_assessed(session, cipher, township="吐祥镇")
    [filed] = rows(session)
    assert (filed.notice_kind, filed.channel, filed.to_number) == (
        "filed",
        "notice",
        "+8613800000001",
    )
    assert filed.template_params == {"reference": case.reference, "township": "吐祥镇",
                                     "helpline": "12345"}  # fmt: skip
    assert case.reference in filed.body and "吐祥镇" in filed.body
    for step in (CaseStatus.visited, CaseStatus.appraised, CaseStatus.publicised):
        procedure.move(session, case, to=step, actor="tuxiang")
    procedure.move(session, case, to=CaseStatus.approved, actor="tuxiang", klass="B",
                   today=date(2027, 1, 10))  # fmt: skip
    approved = rows(session)[-1]
    assert approved.notice_kind == "approved" and approved.sent_by == "tuxiang"
    assert approved.template_params["klass"] == "B"
    assert approved.template_params["review_on"] == "2027年7月10日"


def test_a_staff_question_is_one_notice(session, cipher):
    case = file_assessed(session, cipher)
    procedure.ask_applicant(session, case, body="请补充残疾证照片。", actor="tuxiang")
    kinds = [row.notice_kind for row in rows(session)]
    assert kinds == ["filed", "staff_question"] and case.status == CaseStatus.info_requested


def test_the_exit_notice(session, cipher):
    case = file_assessed(session, cipher)
    notices.exited(session, case, on=date(2027, 3, 1), reason="已迁出奉节县", actor="county")
    row = rows(session)[-1]
    assert "2027年3月1日" in row.body and "已迁出奉节县" in row.body
    assert row.template_params["reason"] == "已迁出奉节县" and row.notice_kind == "exit"


def test_a_notice_may_carry_its_own_words_where_free_text_goes(session, cipher):
    """WeChat and Twilio carry the review's first question; the carrier the template."""
    case = file_assessed(session, cipher)
    case.next_review_on = date(2027, 6, 2)
    notices.review_started(session, case, question="家里情况有变化吗？", actor="复查")
    row = rows(session)[-1]
    assert row.notice_kind == "review_reminder" and row.body == "家里情况有变化吗？"
    assert row.template_params["review_on"] == "2027年6月2日"

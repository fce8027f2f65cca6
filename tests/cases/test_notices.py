"""The notices a case sends (cases.notices): filed with its reference, the decision with its
class and review date, 补充材料, a staff question (one notice, not two), the review reminder
once per review date, and the exit notice; each an outbox row of channel `notice`."""

from __future__ import annotations

from datetime import date, timedelta

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


def test_the_review_reminder_goes_once_per_review_date(session, cipher):
    case = file_assessed(session, cipher)
    case.status, case.next_review_on = CaseStatus.approved, date.today() + timedelta(days=10)
    session.add(case)
    assert notices.remind_reviews(session, today=date.today()) == 1
    assert notices.remind_reviews(session, today=date.today()) == 0
    assert rows(session)[-1].notice_kind == "review_reminder"


def test_the_exit_notice(session, cipher):
    case = file_assessed(session, cipher)
    notices.exited(session, case, on=date(2027, 3, 1), actor="county")
    assert "2027年3月1日" in rows(session)[-1].body

"""The scheduler of 动态管理 on the real store: reviews open on their date (time moved
forward, not waited for), the household is asked once, reminded once, then shown as 未回复;
退订 and quiet hours hold; a restart or a second worker sends nothing twice."""

from __future__ import annotations

from datetime import date, timedelta

from sqlmodel import Session, select

from cases.dynamic import reviews
from cases.dynamic.models import JobStatus, Review, ScheduledJob
from cases.dynamic.scheduler import Scheduler
from cases.models import Case
from cases.procedure import request_review
from channels.models import ChannelContact, OutboundMessage
from channels.wechat import followers
from tests.cases.dynamic.helpers import FakeAssistant, approved_case, shanghai

APPROVED = date(2026, 3, 2)  # class C: reviewed on 2026-06-02
REVIEW_ON = date(2026, 6, 2)


def sent(session, case_id) -> list[OutboundMessage]:
    """The review's SMS (not the filed and approved notices of issue 17)."""
    return session.exec(
        select(OutboundMessage)
        .where(OutboundMessage.case_id == case_id, OutboundMessage.sent_by == "复查")
        .order_by(OutboundMessage.id)
    ).all()


def test_a_class_c_case_is_asked_fifteen_days_before_its_date_once(settings, engine, cipher):
    with Session(engine) as session:
        case = approved_case(session, cipher, approved_on=APPROVED)
        assert case.next_review_on == REVIEW_ON and case.dibao_class == "C"
        case_id = case.id
    assistant = FakeAssistant()
    scheduler = Scheduler(settings, engine, trigger=assistant)
    early = REVIEW_ON - timedelta(days=16)
    assert scheduler.run_once(today=early, now=shanghai(early))["opened"] == 0
    day = REVIEW_ON - timedelta(days=15)
    result = scheduler.run_once(today=day, now=shanghai(day))
    assert result["opened"] == 1 and result["ran"] == 1
    assert assistant.senders == ["+8613800000001"]
    with Session(engine) as session:
        [review] = session.exec(select(Review)).all()
        assert review.status == "asked" and review.due_on == REVIEW_ON
        messages = sent(session, case_id)
        assert messages and all(len(m.body) <= 70 for m in messages)
        assert {m.sent_by for m in messages} == {"复查"}
        # The 复查提醒 notice: WeChat or Twilio carry the question, the carrier the template.
        assert [(m.notice_kind, m.template_params["review_on"]) for m in messages] == [
            ("review_reminder", "2026年6月2日")
        ]
    # Again, and from a second worker (a restart): nothing is opened or sent twice.
    for again in (scheduler, Scheduler(settings, engine, trigger=assistant)):
        again.run_once(today=day, now=shanghai(day, 11))
    assert assistant.senders == ["+8613800000001"]
    with Session(engine) as session:
        assert len(session.exec(select(Review)).all()) == 1
        assert len(sent(session, case_id)) == len(messages)


def test_no_answer_is_reminded_once_then_shown_for_a_visit(settings, engine, cipher):
    with Session(engine) as session:
        case_id = approved_case(session, cipher, approved_on=APPROVED).id
    scheduler = Scheduler(settings, engine, trigger=FakeAssistant())
    day = REVIEW_ON - timedelta(days=15)
    scheduler.run_once(today=day, now=shanghai(day))
    with Session(engine) as session:
        asked = len(sent(session, case_id))
    for days in (6, 8, 9):  # reminded after 7 days, once
        later = day + timedelta(days=days)
        scheduler.run_once(today=later, now=shanghai(later))
    with Session(engine) as session:
        review = session.exec(select(Review)).one()
        assert review.status == "reminded"
        bodies = [m.body for m in sent(session, case_id)[asked:]]
        assert len(bodies) == 1 and "还没收到回复" in bodies[0]  # one reminder
        assert len(bodies[0]) <= 70
    later = day + timedelta(days=16)
    scheduler.run_once(today=later, now=shanghai(later))
    with Session(engine) as session:
        review = session.exec(select(Review)).one()
        assert (review.status, review.no_reply_reason) == ("no_reply", "no_answer")
        assert len(sent(session, case_id)) == asked + 1


def test_quiet_hours_hold_the_question_until_eight(settings, engine, cipher):
    with Session(engine) as session:
        approved_case(session, cipher, approved_on=APPROVED)
    assistant = FakeAssistant()
    scheduler = Scheduler(settings, engine, trigger=assistant)
    day = REVIEW_ON - timedelta(days=15)
    scheduler.run_once(today=day, now=shanghai(day, 22, 30))
    assert assistant.senders == []
    with Session(engine) as session:
        job = session.exec(select(ScheduledJob)).one()
        assert job.status == JobStatus.pending and job.attempts == 0
    scheduler.run_once(today=day, now=shanghai(day, 23, 59))
    assert assistant.senders == []
    morning = day + timedelta(days=1)
    scheduler.run_once(today=morning, now=shanghai(morning, 8, 0))
    assert len(assistant.senders) == 1


def test_an_opted_out_household_is_not_asked_and_shown_for_a_visit(settings, engine, cipher):
    with Session(engine) as session:
        case = approved_case(session, cipher, approved_on=APPROVED)
        session.add(ChannelContact(phone="+8613800000001", opted_out=True))
        session.commit()
        case_id = case.id
    assistant = FakeAssistant()
    day = REVIEW_ON - timedelta(days=15)
    Scheduler(settings, engine, trigger=assistant).run_once(today=day, now=shanghai(day))
    assert assistant.senders == []
    with Session(engine) as session:
        review = session.exec(select(Review)).one()
        assert (review.status, review.no_reply_reason) == ("no_reply", "opted_out")
        assert sent(session, case_id) == []


def test_the_assistant_down_is_tried_again_later(settings, engine, cipher):
    with Session(engine) as session:
        approved_case(session, cipher, approved_on=APPROVED)
    down = FakeAssistant(fail=True)
    day = REVIEW_ON - timedelta(days=15)
    Scheduler(settings, engine, trigger=down).run_once(today=day, now=shanghai(day))
    with Session(engine) as session:
        job = session.exec(select(ScheduledJob)).one()
        review = session.exec(select(Review)).one()
        assert (job.status, job.attempts, review.status) == (JobStatus.pending, 1, "planned")
        assert "TriggerFailed" in job.last_error
    up = FakeAssistant()
    later = shanghai(day, 12)
    Scheduler(settings, engine, trigger=up).run_once(today=day, now=later)
    assert up.senders == ["+8613800000001"]


def test_a_review_requested_by_the_cross_check_or_staff_opens_now(settings, engine, cipher):
    with Session(engine) as session:
        case = approved_case(session, cipher, approved_on=APPROVED)
        today = APPROVED + timedelta(days=20)
        request_review(session, case, actor="county", reason="信息比对（应退未退）", today=today)
        session.commit()
    assistant = FakeAssistant()
    Scheduler(settings, engine, trigger=assistant).run_once(today=today, now=shanghai(today))
    assert len(assistant.senders) == 1
    with Session(engine) as session:
        other = approved_case(session, cipher, approved_on=APPROVED, name="李四",
                              phone="+8613900000002", id_number="500236199001011235")  # fmt: skip
        review = reviews.start_now(session, session.get(Case, other.id), actor="tuxiang",
                                   settings=settings, reason="村里反映有变化")  # fmt: skip
        session.commit()
        assert review.status == "planned" and review.started_by == "tuxiang"
        assert reviews.start_now(session, session.get(Case, other.id), actor="tuxiang",
                                 settings=settings).id == review.id  # fmt: skip


def test_a_household_on_wechat_is_asked_in_its_wechat_conversation(settings, engine, cipher):
    """The phone of the case is linked to a WeChat follower: the review starts in the
    follower's conversation (where the resident's SMS go on too)."""
    with Session(engine) as session:
        case_id = approved_case(session, cipher, approved_on=APPROVED).id
        follower = followers.seen(session, openid="oFengjieReview00000000000001", cipher=cipher)
        followers.link_phone(session, conversation_id=follower.conversation_id,
                             phone="+8613800000001", cipher=cipher)  # fmt: skip
    assistant = FakeAssistant()
    day = REVIEW_ON - timedelta(days=15)
    Scheduler(settings, engine, trigger=assistant).run_once(today=day, now=shanghai(day))
    assert assistant.senders == [follower.conversation_id]
    with Session(engine) as session:
        [notice] = sent(session, case_id)
    assert notice.notice_kind == "review_reminder" and "有变化" in notice.body

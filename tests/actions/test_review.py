"""The review conversation (复查) and the hardship report in the action server, driven with
plain Trackers and no Rasa server (as the form would run them), on the real store."""

from __future__ import annotations

import asyncio
from datetime import date

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlmodel import Session, select

from actions import review_reading
from actions.review_actions import (
    ActionAskReviewDone,
    ActionReportHardship,
    ActionStartReview,
    ActionSubmitReview,
    ValidateReviewForm,
)
from cases.dynamic import reviews
from cases.dynamic.models import MonitoringEvent, Review
from cases.models import AssessmentRecord
from tests.cases.dynamic.helpers import approved_case

PHONE = "+8613800000001"


class Talk:
    """The review form's turns, applying the actions' slot events as Rasa would."""

    def __init__(self):
        self.slots: dict = {}

    def tracker(self, text: str = "", intent: str = "inform", requested="review_done") -> Tracker:
        slots = {**self.slots, "requested_slot": requested}
        latest = {"text": text, "intent": {"name": intent}, "entities": []}
        events = [{"event": "user", "text": text}]
        return Tracker(PHONE, slots, latest, events, False, None, {"name": "review_form"}, "rest")

    def run(self, action, tracker) -> list[str]:
        dispatcher = CollectingDispatcher()
        result = action.run(dispatcher, tracker, {})
        events = asyncio.run(result) if asyncio.iscoroutine(result) else result
        for event in events:
            if event.get("event") == "slot":
                self.slots[event["name"]] = event["value"]
        return [m["text"] for m in dispatcher.messages]

    def say(self, text: str) -> list[str]:
        self.run(ValidateReviewForm(), self.tracker(text))
        if self.slots.get("review_done"):
            return self.run(ActionSubmitReview(), self.tracker(text, requested=None))
        return self.run(ActionAskReviewDone(), self.tracker(text))


def start(settings, engine, cipher) -> Talk:
    with Session(engine) as session:
        case = approved_case(session, cipher, approved_on=date(2026, 3, 2), members=2,
                             agriculture=6000)  # fmt: skip
        reviews.open_review(session, case, started_by="schedule", settings=settings)
        session.commit()
    talk = Talk()
    talk.run(ActionStartReview(), talk.tracker("EXTERNAL: start_review", "start_review", None))
    talk.run(ValidateReviewForm(), talk.tracker("", "start_review", None))  # activation
    return talk


def test_income_rose_is_read_and_the_household_re_assessed(settings, action_db, cipher):
    talk = start(settings, action_db, cipher)
    [invitation] = talk.run(ActionAskReviewDone(), talk.tracker())
    assert "有变化吗" in invitation and "FJ" in invitation
    assert "收入" in talk.say("收入涨了")[0]
    assert "还有别的变化" in talk.say("儿子在外面打工，一年挣五万")[0]
    [thanks] = talk.say("没有了")
    assert "变化都记下了" in thanks and len(thanks) <= 70
    assert talk.slots["review_id"] is None  # cleared for the next review
    with Session(action_db) as session:
        review = session.exec(select(Review)).one()
        assert review.status == "answered" and review.changes["topics"] == ["income"]
        after = session.get(AssessmentRecord, review.after_assessment_id).assessment
        assert after["dibao"]["status"] == "ineligible"
        assert after["dibao_exit"]["status"] == "eligible"  # recommend exit: 应退则退


def test_nothing_changed_is_recorded_as_such(settings, action_db, cipher):
    talk = start(settings, action_db, cipher)
    [thanks] = talk.say("没变")
    assert "没有变化" in thanks
    with Session(action_db) as session:
        review = session.exec(select(Review)).one()
        assert review.status == "answered" and review.changes["topics"] == []


def test_a_question_unread_twice_goes_to_staff_as_said(settings, action_db, cipher):
    talk = start(settings, action_db, cipher)
    assert "哪方面" in talk.say("有变化")[0]
    talk.say("说不清楚")
    with Session(action_db) as session:
        review = session.exec(select(Review)).one()
        assert review.status == "answered" and "有变化" in review.changes["said"]


def test_the_hardship_report_records_a_monitoring_event(settings, action_db, cipher):
    with Session(action_db) as session:
        approved_case(session, cipher, approved_on=date(2026, 3, 2))
    talk = Talk()
    [reply] = talk.run(ActionReportHardship(), talk.tracker("家里出事了，老汉儿出车祸住院了，屋头揭不开锅了",
                                                            "report_hardship", None))  # fmt: skip
    assert "吐祥镇社会救助窗口" in reply and len(reply) <= 70
    with Session(action_db) as session:
        event = session.exec(select(MonitoringEvent)).one()
        assert (event.kind, event.source, event.basic_living_unsustainable) == (
            "accident", "resident", True)  # fmt: skip
        assessment = session.get(AssessmentRecord, event.assessment_id).assessment
        assert assessment["temporary_assistance"]["status"] == "eligible"


def test_a_hardship_from_a_number_without_a_case_starts_the_application(action_db):
    """No case to record it on: a plea is an application (临时救助 included), started in
    this turn (a FollowupAction to the triage left the rules with no next step)."""
    talk = Talk()
    dispatcher = CollectingDispatcher()
    text = "家里出事了，老汉儿出车祸住院了，日子过不下去了"
    events = ActionReportHardship().run(dispatcher, talk.tracker(text, "report_hardship", None), {})
    assert events == [{"event": "followup", "timestamp": None, "name": "action_start_application"}]


def test_every_question_fits_an_sms():
    for text in review_reading.QUESTIONS.values():
        assert len(text) <= 70, text

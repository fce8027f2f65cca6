"""The review conversation (复查) and the resident's own hardship report (返贫监测) in the
assistant: thin actions over ``actions.review_reading`` (the steps, pure) and
``cases.dynamic`` (the store).

The scheduler triggers the intent ``start_review`` in the household's SMS conversation
(``cases.dynamic.scheduler``): ``action_start_review`` loads the household's facts, the form
``review_form`` asks "has anything changed?" and then only what changed, and
``action_submit_review`` re-assesses the household and leaves the decision to staff.
"家里出事了" (intent ``report_hardship``) records a monitoring event on the household's case.
"""

from __future__ import annotations

import logging
import re
from datetime import date

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import review_reading
from actions.application_facts import to_household
from actions.first_message import _HELP, _PERSONAL, wants_to_apply
from actions.helpline import ActionTriage, reply_to
from actions.reading.standing_text import read_hardship
from actions.store import identity_cipher, store_engine
from cases.dynamic import monitoring, reviews
from cases.dynamic.models import Review, ReviewStatus
from channels.records import is_wechat
from channels.wechat import followers
from core.database import session_scope
from core.masking import mask_personal
from core.phones import normalise_phone
from core.settings import get_settings

log = logging.getLogger(__name__)
REVIEW_SLOTS = ("review_id", "review_reference", "review_facts", "review_state", "review_done")
INVITATION = (
    "您好，这里是奉节县低保复查（编号{reference}）。最近家里情况有变化吗？"
    "没变化请回“没变”；有变化请直接说，比如：儿子出去打工了，一年挣三万。"
)
THANKS_NO_CHANGE = "好的，记下了：家里情况没有变化。工作人员核实后会短信告诉您结果，谢谢！"
THANKS_CHANGED = "好的，变化都记下了。工作人员核实后会短信告诉您结果，有事可打{helpline}。"
NOT_SAVED = "不好意思，系统出了点问题，没能记下。请稍后再回一次，或打{helpline}。"
HARDSHIP_NOTED = "收到，已告诉{township}社会救助窗口，工作人员会尽快联系您。急事请打{helpline}。"
JOB_LOSS = r"(没活|失业|下岗|断了收入|没了收入|厂子垮|工地停|没得活路)"


def _phone(tracker: Tracker, session=None) -> str | None:
    """The resident's number: the sender's, or the one a WeChat follower linked."""
    phone = normalise_phone(tracker.sender_id)
    if phone is None and session is not None and is_wechat(tracker.sender_id):
        follower = followers.by_conversation(session, conversation_id=tracker.sender_id)
        phone = followers.phone_of(follower, identity_cipher()) if follower else None
    return phone


class ActionStartReview(Action):
    """Loads the open review of the sender's household into the conversation."""

    def name(self) -> str:
        return "action_start_review"

    def run(self, dispatcher, tracker, domain):
        phone, found = None, None
        with session_scope(store_engine()) as session:
            phone = _phone(tracker, session)
            pair = reviews.review_for_phone(session, phone, conversation_id=tracker.sender_id)
            if pair is not None:
                review, case = pair
                household, facts = reviews.household_of(session, case.id)
                if household:
                    found = (review.id, case.reference,
                             review_reading.slots_from_household(household, facts))  # fmt: skip
        if found is None:
            log.warning("start_review without an open review for …%s", (phone or "")[-4:])
            return [SlotSet("review_id", None), SlotSet("review_done", True)]
        review_id, reference, facts = found
        return [SlotSet("review_id", review_id), SlotSet("review_reference", reference),
                SlotSet("review_facts", facts), SlotSet("review_state", review_reading.new_state()),
                SlotSet("review_done", None)]  # fmt: skip


class ValidateReviewForm(FormValidationAction):
    """Reads each answer of the review; ``review_done`` ends it."""

    def name(self) -> str:
        return "validate_review_form"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict]:
        state = tracker.get_slot("review_state") or review_reading.new_state()
        if tracker.get_slot("requested_slot") is None or tracker.get_slot("review_id") is None:
            # Activation (the triggered intent is no answer), or nothing to review.
            return [SlotSet("review_state", state),
                    SlotSet("review_done", True if tracker.get_slot("review_id") is None else None)]  # fmt: skip
        text = tracker.latest_message.get("text") or ""
        state, facts = review_reading.take_answer(
            text, state, tracker.get_slot("review_facts") or {}
        )
        return [SlotSet("review_state", state), SlotSet("review_facts", facts),
                SlotSet("review_done", True if state["done"] else None)]  # fmt: skip


class ActionAskReviewDone(Action):
    """The review's next question (the first one names the case)."""

    def name(self) -> str:
        return "action_ask_review_done"

    def run(self, dispatcher, tracker, domain):
        state = tracker.get_slot("review_state") or review_reading.new_state()
        if state["step"] == "changed" and not state["said"]:
            reference = tracker.get_slot("review_reference") or ""
            dispatcher.utter_message(text=INVITATION.format(reference=reference))
        else:
            dispatcher.utter_message(text=review_reading.question(state))
        return []


class ActionSubmitReview(Action):
    """Re-assesses the household with what it said; staff see before and after and decide."""

    def name(self) -> str:
        return "action_submit_review"

    def run(self, dispatcher, tracker, domain):
        helpline = get_settings().helpline_number
        review_id = tracker.get_slot("review_id")
        clear = [SlotSet(slot, None) for slot in REVIEW_SLOTS]
        if review_id is None:
            return clear
        state = tracker.get_slot("review_state") or review_reading.new_state()
        facts = tracker.get_slot("review_facts") or {}
        household = to_household(facts, date.today())
        household["receiving_dibao"] = True  # reviewed because it receives 低保
        members = facts.get("members") or []
        changes = {
            "topics": state["changed"],
            "said": state["said"],
            "to_verify": facts.get("household_size") not in (None, len(members))
            or bool(set(review_reading.mentioned(" ".join(state["said"]))) - set(state["changed"])),
        }
        try:
            with session_scope(store_engine()) as session:
                review = session.get(Review, review_id)
                if review is not None and review.status in ReviewStatus.OPEN:
                    reviews.record_answers(session, review, household=household, changes=changes)
        except Exception:
            log.exception("the review %s could not be recorded", review_id)
            dispatcher.utter_message(text=NOT_SAVED.format(helpline=helpline))
            return clear
        text = THANKS_CHANGED if state["changed"] else THANKS_NO_CHANGE
        dispatcher.utter_message(text=text.format(helpline=helpline))
        return clear


class ActionReportHardship(Action):
    """ "家里出事了": a monitoring event (返贫监测) on the household's case, re-assessed for
    临时救助; without a case, the way to apply."""

    def name(self) -> str:
        return "action_report_hardship"

    def run(self, dispatcher, tracker, domain):
        helpline = get_settings().helpline_number
        text = tracker.latest_message.get("text") or ""
        phone = _phone(tracker)
        reading = read_hardship(text) or {}
        kind = reading.get("kind") or "other"
        if re.search(JOB_LOSS, text) and not reading:
            kind = "job_loss"
        township = None
        try:
            with session_scope(store_engine()) as session:
                phone = _phone(tracker, session)
                case = monitoring.case_of_phone(session, phone, conversation_id=tracker.sender_id)
                if case is not None:
                    monitoring.record_event(
                        session, case, kind=kind, actor="resident", source="resident",
                        note=mask_personal(text),
                        basic_living_unsustainable=bool(reading.get("basic_living_unsustainable")),
                    )  # fmt: skip
                    township = case.township
        except Exception:
            log.exception("the hardship of …%s could not be recorded", (phone or "")[-4:])
            dispatcher.utter_message(text=NOT_SAVED.format(helpline=helpline))
            return []
        if township is None:
            return not_a_case(dispatcher, tracker, domain, text)
        dispatcher.utter_message(text=HARDSHIP_NOTED.format(township=township, helpline=helpline))
        return []


def not_a_case(dispatcher, tracker, domain, text: str) -> list:
    """A hardship told by a number with no case: the message is what the intent the
    assistant ranked next says it is — an application (a plea, a story: 临时救助 included),
    a policy question, or whatever the triage makes of it. Done here, in this turn: a
    FollowupAction to another action would leave the rules with no next step."""
    ranked = [
        item.get("name")
        for item in (tracker.latest_message or {}).get("intent_ranking") or []
        if item.get("name") != "report_hardship"
    ]
    runner_up = ranked[0] if ranked else None
    # The household's own trouble, told with the help it asks for ("…日子紧得很，想问下低保").
    own_plea = bool(_PERSONAL.search(text) and _HELP.search(text))
    if runner_up == "apply_dibao" or own_plea or wants_to_apply(text) or read_hardship(text):
        return [FollowupAction("action_start_application")]
    if runner_up == "faq":
        return reply_to(dispatcher, tracker, asked=True)
    return ActionTriage().run(dispatcher, tracker, domain)

"""The actions that talk to the store, with a plain Tracker and no server."""

from rasa_sdk import Tracker
from rasa_sdk.events import FollowupAction
from rasa_sdk.executor import CollectingDispatcher
from sqlmodel import Session

from actions.application import ActionAskConfirmed, ActionSubmitApplication, mask_numbers
from actions.conversation import ActionCheckStatus, ActionHandoff
from actions.helpline import ActionTriage
from cases import casefile, queue
from cases.models import CaseStatus
from cases.queue import QueueFilters
from tests.actions.simulation import Conversation
from tests.actions.test_application_flow import TYPICAL

PHONE = "+8613800000001"


def tracker(slots=None, events=None, sender=PHONE, text="") -> Tracker:
    return Tracker(
        sender,
        slots or {},
        {"text": text, "intent": {"name": "inform"}},
        events or [],
        False,
        None,
        {},
        "rest",
    )


def completed_slots():
    conversation = Conversation(PHONE)
    for text, intent in TYPICAL:
        conversation.say(text, intent)
    return conversation.slots


def file_typical(dispatcher, events=()):
    return ActionSubmitApplication().run(dispatcher, tracker(completed_slots(), list(events)), {})


def test_filing_stores_every_fact_and_the_assessment(action_db):
    dispatcher = CollectingDispatcher()
    events = [
        {"event": "user", "text": "身份证500236199001011235"},
        {"event": "bot", "text": "请问住哪里"},
    ]
    result = file_typical(dispatcher, events)
    reference = dispatcher.messages[0]["case_reference"]
    assert {
        "event": "slot",
        "name": "case_reference",
        "value": reference,
        "timestamp": None,
    } in result
    outcome, documents = dispatcher.messages[1]["text"], dispatcher.messages[2]["text"]
    assert "低保" in outcome and "残疾人证" in documents and "户口簿" in documents
    with Session(action_db) as session:
        listing = queue.search(session, QueueFilters(phone=PHONE))
        case = casefile.get_case(session, case_id=listing.items[0].id)
    assert case.reference == reference
    assert case.applicant.name == "张小明"
    assert case.applicant.id_number_masked == "500236********1235"
    assert case.village == "石梁村"
    assert len(case.household["members"]) == 4
    assert case.household["income"]["basic_pension"] == 1440
    assert case.assessment["dibao"]["status"] in ("eligible", "needs_review")
    assert [m.text for m in case.messages][0] == "身份证500236********1235"
    assert "id_number" not in case.facts and "phone" not in case.facts


def test_a_store_failure_is_told_politely_and_keeps_the_answers(monkeypatch):
    def broken():
        raise RuntimeError("disk full")

    monkeypatch.setattr("actions.application.store_engine", broken)
    dispatcher = CollectingDispatcher()
    result = file_typical(dispatcher)
    assert [m["response"] for m in dispatcher.messages] == ["utter_case_not_filed"]
    assert {e["name"] for e in result} == {"confirmed", "requested_slot"}


def test_the_summary_masks_the_identity_number():
    dispatcher = CollectingDispatcher()
    ActionAskConfirmed().run(dispatcher, tracker(completed_slots()), {})
    text = dispatcher.messages[0]["text"]
    assert "张小明" in text and "500236********1235" in text and "4口人" in text
    assert "500236199001011235" not in text


def test_status_is_told_only_for_the_senders_own_cases(action_db):
    file_typical(CollectingDispatcher())
    with Session(action_db) as session:
        reference = queue.search(session, QueueFilters(phone=PHONE)).items[0].reference
    mine = CollectingDispatcher()
    ActionCheckStatus().run(mine, tracker(text=f"查一下{reference}"), {})
    assert reference in mine.messages[0]["text"] and "已受理" in mine.messages[0]["text"]
    other = CollectingDispatcher()
    ActionCheckStatus().run(other, tracker(sender="+8613900000002", text=f"查一下{reference}"), {})
    assert reference not in other.messages[0]["text"]


def test_a_complaint_taken_for_a_status_question_gets_the_policys_answer(action_db):
    """No case of this number, and a complaint about the 评议 in the words of the policy:
    how to object, not "no application on record"."""
    dispatcher = CollectingDispatcher()
    text = "去年和隔壁一起申请的低保，凭啥他家评上了我家没评上"
    ActionCheckStatus().run(dispatcher, tracker(sender="+8613900000003", text=text), {})
    reply = dispatcher.messages[0]["text"]
    assert "还没有申请记录" not in reply and "12345" in reply
    plain = CollectingDispatcher()
    ActionCheckStatus().run(plain, tracker(sender="+8613900000003", text="查一下进度"), {})
    assert "还没有申请记录" in plain.messages[0]["text"]
    page = CollectingDispatcher()  # the staff's helpline page: no phone number
    ActionCheckStatus().run(page, tracker(sender="helpline-page-1", text=text), {})
    assert "手机号" not in page.messages[0]["text"] and "12345" in page.messages[0]["text"]


def test_a_policy_question_taken_for_a_call_back_request_gets_its_answer(action_db):
    """Nothing to call back about (no case, no application under way) and a question in the
    policy's own terms: the answer, not only "请找工作人员"."""
    dispatcher = CollectingDispatcher()
    text = "村上打电话说我家收入超标了，这个收入是算哪些人的收入"
    ActionHandoff().run(dispatcher, tracker(sender="+8613900000004", text=text), {})
    assert "家庭收入" in dispatcher.messages[0]["text"]  # what counts as the household's income
    assert "三(三)1" in dispatcher.messages[0]["text"]
    plain = CollectingDispatcher()
    ActionHandoff().run(plain, tracker(sender="+8613900000004", text="我要找人工"), {})
    assert "请找工作人员" in plain.messages[0]["text"]


def test_handoff_flags_the_case_for_a_call_back(action_db):
    file_typical(CollectingDispatcher())
    dispatcher = CollectingDispatcher()
    ActionHandoff().run(dispatcher, tracker(), {})
    assert "12345" in dispatcher.messages[0]["text"]
    with Session(action_db) as session:
        item = queue.search(session, QueueFilters(phone=PHONE)).items[0]
    assert item.handoff_requested and item.status == CaseStatus.callback_requested


def test_numbers_typed_in_chat_are_masked_in_the_transcript():
    assert mask_numbers("身份证500236199001011235 电话13812345678") == (
        "身份证500236********1235 电话138****5678"
    )


def _triage(text: str, slots: dict) -> tuple[list, list]:
    dispatcher = CollectingDispatcher()
    tracked = Tracker(
        PHONE, slots, {"text": text, "intent": {"name": "correct"}}, [], False, None, {}, "rest"
    )
    return ActionTriage().run(dispatcher, tracked, {}), dispatcher.messages


def test_a_first_message_taken_for_a_correction_starts_the_application():
    events, said = _triage("我是村干部，帮我们村一个老人问下低保咋个申请", {})
    assert events == [FollowupAction("action_start_application")]
    assert said == []


def test_a_correction_after_filing_goes_to_the_window():
    events, said = _triage("刚才说错了，是5口人", {"case_reference": "FJABCDEF"})
    assert events == []
    assert [m["response"] for m in said] == ["utter_after_filing_correction"]


def test_consent_not_read_twice_is_no_refusal():
    # what the form leaves after two answers to the consent notice that could not be read
    slots = {"consent": False, "unknown_facts": ["consent"], "unclear": {"consent": ["啥子"]}}
    dispatcher = CollectingDispatcher()
    events = ActionSubmitApplication().run(dispatcher, tracker(slots), {})
    assert {"event": "slot", "name": "consent", "value": None, "timestamp": None} in events
    said = dispatcher.messages[0]["text"]
    assert "回“申请”" in said and "转人工" in said  # how to go on, not "不登记也可以"


def test_a_yes_after_a_filler_is_consent():
    conversation = Conversation(PHONE)
    conversation.say("哦 要得要得")
    assert conversation.slots["consent"] is True


def test_a_request_to_say_it_again_taken_for_a_goodbye_gets_the_question_again():
    from actions.conversation import ActionPauseApplication

    dispatcher = CollectingDispatcher()
    events = ActionPauseApplication().run(
        dispatcher, tracker({"medium": "voice"}, text="你说啥子 再说一遍"), {}
    )
    assert events == [FollowupAction("application_form")] and dispatcher.messages == []
    for medium, response in (
        ("voice", "utter_application_paused_voice"),
        (None, "utter_application_paused"),
    ):
        paused = CollectingDispatcher()
        ActionPauseApplication().run(paused, tracker({"medium": medium}, text="我先忙了"), {})
        assert paused.messages[0]["response"] == response


def test_in_the_application_the_core_fallback_gives_the_message_to_the_form():
    """After a pause no policy may know what comes next: the form reads the answer rather
    than "没听懂" with the message forgotten, which every answer would meet again."""
    from actions.helpline import ActionDefaultFallback

    form = Tracker(
        PHONE,
        {"requested_slot": "confirmed"},
        {"text": "对 对头", "intent": {"name": "affirm"}},
        [],
        False,
        None,
        {"name": "application_form"},
        "rest",
    )
    dispatcher = CollectingDispatcher()
    events = ActionDefaultFallback().run(dispatcher, form, {})
    assert dispatcher.messages == []
    assert [e["event"] for e in events] == ["rewind", "action", "user", "followup"]
    assert events[-1] == FollowupAction("application_form") and events[2]["text"] == "对 对头"


def test_are_you_a_bot_then_a_plea_says_what_it_is_and_starts_the_application():
    from actions.helpline import ActionIAmABot

    dispatcher = CollectingDispatcher()
    events = ActionIAmABot().run(
        dispatcher, tracker(text="你是真人还是机器？我想给我爸申请低保 他瘫在床上好几年了"), {}
    )
    assert dispatcher.messages[0]["response"] == "utter_iamabot"
    assert events == [FollowupAction("action_start_application")]
    dispatcher = CollectingDispatcher()
    assert ActionIAmABot().run(dispatcher, tracker(text="你是不是机器人"), {}) == []
    assert [m["response"] for m in dispatcher.messages] == ["utter_iamabot"]


def test_a_story_taken_for_a_call_back_request_starts_the_application(action_db):
    """ "我帮我爸问一下低保 他…摔下来…": a story told for someone, not a person asked for."""
    text = "你好 我帮我爸问一下低保 他今年六月份帮人家拉电线 从上面摔下来 腰杆以下都没得知觉了"
    dispatcher = CollectingDispatcher()
    events = ActionHandoff().run(dispatcher, tracker(sender="+8613900000005", text=text), {})
    assert events == [FollowupAction("action_start_application")] and not dispatcher.messages


def test_the_story_before_the_application_is_kept():
    """A cadre's story answered as a policy question, then "申请低保": the application keeps
    whom it is for and what the story told; an earlier policy question tells nothing."""
    from actions.first_message import ActionStartApplication

    story = "我是鹤峰乡狮子村的村主任，帮我们村一个老人问低保。老人今年91了，眼睛看不见，也下不了床"
    events = [
        {"event": "session_started"},
        {"event": "user", "text": "低保标准是好多"},
        {"event": "bot", "text": "现在630元"},
        {"event": "user", "text": story},
        {"event": "bot", "text": "可以向村上反映"},
        {"event": "user", "text": "申请低保"},
    ]
    start = Tracker(
        PHONE, {}, {"text": "申请低保", "intent": {"name": "apply_dibao"}}, events, False,
        None, {}, "rest",
    )  # fmt: skip
    told = {
        e["name"]: e["value"]
        for e in ActionStartApplication().run(CollectingDispatcher(), start, {})
        if e.get("event") == "slot"
    }
    assert told["proxy"]["by"] == "cadre"
    assert told["village"] == "狮子村" and told["members"][0]["bedridden"] is True

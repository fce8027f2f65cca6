"""The form's actions with a plain Tracker and no server."""

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlmodel import Session

from actions import store as action_store
from actions.application import ActionFileCase, ValidateApplicationForm
from cases import store


def tracker(slots=None, events=None, sender="+8613800000001") -> Tracker:
    return Tracker(
        sender, slots or {}, {}, events or [], False, None, {"name": "application_form"}, "rest"
    )


@pytest.fixture
def action_db(settings, engine, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", settings.database_url)
    from cases.config import get_settings

    get_settings.cache_clear()
    action_store.store_engine.cache_clear()
    yield engine
    get_settings.cache_clear()
    action_store.store_engine.cache_clear()


@pytest.mark.parametrize(
    ("slot", "text", "value"),
    [
        ("applicant_name", "我叫张小明", "张小明"),
        ("township", "吐祥", "吐祥镇"),
        ("household_size", "四口人", 4),
        ("annual_income", "每个月一千", 12000),
    ],
)
def test_valid_answers_are_parsed(slot, text, value):
    dispatcher = CollectingDispatcher()
    form = ValidateApplicationForm()
    result = getattr(form, f"validate_{slot}")(text, dispatcher, tracker(), {})
    assert result == {slot: value}
    assert dispatcher.messages == []


@pytest.mark.parametrize(
    ("slot", "text"),
    [
        ("applicant_name", "123"),
        ("township", "北京"),
        ("household_size", "好多"),
        ("annual_income", "不晓得"),
    ],
)
def test_bad_answers_are_asked_again_with_an_example(slot, text):
    dispatcher = CollectingDispatcher()
    result = getattr(ValidateApplicationForm(), f"validate_{slot}")(text, dispatcher, tracker(), {})
    assert result == {slot: None}
    assert [m["response"] for m in dispatcher.messages] == [f"utter_invalid_{slot}"]


def test_filing_stores_the_case_and_tells_the_reference(action_db):
    dispatcher = CollectingDispatcher()
    slots = {
        "applicant_name": "张小明",
        "township": "吐祥镇",
        "household_size": 4,
        "annual_income": 12000,
    }
    events = [{"event": "user", "text": "申请"}, {"event": "bot", "text": "请问名字"}]
    result = ActionFileCase().run(dispatcher, tracker(slots, events), {})
    reference = dispatcher.messages[0]["case_reference"]
    assert dispatcher.messages[0]["response"] == "utter_case_filed"
    assert {
        "event": "slot",
        "name": "case_reference",
        "value": reference,
        "timestamp": None,
    } in result
    with Session(action_db) as session:
        listing = store.list_cases(session, phone="+8613800000001")
        case = store.get_case(session, case_id=listing.items[0].id)
    assert case.reference == reference
    assert case.facts == {"household_size": 4, "annual_income": 12000}
    assert [m.text for m in case.messages] == ["申请", "请问名字"]


def test_a_store_failure_is_told_politely_and_raises_nothing(monkeypatch):
    def broken():
        raise RuntimeError("disk full")

    monkeypatch.setattr("actions.application.store_engine", broken)
    dispatcher = CollectingDispatcher()
    slots = {
        "applicant_name": "张小明",
        "township": "吐祥镇",
        "household_size": 4,
        "annual_income": 12000,
    }
    assert ActionFileCase().run(dispatcher, tracker(slots), {}) == []
    assert [m["response"] for m in dispatcher.messages] == ["utter_case_not_filed"]

"""The slot table (actions/slots.py) against what must agree with it: Rasa's domain, the
form's questions and their wording, and the summary the resident confirms."""

from __future__ import annotations

from pathlib import Path

import yaml

from actions import application_facts, questions, slots
from actions.asking import wording

DOMAIN = yaml.safe_load(Path("bot/domain/application.yml").read_text(encoding="utf-8"))


def test_the_domain_declares_every_slot_of_the_table():
    declared = set(DOMAIN["slots"])
    assert {slot.name for slot in slots.TABLE} <= declared
    # and the application declares nothing the table does not know (case_reference outlives it)
    assert declared - {slot.name for slot in slots.TABLE} == {"case_reference"}


def test_the_form_asks_the_tables_questions_in_its_order():
    assert DOMAIN["forms"]["application_form"]["required_slots"] == slots.QUESTION_SLOTS
    assert [name for name, _, _ in questions.QUESTIONS] == slots.QUESTION_SLOTS


def test_every_question_is_worded_and_explained():
    worded = wording()["questions"]
    responses = DOMAIN["responses"]
    for name in slots.QUESTION_SLOTS:
        if name == "confirmed":
            continue  # the summary itself is the question (action_ask_confirmed)
        # every way of asking it is worded for SMS and for the phone
        for variant, words in worded[name].items():
            assert words.get("sms") and words.get("voice"), (name, variant)
        assert f"utter_why_{name}" in responses, name


def test_the_summary_shows_every_fact_the_table_says_it_shows():
    filled = {
        "applicant_name": "王秀英",
        "township": "吐祥镇",
        "village": "石梁村",
        "household_size": 2,
        "members": [
            {"relation": "applicant", "label": "我", "age": 78, "disability_grade": 2},
            {"relation": "child", "label": "儿子", "age": 50, "disability_grade": None},
        ],
        "income": {"basic_pension": 1440},
        "expenses": {"medical": 2000},
        "assets": {"deposits": 0, "vehicles": 0, "houses": 1},
        "status": {"registered_poor": True},
        "three_guarantees": ["housing"],
        "hardship": {"kind": "illness", "basic_living_unsustainable": False},
    }
    text = application_facts.summary(filled, id_number="500236194811020023", phone="13800138000")
    for slot in slots.TABLE:
        if not slot.shown:
            continue
        word = filled.get(slot.shown) if slot.shown in filled else slot.shown
        if slot.shown == "members":
            word = "儿子"
        if slot.shown == "残疾":
            word = "级残疾"
        assert str(word) in text, (slot.name, text)


def test_secret_slots_are_the_identity_and_phone_numbers():
    assert set(slots.SECRET_SLOTS) == {"id_number", "phone"}
    assert not set(slots.SECRET_SLOTS) & slots.BOOKKEEPING

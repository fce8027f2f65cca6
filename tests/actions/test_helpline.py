"""The policy helpline's action and answer table, with a plain Tracker and no server."""

from __future__ import annotations

import asyncio
import re
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlmodel import Session

from actions.application import DIGRESSIONS
from actions.helpline import (
    MIN_CONFIDENCE,
    SMS_LIMIT,
    ActionAnswerPolicy,
    answer_table,
    day_asked,
    render,
    selected_key,
    year_asked,
)
from cases.parameters import add_value
from core.settings import Settings
from policy.clauses import DOCUMENT, clauses
from policy.parameters import load_default

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 11, 29)
BASIS = re.compile(r"（依据：奉节府办〔2017〕158号 (?P<clause>[^）]+)）$")
DIALECT = re.compile(
    r"啥子|好多|咋个|咋|哪个|屋头|娃儿|老汉儿|没得|要得|恼火|嘛|哦|噻|不$|整|遭|哈"
)
QUESTIONS_ASKED = [
    "",
    "2017年的",
    "2018年",
    "2019年的标准是好多",
    "2020年",
    "2016年",
    "今年",
    "2030年",
]


def examples(path: Path) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for item in yaml.safe_load(path.read_text(encoding="utf-8"))["nlu"]:
        if "intent" not in item:  # lookup tables, synonyms, regexes
            continue
        lines = [line.strip()[2:].strip() for line in item["examples"].splitlines()]
        texts = [re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", line) for line in lines if line]
        found.setdefault(item["intent"], []).extend(texts)
    return found


def faq_message(key: str | None, confidence: float = 0.9, text: str = "") -> dict:
    selector = {}
    if key:
        selector = {
            "faq": {
                "response": {"intent_response_key": f"faq/{key}", "confidence": confidence},
                "ranking": [{"intent_response_key": f"faq/{key}", "confidence": confidence}],
            }
        }
    return {"text": text, "intent": {"name": "faq"}, "response_selector": selector}


def answer(message: dict) -> list[dict]:
    tracker = Tracker("+8613800000001", {}, message, [], False, None, {}, "rest")
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionAnswerPolicy().run(dispatcher, tracker, {}))
    return dispatcher.messages


# --- the answer table and the training data ---------------------------------------------------


def test_every_trained_question_has_an_answer_and_every_answer_a_question():
    trained = {intent.split("/", 1)[1] for intent in examples(ROOT / "data/nlu/faq.yml")
               if intent.startswith("faq/")}  # fmt: skip
    assert trained == set(answer_table().answers)
    assert len(trained) >= 40


def test_each_question_has_many_phrasings_in_mandarin_and_chongqing_speech():
    trained = examples(ROOT / "data/nlu/faq.yml")
    for intent, texts in trained.items():
        assert len(texts) >= 8, intent
        assert len(set(texts)) == len(texts), intent
        if intent.startswith("faq/"):
            assert any(DIALECT.search(t) for t in texts), f"{intent}: no Chongqing phrasing"
            assert any(not DIALECT.search(t) for t in texts), f"{intent}: no Mandarin phrasing"
    assert len(trained["out_of_scope"]) >= 40


def _plain(text: str) -> str:
    return re.sub(r"[\s，。,.!！?？~～:：、…]+", "", text).lower()


def test_held_out_questions_are_never_trained_on():
    trained = {_plain(t) for f in (ROOT / "data/nlu").glob("*.yml")
               for texts in examples(f).values() for t in texts}  # fmt: skip
    held_out = examples(ROOT / "tests/nlu/faq_held_out.yml")
    assert {i.split("/", 1)[1] for i in held_out if i.startswith("faq/")} == set(
        answer_table().answers
    )
    for intent, texts in held_out.items():
        assert len(texts) >= 3, intent
        for text in texts:
            assert _plain(text) not in trained, f"{intent}: {text!r} is in data/nlu"


def test_the_domain_is_generated_from_the_answer_table():
    done = subprocess.run([sys.executable, "scripts/helpline_domain.py", "--check"], cwd=ROOT,
                          capture_output=True, text=True)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    domain = yaml.safe_load((ROOT / "bot/domain/faq.yml").read_text(encoding="utf-8"))
    assert {f"utter_faq/{key}" for key in answer_table().answers} <= set(domain["responses"])
    assert "action_answer_policy" in domain["actions"]


def test_no_amount_is_frozen_in_the_answer_texts():
    for key, entry in answer_table().answers.items():
        words = re.sub(r"\{[a-z0-9_]+\}", "", entry.text)
        assert not re.search(r"\d+\s*(元|%|倍|个月)", words), key
        assert set(re.findall(r"\d+", words)) <= {"70", "6"}, key  # ages, not amounts


def test_questions_and_out_of_scope_interrupt_the_application_form():
    assert {"faq", "out_of_scope"} <= DIGRESSIONS


def test_the_out_of_scope_answer_is_honest_and_names_the_window_and_the_helpline():
    domain = yaml.safe_load((ROOT / "bot/domain/faq.yml").read_text(encoding="utf-8"))
    text = domain["responses"]["utter_out_of_scope"][0]["text"]
    assert "答不了" in text and "乡镇的社会救助窗口" in text
    assert Settings().helpline_number in text
    assert len(text) <= SMS_LIMIT


# --- every answer: two SMS segments, a clause of the county's text, nothing unfilled ------------


@pytest.mark.parametrize("key", sorted(answer_table().answers))
def test_every_answer_fits_two_segments_and_cites_an_existing_clause(key):
    parameters = load_default()
    for question in QUESTIONS_ASKED:
        text = render(key, parameters, question=question, today=TODAY, helpline="12345")
        assert len(text) <= SMS_LIMIT, (question, len(text), text)
        assert "{" not in text and "}" not in text and "None" not in text, text
        basis = BASIS.search(text)
        assert basis, text
        assert basis["clause"] in clauses(), basis["clause"]
        assert DOCUMENT in text


def test_the_answer_is_cut_into_at_most_two_sms_segments():
    from channels.wording import segment

    parameters = load_default()
    for key in answer_table().answers:
        assert len(segment(render(key, parameters, today=TODAY))) <= 2, key


# --- amounts: the value in force on the day asked, or in the year named -----------------------


@pytest.mark.parametrize(
    ("question", "year"),
    [("2019年的标准是好多", 2019), ("二〇一八年低保标准", 2018), ("二零二一年的", 2021),
     ("19年的低保标准", 2019), ("去年的标准", 2025), ("今年", 2026), ("低保标准是好多", None),
     ("我家三口人一年收入一万二", None), ("打了2000块钱的工", None)],
)  # fmt: skip
def test_the_year_named_in_a_question(question, year):
    assert year_asked(question, TODAY) == year


def test_a_past_year_reads_its_year_end_value_and_the_current_year_today():
    assert day_asked("2019年的标准是好多", TODAY) == (date(2019, 12, 31), "2019年")
    assert day_asked("今年的标准", TODAY) == (TODAY, "现在")
    assert day_asked("2031年的标准", TODAY) == (TODAY, "现在")
    assert day_asked("标准是好多", TODAY) == (TODAY, "现在")


def test_the_standard_now_and_in_a_given_year():
    parameters = load_default()
    now = render("dibao_standard", parameters, question="现在低保标准是好多", today=TODAY)
    assert "现在" in now and "630元" in now and "2025年7月1日" in now
    in_2019 = render("dibao_standard", parameters, question="2019年的标准是好多", today=TODAY)
    assert in_2019.startswith("2019年") and "410元" in in_2019
    in_2020 = render("dibao_standard", parameters, question="2020年的呢", today=TODAY)
    assert "496元" in in_2020  # raised on 2020-09-01, in force at the year's end
    before = render("dibao_standard", parameters, question="2015年的标准", today=TODAY)
    assert "还没有数" in before and "12345" in before and "元" not in before


def test_derived_amounts_follow_the_standard():
    parameters = load_default()
    text = render("separate_household", parameters, today=TODAY)
    assert "3倍" in text and "1890元" in text  # 3 x 630
    assert "20%" in render("poverty_job_wages", parameters, today=TODAY)
    assert "15120元" in render("assets", parameters, today=TODAY)  # 24 x 630


def test_a_subsidy_without_a_value_on_that_day_is_not_guessed():
    parameters = load_default()
    text = render("disability_living_subsidy", parameters, question="2024年", today=TODAY)
    assert "还没有数" in text and "元" not in text
    assert "100元" in render("disability_living_subsidy", parameters, today=TODAY)


# --- the action: the ResponseSelector's choice, the store's parameters ------------------------


def test_the_action_answers_the_selected_question_with_its_clause(action_db):
    messages = answer(faq_message("basic_pension", text="养老金算不算收入"))
    assert len(messages) == 1
    assert "基础养老金" in messages[0]["text"] and messages[0]["text"].endswith("三(三)1）")


def test_an_unsure_selection_gets_the_out_of_scope_answer_never_a_guess(action_db):
    for message in (
        faq_message("dibao_standard", confidence=MIN_CONFIDENCE / 2),
        faq_message(None),
        faq_message("no_such_question"),
    ):
        replies = answer(message)
        assert len(replies) == 1 and replies[0]["response"] == "utter_out_of_scope"
        assert not replies[0]["text"]


def test_the_selection_is_read_from_the_ranking_when_the_response_is_missing():
    message = faq_message("charity")
    message["response_selector"]["faq"]["response"] = {}
    assert selected_key(message) == "charity"


def test_an_amount_answer_changes_when_county_staff_add_a_dated_value(action_db):
    before = answer(faq_message("dibao_standard", text="低保标准是好多"))[0]["text"]
    assert "630元" in before
    with Session(action_db) as session:
        add_value(session, name="rural_dibao_standard", effective_from=date.today() - timedelta(1),
                  value=655, source="渝民规〔2026〕1号 (test)", actor="county")  # fmt: skip
        add_value(session, name="rural_dibao_standard", effective_from=date(2019, 7, 1),
                  value=430, source="test", actor="county")  # fmt: skip
        add_value(session, name="supplement_severe", effective_from=date.today() - timedelta(1),
                  value=75, source="test", actor="county")  # fmt: skip
        session.commit()
    after = answer(faq_message("dibao_standard", text="低保标准是好多"))[0]["text"]
    assert "655元" in after and "630元" not in after
    in_2019 = answer(faq_message("dibao_standard", text="2019年的标准是好多"))[0]["text"]
    assert "430元" in in_2019
    elderly = answer(faq_message("supplement_elderly", text="70岁老人加好多"))[0]["text"]
    assert "75元" in elderly
    separate = answer(faq_message("separate_household"))[0]["text"]
    assert "1965元" in separate  # 3 x 655


def test_policy_questions_look_like_questions_to_the_application_form():
    """In the middle of the application a `faq` message is read as an answer unless
    `speech.looks_like_question` says it is a question (actions/application.py)."""
    from actions.reading.speech import looks_like_question

    texts = [
        text
        for path in (ROOT / "data/nlu/faq.yml", ROOT / "tests/nlu/faq_held_out.yml")
        for intent, found in examples(path).items()
        if intent.startswith("faq/")
        for text in found
    ]
    missed = [text for text in texts if not looks_like_question(text)]
    assert len(missed) <= 0.05 * len(texts), missed[:20]


@pytest.mark.parametrize(
    "text, replied",
    [
        ("吃降压药 还有眼药水", False),  # an answer to the costs question, not a question
        ("腿脚不好，血压高", False),
        ("信用社贷款利息是好多", True),  # a question outside the policy
    ],
)
def test_in_the_application_only_a_question_gets_the_out_of_scope_reply(text, replied):
    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    from actions.helpline import ActionOutOfScopeInForm

    slots = {"requested_slot": "expenses", "consent": True, "members": []}
    latest = {"text": text, "intent": {"name": "out_of_scope"}, "entities": []}
    events = [{"event": "user", "text": text}]
    tracker = Tracker(
        "+8613800000009", slots, latest, events, False, None, {"name": "application_form"}, "rest"
    )
    dispatcher = CollectingDispatcher()
    ActionOutOfScopeInForm().run(dispatcher, tracker, {})
    assert bool(dispatcher.messages) is replied


def test_thanks_told_with_a_story_is_answered_as_thanks(action_db):
    replies = answer(
        faq_message(None, text="太谢谢村上了，去年帮我们把屋顶补好了，现在日子过得走了")
    )
    assert len(replies) == 1 and replies[0]["text"].startswith("不客气")
    assert "答不了" not in replies[0]["text"] and Settings().helpline_number in replies[0]["text"]
    assert len(replies[0]["text"]) <= SMS_LIMIT


@pytest.mark.parametrize(
    ("text", "declined"),
    [
        # another office's matter the NLU took for a farewell: the out-of-scope reply
        ("前几年就说要通自来水 等了又等 施工队一直没来", True),
        # a farewell that names one: the farewell
        ("好的 自来水的事我晓得了 再见", False),
    ],
)
def test_another_office_s_matter_taken_for_a_goodbye(action_db, text, declined):
    from actions.helpline import ActionGoodbye

    latest = {"text": text, "intent": {"name": "goodbye"}, "entities": []}
    tracker = Tracker("+8613800000011", {}, latest, [], False, None, {}, "rest")
    dispatcher = CollectingDispatcher()
    ActionGoodbye().run(dispatcher, tracker, {})
    said = " ".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages)
    assert ("utter_out_of_scope" in said or "12345" in said) is declined
    assert ("utter_goodbye" in said) is not declined


@pytest.mark.parametrize(
    "text, question",
    [
        # 几 after 十, 有时候, 就, 这, 前 … is "a few", not "how many?"
        ("洗碗一天六七十 一个月有时候十几天有时候几天 说不清楚", False),
        ("一个月做十几天", False),
        ("前几天去医院查了", False),
        ("申请要几天能批", True),
        ("低保一年评几次", True),
    ],
)
def test_a_few_days_is_no_question(text, question):
    from actions.reading.speech import looks_like_question

    assert looks_like_question(text) is question

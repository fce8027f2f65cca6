"""Every resident persona through the application form's own reading logic, without Rasa
(``tests.personas.run.run_offline``: the form's validation and its ask actions, the
resident hearing each question): every persona is filed, no question is asked a third time,
no fact is wrong where the words were unclear, and the facts right keep the floors over all
the personas and per held-out set. The live run through the real servers is
tests/e2e/test_personas.py; the two agree but for what the NLU adds (docs/conversation.md)."""

from __future__ import annotations

import os
import statistics

import pytest

from tests.personas.floors import ALL_FLOOR, HELD_OUT_FLOORS, below_floors, newest_held_out
from tests.personas.resident import load_all
from tests.personas.run import report, run_offline_all


@pytest.fixture(scope="module")
def outcomes():
    # one process per core: the same outcomes as one at a time (a conversation is its own)
    return run_offline_all(load_all(), workers=len(os.sched_getaffinity(0)))


def test_every_persona_reaches_filing(outcomes):
    assert [o.id for o in outcomes if not o.filed] == []


def test_no_question_is_asked_a_third_time(outcomes):
    assert {o.id: o.most_asked for o in outcomes if o.most_asked > 2} == {}


def test_no_wrong_fact_where_the_words_were_unclear(outcomes):
    wrong = {o.id: o.wrong_where_unclear for o in outcomes if o.wrong_where_unclear}
    assert wrong == {}


def test_facts_right_over_all_the_personas(outcomes):
    summary = report(outcomes)
    assert summary["right_share"] >= ALL_FLOOR, {k: v for k, v in summary.items() if k != "by_set"}


def test_each_held_out_set_keeps_its_floor(outcomes):
    """Each held-out set keeps at least its floor; the newest set must have one."""
    by_set = report(outcomes)["by_set"]
    assert newest_held_out(by_set) in HELD_OUT_FLOORS
    assert below_floors(by_set) == {}


def test_messages_per_application(outcomes):
    assert statistics.median(o.messages for o in outcomes) <= 14

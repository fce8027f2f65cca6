"""Every resident persona (tests/personas) applies through the real Rasa server and action
server; the filed cases are compared with the personas' fact sheets (issue 10). The figures
per persona are written to var/personas.json and reported in docs/conversation.md."""

from __future__ import annotations

import json
import statistics
from dataclasses import asdict
from pathlib import Path

import pytest

from tests.personas.resident import load_all
from tests.personas.run import Live, report

pytestmark = pytest.mark.e2e
# Floors of the held-out sets that guard against regressions: held_out_5 was 76.8 % the first
# time, then mended; held_out_6 84.2 %, held_out_7 75.5 %, held_out_8 80.9 % and held_out_9
# 84.1 % (one not filed) the first time, each then read and mended (docs/conversation.md has
# the first figures).
HELD_OUT_FLOORS = {
    "held_out_5": 0.90,
    "held_out_6": 0.85,
    "held_out_7": 0.86,
    "held_out_8": 0.86,
    "held_out_9": 0.90,
    "held_out_10": 0.94,
    "held_out_11": 0.88,
    "held_out_12": 0.89,
    "held_out_13": 0.90,
    "held_out_14": 0.83,
    "held_out_15": 0.94,
    "held_out_16": 0.88,
    "held_out_17": 0.85,
    "held_out_18": 0.93,
    "held_out_19": 0.82,
    "held_out_20": 0.86,
    "held_out_21": 0.84,
    "held_out_22": 0.93,
    "held_out_23": 0.85,
    "held_out_24": 0.80,
    # read in the fifteenth session (87.5, 85.8 and 89.9 % the first time; offline after
    # reading 92.6, 90.2 and 93.6 %)
    "held_out_25": 0.90,
    "held_out_26": 0.87,
    "held_out_27": 0.91,
    # read in the sixteenth session (92.6 and 90.1 % the first time)
    "held_out_28": 0.90,
    "held_out_29": 0.88,
    # written and first measured in the sixteenth session after those (92.6 and 88.3 %)
    "held_out_30": 0.90,
    "held_out_31": 0.86,
    # written, first measured and read in the seventeenth session (86.7 and 89.9 % the first time)
    "held_out_32": 0.86,
    "held_out_33": 0.91,
    # written, first measured and read in the eighteenth session (92.6 and 92.6 % the first
    # time; offline after reading 96.9 and 96.9 %)
    "held_out_34": 0.93,
    "held_out_35": 0.93,
    # … and after those (89.4 and 90.3 % the first time; offline after reading 90.8 and 90.8 %)
    "held_out_36": 0.88,
    "held_out_37": 0.88,
    # written, first measured and read in the nineteenth session (92.2 and 86.0 % the first
    # time; offline after reading 95.6 and 90.6 %)
    "held_out_38": 0.93,
    "held_out_39": 0.88,
    # … and after those (89.5 and 89.1 % the first time; offline after reading 94.4 and
    # 90.8 %)
    "held_out_40": 0.91,
    "held_out_41": 0.88,
}
# The issue's target is 95 % of the sheets' facts right over all the personas. It holds over
# the 375 personas of the thirteenth session (95.05 % live in the fourteenth), but not over
# the 435 with the four sets added in the fourteenth (94.25 % live), nor over the 465 with the
# two of the fifteenth (94.7 % offline once read): this floor guards against sliding back
# while the target is still open (docs/conversation.md, "Figures").
ALL_FLOOR = 0.94
OUT = Path(__file__).resolve().parents[2] / "var" / "personas.json"


@pytest.fixture(scope="module")
def outcomes(stack):
    live = Live(stack["rasa_url"], "e2e-token", stack["database_url"])
    # Three conversations at a time: the same outcomes as one at a time (each has its own
    # sender id), in about two thirds of the time on two cores (docs/conversation.md).
    results = live.run_all(load_all(), prefix="+86137", workers=3)
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(
        json.dumps(
            {"summary": report(results), "personas": [asdict(o) for o in results]},
            ensure_ascii=False,
            indent=1,
        ),
        encoding="utf-8",
    )
    return results


def test_there_are_forty_personas_a_good_share_from_real_words():
    personas = load_all()
    assert len(personas) >= 40
    real = [p for p in personas if p.made == "real"]
    assert len(real) >= 15 and all(p.sources for p in real)


def test_every_persona_reaches_filing(outcomes):
    assert [o.id for o in outcomes if not o.filed] == []


def test_no_question_is_asked_a_third_time(outcomes):
    assert {o.id: o.most_asked for o in outcomes if o.most_asked > 2} == {}


def test_no_wrong_fact_where_the_words_were_unclear(outcomes):
    wrong = {o.id: o.wrong_where_unclear for o in outcomes if o.wrong_where_unclear}
    assert wrong == {}


def test_facts_right_on_the_filed_cases(outcomes):
    """The sheets' facts right over all the personas (every set has been read after its first
    measurement; those first figures are in the docs) do not fall below the floor."""
    summary = report(outcomes)
    assert summary["right_share"] >= ALL_FLOOR, summary


def test_the_newest_held_out_set_does_not_slide_back(outcomes):
    """Each held-out set keeps at least its floor; the newest set must have one."""
    summary = report(outcomes)["by_set"]
    newest = max(
        (name for name in summary if name.startswith("held_out")),
        key=lambda name: int(name.rsplit("_", 1)[-1]) if name[-1].isdigit() else 1,
    )
    assert newest in HELD_OUT_FLOORS, newest
    for name, floor in HELD_OUT_FLOORS.items():
        assert summary[name]["right_share"] >= floor, (name, summary[name])


def test_messages_per_application(outcomes):
    assert statistics.median(o.messages for o in outcomes) <= 14

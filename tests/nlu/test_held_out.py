"""The held-out NLU set (tests/nlu/held_out.yml) is really held out, and both it and the
training data (data/nlu) cover every intent and entity the application conversation relies on.
Plain YAML reading; no Rasa needed."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
TRAINING = sorted((ROOT / "data" / "nlu").glob("*.yml"))
HELD_OUT = ROOT / "tests" / "nlu" / "held_out.yml"

INTENTS = (
    "greet", "goodbye", "affirm", "deny", "thank", "bot_challenge", "apply_dibao", "inform",
    "dont_know", "ask_why", "correct", "start_over", "handoff", "check_status",
)  # fmt: skip
ENTITIES = (
    "person_name", "id_number", "phone", "township", "village", "relation", "age",
    "member_count", "disability_grade", "amount", "reference",
)  # fmt: skip

# [value](entity), [value](entity:synonym) and [value]{"entity": ...}
ANNOTATION = re.compile(r"\[([^\]]+)\](?:\(([^)]+)\)|(\{[^}]*\}))")
NOISE = re.compile(r"[\s，。,.!！?？~～:：、…]+")


def parse(example: str) -> tuple[str, list[tuple[str, str]]]:
    """The plain text of an annotated example and its (entity, value) pairs."""
    entities = []

    def plain(match: re.Match) -> str:
        value, short, braces = match.groups()
        entity = short.split(":")[0] if short else json.loads(braces)["entity"]
        entities.append((entity, value))
        return value

    return ANNOTATION.sub(plain, example), entities


def load(path: Path) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """(intent, text, entities) of every intent example in a Rasa NLU YAML file."""
    rows = []
    for item in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("nlu", []):
        if "intent" not in item:
            continue
        for line in str(item.get("examples", "")).splitlines():
            if line.strip().startswith("- "):
                text, entities = parse(line.strip()[2:].strip())
                rows.append((item["intent"], text, entities))
    return rows


def normal(text: str) -> str:
    return NOISE.sub("", text).lower()


@pytest.fixture(scope="module")
def training():
    return [row for path in TRAINING for row in load(path)]


@pytest.fixture(scope="module")
def held_out():
    return load(HELD_OUT)


def test_held_out_is_not_in_the_training_data(training, held_out):
    trained = {normal(text) for _, text, _ in training}
    leaked = sorted(text for _, text, _ in held_out if normal(text) in trained)
    assert leaked == []


def test_held_out_has_no_duplicates(held_out):
    counts = Counter(normal(text) for _, text, _ in held_out)
    assert [text for text, n in counts.items() if n > 1] == []


def test_every_intent_is_trained_and_tested(training, held_out):
    trained = Counter(intent for intent, _, _ in training)
    tested = Counter(intent for intent, _, _ in held_out)
    assert {i: trained[i] for i in INTENTS if trained[i] < 40} == {}
    assert trained["inform"] >= 150
    assert {i: tested[i] for i in INTENTS if tested[i] < 8} == {}


def test_every_entity_is_trained_and_tested(training, held_out):
    trained = Counter(e for _, _, entities in training for e, _ in entities)
    tested = Counter(e for _, _, entities in held_out for e, _ in entities)
    assert {e: trained[e] for e in ENTITIES if trained[e] < 40} == {}
    assert {e: tested[e] for e in ENTITIES if tested[e] < 15} == {}


def test_held_out_uses_only_known_intents_and_entities(held_out):
    assert {intent for intent, _, _ in held_out} <= set(INTENTS)
    assert {e for _, _, entities in held_out for e, _ in entities} <= set(ENTITIES)


def test_township_lookup_matches_the_township_list():
    lookups = yaml.safe_load((ROOT / "data" / "nlu" / "lookups.yml").read_text(encoding="utf-8"))
    table = next(item for item in lookups["nlu"] if item.get("lookup") == "township")
    listed = [line.strip()[2:] for line in table["examples"].splitlines() if line.strip()]
    townships = yaml.safe_load((ROOT / "core" / "data" / "townships.yaml").read_text("utf-8"))
    expected = {name for t in townships for name in (t["name"], *t.get("short", []))}
    assert set(listed) == expected


@pytest.mark.parametrize("path", [*TRAINING, HELD_OUT], ids=lambda p: p.name)
def test_id_and_phone_annotations_have_the_right_shape(path):
    for _, _, entities in load(path):
        for entity, value in entities:
            if entity == "id_number":
                assert re.fullmatch(r"500236\d{11}[\dXx]", value), value
            elif entity == "phone":
                assert re.fullmatch(r"1[3-9]\d{9}", value), value
            elif entity == "reference":
                assert re.fullmatch(r"(?i)FJ[2-9A-HJ-NP-Z]{6}", value), value

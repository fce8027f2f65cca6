"""The personas are test material only: no persona's words (nor a close rewording) are in the
training data, every persona sheet is complete and consistent, and the real ones keep their
sources."""

from __future__ import annotations

import bisect
import math
import re
from pathlib import Path

import pytest
import yaml

from actions.reading.id_card import check
from tests.personas.resident import load_all

ROOT = Path(__file__).resolve().parents[2]
TOPICS = {
    "first", "consent", "applicant_name", "id_number", "phone", "township", "village",
    "household_size", "members", "health", "disability_grade", "work", "school", "income",
    "expenses", "assets", "status", "three_guarantees", "hardship", "confirmed",
    "proxy_consent", "id_readback", "other",
}  # fmt: skip
#: Two texts this alike (Jaccard similarity of their character bigrams, digits left out)
#: count as one reworded from the other. At 0.6 the only pair is a persona's
#: "吃低保的，不是建档立卡户" beside the training example "不是建档立卡户" (docs/conversation.md).
CLOSE = 0.7


def _examples() -> list[str]:
    texts = []
    for path in sorted((ROOT / "data" / "nlu").glob("*.yml")):
        for block in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", []):
            for line in (block.get("examples") or "").splitlines():
                line = re.sub(r"\[([^\]]+)\]\([^)]*\)|\[([^\]]+)\]\{[^}]*\}", r"\1\2", line)
                line = line.strip().lstrip("- ").strip()
                if line:
                    texts.append(line)
    return texts


def _bigrams(text: str) -> set[str]:
    text = re.sub(r"[\s，。,.!！?？、；;：:“”\"'\dXx*]", "", text)  # digits are not phrasing
    return {text[i : i + 2] for i in range(len(text) - 1)}


def _said(persona) -> list[str]:
    out = []
    for value in persona.says.values():
        out += value if isinstance(value, list) else [value]
    return [str(text) for text in out]


def test_no_persona_words_in_the_training_data():
    # Two sets this alike have sizes within CLOSE of each other (|A∩B| ≤ min, |A∪B| ≥ max):
    # only the examples of such sizes are compared, sorted by size.
    examples = sorted(
        ((len(grams), text, grams) for text in _examples() if len(grams := _bigrams(text)) >= 4),
        key=lambda item: item[0],
    )
    sizes = [size for size, _, _ in examples]
    close = []
    for persona in load_all():
        for text in _said(persona):
            grams = _bigrams(text)
            if len(grams) < 8:  # "没有", "同意", a name: too short to be anyone's phrasing
                continue
            low = bisect.bisect_left(sizes, math.ceil(len(grams) * CLOSE - 1e-9))
            high = bisect.bisect_right(sizes, math.floor(len(grams) / CLOSE + 1e-9))
            for _, example, other in examples[low:high]:
                if len(grams & other) / len(grams | other) >= CLOSE:
                    close.append((persona.id, text, example))
    assert close == []


@pytest.mark.parametrize("persona", load_all(), ids=lambda p: p.id)
def test_a_persona_sheet_is_complete(persona):
    assert set(persona.says) <= TOPICS
    facts = persona.facts
    assert facts["members"] and all("relation" in m and "age" in m for m in facts["members"])
    if facts.get("id_number"):
        assert check(facts["id_number"]) is None
    if persona.made == "real":
        assert all(source.get("url") and source.get("quote") for source in persona.sources)

"""The real-question sets are test material only: none of their messages, punctuation and
spaces ignored, nor a close rewording, is in the training data (data/nlu)."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from tests.personas import test_corpus

HERE = Path(__file__).resolve().parent


def _messages() -> list[dict]:
    return [q for f in sorted(HERE.glob("questions*.yaml")) for q in yaml.safe_load(f.read_text())]


def _plain(text: str) -> str:
    return re.sub(r"[\W_]+", "", text).lower()


def test_no_real_message_is_in_the_training_data():
    examples = list(test_corpus._examples())
    plain = {_plain(e) for e in examples}
    assert [q["id"] for q in _messages() if _plain(q["text"]) in plain] == []
    grams = [(e, test_corpus._bigrams(e)) for e in examples]
    close = []
    for q in _messages():
        mine = test_corpus._bigrams(q["text"])
        if len(mine) < 8:
            continue
        for example, other in grams:
            if len(other) >= 4 and len(mine & other) / len(mine | other) >= test_corpus.CLOSE:
                close.append((q["id"], example))
    assert close == []

"""Check that every entity annotation in NLU YAML files starts and ends on a jieba token
boundary, with the same dictionary as the pipeline (data/jieba). A misaligned annotation
("[妈](relation)得了癌症" when jieba reads "妈得|了") makes DIET learn and extract the wrong
span. Also flags Chinese-ID check digits that do not satisfy GB 11643.

Run with the Rasa environment's Python (it needs jieba):

    .venv-rasa/bin/python scripts/nlu_align.py data/nlu tests/nlu/held_out.yml
"""

from __future__ import annotations

import logging
import re
import sys
from pathlib import Path

import jieba
import yaml

ROOT = Path(__file__).resolve().parent.parent
ANNOTATION = re.compile(r"\[([^\]]+)\]\(([a-z_]+)\)|\[([^\]]+)\]\{\"entity\": \"([a-z_]+)\"[^}]*\}")
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK = "10X98765432"


def id_check_ok(number: str) -> bool:
    if not re.fullmatch(r"\d{17}[\dXx]", number):
        return False
    total = sum(int(d) * w for d, w in zip(number[:17], WEIGHTS, strict=True))
    return CHECK[total % 11] == number[17].upper()


def parse(example: str) -> tuple[str, list[tuple[int, int, str, str]]]:
    """Plain text and (start, end, value, entity) of one annotated example."""
    text, entities, pos = "", [], 0
    for match in ANNOTATION.finditer(example):
        text += example[pos : match.start()]
        value = match.group(1) or match.group(3)
        entity = match.group(2) or match.group(4)
        entities.append((len(text), len(text) + len(value), value, entity))
        text += value
        pos = match.end()
    return text + example[pos:], entities


def examples(path: Path):
    for item in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("nlu", []):
        if "intent" in item:
            for line in str(item.get("examples", "")).splitlines():
                line = line.strip()
                if line.startswith("- "):
                    yield item["intent"], line[2:].strip()


def main(paths: list[str]) -> int:
    jieba.setLogLevel(logging.WARNING)
    for userdict in sorted((ROOT / "data" / "jieba").glob("*")):
        jieba.load_userdict(str(userdict))
    files = []
    for name in paths or ["data/nlu"]:
        p = ROOT / name if not Path(name).is_absolute() else Path(name)
        files += sorted(p.glob("*.yml")) if p.is_dir() else [p]
    problems = 0
    for path in files:
        for intent, example in examples(path):
            text, entities = parse(example)
            tokens = list(jieba.tokenize(text))
            starts = {start for _, start, _ in tokens}
            ends = {end for _, _, end in tokens}
            for start, end, value, entity in entities:
                if start not in starts or end not in ends:
                    problems += 1
                    split = " | ".join(word for word, _, _ in tokens)
                    print(f"{path.name}: {intent}: [{value}]({entity}) misaligned: {split}")
                if entity == "id_number" and not id_check_ok(value):
                    print(f"{path.name}: note: {value} fails the GB 11643 check digit")
    print(f"{problems} misaligned annotation(s) in {len(files)} file(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

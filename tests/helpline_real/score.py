"""Score the helpline on real residents' questions (tests/helpline_real/questions.yaml).

    .venv/bin/python -m tests.helpline_real.score [--only ID ...] [--json FILE] [--show]

Starts the real Rasa server (the trained model, tests/servers.py) and the action server on a
store in a temporary folder, sends each message as the first message of its own
conversation through Rasa's REST channel, and tells what the resident received:

- ``answer:<key>``: a helpline answer (matched against every answer of the table rendered
  for the same question and day, so the key and its clause are known);
- ``declined``: the honest reply (the township window and 12345);
- ``application``: the application started or offered (for a question about one's own
  household);
- ``not_understood``, ``greeting`` or ``other``.

A message is answered right when:
- ``question``/``complaint``: an answer whose key is one of the message's ``keys`` (its
  fact and clause); an application offered after such an answer counts too;
- ``own_household``: the application is started or offered (with or without an answer);
- ``out_of_scope``: declined politely with the township window and 12345.

The messages are real residents' words from public sources: test material only, never
training data (tests/helpline_real/README.md says how they were gathered).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path

import yaml

os.environ.setdefault("ENVIRONMENT", "test")

HERE = Path(__file__).resolve().parent
QUESTIONS = HERE / "questions.yaml"
TARGET = 0.90

_APPLICATION = ("我帮您登记", "我来帮您登记", "同意请回", "要给您家申请")
_DECLINED = "答不了"


@dataclass
class Scored:
    id: str
    kind: str
    keys: list[str]
    got: str
    right: bool
    text: str
    reply: str


def load(path: Path = QUESTIONS) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def received(question: str, replies: list[str]) -> str:
    """What the resident received, as one label (see the module docstring)."""
    from actions.helpline import answer_table, render
    from cases.parameters import load_default

    parameters = load_default()
    labels = []
    for reply in replies:
        # every key whose answer reads the same (a year with no value: the same "missing" text)
        labels += [
            f"answer:{key}"
            for key in answer_table().answers
            if reply == render(key, parameters, question=question)
        ]
    joined = "".join(replies)
    if any(word in joined for word in _APPLICATION):
        labels.append("application")
    if _DECLINED in joined:
        labels.append("declined")
    if "没听懂" in joined:
        labels.append("not_understood")
    if joined.startswith("您好！这里是"):
        labels.append("greeting")
    return "+".join(labels) or "other"


def is_right(entry: dict, got: str) -> bool:
    labels = set(got.split("+"))
    kind, keys = entry["kind"], entry.get("keys") or []
    if kind == "out_of_scope":
        return "declined" in labels
    if kind == "own_household":
        return "application" in labels
    return any(f"answer:{key}" in labels for key in keys)


def score(entries: list[dict], say) -> list[Scored]:
    results = []
    for entry in entries:
        replies = say(f"rq-{entry['id']}", entry["text"])
        got = received(entry["text"], replies)
        results.append(
            Scored(
                entry["id"],
                entry["kind"],
                entry.get("keys") or [],
                got,
                is_right(entry, got),
                entry["text"],
                " / ".join(replies),
            )
        )
    return results


def summary(results: list[Scored]) -> dict:
    by_kind: dict[str, Counter] = {}
    for result in results:
        by_kind.setdefault(result.kind, Counter())[result.right] += 1
    right = sum(r.right for r in results)
    return {
        "messages": len(results),
        "right": right,
        "right_share": round(right / len(results), 4) if results else None,
        "by_kind": {
            k: {"messages": c[True] + c[False], "right": c[True]} for k, c in by_kind.items()
        },
        "received": dict(Counter(r.got.split(":")[0].split("+")[0] for r in results)),
    }


def main() -> int:
    from tests.personas.live import Servers

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=Path, default=QUESTIONS, help="the set (YAML)")
    parser.add_argument("--only", nargs="*", help="question ids")
    parser.add_argument("--json", type=Path, help="write per-message results and the summary")
    parser.add_argument("--show", action="store_true", help="print every message that failed")
    args = parser.parse_args()
    entries = [e for e in load(args.questions) if not args.only or e["id"] in args.only]
    with tempfile.TemporaryDirectory() as folder, Servers(Path(folder)) as live:
        results = score(entries, lambda sender, text: live.say(sender, text, "rest"))
    figures = summary(results)
    if args.show:
        for r in results:
            if not r.right:
                print(
                    f"{r.id} [{r.kind}] want {r.keys} got {r.got}\n  {r.text}\n  → {r.reply[:90]}"
                )
    print(json.dumps(figures, ensure_ascii=False))
    if args.json:
        args.json.write_text(
            json.dumps(
                {"summary": figures, "messages": [asdict(r) for r in results]},
                ensure_ascii=False,
                indent=1,
            ),
            encoding="utf-8",
        )
    return 0 if figures["right_share"] is not None and figures["right_share"] >= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())

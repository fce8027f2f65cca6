"""Score the policy helpline on its held-out questions and fail under the target.

    python3 scripts/helpline_accuracy.py [--model PATH] [--train] [--skip-test] [--out DIR] [--json]
                                       [--no-callers]

1. Runs `rasa test nlu --nlu tests/nlu/faq_held_out.yml --successes` on the model (default:
   the newest models/intake-*.tar.gz; --train first trains an NLU-only model into
   /tmp/nlu-models) and reads its reports (default folder var/results/helpline):
   - retrieval accuracy: the ResponseSelector's `faq/<key>` against the held-out key, as
     `rasa test nlu` computes it (response_selection_report.json) — the target, >= 0.9;
   - how many held-out policy questions the intent classifier calls `faq`.
2. Parses every held-out question with the same model (Rasa's Agent, in .venv-rasa) and
   applies actions/helpline.py's rule — intent `faq` and selector confidence >= its
   MIN_CONFIDENCE, else the out-of-scope reply — to tell what a caller actually receives:
   the right answer, a wrong answer, the honest out-of-scope reply, or another intent's reply.

Exit 1 when retrieval accuracy < 0.9. Stdlib only; any Python 3.10+ will do.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

from nlu_report import newest_model, train_nlu  # the same model choice and NLU training

ROOT = Path(__file__).resolve().parent.parent
RASA = ROOT / ".venv-rasa" / "bin" / "rasa"
RASA_PYTHON = ROOT / ".venv-rasa" / "bin" / "python"
HELD_OUT = "tests/nlu/faq_held_out.yml"
OUT = ROOT / "var" / "results" / "helpline"  # --out to keep runs apart
TARGET = 0.9


def min_confidence() -> float:
    """MIN_CONFIDENCE from actions/helpline_topic.py, read as text (no app imports here)."""
    source = (ROOT / "actions" / "helpline_topic.py").read_text(encoding="utf-8")
    return float(re.search(r"^MIN_CONFIDENCE = ([0-9.]+)", source, re.M)[1])


def run_test(model: Path, out: Path = OUT) -> None:
    subprocess.run(
        [str(RASA), "test", "nlu", "--nlu", HELD_OUT, "--model", str(model),
         "--out", str(out), "--successes", "--no-plot", "--quiet"],
        cwd=ROOT, check=True,
    )  # fmt: skip


def _load(out: Path, name: str) -> list | dict:
    path = out / name
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else []


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def score(out: Path = OUT) -> dict:
    """Retrieval accuracy and the intent figures, from the reports `rasa test nlu` wrote."""
    report = _load(out, "response_selection_report.json")
    retrieval = report.get("accuracy")
    if retrieval is None:  # older reports: micro average over the labels
        retrieval = report["micro avg"]["f1-score"]
    intents = _load(out, "intent_successes.json") + _load(out, "intent_errors.json")
    selections = _load(out, "response_selection_successes.json") + _load(
        out, "response_selection_errors.json"
    )
    predicted_intent = {row["text"]: row["intent_prediction"]["name"] for row in intents}
    faq_rows = [row for row in selections if row["intent_response_key_target"]]
    as_faq = sum(predicted_intent.get(row["text"]) == "faq" for row in faq_rows)
    errors = [
        (row["text"], row["intent_response_key_target"], row["intent_response_key_prediction"]["name"],
         round(row["intent_response_key_prediction"]["confidence"] or 0, 3))
        for row in faq_rows
        if row["intent_response_key_prediction"]["name"] != row["intent_response_key_target"]
    ]  # fmt: skip
    return {
        "questions": len(faq_rows),
        "keys": len({row["intent_response_key_target"] for row in faq_rows}),
        "retrieval_accuracy": round(float(retrieval), 4),
        "intent_faq": _share(as_faq, len(faq_rows)),
        "retrieval_errors": errors,
    }


PROBE = """
import asyncio, json, sys
from rasa.core.agent import Agent

async def main():
    agent = Agent.load(sys.argv[1])
    for text in json.load(sys.stdin):
        parsed = await agent.parse_message(text)
        response = ((parsed.get("response_selector") or {}).get("faq") or {}).get("response") or {}
        print(json.dumps({"text": text, "intent": parsed["intent"]["name"],
                          "key": response.get("intent_response_key"),
                          "confidence": response.get("confidence") or 0}, ensure_ascii=False))

asyncio.run(main())
"""


def held_out() -> list[tuple[str, str]]:
    """(intent, text) of every held-out example; stdlib reading of the Rasa YAML."""
    rows, intent = [], None
    for line in (ROOT / HELD_OUT).read_text(encoding="utf-8").splitlines():
        if match := re.match(r"\s*- intent: (\S+)", line):
            intent = match[1]
        elif intent and (match := re.match(r"\s+- (.+)", line)):
            rows.append((intent, match[1].strip()))
    return rows


def callers(model: Path) -> dict:
    """What each held-out caller receives from this model under the action's rule."""
    rows = held_out()
    done = subprocess.run(
        [str(RASA_PYTHON), "-c", PROBE, str(model)], input=json.dumps([t for _, t in rows]),
        capture_output=True, text=True, cwd=ROOT, check=True,
    )  # fmt: skip
    parsed = {}
    for line in done.stdout.splitlines():
        if line.startswith("{"):
            row = json.loads(line)
            parsed[row["text"]] = row
    threshold = min_confidence()
    policy, off_topic = Counter(), Counter()
    for intent, text in rows:
        row = parsed[text]
        if row["intent"] == "faq":
            got = row["key"] if row["confidence"] >= threshold else "out_of_scope"
        else:
            got = row["intent"]
        if intent == "out_of_scope":
            off_topic["policy answer" if got.startswith("faq/") else "honest"] += 1
        elif got == intent:
            policy["right answer"] += 1
        elif got.startswith("faq/"):
            policy["wrong answer"] += 1
        elif got == "out_of_scope":
            policy["out-of-scope reply"] += 1
        else:
            policy[f"intent {got}"] += 1
    return {"min_confidence": threshold, "policy_questions": dict(policy),
            "off_topic_questions": dict(off_topic)}  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, help="model archive (default: newest in models/)")
    parser.add_argument("--train", action="store_true", help="train an NLU-only model first")
    parser.add_argument("--skip-test", action="store_true", help="only read existing reports")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--out", type=Path, help=f"reports folder (default: {OUT})")
    parser.add_argument("--no-callers", action="store_true", help="skip step 2 (faster)")
    args = parser.parse_args()
    out = args.out.resolve() if args.out else OUT

    model = None
    if not args.skip_test:
        model = train_nlu() if args.train else (args.model or newest_model())
        if model is None or not Path(model).exists():
            print("no model: pass --model PATH or --train", file=sys.stderr)
            return 2
        run_test(Path(model), out)

    figures = score(out)
    if model is not None and not args.no_callers:
        figures["callers"] = callers(Path(model))
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=2))
    else:
        for text, target, predicted, confidence in figures["retrieval_errors"]:
            print(f"  {text}: {target} -> {predicted} ({confidence})")
        print(f"held-out questions: {figures['questions']} over {figures['keys']} keys")
        print(f"retrieval accuracy (ResponseSelector): {figures['retrieval_accuracy']:.4f} "
              f"(target {TARGET})")  # fmt: skip
        print(f"policy questions classified as faq: {figures['intent_faq']:.4f}")
        if "callers" in figures:
            seen = figures["callers"]
            print(f"what callers receive (selector confidence >= {seen['min_confidence']}):")
            print(f"  policy questions: {seen['policy_questions']}")
            print(f"  off-topic questions: {seen['off_topic_questions']}")
    ok = figures["retrieval_accuracy"] >= TARGET
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

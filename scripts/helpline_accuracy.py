"""Score the policy helpline on its held-out questions and fail under the target.

    python3 scripts/helpline_accuracy.py [--model PATH] [--train] [--skip-test] [--json]

Runs `rasa test nlu --nlu tests/nlu/faq_held_out.yml --successes` on the model (default: the
newest models/intake-*.tar.gz; --train first trains an NLU-only model into /tmp/faq-models)
and reads the reports in var/results/helpline:

- retrieval accuracy: the ResponseSelector's `faq/<key>` against the held-out key, as
  `rasa test nlu` computes it (response_selection_report.json) — target >= 0.9;
- intent: how many held-out policy questions the intent classifier calls `faq`;
- answered right: what a caller actually gets — intent `faq`, the right key, and a selector
  confidence at or above actions/helpline.py's MIN_CONFIDENCE (else the out-of-scope reply);
- out of scope: held-out off-topic questions classified `out_of_scope` (a question classified
  `faq` counts as a failure here, even though a low selector confidence would still catch it).

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

ROOT = Path(__file__).resolve().parent.parent
RASA = ROOT / ".venv-rasa" / "bin" / "rasa"
HELD_OUT = "tests/nlu/faq_held_out.yml"
OUT = ROOT / "var" / "results" / "helpline"  # --out to keep runs apart
TARGET = 0.9


def min_confidence() -> float:
    """MIN_CONFIDENCE from actions/helpline.py, read as text (no app imports here)."""
    source = (ROOT / "actions" / "helpline.py").read_text(encoding="utf-8")
    return float(re.search(r"^MIN_CONFIDENCE = ([0-9.]+)", source, re.M)[1])


def newest_model() -> Path | None:
    models = sorted((ROOT / "models").glob("intake-*.tar.gz"), key=lambda p: p.stat().st_mtime)
    return models[-1] if models else None


def train_nlu() -> Path:
    out = Path("/tmp/faq-models")
    subprocess.run(
        [str(RASA), "train", "nlu", "--config", "config.yml", "--nlu", "data/nlu",
         "--out", str(out), "--fixed-model-name", "faq-nlu", "--quiet"],
        cwd=ROOT, check=True,
    )  # fmt: skip
    return out / "faq-nlu.tar.gz"


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
    """The figures above, from the reports `rasa test nlu` wrote."""
    threshold = min_confidence()
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
    answered = sum(
        predicted_intent.get(row["text"]) == "faq"
        and row["intent_response_key_prediction"]["name"] == row["intent_response_key_target"]
        and (row["intent_response_key_prediction"]["confidence"] or 0) >= threshold
        for row in faq_rows
    )
    as_faq = sum(predicted_intent.get(row["text"]) == "faq" for row in faq_rows)
    off_topic = [row for row in intents if row["intent"] == "out_of_scope"]
    recognised = sum(row["intent_prediction"]["name"] == "out_of_scope" for row in off_topic)
    wrong_intents = Counter(
        predicted_intent[row["text"]]
        for row in faq_rows
        if predicted_intent.get(row["text"]) != "faq"
    )
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
        "answered_right": _share(answered, len(faq_rows)),
        "min_confidence": threshold,
        "out_of_scope_examples": len(off_topic),
        "out_of_scope_recognised": _share(recognised, len(off_topic)),
        "faq_taken_as": dict(wrong_intents),
        "retrieval_errors": errors,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, help="model archive (default: newest in models/)")
    parser.add_argument("--train", action="store_true", help="train an NLU-only model first")
    parser.add_argument("--skip-test", action="store_true", help="only read existing reports")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--out", type=Path, help=f"reports folder (default: {OUT})")
    args = parser.parse_args()
    out = args.out.resolve() if args.out else OUT

    if not args.skip_test:
        model = train_nlu() if args.train else (args.model or newest_model())
        if model is None or not Path(model).exists():
            print("no model: pass --model PATH or --train", file=sys.stderr)
            return 2
        run_test(Path(model), out)

    figures = score(out)
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=2))
    else:
        for text, target, predicted, confidence in figures["retrieval_errors"]:
            print(f"  {text}: {target} -> {predicted} ({confidence})")
        print(f"held-out questions: {figures['questions']} over {figures['keys']} keys")
        print(f"retrieval accuracy (ResponseSelector): {figures['retrieval_accuracy']:.4f} "
              f"(target {TARGET})")  # fmt: skip
        print(f"classified as faq: {figures['intent_faq']:.4f}; other intents: "
              f"{figures['faq_taken_as']}")  # fmt: skip
        print(f"answered right (faq, right key, confidence >= {figures['min_confidence']}): "
              f"{figures['answered_right']:.4f}")  # fmt: skip
        if figures["out_of_scope_examples"]:
            print(f"off-topic questions recognised as out_of_scope: "
                  f"{figures['out_of_scope_recognised']:.4f} of {figures['out_of_scope_examples']}")  # fmt: skip
    ok = figures["retrieval_accuracy"] >= TARGET
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

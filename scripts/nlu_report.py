"""Score the NLU model on the held-out test set and fail under the targets.

    python3 scripts/nlu_report.py [--model PATH] [--train] [--skip-test]

Runs `rasa test nlu --nlu tests/nlu/held_out.yml` on the model (default: the newest
models/*.tar.gz; --train first trains an NLU-only model into /tmp/nlu-models), then prints
the intent weighted F1 and the DIETClassifier entity weighted F1 from var/results/nlu and
exits 1 when intent F1 < 0.95 or entity F1 < 0.90. Stdlib only; any Python 3.10+ will do.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RASA = ROOT / ".venv-rasa" / "bin" / "rasa"
HELD_OUT = "tests/nlu/held_out.yml"
OUT = ROOT / "var" / "results" / "nlu"
INTENT_TARGET = 0.95
ENTITY_TARGET = 0.90


def newest_model() -> Path | None:
    models = sorted((ROOT / "models").glob("intake-*.tar.gz"), key=lambda p: p.stat().st_mtime)
    return models[-1] if models else None


def train_nlu() -> Path:
    out = Path("/tmp/nlu-models")
    subprocess.run(
        [str(RASA), "train", "nlu", "--config", "config.yml", "--nlu", "data/nlu",
         "--out", str(out), "--fixed-model-name", "nlu", "--quiet"],
        cwd=ROOT, check=True,
    )  # fmt: skip
    return out / "nlu.tar.gz"


def run_test(model: Path) -> None:
    subprocess.run(
        [str(RASA), "test", "nlu", "--nlu", HELD_OUT, "--model", str(model),
         "--out", str(OUT), "--no-plot", "--quiet"],
        cwd=ROOT, check=True,
    )  # fmt: skip


def weighted_f1(report_file: Path) -> float:
    report = json.loads(report_file.read_text(encoding="utf-8"))
    return float(report["weighted avg"]["f1-score"])


def per_label(report_file: Path) -> dict[str, float]:
    report = json.loads(report_file.read_text(encoding="utf-8"))
    return {
        label: row["f1-score"]
        for label, row in report.items()
        if isinstance(row, dict) and "f1-score" in row and not label.endswith(" avg")
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, help="model archive (default: newest in models/)")
    parser.add_argument("--train", action="store_true", help="train an NLU-only model first")
    parser.add_argument("--skip-test", action="store_true", help="only read existing reports")
    args = parser.parse_args()

    if not args.skip_test:
        model = train_nlu() if args.train else (args.model or newest_model())
        if model is None or not Path(model).exists():
            print("no model: pass --model PATH or --train", file=sys.stderr)
            return 2
        run_test(Path(model))

    intent_f1 = weighted_f1(OUT / "intent_report.json")
    entity_f1 = weighted_f1(OUT / "DIETClassifier_report.json")
    for name, path in (("intent", "intent_report.json"), ("entity", "DIETClassifier_report.json")):
        weak = {k: round(v, 3) for k, v in per_label(OUT / path).items() if v < 1.0}
        if weak:
            print(f"{name} labels below 1.0: {weak}")
    print(f"intent weighted F1: {intent_f1:.4f} (target {INTENT_TARGET})")
    print(f"entity weighted F1: {entity_f1:.4f} (target {ENTITY_TARGET})")
    ok = intent_f1 >= INTENT_TARGET and entity_f1 >= ENTITY_TARGET
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark of the rules engine: assessments per second on one core, and the CLI start-up.

    .venv/bin/python bench/assess.py [--seconds 3] [--households 1000] [--cli-runs 7]
                                     [--json var/bench-assess.json]

Throughput is measured in this process, pinned to one CPU where the OS allows, over a roster
of varied households (seeded, so every run assesses the same ones) given as plain dicts, so
validation is included. The CLI is timed as a user runs it: ``intake assess FILE`` on a small
file, started with ``subprocess`` (the median of several runs), plus a whole roster in one
process. Target: at least 5,000 assessments per second.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from policy import Household, assess  # noqa: E402

TARGET = 5000
INCOME = ("wages", "poverty_project_wages", "agriculture", "business", "basic_pension",
          "other_pension", "transfers", "other")  # fmt: skip


def _member(rng: random.Random, relation: str) -> dict:
    age = rng.choice([rng.randint(0, 17), rng.randint(18, 69), rng.randint(70, 95)])
    return {
        "age": age,
        "relation": relation,
        "disability_grade": rng.choice([None, None, None, None, 1, 2, 3, 4]),
        "needs_long_term_care": rng.random() < 0.1,
        "serious_illness": rng.random() < 0.15,
        "bedridden": rng.random() < 0.05,
        "in_school": 6 <= age <= 22 and rng.random() < 0.8,
        "able_to_work": 18 <= age < 65 and rng.random() < 0.8,
    }


def roster(size: int, seed: int = 158) -> list[dict]:
    """``size`` varied Household dicts, the same for the same seed."""
    rng = random.Random(seed)
    households = []
    for _ in range(size):
        n = rng.randint(1, 6)
        relations = ["applicant", "spouse", "child", "child", "father", "mother"]
        income = {key: 0 for key in INCOME}
        for key in rng.sample(INCOME, rng.randint(0, 3)):
            income[key] = rng.choice([rng.randint(0, 30000), round(rng.uniform(0, 9000), 2)])
        households.append(
            {
                "assessed_on": f"{rng.randint(2017, 2027)}-{rng.randint(1, 12):02d}-01",
                "members": [_member(rng, relations[i]) for i in range(n)],
                "income": income,
                "rigid_expenses": {
                    "medical": rng.choice([0, 0, rng.randint(0, 40000)]),
                    "disability_care": rng.choice([0, 0, rng.randint(0, 10000)]),
                    "education": rng.choice([0, rng.randint(0, 8000)]),
                },
                "assets": {
                    "deposits": rng.choice([0, rng.randint(0, 50000)]),
                    "vehicles": rng.choice([0, 0, 0, 1]),
                    "houses": rng.choice([0, 1, 1, 1, 2]),
                    "commercial_property": rng.random() < 0.05,
                },
                "registered_poor": rng.random() < 0.4,
                "receiving_dibao": rng.random() < 0.3,
                "receiving_tekun": rng.random() < 0.05,
                "returned_to_poverty": rng.random() < 0.1,
                "three_guarantees_unmet": rng.sample(
                    ["education", "medical", "housing"], rng.randint(0, 2)
                ),  # fmt: skip
                "hardship": rng.choice(
                    [
                        None,
                        None,
                        None,
                        {
                            "kind": rng.choice(["accident", "illness", "disaster", "other"]),
                            "basic_living_unsustainable": rng.random() < 0.5,
                        },
                    ]  # fmt: skip
                ),
            }
        )
    return households


def _pin_to_one_core() -> str:
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    return "not pinned (no sched_setaffinity)"


def throughput(households: list, seconds: float, work) -> tuple[int, int]:
    """Calls of ``work(household)`` per CPU second and per wall-clock second, over at least
    ``seconds`` of wall time. CPU time is the figure for "one core" on a shared machine."""
    for household in households[:200]:  # warm the caches (parameters per date)
        work(household)
    done, start, cpu_start = 0, time.perf_counter(), time.process_time()
    while (elapsed := time.perf_counter() - start) < seconds:
        for household in households:
            work(household)
        done += len(households)
    cpu = time.process_time() - cpu_start
    return round(done / cpu), round(done / elapsed)


def cli_startup(runs: int, intake: Path) -> dict:
    """Wall time of ``intake assess`` on one household, and on a roster of 1000, in seconds."""
    with tempfile.TemporaryDirectory() as folder:
        small, large = Path(folder, "household.json"), Path(folder, "roster.json")
        small.write_text(json.dumps(roster(1)[0]), encoding="utf-8")
        large.write_text(json.dumps(roster(1000)), encoding="utf-8")

        def timed(path: Path) -> float:
            start = time.perf_counter()
            subprocess.run([str(intake), "assess", str(path)], check=True, capture_output=True)
            return time.perf_counter() - start

        timed(small)  # warm the file cache
        times = [timed(small) for _ in range(runs)]
        roster_time = timed(large)
        imports = []
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", "import policy"], check=True)
            imports.append(time.perf_counter() - start)
    return {
        "command": f"{intake} assess household.json",
        "runs": runs,
        "median_s": round(statistics.median(times), 3),
        "min_s": round(min(times), 3),
        "python_import_policy_median_s": round(statistics.median(imports), 3),
        "roster_1000_s": round(roster_time, 3),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0, help="time per throughput figure")
    parser.add_argument("--households", type=int, default=1000, help="size of the roster")
    parser.add_argument("--cli-runs", type=int, default=7, help="CLI start-ups to time")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)

    pinned = _pin_to_one_core()
    households = roster(args.households)
    parsed = [Household.model_validate(h) for h in households]
    load = round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None
    dicts = throughput(households, args.seconds, assess)
    models = throughput(parsed, args.seconds, assess)
    with_json = throughput(households, args.seconds, lambda h: assess(h).model_dump_json())
    report = {
        "python": platform.python_version(),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, {pinned}",
        "load_average_1min": load,
        "households": len(households),
        "assess_dict_per_cpu_s": dicts[0],
        "assess_dict_per_wall_s": dicts[1],
        "assess_model_per_cpu_s": models[0],
        "assess_model_per_wall_s": models[1],
        "assess_and_json_per_cpu_s": with_json[0],
        "assess_and_json_per_wall_s": with_json[1],
        "target_per_s": TARGET,
        "cli": cli_startup(args.cli_runs, Path(sys.executable).with_name("intake")),
    }
    ok = dicts[0] >= TARGET
    cli = report["cli"]
    print(f"policy.assess on one core ({report['machine']}, Python {report['python']},"
          f" load average {load}):")  # fmt: skip
    print("                                     per CPU second   per wall second")
    for label, (cpu, wall) in (
        ("from dicts (validation included)", dicts),
        ("from Household models", models),
        ("from dicts + JSON out", with_json),
    ):
        print(f"  {label:<34} {cpu:>12,} {wall:>17,}")
    print(f"  target {TARGET:,}/s (dicts, per CPU second): {'met' if ok else 'NOT MET'}")
    print(f"intake assess (one household): median {cli['median_s']} s, min {cli['min_s']} s"
          f" over {cli['runs']} runs; `import policy` alone {cli['python_import_policy_median_s']} s;"
          f" a roster of 1000 in one process {cli['roster_1000_s']} s")  # fmt: skip
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

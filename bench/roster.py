"""Benchmark of the roster cross-check (信息比对): two generated rosters of 200,000 member rows
each, checked as CSV and as XLSX, each check on one core in a process of its own.

    .venv/bin/python bench/roster.py [--rows 200000] [--runs 1] [--keep var/bench-roster]
                                     [--json var/bench-roster.json]

The rosters (seeded, so every run checks the same ones) are written once into ``--keep``
and reused: the 低保 roster as UTF-8 CSV with a byte-order mark and the 建档立卡 roster as
GB18030 CSV, both with a title row above the header; the same rows as XLSX, the 低保 one
with identity numbers stored as numbers and the 建档立卡 one as text. About two thirds of
the 建档立卡 households are on the 低保 roster too (a tenth of those split differently),
with a sprinkle of every 信息不一致 and of unreadable rows.

A check is timed as ``cases.rosters.check.check_rosters`` plus the JSON the CLI prints, in a
child process pinned to one CPU; peak memory is that process's maximum resident set
(``VmHWM``), interpreter and imports included. Targets: CSV ≤ 20 s, XLSX ≤ 90 s, peak
≤ 1 GB; the exit status is 1 when one is missed. The console's upload is timed too (the
CSV check and the run kept in a fresh SQLite store: findings masked, facts encrypted), with
no target.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.id_numbers import check_character  # noqa: E402

TARGETS = {"csv": 20.0, "xlsx": 90.0}
MEMORY_TARGET_MB = 1024
TOWNSHIPS = ["吐祥镇", "白帝镇", "草堂镇", "汾河镇", "康乐镇", "大树镇", "竹园镇", "公平镇",
             "朱衣镇", "甲高镇", "羊市镇", "兴隆镇", "青龙镇", "永乐镇", "安坪镇", "五马镇"]  # fmt: skip
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
GIVEN = "德福桂英志强秀兰建国淑芬永红玉珍长江凤春梅明光荣翠华平安家兴大小山水云"
DIBAO_HEADER = ["低保户编号", "乡镇", "村", "姓名", "身份证号", "与户主关系", "保障人数", "月保障金",
                "类别", "家庭月人均收入", "劳动能力", "联系电话", "备注"]  # fmt: skip
REGISTERED_HEADER = ["户编号", "乡镇", "村", "姓名", "身份证号", "与户主关系", "家庭人口",
                     "年人均纯收入", "劳动能力", "脱贫状态", "义务教育保障", "基本医疗保障",
                     "住房安全保障", "联系电话"]  # fmt: skip
RELATIONS = ["户主", "配偶", "子女", "子女", "父母", "孙子女"]
ABLE = ["普通劳动力", "技能劳动力", "弱劳动力或半劳动力", "丧失劳动力", "无劳动力"]


def _person(rng: random.Random, serial: int) -> tuple[str, str]:
    born = date(1940, 1, 1) + timedelta(days=rng.randrange(0, 80 * 365))
    first17 = f"500236{born:%Y%m%d}{serial % 1000:03d}"
    number = first17 + check_character(first17)
    name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2)))
    return name, number


def families(rows: int, seed: int) -> list[list[tuple[str, str]]]:
    """Families of 1–6 people, about ``rows`` people in all (identity numbers unique)."""
    rng = random.Random(seed)
    found, people, serial = [], 0, 0
    while people < rows:
        size = min(rng.choice([1, 2, 2, 3, 3, 3, 4, 4, 5, 6]), rows - people)
        family = []
        for _ in range(size):
            serial += 1
            family.append(_person(rng, serial))
        found.append(family)
        people += size
    return found


def roster_rows(rows: int, seed: int = 158) -> tuple[list[list], list[list]]:
    """The 低保 and 建档立卡 rosters' data rows: ``rows`` member rows each."""
    rng = random.Random(seed + 1)
    everyone = families(int(rows * 1.7), seed)
    rng.shuffle(everyone)
    cut = len(everyone) * 2 // 5
    shared, only_registered, only_dibao = everyone[:cut], everyone[cut:], everyone[cut:]
    rng.shuffle(only_dibao)
    dibao, registered = [], []
    people = 0
    pool = iter(shared + only_dibao[: len(only_dibao) // 2])
    for index, family in enumerate(pool):
        if people >= rows:
            break
        place = (
            rng.choice(TOWNSHIPS),
            f"{rng.choice('东南西北上下')}{rng.choice('河山岭湾坪坝')}村",
        )
        monthly = rng.choice([rng.randint(100, 620), rng.randint(630, 900)])
        klass = rng.choice("ABC")
        for position, (name, number) in enumerate(family):
            cells = [f"D{index:07d}", *place, name, number, RELATIONS[min(position, 5)],
                     len(family), 300 * len(family), klass, monthly,
                     rng.choice(["有", "无"]), f"138{rng.randint(0, 99999999):08d}", ""]  # fmt: skip
            dibao.append(cells)
            people += 1
    people = 0
    pool = iter(shared + only_registered[len(only_registered) // 2 :])
    for index, family in enumerate(pool):
        if people >= rows:
            break
        place = (
            rng.choice(TOWNSHIPS),
            f"{rng.choice('东南西北上下')}{rng.choice('河山岭湾坪坝')}村",
        )
        parts = [family] if len(family) < 4 or rng.random() < 0.9 else [family[:2], family[2:]]
        for part_index, part in enumerate(parts):
            annual = rng.choice([rng.randint(2000, 7500), rng.randint(7600, 20000)])
            status = rng.choice(["未脱贫", "已脱贫", "已脱贫", "返贫"])
            guarantees = [rng.choice(["是", "是", "是", "否"]) for _ in range(3)]
            for position, (name, number) in enumerate(part):
                cells = [f"R{index:07d}-{part_index}", *place, name, number,
                         RELATIONS[min(position, 5)], len(part), annual, rng.choice(ABLE), status,
                         *guarantees, ""]  # fmt: skip
                registered.append(cells)
                people += 1
    _sprinkle(rng, dibao, id_at=4, name_at=3, money_at=9)
    _sprinkle(rng, registered, id_at=4, name_at=3, money_at=7)
    return dibao[:rows], registered[:rows]


def _sprinkle(rng: random.Random, rows: list[list], *, id_at: int, name_at: int, money_at: int):
    """Every kind of trouble, a few hundred times each."""
    for _ in range(len(rows) // 500):
        row = rng.choice(rows)
        row[id_at] = row[id_at][:-1] + ("0" if row[id_at][-1] != "0" else "1")  # bad_id
        rng.choice(rows)[name_at] += "某"  # name_mismatch when on the other roster
        rng.choice(rows)[money_at] = "不详"  # unreadable
        rng.choice(rows)[1] = "奉节县" + rng.choice(TOWNSHIPS)  # same place, other words
        donor, taker = rng.choice(rows), rng.choice(rows)
        taker[id_at] = donor[id_at]  # two_households (or a duplicate)


def write_files(folder: Path, rows: int, seed: int) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = {
        "dibao.csv": folder / "dibao.csv",
        "registered_poor.csv": folder / "registered_poor.csv",
        "dibao.xlsx": folder / "dibao.xlsx",
        "registered_poor.xlsx": folder / "registered_poor.xlsx",
    }
    stamp = folder / f"rows-{rows}-seed-{seed}"
    if stamp.exists() and all(p.exists() for p in paths.values()):
        return paths
    started = time.perf_counter()
    dibao, registered = roster_rows(rows, seed)
    _csv(paths["dibao.csv"], DIBAO_HEADER, dibao, "utf-8-sig")
    _csv(paths["registered_poor.csv"], REGISTERED_HEADER, registered, "gb18030")
    _xlsx(paths["dibao.xlsx"], DIBAO_HEADER, dibao, ids_as_numbers=True)
    _xlsx(paths["registered_poor.xlsx"], REGISTERED_HEADER, registered, ids_as_numbers=False)
    for old in folder.glob("rows-*"):
        old.unlink()
    stamp.touch()
    print(f"generated {len(dibao):,} + {len(registered):,} rows in "
          f"{time.perf_counter() - started:.0f} s → {folder}", file=sys.stderr)  # fmt: skip
    return paths


def _csv(path: Path, header: list[str], rows: list[list], encoding: str) -> None:
    with open(path, "w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["奉节县2025年第三季度名单（导出）"])
        writer.writerow(header)
        writer.writerows(rows)


def _xlsx(path: Path, header: list[str], rows: list[list], *, ids_as_numbers: bool) -> None:
    from tests.cases.rosters.files import write_xlsx

    title = ["奉节县2025年第三季度名单（导出）"]
    write_xlsx(path, [title, header, *rows], numbers=(4,) if ids_as_numbers else ())


def _peak_mb() -> float:
    """This process's peak resident set: VmHWM (ru_maxrss would count the parent's, which
    Linux carries over an exec)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(kind: str, dibao: str, registered: str) -> None:
    """One timed check, in this process (pinned to one CPU); prints its figures as JSON."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    started = time.perf_counter()
    from cases.rosters.check import check_rosters
    from cases.rosters.reading import RosterFile
    from core.security import IdentityCipher
    from policy import load_default

    imported = time.perf_counter()
    cipher = IdentityCipher("bench-key")
    files = (RosterFile("dibao", Path(dibao), Path(dibao).name),
             RosterFile("registered_poor", Path(registered), Path(registered).name))  # fmt: skip
    if kind == "store":
        return _store(files, cipher, imported)
    result = check_rosters(*files, on=date(2025, 10, 1), parameters=load_default(),
                           digest=cipher.lookup_digest)  # fmt: skip
    text = json.dumps(result.to_json(), ensure_ascii=False)
    done = time.perf_counter()
    peak_mb = _peak_mb()
    print(json.dumps({"kind": kind, "seconds": round(done - imported, 2),
                      "imports_seconds": round(imported - started, 2), "peak_mb": round(peak_mb),
                      "rows": result.rows, "households": result.households,
                      "counts": result.counts, "errors": len(result.errors),
                      "json_bytes": len(text.encode())}))  # fmt: skip


def _store(files, cipher, started: float) -> None:
    """The console's upload without HTTP: the CSV check and the run kept in a fresh SQLite
    store (findings masked, the households' facts encrypted, written in bulk)."""
    import tempfile

    from sqlmodel import Session

    from cases.migrations import migrate
    from cases.rosters.runs import run_check
    from core.database import make_engine

    with tempfile.TemporaryDirectory() as folder:
        engine = make_engine(f"sqlite:///{folder}/intake.db")
        migrate(engine)
        started = time.perf_counter()
        with Session(engine) as session:
            run = run_check(session, dibao=files[0], registered_poor=files[1],
                            on=date(2025, 10, 1), actor="bench", cipher=cipher)  # fmt: skip
            session.commit()
            counts, errors = run.counts, len(run.errors)
        done = time.perf_counter()
        engine.dispose()
    print(json.dumps({"kind": "store", "seconds": round(done - started, 2), "imports_seconds": 0,
                      "peak_mb": round(_peak_mb()), "rows": {}, "households": {},
                      "counts": counts, "errors": errors, "json_bytes": 0}))  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=158)
    parser.add_argument("--runs", type=int, default=1, help="timed checks of each format")
    parser.add_argument("--keep", type=Path, default=ROOT / "var" / "bench-roster")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--child", nargs=3, metavar=("KIND", "DIBAO", "REGISTERED"),
                        help=argparse.SUPPRESS)  # fmt: skip
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return 0
    paths = write_files(args.keep, args.rows, args.seed)
    figures = {}
    for kind in ("csv", "xlsx", "store"):
        runs = []
        suffix = "csv" if kind == "store" else kind
        for _ in range(args.runs):
            done = subprocess.run(
                [sys.executable, __file__, "--child", kind, str(paths[f"dibao.{suffix}"]),
                 str(paths[f"registered_poor.{suffix}"])],
                capture_output=True, text=True, check=True, cwd=ROOT,
            )  # fmt: skip
            runs.append(json.loads(done.stdout))
        figures[kind] = {**runs[-1], "seconds": statistics.median(r["seconds"] for r in runs),
                         "peak_mb": max(r["peak_mb"] for r in runs),
                         "all_seconds": [r["seconds"] for r in runs]}  # fmt: skip
    report = {"machine": f"{platform.machine()}, {os.cpu_count()} CPUs, load "
                         f"{os.getloadavg()[0]:.1f}", "python": platform.python_version(),
              "rows": args.rows, "checks": figures}  # fmt: skip
    print(
        "| check | rows per roster | households (低保 / 建档立卡) | findings | unreadable rows "
        "| seconds | target | peak MB |"
    )
    print("|---|---:|---|---:|---:|---:|---:|---:|")
    missed = False
    for kind in ("csv", "xlsx"):
        f = figures[kind]
        findings = sum(f["counts"].values())
        print(f"| {kind.upper()} | {args.rows:,} | {f['households']['dibao']:,} / "
              f"{f['households']['registered_poor']:,} | {findings:,} | {f['errors']:,} | "
              f"{f['seconds']:.1f} | ≤ {TARGETS[kind]:.0f} | {f['peak_mb']} |")  # fmt: skip
        missed |= f["seconds"] > TARGETS[kind] or f["peak_mb"] > MEMORY_TARGET_MB
    f = figures["store"]
    print(f"| console upload (CSV check + run kept in SQLite) | {args.rows:,} | | "
          f"{sum(f['counts'].values()):,} | {f['errors']:,} | {f['seconds']:.1f} | — | "
          f"{f['peak_mb']} |")  # fmt: skip
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())

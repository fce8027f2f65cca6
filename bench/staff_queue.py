"""Benchmark of the staff queue at 100,000 cases on SQLite or PostgreSQL: the queue page
(/staff/cases) and the JSON list (GET /api/cases) — first page, filters, searches and a deep
page.

    .venv/bin/python bench/staff_queue.py [--cases 100000] [--runs 40] [--postgres]
                                          [--json var/bench-staff-queue.json]

The store is a fresh SQLite file (WAL, as in production), or with --postgres a database on
a throw-away PostgreSQL cluster on loopback (tests/stores.py, as the tests' PostgreSQL pass
starts it; sequences moved past the seeded ids and the tables ANALYZEd after the bulk
load, as a restore would), migrated by Alembic and filled by
bulk inserts (applicants, cases over the 33 townships in every procedure step, the programme
index, approval classes and review dates). Requests go through the whole ASGI app in this
process (routing, auth, the query, the audit row each list writes, rendering), with a
signed-in township officer and a county admin. Target: p95 under 200 ms for every scenario.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from fastapi.testclient import TestClient  # noqa: E402
from sqlalchemy import insert, text  # noqa: E402
from sqlmodel import Session  # noqa: E402

from accounts.models import Role  # noqa: E402
from accounts.users import create_user  # noqa: E402
from api.main import create_app  # noqa: E402
from cases.filing import REFERENCE_ALPHABET  # noqa: E402
from cases.migrations import migrate  # noqa: E402
from cases.models import Applicant, Case, CaseProgramme, CaseStatus  # noqa: E402
from core.database import make_engine  # noqa: E402
from core.security import IdentityCipher, mask_id_number  # noqa: E402
from core.settings import Settings  # noqa: E402
from core.townships import townships  # noqa: E402

TARGET_MS = 200
SURNAMES = "王李张刘陈杨黄赵周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程"
GIVEN = "德福桂英志强秀兰建国淑芬永红玉珍长江凤国庆春梅明光荣翠华小军丽平文海燕云芳"
STATUSES = [(CaseStatus.received, 30), (CaseStatus.visited, 15), (CaseStatus.appraised, 8),
            (CaseStatus.publicised, 5), (CaseStatus.approved, 30), (CaseStatus.rejected, 7),
            (CaseStatus.info_requested, 3), (CaseStatus.callback_requested, 2)]  # fmt: skip
PROGRAMMES = [("dibao", 0.45), ("classified_supplement", 0.2), ("medical_assistance", 0.5),
              ("charity_referral", 0.45), ("registered_poor_referral", 0.05),
              ("disability_living_subsidy", 0.04), ("disability_care_subsidy", 0.02),
              ("temporary_assistance", 0.03)]  # fmt: skip


def seed(engine, count: int, rng: random.Random) -> dict:
    """Bulk-insert ``count`` cases; returns a few values the scenarios search for."""
    cipher = IdentityCipher("bench")
    start = datetime(2024, 1, 1, tzinfo=timezone.utc)
    names, status_pool = [], [s for s, weight in STATUSES for _ in range(weight)]
    sample: dict = {}
    with engine.begin() as connection:
        for chunk in range(0, count, 10000):
            applicants, cases, programmes = [], [], []
            for i in range(chunk + 1, min(chunk + 10000, count) + 1):
                name = rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.choice((1, 2))))
                phone = f"+86139{i:08d}"
                id_number = f"500236{1940 + i % 70}{1 + i % 12:02d}{1 + i % 28:02d}{i % 10000:04d}"
                applicants.append({
                    "id": i, "name": name, "phone": phone, "created_at": start,
                    "id_number_hash": cipher.lookup_hash(id_number),
                    "id_number_masked": mask_id_number(id_number), "id_number_encrypted": None,
                })  # fmt: skip
                status = rng.choice(status_pool)
                created = start + timedelta(minutes=7 * i)
                approved = status == CaseStatus.approved
                klass = rng.choice("ABC") if approved else None
                cases.append({
                    "id": i, "reference": "FJ" + "".join(rng.choices(REFERENCE_ALPHABET, k=6)),
                    "status": status, "township": rng.choice(townships()),
                    "village": f"{rng.choice('龙马石双红白青新')}{rng.choice('门鞍岭河岩坪桥')}村",
                    "applicant_id": i, "channel": rng.choice(("sms", "voice", "chat")),
                    "conversation_id": phone, "handoff_requested": rng.random() < 0.03,
                    "created_at": created, "updated_at": created, "dibao_class": klass,
                    "next_review_on": (date(2025, 1, 1) + timedelta(days=rng.randint(0, 540)))
                    if approved else None,
                    "decided_at": created if status in (CaseStatus.approved, CaseStatus.rejected)
                    else None,
                })  # fmt: skip
                for programme, share in PROGRAMMES:
                    if rng.random() < share:
                        programmes.append({"case_id": i, "programme": programme,
                                           "status": "eligible",
                                           "monthly_amount": rng.randint(60, 2400)})  # fmt: skip
                names.append(name)
            # references must be unique: redraw the rare collision
            seen = sample.setdefault("_refs", set())
            for row in cases:
                while row["reference"] in seen:
                    row["reference"] = "FJ" + "".join(rng.choices(REFERENCE_ALPHABET, k=6))
                seen.add(row["reference"])
            connection.execute(insert(Applicant.__table__), applicants)
            connection.execute(insert(Case.__table__), cases)
            connection.execute(insert(CaseProgramme.__table__), programmes)
    sample.pop("_refs")
    middle = count // 2
    with engine.connect() as connection:
        sample["reference"] = connection.execute(
            text('SELECT reference FROM "case" WHERE id = :i'), {"i": middle}
        ).scalar_one()
    sample["name"] = names[middle][:2]
    sample["phone"] = f"139 {middle:08d}"[:3] + f"{middle:08d}"
    sample["id_number"] = None
    return sample


def timed(client: TestClient, url: str, runs: int, **kwargs) -> dict:
    for _ in range(3):  # warm up
        reply = client.get(url, **kwargs)
        assert reply.status_code == 200, (url, reply.status_code, reply.text[:300])
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        reply = client.get(url, **kwargs)
        times.append((time.perf_counter() - began) * 1000)
        assert reply.status_code == 200
    times.sort()
    return {
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(times[max(0, int(len(times) * 0.95) - 1)], 1),
        "max_ms": round(times[-1], 1),
    }


def page_login(client: TestClient, name: str) -> None:
    form = client.get("/staff/login").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', form).group(1)
    client.post("/staff/login", data={"username": name, "password": f"password-{name}",
                                      "csrf_token": token})  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--json", type=Path, default=ROOT / "var" / "bench-staff-queue.json")
    parser.add_argument("--postgres", action="store_true", help="a throw-away PostgreSQL")
    args = parser.parse_args()
    rng = random.Random(2017158)
    workdir = Path(tempfile.mkdtemp(prefix="staff-queue-"))
    server = None
    database_url = f"sqlite:///{workdir / 'intake.db'}"
    if args.postgres:
        from tests.stores import PostgresServer

        server = PostgresServer(Path(tempfile.mkdtemp(prefix="staff-queue-pg-"))).start()
        server.execute("CREATE DATABASE queue")
        database_url = server.url("queue")
    settings = Settings(environment="test", database_url=database_url, channel_workers=False)
    engine = make_engine(settings.database_url)
    migrate(engine)
    began = time.perf_counter()
    sample = seed(engine, args.cases, rng)
    if server is not None:
        with engine.begin() as connection:
            for table in ("applicant", "case"):
                connection.execute(text(
                    f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
                    f'(SELECT max(id) FROM "{table}"))'
                ))  # fmt: skip
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("ANALYZE"))
    seeded_s = time.perf_counter() - began
    with Session(engine) as session:
        create_user(session, username="county", password="password-county", role=Role.county_admin)
        create_user(session, username="tuxiang", password="password-tuxiang",
                    role=Role.township_staff, township="吐祥镇")  # fmt: skip
        session.commit()
    app = create_app(settings, engine, workers=False)
    deep_cursor = 60  # the last page: ids below 60
    scenarios = [
        ("first page", {}),
        ("status + programme", {"status": "approved", "programme": "dibao"}),
        ("class + due for review", {"class": "C", "due": "1"}),
        ("handoff requested", {"handoff": "1"}),
        ("search: name prefix", {"q": sample["name"]}),
        ("search: phone", {"q": sample["phone"]}),
        ("search: reference", {"q": sample["reference"].lower()}),
        ("deep page (cursor)", {"cursor": deep_cursor}),
    ]
    results = []
    with TestClient(app) as pages, TestClient(app) as township_pages, TestClient(app) as api:
        page_login(pages, "county")
        page_login(township_pages, "tuxiang")
        token = api.post("/api/token", data={"username": "county", "password": "password-county"})
        headers = {"Authorization": f"Bearer {token.json()['access_token']}"}
        for label, params in scenarios:
            results.append({"surface": "page /staff/cases", "who": "county admin", "scenario": label,
                            **timed(pages, "/staff/cases", args.runs, params=params)})  # fmt: skip
        for label, params in scenarios[:3] + scenarios[4:5]:
            results.append(
                {
                    "surface": "page /staff/cases",
                    "who": "township staff",
                    "scenario": label,
                    **timed(township_pages, "/staff/cases", args.runs, params=params),
                }
            )
        api_scenarios = scenarios + [("deep page (offset 99,000)", {"offset": args.cases - 1000})]
        for label, params in api_scenarios:
            results.append({"surface": "GET /api/cases", "who": "county admin", "scenario": label,
                            **timed(api, "/api/cases", args.runs, params=params,
                                    headers=headers)})  # fmt: skip
    worst = max(r["p95_ms"] for r in results)
    report = {
        "store": "postgresql" if server is not None else "sqlite",
        "cases": args.cases,
        "runs_per_scenario": args.runs,
        "seed_seconds": round(seeded_s, 1),
        "python": platform.python_version(),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs",
        "target_p95_ms": TARGET_MS,
        "worst_p95_ms": worst,
        "passed": worst < TARGET_MS,
        "results": results,
    }
    store = "PostgreSQL" if server is not None else "SQLite"
    print(f"{args.cases:,} cases on {store} seeded in {seeded_s:.1f} s; "
          f"{args.runs} requests per scenario")  # fmt: skip
    print(f"{'surface':<20}{'who':<16}{'scenario':<28}{'p50':>8}{'p95':>8}{'max':>8}  (ms)")
    for r in results:
        print(f"{r['surface']:<20}{r['who']:<16}{r['scenario']:<28}"
              f"{r['p50_ms']:>8}{r['p95_ms']:>8}{r['max_ms']:>8}")  # fmt: skip
    print(
        f"worst p95 {worst} ms — {'PASS' if worst < TARGET_MS else 'FAIL'} (target < {TARGET_MS} ms)"
    )
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    engine.dispose()
    if server is not None:
        server.stop()
    for path in workdir.iterdir():
        path.unlink()
    workdir.rmdir()
    return 0 if worst < TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())

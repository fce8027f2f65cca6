"""How fast the API answers the SMS carrier's HTTP push: Aliyun posts replies by SMS (上行,
SmsUp) to POST /aliyun/sms/reply and delivery receipts (SmsReport) to POST
/aliyun/sms/report, and waits at most 700 ms for `{"code": 0}`; a later answer counts as a
failure and the push is retried. Measured for real: the app under uvicorn in its own
process on loopback, each request timed by the client (httpx), body sent to answer read.

    PYTHONPATH=. .venv/bin/python -m bench.sms_callbacks --runs 2
    PYTHONPATH=. .venv/bin/python -m bench.sms_callbacks --database-url postgresql://…/scratch

Each run seeds a fresh store (a throw-away SQLite file; with --database-url a scratch
PostgreSQL database, which keeps the rows) with the project's own functions: applicants
filed as the assistant files them (`cases.filing`, each with its 受理 notice in the outbox),
those notices sent as the outbox worker sends a template SMS (claimed, way chosen, marked
sent with the carrier's BizId), and more sent rows like them, one per receipt to come. Then
the API starts (channel workers off; Rasa is not needed, the callbacks never call it) and
each shape — a reply batch of 1 and of 20, a receipt batch of 1 and of 20 — is pushed
`--pushes` times one after another, then again from 8 senders at once (`--senders`), after
a warm-up.
Every item is new (its own sequence id or BizId), as Aliyun pushes them. The run ends by
checking the store: every reply stored once and linked to its applicant's case (the
linking runs after the answer), every receipt applied. The temporary folder (the SQLite
store, the API's log) is removed unless a check failed or --keep. Exit status 1 on a failed
check, a refused push, or an answer over 700 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from sqlalchemy import update
from sqlmodel import Session, col, select

from cases.migrations import migrate
from channels import outbox
from channels.models import Message, OutboundMessage, OutboxStatus
from channels.notices import routing
from channels.notices.store import update_template
from core.database import make_engine
from core.security import IdentityCipher
from core.settings import Settings
from tests.china_fakes import CALLBACK_TOKEN, SIGN_NAME
from tests.console_seed import DEMO_NAMES, file_assessed
from tests.servers import Server, free_port

DEADLINE_MS = 700.0  # Aliyun's wait for the answer
APPLICANTS = 40  # phones that reply, each with a filed case
TEMPLATE_CODE = "SMS_465000001"
TOWNSHIPS = ("吐祥镇", "白帝镇", "草堂镇", "永安街道")
REPLY_TEXTS = (
    "收到，谢谢",
    "残疾证明天送到窗口",
    "我下午去镇上交材料，请问要带户口本吗",
    "好的",
    "我的身份证号500236199001011234，材料已经交了",  # masked, the words kept encrypted
    "请打我电话13800138000，白天都在",
)
FAILED_EVERY = 10  # every 10th receipt says undelivered


@dataclass(frozen=True)
class Shape:
    name: str
    path: str  # "reply" or "report"
    items: int


SHAPES = (
    Shape("reply×1", "reply", 1),
    Shape("reply×20", "reply", 20),
    Shape("report×1", "report", 1),
    Shape("report×20", "report", 20),
)


@dataclass(frozen=True)
class Seeded:
    cases: dict[str, int]  # the applicant's phone (E.164) → the case a reply should join
    rows: list[tuple[str, int, str]]  # (BizId, row id, phone) of sent rows awaiting receipts


@dataclass
class Pushes:
    """Aliyun's push bodies, every item new; what the store should hold after them."""

    tag: str
    seeded: Seeded
    replies: dict[str, str] = field(default_factory=dict)  # external id → phone
    reports: dict[str, bool] = field(default_factory=dict)  # BizId → delivered
    _sequence: int = 0
    _rows: Iterator[tuple[str, int, str]] | None = None

    def body(self, shape: Shape) -> bytes:
        make = self._reply if shape.path == "reply" else self._report
        return json.dumps([make() for _ in range(shape.items)], ensure_ascii=False).encode()

    def _reply(self) -> dict:
        self._sequence += 1
        sequence_id = int(f"{self.tag}{self._sequence:07d}")
        phones = list(self.seeded.cases)
        phone = phones[self._sequence % len(phones)]
        self.replies[f"smsup:{sequence_id}"] = phone
        return {"phone_number": phone.removeprefix("+86"), "send_time": "2026-12-04 10:00:00",
                "content": REPLY_TEXTS[self._sequence % len(REPLY_TEXTS)],
                "sign_name": SIGN_NAME, "dest_code": "1234", "sequence_id": sequence_id}  # fmt: skip

    def _report(self) -> dict:
        if self._rows is None:
            self._rows = iter(self.seeded.rows)
        biz_id, row_id, phone = next(self._rows)
        delivered = len(self.reports) % FAILED_EVERY != FAILED_EVERY - 1
        self.reports[biz_id] = delivered
        return {"phone_number": phone.removeprefix("+86"), "send_time": "2026-12-04 10:00:00",
                "report_time": "2026-12-04 10:00:05", "success": delivered,
                "err_code": "DELIVERED" if delivered else "MK:0001",
                "err_msg": "用户接收成功" if delivered else "用户关机", "sms_size": "1",
                "biz_id": biz_id, "out_id": str(row_id)}  # fmt: skip


# -- the store, seeded with the project's own functions ---------------------------------


def seed_settings(database_url: str) -> Settings:
    """Settings under which the outbox chooses the template SMS, as a county's would."""
    return Settings(
        environment="test",
        database_url=database_url,
        channel_workers=False,
        aliyun_access_key_id="bench",
        aliyun_access_key_secret="bench",
        aliyun_sms_sign_name=SIGN_NAME,
        aliyun_callback_token=CALLBACK_TOKEN,
        sms_daily_limit=10**6,
    )


def file_cases(engine, cipher: IdentityCipher, tag: str) -> dict[str, int]:
    """APPLICANTS applicants filed by the assistant, each case's 受理 notice queued."""
    cases = {}
    with Session(engine) as session:
        update_template(session, kind="filed", code=TEMPLATE_CODE, state="approved", actor="bench")
        for n in range(APPLICANTS):
            phone = f"+86139{tag[-4:]}{n:04d}"
            case = file_assessed(
                session,
                cipher,
                name=DEMO_NAMES[n % len(DEMO_NAMES)],
                township=TOWNSHIPS[n % len(TOWNSHIPS)],
                phone=phone,
                id_number=None,
            )
            cases[phone] = case.id
        session.commit()
    return cases


def send_notices(engine, settings: Settings, cipher: IdentityCipher, tag: str, cases: dict) -> None:
    """The cases' 受理 notices sent as the outbox worker sends a template SMS: claimed, the
    way chosen (`routing.choose`), marked sent with the carrier's BizId. Only these rows are
    claimed: another queued row of a scratch database is left alone."""
    with Session(engine) as session:
        ids = session.exec(
            select(OutboundMessage.id).where(
                col(OutboundMessage.case_id).in_(list(cases.values())),
                OutboundMessage.status == OutboxStatus.queued,
            )
        ).all()
        session.execute(
            update(OutboundMessage)
            .where(col(OutboundMessage.id).in_(ids))
            .values(status=OutboxStatus.sending, attempts=1)
        )
        session.commit()
    for outbox_id in ids:
        with Session(engine) as session:
            way = routing.choose(session, outbox_id=outbox_id, settings=settings, cipher=cipher)
            if way is None or way.channel != "template_sms":
                raise RuntimeError(f"outbox row {outbox_id} would not go by template SMS: {way}")
            outbox.mark_sent(
                session, outbox_id=outbox_id, twilio_sid=None, carrier_ref=f"{tag}{outbox_id:07d}^0"
            )


def more_sent_rows(engine, tag: str, cases: dict, count: int) -> list[tuple[str, int, str]]:
    """`count` sent notices like the cases' own (a BizId each), in one transaction: the
    worker's path above takes milliseconds a row, too long for thousands."""
    with Session(engine) as session:
        sent = session.exec(
            select(OutboundMessage).where(
                col(OutboundMessage.case_id).in_(list(cases.values())),
                OutboundMessage.status == OutboxStatus.sent,
            )
        ).all()
        rows = []
        for n in range(count):
            model = sent[n % len(sent)]
            row = OutboundMessage(
                **model.model_dump(exclude={"id", "carrier_ref"}), carrier_ref=f"{tag}9{n:06d}^0"
            )
            session.add(row)
            rows.append(row)
        session.flush()
        made = [(row.carrier_ref, row.id, row.to_number) for row in [*rows, *sent]]
        session.commit()
    return made


def seed(database_url: str, tag: str, receipts: int) -> Seeded:
    engine = make_engine(database_url)
    migrate(engine)
    settings = seed_settings(database_url)
    cipher = IdentityCipher(settings.data_key)  # the server's DATA_KEY: the same environment
    cases = file_cases(engine, cipher, tag)
    send_notices(engine, settings, cipher, tag, cases)
    rows = more_sent_rows(engine, tag, cases, max(0, receipts - len(cases)))
    engine.dispose()
    return Seeded(cases, rows)


# -- the API under uvicorn ---------------------------------------------------------------


def api_server(workdir: Path, database_url: str, port: int) -> Server:
    """The app as `scripts/run.sh` starts it (uvicorn in its own process, its access log
    on), with the callback token set and the channel workers off."""
    env = {**os.environ, "ENVIRONMENT": "test", "DATABASE_URL": database_url,
           "ALIYUN_CALLBACK_TOKEN": CALLBACK_TOKEN, "CHANNEL_WORKERS": "false"}  # fmt: skip
    command = [
        sys.executable,
        "-m",
        "uvicorn",
        "--factory",
        "api.main:create_app",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
    ]
    # /healthz asks Rasa too; the staff login page answers as soon as the app is up.
    return Server("api", command, f"http://127.0.0.1:{port}/staff/login", workdir / "api.log", env)


# -- the pushes, timed -----------------------------------------------------------------


@dataclass
class Timings:
    ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


async def push(client: httpx.AsyncClient, path: str, body: bytes, timings: Timings) -> None:
    url = f"/aliyun/sms/{path}?token={CALLBACK_TOKEN}"
    headers = {"content-type": "application/json"}
    started = time.perf_counter()
    try:
        response = await client.post(url, content=body, headers=headers)
        answer = response.json() if response.status_code == 200 else None
    except (httpx.HTTPError, ValueError) as error:
        timings.errors.append(f"{path}: {type(error).__name__}")
        return
    timings.ms.append(1000 * (time.perf_counter() - started))
    if not answer or answer.get("code") != 0:
        timings.errors.append(f"{path}: HTTP {response.status_code} {response.text[:200]}")


async def push_all(client: httpx.AsyncClient, shape: Shape, bodies: list[bytes], senders: int):
    """`bodies` pushed by `senders` senders, each taking the next body when it is answered."""
    timings, queue = Timings(), iter(bodies)

    async def sender() -> None:
        for body in queue:
            await push(client, shape.path, body, timings)

    await asyncio.gather(*(sender() for _ in range(senders)))
    return timings


def client(base_url: str, senders: int) -> httpx.AsyncClient:
    # Idle connections are dropped before uvicorn's 5 s keep-alive ends.
    limits = httpx.Limits(max_connections=senders, keepalive_expiry=3)
    return httpx.AsyncClient(base_url=base_url, timeout=30, limits=limits)


async def measure(base_url: str, pushes: Pushes, args: argparse.Namespace, engine) -> dict:
    """Warm-up, then every shape sequentially and from `--senders` senders at once. After
    each shape the replies' linking (after the answers, in the same store threads) is let
    finish, so that the next shape does not wait behind it; how long it trailed is kept."""
    async with client(base_url, 1) as warm:
        for shape in SHAPES:
            await push_all(warm, shape, [pushes.body(shape) for _ in range(args.warmup)], 1)
    await asyncio.to_thread(wait_for_links, engine, pushes, args.link_wait)
    figures: dict[str, dict] = {}
    for mode, senders in (("sequential", 1), (f"{args.senders} senders", args.senders)):
        figures[mode] = {}
        async with client(base_url, senders) as pushing:
            for shape in SHAPES:
                bodies = [pushes.body(shape) for _ in range(args.pushes)]
                timings = await push_all(pushing, shape, bodies, senders)
                linking = await asyncio.to_thread(wait_for_links, engine, pushes, args.link_wait)
                figures[mode][shape.name] = stats(timings)
                if shape.path == "reply":
                    figures[mode][shape.name]["linked_after_s"] = round(linking.seconds, 2)
    return figures


def percentile(values: list[float], q: float) -> float:
    """The nearest-rank percentile (as `bench.sms_residents`)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))]


def stats(timings: Timings) -> dict:
    ms = timings.ms
    return {
        "count": len(ms),
        "median_ms": round(statistics.median(ms), 2) if ms else float("nan"),
        "p95_ms": round(percentile(ms, 95), 2),
        "max_ms": round(max(ms), 2) if ms else float("nan"),
        "over_700ms": sum(value > DEADLINE_MS for value in ms),
        "errors": len(timings.errors),
        "first_errors": timings.errors[:3],
    }


# -- the check -------------------------------------------------------------------------


@dataclass(frozen=True)
class Linking:
    stored: int  # the applicants' inbound messages
    unlinked: int  # of them, those not (yet) on their case
    seconds: float  # waited


def wait_for_links(engine, pushes: Pushes, wait: float) -> Linking:
    """Until every reply stored so far is on its applicant's case (the linking runs after
    the answer), at most `wait` seconds."""
    started = time.monotonic()
    while True:
        stored, unlinked = replies_stored(engine, pushes)
        seconds = time.monotonic() - started
        if not unlinked or seconds > wait:
            return Linking(stored, unlinked, seconds)
        time.sleep(0.05)


def check_store(engine, pushes: Pushes, wait: float) -> list[str]:
    """Every reply stored once and linked to its applicant's case; every receipt applied."""
    linking, problems = wait_for_links(engine, pushes, wait), []
    if linking.stored != len(pushes.replies):
        problems.append(f"{linking.stored} replies stored for {len(pushes.replies)} pushed")
    if linking.unlinked:
        problems.append(f"{linking.unlinked} replies not on their case after {wait:.0f} s")
    return problems + receipts_applied(engine, pushes)


def replies_stored(engine, pushes: Pushes) -> tuple[int, int]:
    """(inbound messages of the applicants' phones, those not on their case)."""
    with Session(engine) as session:
        rows = session.exec(
            select(Message.external_id, Message.conversation_id, Message.case_id).where(
                col(Message.conversation_id).in_(list(pushes.seeded.cases)),
                Message.direction == "in",
            )
        ).all()
    cases = pushes.seeded.cases
    unlinked = sum(
        pushes.replies.get(external_id) != phone or case_id != cases[phone]
        for external_id, phone, case_id in rows
    )
    return len(rows), unlinked


def receipts_applied(engine, pushes: Pushes) -> list[str]:
    wrong, biz_ids = 0, list(pushes.reports)
    with Session(engine) as session:
        for start in range(0, len(biz_ids), 500):
            rows = session.exec(
                select(OutboundMessage.carrier_ref, OutboundMessage.status).where(
                    col(OutboundMessage.carrier_ref).in_(biz_ids[start : start + 500])
                )
            ).all()
            wrong += len(biz_ids[start : start + 500]) - len(rows)
            for biz_id, status in rows:
                expected = (
                    OutboxStatus.delivered if pushes.reports[biz_id] else OutboxStatus.undelivered
                )
                wrong += status != expected
    return [f"{wrong} of {len(biz_ids)} receipts not applied"] if wrong else []


def server_errors(log: Path) -> list[str]:
    text = log.read_text(errors="replace") if log.exists() else ""
    return ["the API logged a traceback (see its log)"] if "Traceback" in text else []


# -- one run, and the runs ---------------------------------------------------------------


def receipts_needed(args: argparse.Namespace) -> int:
    per_pass = sum(shape.items for shape in SHAPES if shape.path == "report")
    return per_pass * (args.warmup + 2 * args.pushes)


def one_run(args: argparse.Namespace) -> dict:
    workdir = Path(tempfile.mkdtemp(prefix="sms-callbacks-"))
    database_url = args.database_url or f"sqlite:///{workdir / 'intake.db'}"
    tag = f"{random.randrange(10**8):08d}"
    began = time.monotonic()
    seeded = seed(database_url, tag, receipts_needed(args))
    print(
        f"seeded {len(seeded.cases)} cases and {len(seeded.rows)} sent outbox rows "
        f"in {time.monotonic() - began:.1f} s; starting the API (log in {workdir}) …",
        flush=True,
    )
    pushes, port, engine = Pushes(tag, seeded), free_port(), make_engine(database_url)
    server = api_server(workdir, database_url, port)
    server.start(timeout=60)
    try:
        figures = asyncio.run(measure(f"http://127.0.0.1:{port}", pushes, args, engine))
        problems = check_store(engine, pushes, wait=args.link_wait)
    finally:
        server.stop()
        engine.dispose()
    problems += server_errors(workdir / "api.log")
    if not problems and not args.keep:
        shutil.rmtree(workdir)
    return {"figures": figures, "problems": problems, "replies": len(pushes.replies),
            "receipts": len(pushes.reports), "workdir": str(workdir)}  # fmt: skip


def verdict(run: dict) -> str:
    if run["problems"]:
        return f"check FAILED: {'; '.join(run['problems'])} (the API's log: {run['workdir']})"
    return (
        f"check ok: {run['replies']} replies stored once, each linked to its case; "
        f"{run['receipts']} receipts applied"
    )


def table(figures: dict) -> str:
    lines = [
        f"{'':14}{'shape':11}{'count':>6}{'median':>9}{'p95':>9}{'max':>9}"
        f"{'>700ms':>8}{'errors':>8}{'linked':>9}"
    ]
    for mode, shapes in figures.items():
        for name, s in shapes.items():
            lines.append(
                f"{mode:14}{name:11}{s['count']:>6}{s['median_ms']:>9.1f}"
                f"{s['p95_ms']:>9.1f}{s['max_ms']:>9.1f}{s['over_700ms']:>8}"
                f"{s['errors']:>8}{linked(s):>9}"
            )
    lines.append(
        "ms from the push sent to the answer read; linked: the replies' linking to their "
        "cases finished this many s after the shape's last answer"
    )
    return "\n".join(lines)


def linked(s: dict) -> str:
    return f"{s['linked_after_s']:.2f} s" if "linked_after_s" in s else ""


def across(runs: list[dict]) -> dict:
    """Per mode and shape: the median over the runs of their medians and p95s, and the
    spread (the lowest and highest of them)."""
    summary: dict[str, dict] = {}
    for mode, shapes in runs[0]["figures"].items():
        summary[mode] = {}
        for name in shapes:
            each = [run["figures"][mode][name] for run in runs]
            medians, p95s = [s["median_ms"] for s in each], [s["p95_ms"] for s in each]
            summary[mode][name] = {
                "median_ms": round(statistics.median(medians), 2), "median_spread": [min(medians), max(medians)],
                "p95_ms": round(statistics.median(p95s), 2), "p95_spread": [min(p95s), max(p95s)],
                "max_ms": max(s["max_ms"] for s in each),
                "over_700ms": sum(s["over_700ms"] for s in each),
            }  # fmt: skip
    return summary


def summary_table(summary: dict, runs: int) -> str:
    lines = [
        f"over {runs} runs: median of the runs' medians and p95s (min–max), in ms",
        f"{'':14}{'shape':11}{'median':>22}{'p95':>22}{'max':>9}{'>700ms':>8}",
    ]
    for mode, shapes in summary.items():
        for name, s in shapes.items():
            median = (
                f"{s['median_ms']:.1f} ({s['median_spread'][0]:.1f}–{s['median_spread'][1]:.1f})"
            )
            p95 = f"{s['p95_ms']:.1f} ({s['p95_spread'][0]:.1f}–{s['p95_spread'][1]:.1f})"
            lines.append(
                f"{mode:14}{name:11}{median:>22}{p95:>22}{s['max_ms']:>9.1f}{s['over_700ms']:>8}"
            )
    return "\n".join(lines)


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pushes", type=int, default=200, help="pushes of each shape per mode")
    parser.add_argument("--senders", type=int, default=8, help="senders at once, second mode")
    parser.add_argument("--warmup", type=int, default=20, help="untimed pushes of each shape")
    parser.add_argument("--runs", type=int, default=1, help="each in a fresh server and store")
    parser.add_argument("--database-url", help="a scratch PostgreSQL database (rows are kept)")
    parser.add_argument(
        "--link-wait",
        type=float,
        default=30.0,
        help="seconds to wait for the replies' linking at the end",
    )
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument(
        "--keep", action="store_true", help="keep the temporary folder (store, API log)"
    )
    return parser.parse_args()


def main() -> int:
    args = arguments()
    os.environ["ENVIRONMENT"] = "test"  # filing reads the settings (unset is production)
    runs = []
    for number in range(1, args.runs + 1):
        print(f"run {number} of {args.runs}", flush=True)
        runs.append(one_run(args))
        print(table(runs[-1]["figures"]))
        print(verdict(runs[-1]) + "\n", flush=True)
    summary = across(runs)
    if args.runs > 1:
        print(summary_table(summary, args.runs))
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "pushes": args.pushes,
                    "senders": args.senders,
                    "warmup": args.warmup,
                    "database": "postgresql" if args.database_url else "sqlite",
                    "machine": {"python": platform.python_version(), "cpus": os.cpu_count()},
                    "runs": runs,
                    "summary": summary,
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    failed = any(run["problems"] for run in runs) or any(
        s["errors"] or s["over_700ms"]
        for run in runs
        for shapes in run["figures"].values()
        for s in shapes.values()
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

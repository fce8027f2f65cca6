"""Reliability test of the model deployment (`make run-cluster`, scripts/cluster.py):
PostgreSQL, Redis, the action server, two Rasa servers, two API processes behind nginx and
four outbox senders (two in the API processes, two `intake outbox run`), on loopback. Many
simulated phones hold whole 低保 applications through the signed Twilio SMS webhook via
nginx; mid-run one API process and one Rasa server are SIGKILLed and restarted. Then every
message must have been handed to Rasa exactly once (Rasa's tracker), answered exactly once
and in order per phone (the store), every case filed once, and each outbox message sent once
(to a stand-in for Twilio's Messages API on loopback).

    .venv/bin/python bench/cluster.py --phones 40                   # with the kills
    .venv/bin/python bench/cluster.py --phones 40 --no-kill --rasa 1
    .venv/bin/python bench/cluster.py --phones 40 --no-kill --rasa 2  # the two compared

A turn cut by a kill is redone once, never twice: the residents whose webhook found no
answer wait for the reply by SMS, as in bench/sms_load.py. A webhook that nginx answers 5xx
(both API processes failed it) is sent again with the same MessageSid, as Twilio does with
a connection override. Needs PostgreSQL, redis-server, nginx and a trained model.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import shutil
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.sms_residents import Stats, channel_resident, summary  # noqa: E402
from channels import wording  # noqa: E402
from channels.rasa import server_for, tracker_tag  # noqa: E402
from core.settings import Settings  # noqa: E402
from scripts.cluster import RASA_TOKEN, Cluster, ClusterConfig  # noqa: E402
from tests.twilio_fakes import (  # noqa: E402
    ACCOUNT_SID,
    AUTH_TOKEN,
    FROM_NUMBER,
    PUBLIC_BASE_URL,
    FakeTwilio,
)

OUTBOX_SETTLE_SECONDS = 120  # after the last resident: what is still queued goes out


class TracingTwilio(FakeTwilio):
    """The stand-in for Twilio's Messages API, also noting which process sent each message:
    the connection's source port, its socket in /proc/net/tcp, the process holding it."""

    def __init__(self):
        super().__init__()
        self.processes: Callable[[], dict[int, str]] = dict  # pid → name, as they are now
        self.sent_by: Counter = Counter()
        self._peer = threading.local()
        fake, handler = self, self.server.RequestHandlerClass

        class Traced(handler):
            def do_POST(self):
                fake._peer.port = self.client_address[1]
                super().do_POST()

        self.server.RequestHandlerClass = Traced

    def answer(self, path: str, form: dict[str, str], auth: str) -> tuple[int, dict]:
        status, payload = super().answer(path, form, auth)
        if status == 201:
            self.sent_by[self._owner(self._peer.port)] += 1
        return status, payload

    def _owner(self, port: int) -> str:
        inode = _socket_inode(port)
        for pid, name in self.processes().items():
            try:
                for fd in os.listdir(f"/proc/{pid}/fd"):
                    if os.readlink(f"/proc/{pid}/fd/{fd}") == f"socket:[{inode}]":
                        return name
            except OSError:
                continue
        return "?"


def _socket_inode(port: int) -> str | None:
    """The inode of the loopback TCP socket whose local port is `port`."""
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table) as rows:
            for row in list(rows)[1:]:
                fields = row.split()
                # (a closed connection in TIME_WAIT may have had the same port: inode 0)
                if int(fields[1].rsplit(":", 1)[1], 16) == port and fields[9] != "0":
                    return fields[9]
    return None


@dataclass
class Options:
    phones: int = 40
    kill: bool = True
    rasa: int = 2
    think: float = 0.0  # mean seconds between a reply and the next message
    kill_after: int | None = None  # messages sent before the kills (default: 4 per phone)
    down: float = 3.0  # seconds the killed processes stay down
    rasa_timeout: float = 60.0  # RASA_TIMEOUT: a killed API's leases last this + 30 s
    folder: Path | None = None  # the cluster's folder (default: a temporary one)
    # Phones chosen so that each Rasa server has as many (the hash spreads conversations
    # evenly over many of them, not over 40: a 28/12 split was seen).
    balanced: bool = True


async def run_cluster(options: Options) -> dict:
    """Start the cluster, run the residents (and the kills), check, stop. The figures and
    the problems found, by check."""
    folder = options.folder or Path(tempfile.mkdtemp(prefix="cluster-bench-"))
    twilio = TracingTwilio().__enter__()
    config = ClusterConfig(
        folder=folder / "cluster",
        rasa=options.rasa,
        environment="test",
        public_base_url=PUBLIC_BASE_URL,
        env={
            "TWILIO_ACCOUNT_SID": ACCOUNT_SID,
            "TWILIO_AUTH_TOKEN": AUTH_TOKEN,
            "TWILIO_FROM_NUMBER": FROM_NUMBER,
            "TWILIO_API_BASE_URL": twilio.url,
            "RASA_TIMEOUT": str(options.rasa_timeout),
            "SCHEDULER_WORKERS": "false",
        },
    )
    cluster = Cluster(config)
    twilio.processes = lambda: {
        server.process.pid: name
        for name, server in cluster.servers.items()
        if name.startswith(("api", "sender")) and server.process is not None
    }
    try:
        began = time.monotonic()
        print(f"starting the cluster (logs in {config.folder}) …", flush=True)
        cluster.start()
        started_s = time.monotonic() - began
        settings = Settings(
            environment="test",
            database_url=cluster.database_url,
            rasa_urls=",".join(cluster.rasa_urls),
            rasa_token=RASA_TOKEN,
            public_base_url=PUBLIC_BASE_URL,
            twilio_auth_token=AUTH_TOKEN,
        )
        result = await residents(cluster, settings, twilio, options)
        result["start_s"] = started_s
        await asyncio.to_thread(settle_outbox, settings, result["phones_used"])
        result["problems"] = await asyncio.to_thread(check, settings, result.pop("stats"), twilio)
        result["outbox_sent_by"] = dict(sorted(twilio.sent_by.items()))
        del result["phones_used"]
    finally:
        cluster.stop()
        twilio.__exit__(None, None, None)
    result["duplicates"] = sum(result["problems"].pop("_duplicates", {}).values())
    result["folder"] = str(folder)
    if options.folder is None and not any(result["problems"].values()):
        shutil.rmtree(folder, ignore_errors=True)
        result["folder"] = None
    return result


async def residents(
    cluster: Cluster, settings: Settings, twilio: FakeTwilio, options: Options
) -> dict:
    limits = httpx.Limits(max_connections=options.phones * 2, keepalive_expiry=3)
    async with httpx.AsyncClient(base_url=cluster.url, timeout=120, limits=limits) as client:
        # Warm up each Rasa server (its first turns are slow) with a phone of its own.
        warm, candidates = Stats(), [f"+86136{n:08d}" for n in range(200)]
        warm_phones = [
            next(p for p in candidates if server_for(cluster.rasa_urls, p) == url)
            for url in cluster.rasa_urls
        ]
        print(f"warming up {len(warm_phones)} Rasa server(s) …", flush=True)
        await asyncio.gather(
            *(
                channel_resident(client, settings, twilio, p, warm, 0, retries=3)
                for p in warm_phones
            )
        )
        stats, events = Stats(), []
        phones = choose_phones(options.phones, cluster.rasa_urls, balanced=options.balanced)
        print(f"{options.phones} phones through nginx …", flush=True)
        began = time.monotonic()
        everyone = asyncio.gather(
            *(
                safely(
                    channel_resident(client, settings, twilio, p, stats, options.think, n, 3),
                    p,
                    stats,
                )
                for n, p in enumerate(phones)
            )
        )
        killer = None
        if options.kill:
            after = options.kill_after or options.phones * 4
            killer = asyncio.create_task(kill_and_restart(cluster, stats, after, options, events))
        try:
            await everyone
        finally:
            seconds = time.monotonic() - began
            if killer is not None:
                if not events:
                    killer.cancel()
                await asyncio.gather(killer, return_exceptions=True)
    spread = Counter(server_for(cluster.rasa_urls, p) for p in phones)
    return {
        "phones": options.phones,
        "rasa_servers": options.rasa,
        "kill": options.kill,
        "phones_used": phones,  # taken out before the figures are written
        "stats": stats,
        "all": summary(stats.all, seconds),
        "live": summary(stats.live, seconds),
        "by_sms": summary(stats.late, seconds),
        "cases_filed": stats.filed,
        "webhooks_resent": stats.resent,
        "outage_notices": sum(
            body == wording.OUTAGE_NOTICE for p in phones for body in twilio.bodies(p)
        ),
        "failures": stats.failures,
        "phones_per_rasa": [spread[url] for url in cluster.rasa_urls],
        "kills": {name: round(at, 1) for name, at in events},
    }


def choose_phones(count: int, servers: list[str], *, balanced: bool) -> list[str]:
    """The residents' numbers: the first `count`, or with `balanced` the first that give each
    Rasa server its equal share."""
    numbers = (f"+86139{n:08d}" for n in itertools.count(1))
    if not balanced:
        return [next(numbers) for _ in range(count)]
    share = {
        url: count // len(servers) + (n < count % len(servers)) for n, url in enumerate(servers)
    }
    chosen: list[str] = []
    for phone in numbers:
        if len(chosen) == count:
            return chosen
        url = server_for(servers, phone)
        if share[url]:
            share[url] -= 1
            chosen.append(phone)
    raise AssertionError("unreachable")


async def safely(resident, phone: str, stats: Stats) -> None:
    """A resident that fails (no reply in time, an HTTP error) is a failure of the run, not
    the end of the others."""
    try:
        await resident
    except Exception as error:  # noqa: BLE001 - reported with the figures
        stats.failures.append(f"…{phone[-4:]}: {type(error).__name__}: {error}")


async def kill_and_restart(
    cluster: Cluster, stats: Stats, after: int, options: Options, events: list
) -> None:
    """SIGKILL the first API process and the last Rasa server at once when `after` messages
    were sent; restart both after `options.down` seconds."""
    while stats.sent < after:
        await asyncio.sleep(0.05)
    began = time.monotonic()
    api, rasa = "api1", f"rasa{cluster.config.rasa}"
    print(f"SIGKILL {api} and {rasa} after {stats.sent} messages …", flush=True)
    cluster.kill(api)
    cluster.kill(rasa)
    events.append(("killed_after_messages", stats.sent))
    await asyncio.sleep(options.down)

    async def restart(name: str) -> None:
        await asyncio.to_thread(cluster.restart, name)
        events.append((f"{name}_back_s", time.monotonic() - began))

    await asyncio.gather(restart(api), restart(rasa))
    print(f"{api} and {rasa} are back", flush=True)


def settle_outbox(settings: Settings, phones: list[str]) -> None:
    """Wait until nothing for these phones is left to send (or OUTBOX_SETTLE_SECONDS)."""
    import sqlalchemy as sa

    from channels.models import OutboundMessage as O
    from core.database import make_engine

    engine = make_engine(settings.database_url)
    deadline = time.monotonic() + OUTBOX_SETTLE_SECONDS
    try:
        while time.monotonic() < deadline:
            with engine.connect() as db:
                left = db.execute(
                    sa.select(sa.func.count())
                    .select_from(O)
                    .where(O.to_number.in_(phones), O.status.in_(("queued", "sending")))
                ).scalar()
            if not left:
                return
            time.sleep(0.5)
    finally:
        engine.dispose()


def check(settings: Settings, stats: Stats, twilio: FakeTwilio) -> dict:
    """The problems found, by check (empty lists when all is well), and under `_duplicates`
    how many things happened twice, by kind."""
    problems = {
        "handed_to_rasa_once": [],
        "answered_once_in_order": [],
        "filed_once": [],
        "sent_once": [],
    }
    duplicates = Counter()
    with httpx.Client(timeout=60) as client:
        for phone, sids in stats.sids.items():
            rasa = server_for(settings.rasa_servers, phone)
            tracker = client.get(
                f"{rasa}/conversations/{phone}/tracker", params={"token": settings.rasa_token}
            ).json()
            taken = [
                (event.get("metadata") or {}).get("message_id")
                for event in tracker["events"]
                if event["event"] == "user"
            ]
            duplicates["handed_to_rasa"] += len(taken) - len(set(taken))
            if taken != [tracker_tag(sid) for sid in sids]:
                problems["handed_to_rasa_once"].append(
                    f"…{phone[-4:]}: Rasa took {len(taken)} of {len(sids)} messages "
                    f"({len(taken) - len(set(taken))} twice)"
                )
    problems["answered_once_in_order"] = answered_problems(settings, stats, duplicates)
    problems["filed_once"] = filed_problems(settings, list(stats.sids), duplicates)
    problems["sent_once"] = sent_problems(settings, list(stats.sids), twilio, duplicates)
    problems["_duplicates"] = dict(duplicates)
    return problems


def answered_problems(settings: Settings, stats: Stats, duplicates: Counter) -> list[str]:
    """Each inbound message answered, its replies recorded once, in the order of the messages."""
    import sqlalchemy as sa

    from channels.models import Message as M
    from core.database import make_engine

    engine = make_engine(settings.database_url)
    problems = []
    with engine.connect() as db:
        inbound = db.execute(
            sa.select(M.conversation_id, M.id, M.external_id, M.status)
            .where(M.conversation_id.in_(list(stats.sids)), M.direction == "in")
            .order_by(M.id)
        ).all()
        replies = db.execute(
            sa.select(M.conversation_id, M.id, M.reply_to_id, M.text)
            .where(M.conversation_id.in_(list(stats.sids)), M.direction == "out", M.status == "bot")
            .order_by(M.id)
        ).all()
    engine.dispose()
    statuses = Counter(row.status for row in inbound)
    if set(statuses) != {"answered"}:
        problems.append(f"inbound statuses: {dict(statuses)}")
    for phone, sids in stats.sids.items():
        mine = [row for row in inbound if row.conversation_id == phone]
        if [row.external_id for row in mine] != sids:
            problems.append(f"…{phone[-4:]}: stored {len(mine)} of {len(sids)} messages")
        answered = [row.reply_to_id for row in replies if row.conversation_id == phone]
        if answered != sorted(answered):
            problems.append(f"…{phone[-4:]}: replies out of order")
        if set(answered) != {row.id for row in mine}:
            problems.append(f"…{phone[-4:]}: {len(set(answered))} of {len(mine)} answered")
        # One turn's replies are recorded together: a reply to a message after a reply to a
        # later one, or the same text twice for one message, is an answer recorded twice.
        twice = Counter(
            (row.reply_to_id, row.text) for row in replies if row.conversation_id == phone
        )
        extra = sum(count - 1 for count in twice.values())
        duplicates["answered"] += extra
        if extra:
            problems.append(f"…{phone[-4:]}: {extra} replies recorded twice")
    return problems


def filed_problems(settings: Settings, phones: list[str], duplicates: Counter) -> list[str]:
    import sqlalchemy as sa

    from cases.models import Case
    from core.database import make_engine

    engine = make_engine(settings.database_url)
    with engine.connect() as db:
        filed = dict(
            db.execute(
                sa.select(Case.conversation_id, sa.func.count())
                .where(Case.conversation_id.in_(phones))
                .group_by(Case.conversation_id)
            ).all()
        )
    engine.dispose()
    duplicates["filed"] += sum(count - 1 for count in filed.values() if count > 1)
    return [f"…{p[-4:]}: {filed.get(p, 0)} cases" for p in phones if filed.get(p, 0) != 1]


def sent_problems(
    settings: Settings, phones: list[str], twilio: FakeTwilio, duplicates: Counter
) -> list[str]:
    """Every outbox row to these phones sent, each exactly once (Twilio's status callback
    URL names the row), each phone's in the order they were queued."""
    import sqlalchemy as sa

    from channels.models import OutboundMessage as O
    from core.database import make_engine

    engine = make_engine(settings.database_url)
    with engine.connect() as db:
        rows = db.execute(
            sa.select(O.id, O.to_number, O.status)
            .where(O.to_number.in_(phones), O.via.is_(None))
            .order_by(O.id)
        ).all()
    engine.dispose()
    wanted = set(phones)
    with twilio.lock:
        sent = [m for m in twilio.sent if m.get("To") in wanted]
    ids = [int(parse_qs(urlsplit(m["StatusCallback"]).query)["outbox"][0]) for m in sent]
    problems = []
    twice = len(ids) - len(set(ids))
    duplicates["sent"] += twice
    if twice:
        problems.append(f"{twice} outbox messages sent twice")
    unsent = Counter(str(row.status.value if hasattr(row.status, "value") else row.status)
                     for row in rows)  # fmt: skip
    if set(unsent) - {"sent"}:
        problems.append(f"outbox statuses: {dict(unsent)}")
    if set(ids) != {row.id for row in rows}:
        problems.append(f"outbox rows {len(rows)}, sent to Twilio {len(set(ids))}")
    for phone in phones:
        order = [i for i, m in zip(ids, sent, strict=True) if m["To"] == phone]
        if order != sorted(order):
            problems.append(f"…{phone[-4:]}: outbox sent out of order")
    return problems


def report(result: dict) -> str:
    kills, rasa = result["kills"], f"rasa{result['rasa_servers']}"
    lines = [
        f"{result['phones']} phones, {result['rasa_servers']} Rasa server(s), 2 API processes "
        f"behind nginx, 4 outbox senders; cluster started in {result['start_s']:.0f} s",
    ]
    if result["kill"]:
        lines.append(
            f"kills: api1 and {rasa} SIGKILLed after "
            f"{kills.get('killed_after_messages', '—')} messages; api1 back after "
            f"{kills.get('api1_back_s', '—')} s, {rasa} after {kills.get(f'{rasa}_back_s', '—')} s"
            if kills
            else "kills: not reached (the residents finished first)"
        )
    lines.append(f"{'':22}{'msgs':>6}{'p50 s':>8}{'p95 s':>8}{'p99 s':>8}{'msg/s':>8}")
    for key, label in (
        ("all", "replies (all)"),
        ("live", "  in TwiML"),
        ("by_sms", "  by SMS (outbox)"),
    ):
        s = result[key]
        lines.append(
            f"{label:22}{s['messages']:>6}{s['p50']:>8.3f}{s['p95']:>8.3f}"
            f"{s['p99']:>8.3f}{s['messages_per_s']:>8.2f}"
        )
    lines.append(
        f"cases filed {result['cases_filed']}, webhooks resent {result['webhooks_resent']}, "
        f"outage notices {result['outage_notices']}, phones per Rasa {result['phones_per_rasa']}"
    )
    lines.append(f"outbox messages sent by (? not traced): {result['outbox_sent_by']}")
    for name, found in result["problems"].items():
        lines.append(f"{name.replace('_', ' ')}: " + ("ok" if not found else "; ".join(found[:8])))
    lines.append(f"duplicates found: {result['duplicates']}")
    if result["failures"]:
        lines.append("failures: " + "; ".join(result["failures"][:5]))
    if result["folder"]:
        lines.append(f"logs kept in {result['folder']}")
    return "\n".join(lines)


def ok(result: dict) -> bool:
    return (
        result["cases_filed"] == result["phones"]
        and not any(result["problems"].values())
        and not result["failures"]
        and result["duplicates"] == 0
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--phones", type=int, default=40)
    parser.add_argument("--kill", action=argparse.BooleanOptionalAction, default=True,
                        help="SIGKILL one API process and one Rasa server mid-run")  # fmt: skip
    parser.add_argument("--rasa", type=int, choices=(1, 2), default=2, help="Rasa servers")
    parser.add_argument("--think", type=float, default=0.0, help="mean seconds between turns")
    parser.add_argument("--kill-after", type=int, help="messages before the kills (4 a phone)")
    parser.add_argument("--down", type=float, default=3.0, help="seconds they stay down")
    parser.add_argument("--rasa-timeout", type=float, default=60.0, help="RASA_TIMEOUT")
    parser.add_argument("--balanced", action=argparse.BooleanOptionalAction, default=True,
                        help="as many phones on each Rasa server (else the first numbers, "
                        "as the hash spreads them)")  # fmt: skip
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    options = Options(
        phones=args.phones,
        kill=args.kill,
        rasa=args.rasa,
        think=args.think,
        kill_after=args.kill_after,
        down=args.down,
        rasa_timeout=args.rasa_timeout,
        balanced=args.balanced,
    )
    result = asyncio.run(run_cluster(options))
    print(report(result))
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=2))
    return 0 if ok(result) else 1


if __name__ == "__main__":
    sys.exit(main())

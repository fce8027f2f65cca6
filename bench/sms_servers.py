"""The processes of the SMS load test (``bench/sms_load.py``): the API under uvicorn, Rasa
killed and restarted mid-way, the CPU each uses; and the check, at the end, that every
message was handed to Rasa once and answered once."""

from __future__ import annotations

import asyncio
import os
import subprocess
import time
from pathlib import Path

import httpx

from bench.sms_residents import Stats
from channels.rasa import tracker_tag
from core.database import make_engine
from core.settings import Settings
from tests.servers import Server
from tests.twilio_fakes import FakeTwilio

ROOT = Path(__file__).resolve().parent.parent
RASA_TOKEN = "bench-token"


def cpu_seconds(*servers: Server) -> dict[str, tuple[int, float]]:
    """(pid, user + system CPU seconds so far) of each server process."""
    ticks = os.sysconf("SC_CLK_TCK")
    used = {}
    for server in servers:
        pid = server.process.pid
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        used[server.name] = (pid, (int(fields[11]) + int(fields[12])) / ticks)
    return used


def cpu_per_message(before: dict, after: dict, messages: int) -> dict[str, float | None]:
    """CPU milliseconds per message by process (None for a process that was restarted)."""
    return {
        name: round(1000 * (after[name][1] - before[name][1]) / max(messages, 1), 1)
        if after[name][0] == before[name][0]
        else None
        for name in before
    }


def kill(server: Server) -> None:
    """SIGKILL: no graceful shutdown, requests in flight are cut."""
    server.process.kill()
    server.process.wait()
    server._log.close()


def start_api(workdir: Path, env: dict, port: int) -> Server:
    command = [
        str(ROOT / ".venv/bin/uvicorn"),
        "--factory",
        "api.main:create_app",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--log-level",
        "warning",
    ]
    return Server("api", command, f"http://127.0.0.1:{port}/healthz", workdir / "api.log", env)


def profile(server: Server, output: Path) -> subprocess.Popen:
    """Sample a running server with py-spy until it exits, into `output` (collapsed stacks).

    py-spy samples every thread: the webhook's store work runs in the store's thread, which
    cProfile (the event loop's thread only) never saw. `--gil` keeps the samples of the
    thread that holds the GIL, so the counts are the API's Python CPU time, not its waits;
    `--nonblocking` does not pause the server to read its stacks.
    """
    return subprocess.Popen(
        [
            str(ROOT / ".venv/bin/py-spy"),
            "record",
            "--pid",
            str(server.process.pid),
            "--rate",
            "200",
            "--nonblocking",
            "--gil",
            "--format",
            "raw",
            "--output",
            str(output),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def hot_spots(collapsed: Path, limit: int = 25) -> str:
    """Where the sampled time went: each frame's share of the samples it appears in
    (inclusive), our own modules and the libraries, the busiest first."""
    total, inclusive = 0, {}
    for line in collapsed.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if not count.isdigit():
            continue
        total += int(count)
        for frame in set(stack.split(";")[1:]):  # the first frame is the thread
            inclusive[frame] = inclusive.get(frame, 0) + int(count)
    if not total:
        return "no samples"
    rows = sorted(inclusive.items(), key=lambda item: -item[1])[:limit]
    return "\n".join(f"{100 * n / total:5.1f} %  {frame[:150]}" for frame, n in rows)


async def kill_and_restart(rasa: Server, stats: Stats, after: int, down: float, log: list) -> None:
    while stats.sent < after:
        await asyncio.sleep(0.05)
    log.append(("killed", time.monotonic()))
    kill(rasa)
    await asyncio.sleep(down)
    await asyncio.to_thread(rasa.start)
    log.append(("back", time.monotonic()))


def check_exactly_once(settings: Settings, stats: Stats, twilio: FakeTwilio) -> list[str]:
    """Every message handed to Rasa once (its tracker) and answered once (our store)."""
    import sqlalchemy as sa

    problems = []
    with httpx.Client(timeout=60) as client:
        for phone, sids in stats.sids.items():
            tracker = client.get(
                f"{settings.rasa_url}/conversations/{phone}/tracker", params={"token": RASA_TOKEN}
            ).json()
            taken = [
                (e.get("metadata") or {}).get("message_id")
                for e in tracker["events"]
                if e["event"] == "user"
            ]
            if taken != [tracker_tag(sid) for sid in sids]:
                problems.append(
                    f"…{phone[-4:]}: Rasa took {len(taken)} of {len(sids)} messages "
                    f"({len(taken) - len(set(taken))} twice)"
                )
    engine = make_engine(settings.database_url)
    phones = ", ".join(f"'{phone}'" for phone in stats.sids)
    # A notice queued by the last turns (the filing's) may still be on its way to Twilio:
    # wait for the senders to settle before counting what they sent.
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with engine.connect() as db:
            pending = db.execute(
                sa.text(
                    "select count(*) from outboundmessage where status in ('queued', 'sending')"
                )
            ).scalar()
        if not pending:
            break
        time.sleep(0.5)
    with engine.connect() as db:
        statuses = dict(
            db.execute(
                sa.text(
                    "select status, count(*) from message where direction='in' "
                    f"and conversation_id in ({phones}) group by status"
                )
            ).all()
        )
        answered_twice = db.execute(
            sa.text(
                "select count(*) from (select reply_to_id from message where direction='out' "
                "and status='bot' group by reply_to_id, text having count(*) > 1) as twice"
            )
        ).scalar()
        by_outbox = db.execute(
            sa.text("select count(*) from outboundmessage where via is null")
        ).scalar()
    if set(statuses) != {"answered"}:
        problems.append(f"inbound statuses: {statuses}")
    if answered_twice:
        problems.append(f"{answered_twice} replies recorded twice")
    if len(twilio.sent) != by_outbox or len({m["sid"] for m in twilio.sent}) != len(twilio.sent):
        problems.append(f"outbox rows {by_outbox}, sent to Twilio {len(twilio.sent)}")
    return problems

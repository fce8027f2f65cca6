"""Load test of the SMS channel: many simulated phones hold whole 低保 applications through
POST /twilio/sms (the API under uvicorn, the real Rasa server and action server, all on
loopback), then the same conversations go straight to Rasa's REST channel in the same run.
Reports reply latency (p50/p95/p99), messages per second and the channel/direct ratio.

    .venv/bin/python bench/sms_load.py --phones 20
    .venv/bin/python bench/sms_load.py --phones 20 --kill-rasa     # Rasa killed mid-way

With --kill-rasa, Rasa is SIGKILLed after --kill-after messages and restarted; residents
whose message gets no TwiML answer wait for the reply by SMS (the outbox, sent to a
stand-in for Twilio's API). The run ends by checking that every message was handed to Rasa
exactly once and answered exactly once. Needs a trained model (`make train`).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.sms_residents import Stats, channel_resident, direct_resident, summary  # noqa: E402
from bench.sms_servers import (  # noqa: E402
    RASA_TOKEN,
    check_exactly_once,
    cpu_per_message,
    cpu_seconds,
    hot_spots,
    kill_and_restart,
    profile,
    start_api,
)
from cases.migrations import migrate  # noqa: E402
from channels import wording  # noqa: E402
from core.database import make_engine  # noqa: E402
from core.settings import Settings  # noqa: E402
from tests.servers import action_server, free_port, rasa_server  # noqa: E402
from tests.twilio_fakes import (  # noqa: E402
    ACCOUNT_SID,
    AUTH_TOKEN,
    FROM_NUMBER,
    PUBLIC_BASE_URL,
    FakeTwilio,
)


async def run(args: argparse.Namespace) -> dict:
    workdir = Path(tempfile.mkdtemp(prefix="sms-load-"))
    database_url = f"sqlite:///{workdir / 'intake.db'}"
    migrate(make_engine(database_url))
    action_port, rasa_port, api_port = free_port(), free_port(), free_port()
    actions = action_server(action_port, database_url, workdir / "actions.log")
    rasa = rasa_server(rasa_port, action_port, workdir, RASA_TOKEN, workdir / "rasa.log")
    rasa_url = f"http://127.0.0.1:{rasa_port}"
    twilio = FakeTwilio().__enter__()
    env = {
        **os.environ,
        "ENVIRONMENT": "test",
        "DATABASE_URL": database_url,
        "RASA_URL": rasa_url,
        "RASA_TOKEN": RASA_TOKEN,
        "ACTION_SERVER_URL": f"http://127.0.0.1:{action_port}",
        "PUBLIC_BASE_URL": PUBLIC_BASE_URL,
        "TWILIO_ACCOUNT_SID": ACCOUNT_SID,
        "TWILIO_AUTH_TOKEN": AUTH_TOKEN,
        "TWILIO_FROM_NUMBER": FROM_NUMBER,
        "TWILIO_API_BASE_URL": twilio.url,
    }
    settings = Settings(
        environment="test",
        database_url=database_url,
        rasa_url=rasa_url,
        rasa_token=RASA_TOKEN,
        public_base_url=PUBLIC_BASE_URL,
        twilio_auth_token=AUTH_TOKEN,
    )
    api = start_api(workdir, env, api_port)
    started = []
    try:
        print(f"starting the action server, Rasa and the API (logs in {workdir}) …", flush=True)
        for server in (actions, rasa, api):
            server.start()
            started.append(server)
        sampler = profile(api, args.profile_api) if args.profile_api else None
        # Idle connections are dropped before uvicorn's and Sanic's 5 s keep-alive ends.
        limits = httpx.Limits(max_connections=args.phones * 2, keepalive_expiry=3)
        async with (
            httpx.AsyncClient(
                base_url=f"http://127.0.0.1:{api_port}", timeout=120, limits=limits
            ) as api_client,
            httpx.AsyncClient(timeout=120, limits=limits) as rasa_client,
        ):
            # Warm up both paths (the first messages after Rasa starts are slow).
            warm = Stats()
            await asyncio.gather(
                channel_resident(api_client, settings, twilio, "+8613600000000", warm, 0),
                direct_resident(rasa_client, rasa_url, "+8613500000000", warm, 0),
            )
            channel, direct, events = Stats(), Stats(), []
            channel_seconds = direct_seconds = 0.0
            for round_ in range(args.rounds):
                phones = [f"+86139{round_:02d}{n:06d}" for n in range(1, args.phones + 1)]
                print(f"round {round_ + 1}: {args.phones} phones through /twilio/sms …", flush=True)
                began, cpu, done = (
                    time.monotonic(),
                    cpu_seconds(actions, rasa, api),
                    len(channel.all),
                )
                jobs = [
                    channel_resident(api_client, settings, twilio, p, channel, args.think, n)
                    for n, p in enumerate(phones)
                ]
                if args.kill_rasa and round_ == 0:
                    jobs.append(kill_and_restart(rasa, channel, args.kill_after, args.down, events))
                await asyncio.gather(*jobs)
                channel_seconds += time.monotonic() - began
                channel_cpu = cpu_per_message(
                    cpu, cpu_seconds(actions, rasa, api), len(channel.all) - done
                )
                channel.notices += sum(
                    body == wording.OUTAGE_NOTICE for p in phones for body in twilio.bodies(p)
                )
                print(f"round {round_ + 1}: {args.phones} phones straight to Rasa …", flush=True)
                began, cpu, done = time.monotonic(), cpu_seconds(actions, rasa), len(direct.all)
                await asyncio.gather(
                    *(
                        direct_resident(
                            rasa_client,
                            rasa_url,
                            f"+86137{round_:02d}{n:06d}",
                            direct,
                            args.think,
                            n - 1,
                        )
                        for n in range(1, args.phones + 1)
                    )
                )
                direct_seconds += time.monotonic() - began
                direct_cpu = cpu_per_message(
                    cpu, cpu_seconds(actions, rasa), len(direct.all) - done
                )
        problems = check_exactly_once(settings, channel, twilio)
    finally:
        for server in reversed(started):
            if server.process and server.process.poll() is None:
                server.stop()
        twilio.__exit__(None, None, None)
        if sampler:
            sampler.wait(timeout=60)  # py-spy writes once the API has exited
    result = {
        "phones": args.phones,
        "rounds": args.rounds,
        "think_s": args.think,
        "kill_rasa": args.kill_rasa,
        "channel": summary(channel.all, channel_seconds),
        "channel_live": summary(channel.live, channel_seconds),
        "channel_by_sms": summary(channel.late, channel_seconds),
        "direct": summary(direct.all, direct_seconds),
        "cases_filed": {"channel": channel.filed, "direct": direct.filed},
        "cpu_ms_per_message": {"channel": channel_cpu, "direct": direct_cpu},
        "outage_notices": channel.notices,
        "failures": channel.failures + direct.failures,
        "exactly_once_problems": problems,
        "workdir": str(workdir),
    }
    result["ratio"] = {
        key: result["channel_live"][key] / result["direct"][key] for key in ("p50", "p95", "mean")
    }
    if events:
        result["rasa_down_s"] = events[1][1] - events[0][1]
    return result


def report(result: dict) -> str:
    lines = [
        f"{result['phones']} phones × {result['rounds']} rounds, think {result['think_s']} s"
        + (", Rasa killed and restarted mid-way" if result["kill_rasa"] else "")
    ]
    lines.append(f"{'':22}{'msgs':>6}{'p50 s':>8}{'p95 s':>8}{'p99 s':>8}{'msg/s':>8}")
    for key, label in (
        ("channel", "/twilio/sms (all)"),
        ("channel_live", "  answered in TwiML"),
        ("channel_by_sms", "  answered by SMS"),
        ("direct", "Rasa REST direct"),
    ):
        s = result[key]
        lines.append(
            f"{label:22}{s['messages']:>6}{s['p50']:>8.3f}{s['p95']:>8.3f}"
            f"{s['p99']:>8.3f}{s['messages_per_s']:>8.1f}"
        )
    r = result["ratio"]
    lines.append(
        f"channel/direct (TwiML answers): p50 {r['p50']:.2f}×, p95 {r['p95']:.2f}×, "
        f"mean {r['mean']:.2f}×"
    )
    lines.append(f"CPU ms per message (last round): {result['cpu_ms_per_message']}")
    lines.append(
        f"cases filed: {result['cases_filed']}, outage notices: {result['outage_notices']}"
        + (f", Rasa down {result['rasa_down_s']:.0f} s" if "rasa_down_s" in result else "")
    )
    lines.append(
        "exactly once: "
        + (
            "ok"
            if not result["exactly_once_problems"]
            else "; ".join(result["exactly_once_problems"])
        )
    )
    if result["failures"]:
        lines.append("failures: " + "; ".join(result["failures"][:5]))
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--phones", type=int, default=20)
    parser.add_argument(
        "--think",
        type=float,
        default=0.0,
        help="mean seconds between a reply "
        "and the resident's next message (uniform 0.5–1.5×, random start)",
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="channel then direct, repeated (evens out changes in the machine's other load)",
    )
    parser.add_argument("--kill-rasa", action="store_true")
    parser.add_argument("--kill-after", type=int, default=60, help="messages sent before the kill")
    parser.add_argument("--down", type=float, default=3.0, help="seconds Rasa stays down")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument(
        "--profile-api",
        type=Path,
        help="sample the API process with py-spy into FILE (collapsed stacks, all threads)",
    )
    args = parser.parse_args()
    result = asyncio.run(run(args))
    print(report(result))
    if args.profile_api:
        print(f"where the API's CPU went (py-spy, {args.profile_api}):")
        print(hot_spots(args.profile_api))
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=2))
    ok = (
        result["cases_filed"]["channel"] == args.phones * args.rounds
        and not result["exactly_once_problems"]
    )
    return 0 if ok and not result["failures"] else 1


if __name__ == "__main__":
    sys.exit(main())

"""`intake outbox run [--once] [--interval SECONDS]`: an outbox sender without the API, on
the store at DATABASE_URL (each API process runs one too; this adds senders where the
messages outgrow them). Several may run at once: they claim messages with
`SELECT … FOR UPDATE SKIP LOCKED` (channels.outbox.claim_due), and each is sent once."""

from __future__ import annotations

import argparse
import asyncio


def add_parser(commands: argparse._SubParsersAction) -> None:
    outbox = commands.add_parser("outbox", help="the outbound messages")
    outbox_commands = outbox.add_subparsers(dest="outbox_command", required=True)
    run = outbox_commands.add_parser("run", help="send what is due, until stopped")
    run.add_argument("--once", action="store_true", help="one round, then exit")
    run.add_argument("--interval", type=float, default=None, metavar="SECONDS",
                     help="seconds between idle rounds (default: OUTBOX_INTERVAL)")  # fmt: skip
    run.set_defaults(run=run_outbox)


def run_outbox(args: argparse.Namespace) -> int:
    import cases.models  # noqa: F401  (the tables the outbox's foreign keys name)
    from cases.migrations import migrate
    from channels.workers import OutboxWorker
    from core.database import make_engine
    from core.settings import get_settings

    settings = get_settings()
    engine = make_engine(settings.database_url)
    migrate(engine)
    worker = OutboxWorker(settings, engine)
    if not worker.can_send:
        print("no sender configured (Twilio, WeChat, SMS carrier): messages stay queued")
    interval = args.interval or settings.outbox_interval

    async def loop() -> None:
        try:
            while True:
                tried = await worker.run_once()
                if args.once:
                    return
                if not tried:
                    await asyncio.sleep(interval)
        finally:
            worker.store.close()

    try:
        asyncio.run(loop())
    except KeyboardInterrupt:
        pass
    return 0

"""`intake scheduler run [--once] [--interval SECONDS]`: the dynamic-management scheduler
(reviews, reminders, the clock) on the store at DATABASE_URL, without the API. Several may
run at once: each job runs once (cases.dynamic.jobs)."""

from __future__ import annotations

import argparse
import json
import time


def add_parser(commands: argparse._SubParsersAction) -> None:
    scheduler = commands.add_parser("scheduler", help="the dynamic-management scheduler")
    scheduler_commands = scheduler.add_subparsers(dest="scheduler_command", required=True)
    run = scheduler_commands.add_parser("run", help="plan and run what is due")
    run.add_argument("--once", action="store_true", help="one round, then exit")
    run.add_argument("--interval", type=float, default=None, metavar="SECONDS",
                     help="seconds between rounds (default: SCHEDULER_INTERVAL)")  # fmt: skip
    run.set_defaults(run=run_scheduler)


def run_scheduler(args: argparse.Namespace) -> int:
    from cases.dynamic.scheduler import Scheduler
    from cases.migrations import migrate
    from core.database import make_engine
    from core.settings import get_settings

    settings = get_settings()
    engine = make_engine(settings.database_url)
    migrate(engine)
    scheduler = Scheduler(settings, engine)
    while True:
        print(json.dumps(scheduler.run_once()), flush=True)
        if args.once:
            return 0
        time.sleep(args.interval or settings.scheduler_interval)

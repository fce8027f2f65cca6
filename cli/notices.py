"""`intake notices remind-reviews`: the 复查提醒 to every approved household whose review falls
within the next days (run daily, e.g. from cron or a systemd timer)."""

from __future__ import annotations

import argparse
from datetime import date


def add_parser(commands: argparse._SubParsersAction) -> None:
    notices = commands.add_parser("notices", help="notices to residents")
    notice_commands = notices.add_subparsers(dest="notices_command", required=True)
    remind = notice_commands.add_parser("remind-reviews", help="queue the review reminders due")
    remind.add_argument("--on", type=date.fromisoformat, default=None, help="today (YYYY-MM-DD)")
    remind.add_argument("--days", type=int, default=14, help="how long before the review")
    remind.set_defaults(run=run_remind_reviews)


def run_remind_reviews(args: argparse.Namespace) -> int:
    from cases.migrations import migrate
    from cases.notices import remind_reviews
    from core.database import make_engine, session_scope
    from core.settings import get_settings

    engine = make_engine(get_settings().database_url)
    migrate(engine)
    with session_scope(engine) as session:
        count = remind_reviews(session, today=args.on or date.today(), days=args.days)
    print(f"{count} review reminders queued")
    return 0

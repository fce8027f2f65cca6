"""`intake clock add-working-days DATE N`: the N-th working day after DATE by the official
calendar (State Council holidays and make-up working days, ``policy.workdays``), as
YYYY-MM-DD. DATE itself never counts. The days county staff added in the console (the
holiday table of the store at DATABASE_URL) count too when that store exists.

A date past the known calendar is computed with weekends only and said to be provisional on
stderr (exit 0). Exit 2 with a message for a bad DATE or N.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date

from policy.workdays import MAX_DAYS, Calendar

PROG = "intake clock add-working-days"


def add_parser(commands: argparse._SubParsersAction) -> None:
    clock = commands.add_parser("clock", help="the official working-day calendar")
    clock_commands = clock.add_subparsers(dest="clock_command", required=True)
    add = clock_commands.add_parser(
        "add-working-days",
        help="the N-th working day after DATE",
        description=__doc__.splitlines()[0],
    )
    add.add_argument("date", metavar="DATE", help="YYYY-MM-DD (never counted itself)")
    add.add_argument("n", metavar="N", help=f"working days, 1 to {MAX_DAYS}")
    add.set_defaults(run=run_add_working_days)


def _fail(message: str) -> int:
    print(f"{PROG}: {message}", file=sys.stderr)
    return 2


def run_add_working_days(args: argparse.Namespace) -> int:
    try:
        start = date.fromisoformat(args.date.strip())
    except ValueError:
        return _fail(f"DATE must be a date as YYYY-MM-DD, not {args.date!r}")
    text = args.n.strip()
    if not text.isdigit() or not 1 <= int(text) <= MAX_DAYS:
        return _fail(f"N must be a whole number from 1 to {MAX_DAYS}, not {args.n!r}")
    calendar = Calendar(staff_days())
    try:
        due = calendar.add_working_days(start, int(text))
    except ValueError as error:
        return _fail(f"DATE: {error}")
    print(due.on.isoformat())
    if due.provisional:
        print(
            f"{PROG}: provisional: the official calendar is known up to "
            f"{calendar.last_known_year}; later days are counted with weekends only",
            file=sys.stderr,
        )
    return 0


def staff_days() -> dict[date, bool]:
    """The holiday table of the configured store, if there is one (never creates it)."""
    from pathlib import Path

    from sqlalchemy.engine import make_url

    from core.settings import get_settings

    url = get_settings().database_url
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and (
        not parsed.database or not Path(parsed.database).exists()
    ):
        return {}
    try:
        from cases.dynamic.clock import read_staff_days
        from core.database import make_engine

        engine = make_engine(url)
        try:
            return read_staff_days(engine)
        finally:
            engine.dispose()
    except Exception:  # noqa: BLE001 - no store, or not migrated: the library's calendar
        return {}

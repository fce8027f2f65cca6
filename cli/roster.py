"""`intake roster check --dibao FILE --registered-poor FILE [--on YYYY-MM-DD] [--out
FILE.csv|FILE.xlsx]`: the cross-check (信息比对) of the two rosters.

Prints ``{"on", "standard", "poverty_line", "counts", "findings", "errors"}`` as JSON (see
``cases.rosters``); with ``--out`` also writes the findings as a table, identity numbers and
names masked. Exit 2 with a message for a missing column, a file that cannot be read, or a
date with no 低保 standard or poverty line in force. The shipped parameters are used, and
identity numbers are matched by a keyed hash whose key lives only as long as the command:
nothing of the numbers leaves the process.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import sys
from datetime import date
from pathlib import Path

PROG = "intake roster check"


def add_parser(commands: argparse._SubParsersAction) -> None:
    roster = commands.add_parser("roster", help="the 低保 and 建档立卡 rosters")
    roster_commands = roster.add_subparsers(dest="roster_command", required=True)
    check = roster_commands.add_parser(
        "check", help="cross-check the two rosters (信息比对)", description=__doc__.splitlines()[0]
    )
    check.add_argument("--dibao", required=True, metavar="FILE", help="the 低保 roster (CSV/XLSX)")
    check.add_argument("--registered-poor", required=True, metavar="FILE",
                       help="the 建档立卡 roster (CSV/XLSX)")  # fmt: skip
    check.add_argument("--on", type=_day, default=None, metavar="YYYY-MM-DD",
                       help="the check date (default: today)")  # fmt: skip
    check.add_argument("--out", metavar="FILE.csv|FILE.xlsx", help="also write the findings")
    check.set_defaults(run=run_check)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _fail(message: str) -> int:
    print(f"{PROG}: {message}", file=sys.stderr)
    return 2


def run_check(args: argparse.Namespace) -> int:
    out = Path(args.out) if args.out else None
    if out is not None and out.suffix.lower() not in (".csv", ".xlsx"):
        return _fail(f"--out: the table is a .csv or an .xlsx file, not {args.out!r}")

    from cases.rosters.check import check_rosters
    from cases.rosters.reading import RosterFile, RosterFileError
    from cases.rosters.tables import FindingRow, write_table
    from core.security import IdentityCipher
    from policy import InputError, load_default

    sources = {"dibao": args.dibao, "registered_poor": args.registered_poor}
    files = {roster: RosterFile(roster, Path(name), name) for roster, name in sources.items()}
    cipher = IdentityCipher(secrets.token_urlsafe(32))  # this run's key, never stored
    try:
        result = check_rosters(files["dibao"], files["registered_poor"],
                               on=args.on or date.today(), parameters=load_default(),
                               digest=cipher.lookup_digest)  # fmt: skip
    except RosterFileError as error:
        return _fail(f"{sources[error.field]}: {error.message}")
    except InputError as error:
        return _fail(f"--{error.field}: {error.message}")
    if out is not None:
        try:
            write_table(out, (FindingRow.of(f) for f in result.findings))
        except OSError as error:
            return _fail(f"--out: cannot write {args.out}: {error.strerror or error}")
    try:
        sys.stdout.buffer.write(json.dumps(result.to_json(), ensure_ascii=False, indent=2).encode())
        sys.stdout.buffer.write(b"\n")
        sys.stdout.flush()
    except BrokenPipeError:  # e.g. `intake roster check … | head`
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
    return 0

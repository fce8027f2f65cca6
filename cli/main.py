"""`intake`: the command line.

intake assess FILE|-          Assessment JSON of a Household JSON (or an array of them)
intake user add NAME --role county_admin|township_staff|helpline [--township T]
                --password-stdin
intake db upgrade             bring the store's schema up to date
intake roster check --dibao FILE --registered-poor FILE [--on YYYY-MM-DD]
                [--out FILE.csv|FILE.xlsx]
                              cross-check the 低保 and 建档立卡 rosters (信息比对), as JSON
intake clock add-working-days DATE N
                              the N-th working day after DATE by the official calendar
intake scheduler run [--once]  the dynamic-management scheduler (reviews, their 复查提醒
                              and one reminder, the clock)
intake outbox run [--once]    an outbox sender without the API (several may run at once)
"""

from __future__ import annotations

import argparse
import sys

from cli import assess, clock, outbox, roster, scheduler, users


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="intake", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    assess.add_parser(commands)
    users.add_parser(commands)
    roster.add_parser(commands)
    clock.add_parser(commands)
    scheduler.add_parser(commands)
    outbox.add_parser(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())

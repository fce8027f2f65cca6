"""`intake`: the command line.

intake assess FILE|-          Assessment JSON of a Household JSON (or an array of them)
intake user add NAME --role county_admin|township_staff|helpline [--township T]
                --password-stdin
intake db upgrade             bring the store's schema up to date
"""

from __future__ import annotations

import argparse
import sys

from cli import assess, users


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="intake", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    assess.add_parser(commands)
    users.add_parser(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())

"""`intake assess FILE|-`: the Assessment JSON of a Household JSON, or of an array of them.

Exit 0 with the JSON on stdout; exit 2 with one line per problem on stderr, naming the field
(``members.0.age``) and, for an array, the index of the household. Nothing is printed on
stdout when any household is bad: there is no partial answer.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from decimal import Decimal
from typing import Any

PROG = "intake assess"


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add the ``assess`` subcommand to ``intake``'s subparsers."""
    parser = subparsers.add_parser(
        "assess",
        help="assess a Household JSON (or an array of them)",
        description=__doc__.splitlines()[0],
    )
    parser.add_argument("file", metavar="FILE", help="a Household JSON file, or - for stdin")
    parser.set_defaults(run=run)
    return parser


def _read(name: str) -> str:
    if name == "-":
        return sys.stdin.buffer.read().decode("utf-8")
    with open(name, encoding="utf-8") as handle:
        return handle.read()


def _fail(lines: list[str]) -> int:
    for line in lines:
        print(f"{PROG}: {line}", file=sys.stderr)
    return 2


def _assess_one(policy: Any, data: Any, where: str) -> tuple[Any, list[str]]:
    from pydantic import ValidationError

    try:
        return policy.assess(data), []
    except (ValidationError, policy.PolicyError) as error:
        return None, [f"{where}{e['field']}: {e['message']}" for e in policy.error_list(error)]


def run(args: argparse.Namespace) -> int:
    """Print the assessment(s) of ``args.file``; 0 when done, 2 on bad input."""
    try:
        text = _read(args.file)
    except (OSError, UnicodeDecodeError) as error:
        return _fail([f"cannot read {args.file}: {error}"])
    try:
        data = json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as error:
        return _fail([f"(root): not valid JSON: {error}"])

    import policy  # after the cheap checks: pydantic takes a moment to import

    if isinstance(data, list):
        results, problems = [], []
        for index, item in enumerate(data):
            result, errors = _assess_one(policy, item, f"household {index}: ")
            results.append(result)
            problems.extend(errors)
        if problems:
            return _fail(problems)
        output: Any = [result.model_dump(mode="json") for result in results]
    elif isinstance(data, dict):
        result, problems = _assess_one(policy, data, "")
        if problems:
            return _fail(problems)
        output = result.model_dump(mode="json")
    else:
        return _fail(["(root): expected a Household object or an array of them"])
    try:
        sys.stdout.buffer.write(json.dumps(output, ensure_ascii=False, indent=2).encode("utf-8"))
        sys.stdout.buffer.write(b"\n")
        sys.stdout.flush()
    except BrokenPipeError:  # e.g. `intake assess f.json | head`
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
    return 0

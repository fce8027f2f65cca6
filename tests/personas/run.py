"""Run the resident personas and report, per persona and in total: filed or not, messages
sent, the most times one question was asked, facts right / wrong / unknown.

    .venv/bin/python -m tests.personas.run --live      # real Rasa + action servers (e2e)
    .venv/bin/python -m tests.personas.run             # the form's logic only, no NLU

`--live` starts the Rasa server with the trained model and the action server on a store in
a temporary folder (tests/servers.py), talks through Rasa's REST channel (input channel
"voice" for callers) and reads the filed case from the store (``tests.personas.live``).
What a conversation came to, and the totals, are ``tests.personas.outcomes``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from dataclasses import asdict
from datetime import date
from pathlib import Path

# A test tool: its stores and servers run as "test" (an unset ENVIRONMENT is production).
os.environ.setdefault("ENVIRONMENT", "test")

from tests.personas.live import Live, Servers  # noqa: E402
from tests.personas.outcomes import MAX_MESSAGES, Outcome, markdown, outcome, report
from tests.personas.resident import Persona, SimulatedResident, load_all

__all__ = [
    "Live",
    "Outcome",
    "Servers",
    "main",
    "markdown",
    "report",
    "run_offline",
    "run_offline_all",
]


# --- offline: the form's reading logic without Rasa ----------------------------------------


def run_offline(persona: Persona) -> Outcome:
    from actions.application import give_up  # noqa: F401 - the same module the server uses
    from actions.application_facts import to_household
    from actions.store import identity_cipher
    from core.security import mask_id_number
    from tests.actions.simulation import Conversation

    resident = SimulatedResident(persona)
    conversation = Conversation()
    conversation.medium = "voice" if persona.channel == "voice" else None
    conversation.start(resident.first())
    asked: list[str] = []
    while conversation.requested is not None and conversation.messages < MAX_MESSAGES:
        topic = conversation.requested
        asked.append(topic)
        question = conversation.ask()  # as the live run, the resident hears the question
        conversation.say(resident.answer(topic, question), intent=None)
    slots = conversation.slots
    if conversation.requested is not None or not slots.get("consent"):
        return outcome(persona, resident, False, conversation.messages + 1, asked, None)
    token = slots.get("id_number")
    number = identity_cipher().decrypt(token) if token else None
    case = {
        "name": slots.get("applicant_name"),
        "id_number_masked": mask_id_number(number) if number else None,
        "township": slots.get("township"),
        "village": slots.get("village"),
        "facts": {**slots, "unknown_facts": slots.get("unknown_facts") or []},
        "household": to_household(slots, date.today()),
    }
    from actions.application_facts import unknown_facts

    case["facts"]["unknown_facts"] = unknown_facts(slots)
    return outcome(persona, resident, True, conversation.messages + 1, asked, case)


def run_offline_all(personas: list[Persona], workers: int = 1) -> list[Outcome]:
    """Every persona offline, in `workers` processes (each conversation is its own; the
    outcomes are the same as one at a time, in the personas' order)."""
    if workers <= 1 or len(personas) < 2:
        return [run_offline(p) for p in personas]
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(workers) as pool:
        return pool.map(run_offline, personas, chunksize=8)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--live", action="store_true")
    parser.add_argument("--only", nargs="*")
    parser.add_argument("--json", type=Path)
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument(
        "--workers", type=int, default=1, help="conversations at a time (processes offline)"
    )
    parser.add_argument(
        "--markdown", type=Path, help="print the per-persona table of a --json file"
    )
    args = parser.parse_args(argv)
    if args.markdown:
        print(markdown(json.loads(args.markdown.read_text(encoding="utf-8"))))
        return 0
    personas = [p for p in load_all() if not args.only or p.id in args.only]
    if args.live:
        with tempfile.TemporaryDirectory() as folder, Servers(Path(folder)) as live:
            outcomes = live.run_all(personas, workers=args.workers)
    else:
        outcomes = run_offline_all(personas, args.workers)
    for o in outcomes:
        print(
            f"{o.id:45} {'filed' if o.filed else 'NOT FILED':9} msgs={o.messages:2} "
            f"max_asked={o.most_asked} right={o.right} wrong={len(o.wrong)} "
            f"unknown={len(o.unknown)}"
        )
        if args.verbose and (o.wrong or o.without_words):
            for item in o.wrong:
                print("      wrong:", item)
            if o.unknown:
                print("      unknown:", o.unknown)
            if o.without_words:
                print("      no words for:", o.without_words)
            print("      asked:", o.asked)
    summary = report(outcomes)
    print(json.dumps(summary, ensure_ascii=False))
    if args.json:
        args.json.write_text(
            json.dumps(
                {"summary": summary, "personas": [asdict(o) for o in outcomes]},
                ensure_ascii=False,
                indent=1,
            ),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

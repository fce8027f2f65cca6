"""Run the resident personas and report, per persona and in total: filed or not, messages
sent, the most times one question was asked, facts right / wrong / unknown.

    .venv/bin/python -m tests.personas.run --live      # real Rasa + action servers (e2e)
    .venv/bin/python -m tests.personas.run             # the form's logic only, no NLU

`--live` starts the Rasa server with the trained model and the action server on a store in
a temporary folder (tests/servers.py), talks through Rasa's REST channel (input channel
"voice" for callers) and reads the filed case from the store.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path

from tests.personas.resident import Persona, SimulatedResident, compare, load_all

MAX_MESSAGES = 40


@dataclass
class Outcome:
    id: str
    made: str
    filed: bool
    messages: int
    most_asked: int
    right: int
    wrong: list[str]
    unknown: list[str]
    wrong_where_unclear: list[str]
    without_words: list[str] = field(default_factory=list)
    asked: list[str] = field(default_factory=list)


def _outcome(persona, resident, filed, messages, asked, case) -> Outcome:
    most = max((asked.count(t) for t in set(asked)), default=0)
    if case is not None and case.get("household") is None:
        case = None  # filed as a call-back request, not as an application
    if case is None:
        return Outcome(
            persona.id,
            persona.made,
            False,
            messages,
            most,
            0,
            ["not filed"],
            [],
            [],
            resident.without_words,
            asked,
        )
    verdicts = compare(persona, case)
    return Outcome(
        persona.id,
        persona.made,
        filed,
        messages,
        most,
        len(verdicts.right),
        verdicts.wrong,
        verdicts.unknown,
        verdicts.wrong_where_unclear,
        resident.without_words,
        asked,
    )


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
        conversation.say(resident.answer(topic), intent=None)
    slots = conversation.slots
    if conversation.requested is not None or not slots.get("consent"):
        return _outcome(persona, resident, False, conversation.messages + 1, asked, None)
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
    return _outcome(persona, resident, True, conversation.messages + 1, asked, case)


# --- live: the real Rasa and action servers ------------------------------------------------


class Servers:
    """The real Rasa and action servers started on a store in `workdir` (tests/servers.py)."""

    TOKEN = "personas-token"

    def __init__(self, workdir: Path):
        from cases.migrations import migrate
        from core.database import make_engine
        from tests.servers import action_server, free_port, rasa_server

        self.database_url = f"sqlite:///{workdir / 'intake.db'}"
        migrate(make_engine(self.database_url))
        action_port, rasa_port = free_port(), free_port()
        self.actions = action_server(action_port, self.database_url, workdir / "actions.log")
        self.rasa = rasa_server(rasa_port, action_port, workdir, self.TOKEN, workdir / "rasa.log")
        self.url = f"http://127.0.0.1:{rasa_port}"

    def __enter__(self) -> Live:
        self.actions.start()
        self.rasa.start()
        return Live(self.url, self.TOKEN, self.database_url)

    def __exit__(self, *exc):
        self.rasa.stop()
        self.actions.stop()


class Live:
    """Talks to a running Rasa server (REST channel) and reads the filed case from its
    action server's store."""

    def __init__(self, url: str, token: str, database_url: str):
        from core.database import make_engine

        self.url, self.TOKEN = url, token
        self.engine = make_engine(database_url)

    def say(self, sender: str, text: str, channel: str) -> list[str]:
        import httpx

        reply = httpx.post(
            f"{self.url}/webhooks/rest/webhook",
            timeout=60,
            json={"sender": sender, "message": text, "input_channel": channel},
        )
        reply.raise_for_status()
        return [m.get("text", "") for m in reply.json()]

    def requested(self, sender: str) -> str | None:
        import httpx

        tracker = httpx.get(
            f"{self.url}/conversations/{sender}/tracker", params={"token": self.TOKEN}, timeout=30
        ).json()
        if (tracker.get("active_loop") or {}).get("name") != "application_form":
            return None
        return tracker["slots"].get("requested_slot")

    def case(self, sender: str) -> dict | None:
        from sqlmodel import Session, col, select

        from cases.models import Applicant, Case, HouseholdRecord

        with Session(self.engine) as session:
            case = session.exec(
                select(Case).where(Case.conversation_id == sender).order_by(col(Case.id).desc())
            ).first()
            if case is None:
                return None
            record = session.exec(
                select(HouseholdRecord).where(HouseholdRecord.case_id == case.id)
            ).first()
            applicant = session.get(Applicant, case.applicant_id)
            return {
                "name": applicant.name,
                "id_number_masked": applicant.id_number_masked,
                "township": case.township,
                "village": case.village,
                "facts": record.facts,
                "household": record.household,
            }

    def run(self, persona: Persona, index: int, prefix: str = "+86139") -> Outcome:
        sender = f"{prefix}{index:08d}"
        channel = "voice" if persona.channel == "voice" else "rest"
        resident = SimulatedResident(persona)
        replies = self.say(sender, resident.first(), channel)
        messages, asked = 1, []
        while messages < MAX_MESSAGES and not any("编号FJ" in r for r in replies):
            topic = self.requested(sender)
            if topic is None:
                # Outside the form: the first message was not taken as an application.
                if messages > 2:
                    break
                replies = self.say(sender, "申请低保", channel)
                messages += 1
                continue
            asked.append(topic)
            replies = self.say(sender, resident.answer(topic), channel)
            messages += 1
        return _outcome(persona, resident, True, messages, asked, self.case(sender))


def report(outcomes: list[Outcome]) -> dict:
    """The totals, and the same per set (written, real, held_out)."""
    summary = _totals(outcomes)
    summary["by_set"] = {
        made: _totals([o for o in outcomes if o.made == made])
        for made in sorted({o.made for o in outcomes})
    }
    return summary


def _totals(outcomes: list[Outcome]) -> dict:
    total_right = sum(o.right for o in outcomes)
    total_wrong = sum(len(o.wrong) for o in outcomes if o.filed)
    total_unknown = sum(len(o.unknown) for o in outcomes)
    facts = total_right + total_wrong + total_unknown
    return {
        "personas": len(outcomes),
        "filed": sum(o.filed for o in outcomes),
        "most_asked": max(o.most_asked for o in outcomes),
        "median_messages": statistics.median(o.messages for o in outcomes),
        "facts": facts,
        "right": total_right,
        "wrong": total_wrong,
        "unknown": total_unknown,
        "right_share": round(total_right / facts, 4) if facts else 0,
        "wrong_where_unclear": sum(len(o.wrong_where_unclear) for o in outcomes),
    }


def markdown(result: dict) -> str:
    """The per-persona table and the totals of a --json file, for docs/conversation.md."""
    rows = [
        "| persona | set | filed | messages | most asked | right | wrong | unknown |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for o in result["personas"]:
        rows.append(
            f"| {o['id']} | {o['made']} | {'yes' if o['filed'] else 'NO'} | "
            f"{o['messages']} | {o['most_asked']} | {o['right']} | {len(o['wrong'])} | "
            f"{len(o['unknown'])} |"
        )
    rows += [
        "",
        "| set | personas | filed | median messages | most asked | facts | right | "
        "wrong | unknown | right share | wrong where unclear |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    summary = result["summary"]
    for name, t in [*summary["by_set"].items(), ("all", summary)]:
        rows.append(
            f"| {name} | {t['personas']} | {t['filed']} | {t['median_messages']} | "
            f"{t['most_asked']} | {t['facts']} | {t['right']} | {t['wrong']} | "
            f"{t['unknown']} | {t['right_share']:.1%} | {t['wrong_where_unclear']} |"
        )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--live", action="store_true")
    parser.add_argument("--only", nargs="*")
    parser.add_argument("--json", type=Path)
    parser.add_argument("-v", "--verbose", action="store_true")
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
            outcomes = [live.run(p, i) for i, p in enumerate(personas)]
    else:
        outcomes = [run_offline(p) for p in personas]
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

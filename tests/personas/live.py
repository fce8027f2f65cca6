"""The personas against the real Rasa and action servers (``tests.personas.run --live``):
``Servers`` starts both on a store in a temporary folder (tests/servers.py), ``Live`` talks
through Rasa's REST channel (input channel "voice" for callers) and reads the filed case
from the store."""

from __future__ import annotations

from pathlib import Path

from tests.personas.outcomes import MAX_MESSAGES, Outcome, outcome
from tests.personas.resident import Persona, SimulatedResident


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

    def run_all(
        self, personas: list[Persona], prefix: str = "+86139", workers: int = 1
    ) -> list[Outcome]:
        """Every persona's conversation, `workers` at a time (each its own sender id, so
        their trackers, locks and cases stay apart), outcomes in the personas' order."""
        if workers <= 1:
            return [self.run(p, i, prefix) for i, p in enumerate(personas)]
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(max_workers=workers) as pool:
            return list(
                pool.map(lambda item: self.run(item[1], item[0], prefix), enumerate(personas))
            )

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
            replies = self.say(sender, resident.answer(topic, "".join(replies)), channel)
            messages += 1
        return outcome(persona, resident, True, messages, asked, self.case(sender))

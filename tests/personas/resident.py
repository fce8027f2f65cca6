"""Resident personas (see README.md): loading them, and the simulated resident who answers
whatever the assistant asks from its sheet. The comparison of a filed case with the sheet's
facts is ``tests.personas.verdicts``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent


@dataclass
class Persona:
    id: str
    made: str
    says: dict
    facts: dict
    channel: str = "sms"
    summary: str = ""
    sources: list = field(default_factory=list)


def load_all(folder: Path = HERE) -> list[Persona]:
    personas = []
    for path in sorted(folder.glob("*/*.yaml")):
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        personas.append(
            Persona(
                id=raw["id"],
                made=raw.get("made", path.parent.name),
                says=raw["says"],
                facts=raw["facts"],
                channel=raw.get("channel", "sms"),
                summary=raw.get("summary", ""),
                sources=raw.get("sources") or [],
            )
        )
    return personas


# A follow-up that asks for one thing ("妈有养老金吗？"): a resident answers it with the
# words of the sheet that tell it, though the sheet lists them for a later asking.
FOLLOW_UPS = (
    (re.compile(r"有养老金吗"), re.compile(r"养老")),
    # (not "三亩地租给合作社", "卖给贩子": let or sold, no gift)
    (re.compile(r"子女或者?亲戚给钱吗"), re.compile(r"((?<![租卖借])给(?![人别])|寄)")),
)


class SimulatedResident:
    """Answers the question being asked (its topic) with the persona's words; a list of
    words is said in turn when the same question comes again; a follow-up that asks for one
    thing and "别的也说一下" (``FOLLOW_UPS``) gets the next words and the first unsaid words
    that tell that thing."""

    def __init__(self, persona: Persona):
        self.persona = persona
        self.times: dict[str, int] = {}
        self.said: dict[str, set[int]] = {}
        self.without_words: list[str] = []

    def first(self) -> str:
        return str(self.persona.says.get("first") or "申请低保")

    # Questions that ask for two things at once ("姓名和身份证号？", "哪个乡镇哪个村？",
    # "几口人？分别是谁、多大？"): the resident answers both.
    ASKED_TOGETHER = {
        "applicant_name": ("applicant_name", "id_number"),
        "township": ("township", "village"),
        "household_size": ("household_size", "members"),
        "health": ("health", "work"),
        "three_guarantees": ("three_guarantees", "hardship"),
        "status": ("status", "three_guarantees", "hardship"),
    }

    def answer(self, topic: str, question: str = "") -> str:
        """The words for `topic`; `question` is the assistant's text, when known."""
        parts = self.ASKED_TOGETHER.get(topic, (topic,))
        if len(parts) > 1 and all(p in self.persona.says for p in parts):
            first = self.times.get(topic, 0) == 0
            said = [self._one(part) for part in (parts if first else parts[:1])]
            return "，".join(dict.fromkeys(said))
        return self._one(topic, question)

    def _one(self, topic: str, question: str = "") -> str:
        said = self.persona.says.get(topic)
        if said is None and topic == "household_size":
            said = self.persona.says.get("members")
        if said is None and topic == "id_readback":
            said = "对"
        if said is None:
            self.without_words.append(topic)
            said = self.persona.says.get("other") or "不晓得"
        times = self.times.get(topic, 0)
        self.times[topic] = times + 1
        if not isinstance(said, list):
            return str(said)
        used = self.said.setdefault(topic, set())
        unsaid = [i for i in range(len(said)) if i not in used]
        asked_for = [words for asks, words in FOLLOW_UPS if asks.search(question)]
        telling = [i for i in unsaid if any(w.search(str(said[i])) for w in asked_for)]
        # the first unsaid words that tell each thing asked for
        firsts = [next((i for i in telling if w.search(str(said[i]))), None) for w in asked_for]
        firsts = list(dict.fromkeys(i for i in firsts if i is not None))
        if firsts and firsts != [unsaid[0]]:
            # "妈有养老金吗？还有别的收入也说一下": the words for both
            chosen = list(dict.fromkeys([unsaid[0], *firsts]))
            used.update(chosen)
            return " ".join(str(said[i]) for i in chosen)
        index = (unsaid or [len(said) - 1])[0]
        used.add(index)
        return str(said[index])

"""What a persona's conversation came to (``Outcome``: filed or not, messages, the most times
one question was asked, facts right / wrong / unknown) and the totals of a run (``report``,
``markdown``), for ``tests.personas.run``."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

from tests.personas.verdicts import compare

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


def outcome(persona, resident, filed, messages, asked, case) -> Outcome:
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

"""Comparing a case filed for a resident persona with the facts of its sheet: each fact
right, wrong (and whether the sheet marks it unclear) or left unknown (``compare``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from actions.reading.money_text import INCOME_SOURCES
from actions.reading.people.ages import LINES
from tests.personas.resident import Persona

INCOME = tuple(INCOME_SOURCES)  # the sources the readers know, the Household JSON's
MEMBER_FLAGS = (
    "disability_grade",
    "serious_illness",
    "bedridden",
    "needs_long_term_care",
    "in_school",
    "able_to_work",
)
STATUS = ("registered_poor", "receiving_dibao", "receiving_tekun", "returned_to_poverty")


def _band(age: int | None) -> tuple | None:
    return None if age is None else tuple(age < line for line in LINES)


def _money_right(expected: float, got: float) -> bool:
    return abs((got or 0) - (expected or 0)) <= 0.1 * max(expected or 0, 1)


@dataclass
class Verdicts:
    right: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    wrong_where_unclear: list[str] = field(default_factory=list)

    def add(self, name: str, ok: bool, unknown: bool, unclear: set[str], detail: str = ""):
        top = name.split(".")[0]
        if unknown:
            self.unknown.append(name)
        elif ok:
            self.right.append(name)
        else:
            self.wrong.append(f"{name}: {detail}")
            if name in unclear or top in unclear:
                self.wrong_where_unclear.append(name)


def _closeness(member: dict, candidate: dict) -> tuple:
    return (
        (candidate.get("relation") == "applicant") == (member["relation"] == "applicant"),
        _band(candidate.get("age")) == _band(member.get("age")),
        -abs((candidate.get("age") or 0) - member.get("age", 0)),
    )


def _match_members(expected: list[dict], got: list[dict]) -> list[tuple[dict, dict | None]]:
    free = list(got)
    pairs = []
    for member in sorted(expected, key=lambda m: m["relation"] != "applicant"):
        best = max(free, key=lambda candidate: _closeness(member, candidate)) if free else None
        if best is not None:
            free.remove(best)
        pairs.append((member, best))
    return pairs


def compare(persona: Persona, case: dict) -> Verdicts:
    """`case`: {"name", "id_number_masked", "township", "village", "facts", "household"}."""
    facts, household = persona.facts, case["household"]
    unknown = set(case["facts"].get("unknown_facts") or [])
    unclear = set(persona.facts.get("unclear") or [])
    v = Verdicts()
    name_unknown = "applicant_name" in unknown
    v.add(
        "applicant_name",
        case["name"] == facts.get("applicant_name"),
        name_unknown,
        unclear,
        f"{case['name']!r}",
    )
    if facts.get("id_number"):
        masked = facts["id_number"][:6] + "*" * 8 + facts["id_number"][-4:]
        v.add(
            "id_number",
            case.get("id_number_masked") == masked,
            "id_number" in unknown,
            unclear,
            f"{case.get('id_number_masked')}",
        )
    v.add(
        "township",
        case["township"] == facts.get("township"),
        "township" in unknown,
        unclear,
        case["township"],
    )
    if facts.get("village"):
        v.add(
            "village",
            (case.get("village") or "") == facts["village"],
            "village" in unknown or not case.get("village"),  # not asked for: may be unknown
            unclear,
            str(case.get("village")),
        )
    v.add(
        "proxy",
        bool(case["facts"].get("proxy")) == bool(facts.get("proxy")),
        False,
        unclear,
        str(case["facts"].get("proxy")),
    )
    members = household["members"]
    expected = facts.get("members") or []
    v.add(
        "household_size",
        len(members) == len(expected),
        "household_size" in unknown,
        unclear,
        f"{len(members)} for {len(expected)}",
    )
    said = case["facts"].get("members") or []
    for index, (member, got) in enumerate(_match_members(expected, members)):
        prefix = f"members.{index}"
        if got is None:
            v.add(f"{prefix}.age", False, "members" in unknown, unclear, "missing member")
            continue
        slot = next(
            (
                m
                for m in said
                if m.get("age") == got.get("age")
                and m.get("relation")
                and got.get("relation") in (m.get("relation"), "applicant")
            ),
            {},
        )
        age_unknown = slot.get("age_said") == "unknown" or (
            "members" in unknown and _band(got["age"]) != _band(member["age"])
        )
        v.add(
            f"{prefix}.age",
            _band(got["age"]) == _band(member["age"]),
            age_unknown,
            unclear,
            f"{got['age']} for {member['age']}",
        )
        for flag in MEMBER_FLAGS:
            want, have = member.get(flag), got.get(flag)
            if not want and not have:
                continue
            topic = {
                "disability_grade": "disability_grade",
                "in_school": "school",
                "able_to_work": "work",
            }.get(flag, "health")
            is_unknown = topic in unknown or (flag == "disability_grade" and "health" in unknown)
            v.add(
                f"{prefix}.{flag}",
                (want or None) == (have or None),
                is_unknown,
                unclear,
                f"{have} for {want}",
            )
    for group, keys, got_values in (
        ("income", INCOME, household["income"]),
        ("expenses", ("medical", "disability_care", "education"), household["rigid_expenses"]),
    ):
        for key in keys:
            want, have = (facts.get(group) or {}).get(key, 0), got_values.get(key, 0)
            if want or have or f"{group}.{key}" in unknown:
                v.add(
                    f"{group}.{key}",
                    _money_right(want, have),
                    group in unknown or f"{group}.{key}" in unknown,
                    unclear,
                    f"{have} for {want}",
                )
    assets = {
        "deposits": 0,
        "vehicles": 0,
        "houses": 1,
        "commercial_property": False,
        **(facts.get("assets") or {}),
    }
    for key, want in assets.items():
        have = household["assets"].get(key)
        ok = (
            _money_right(want, have)
            if key == "deposits"
            else bool(want) == bool(have)
            and (key == "commercial_property" or int(want) == int(have or 0))
        )
        is_unknown = "assets" in unknown or f"assets.{key}" in unknown
        v.add(f"assets.{key}", ok, is_unknown, unclear, f"{have} for {want}")
    for key in STATUS:
        want, have = bool((facts.get("status") or {}).get(key)), bool(household.get(key))
        if want or have:
            v.add(f"status.{key}", want == have, "status" in unknown, unclear, f"{have}")
    for key in ("education", "medical", "housing"):
        want = key in (facts.get("three_guarantees") or [])
        have = key in household.get("three_guarantees_unmet", [])
        if want or have:
            v.add(
                f"three_guarantees.{key}",
                want == have,
                "three_guarantees" in unknown,
                unclear,
                f"{have}",
            )
    want, have = facts.get("hardship"), household.get("hardship")
    if want or have:
        v.add(
            "hardship",
            bool(want) == bool(have) and (not want or (want.get("kind") == have.get("kind"))),
            "hardship" in unknown,
            unclear,
            f"{have} for {want}",
        )
    return v

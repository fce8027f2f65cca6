"""A finding (比对结果) and the three findings on a household's figures (应保未保, 应扶未扶,
应退未退, by the rules of ``policy.crosscheck``); 信息不一致 is ``inconsistencies``.

A finding's JSON is the issue's: for the first three ``{"category", "clause", "roster",
"household", "township", "village", "head_name", "head_id_masked", "reason"}``; for
信息不一致 ``{"category", "kind", "households": [{"roster", "household"}], "rows":
[{"file", "row"}], "id_masked", "reason"}``. Its ``key`` says which finding of an earlier
run it is the same as (a hash of its category, roster and household number, or of its
kind, households and the identity number's keyed hash).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from cases.rosters.columns import DIBAO, REGISTERED_POOR
from cases.rosters.households import Household
from core.security import mask_id_number
from policy.crosscheck import (
    CLAUSES,
    INCONSISTENT,
    Verdict,
    should_be_covered,
    should_be_registered,
    should_exit,
)
from policy.glossary import ROSTER_FINDINGS

ORDER = {category: index for index, category in enumerate(ROSTER_FINDINGS)}


@dataclass(eq=False)
class Finding:
    category: str
    clause: str
    reason: str
    household: Household | None = None  # the first three categories
    kind: str | None = None  # 信息不一致
    households: list[tuple[str, str, str]] = field(default_factory=list)  # roster, number, township
    rows: list[tuple[str, int]] = field(default_factory=list)  # file, row
    id_masked: str | None = None
    key_parts: tuple[str, ...] = ()
    on_other_roster: bool | None = None  # a member of the household is on the other roster

    @classmethod
    def of_household(cls, verdict: Verdict, household: Household, on_other: bool) -> Finding:
        return cls(
            on_other_roster=on_other,
            category=verdict.category,
            clause=verdict.clause,
            reason=verdict.reason,
            household=household,
            households=[(household.roster, household.number, household.township)],
            key_parts=(verdict.category, household.roster, household.number),
        )

    @classmethod
    def inconsistency(cls, kind: str, reason: str, *, members, id_masked, key: Iterable[str]):
        """信息不一致 of ``kind`` over ``members`` (``Member``s with their households)."""
        households = list(dict.fromkeys((m.roster, m.household, m.fields[0]) for m in members))
        return cls(
            category=INCONSISTENT,
            clause=CLAUSES[INCONSISTENT],
            reason=reason,
            kind=kind,
            households=households,
            rows=[],
            id_masked=id_masked,
            key_parts=(INCONSISTENT, kind, *(f"{r}:{n}" for r, n, _ in households), *key),
        )

    @property
    def townships(self) -> list[str]:
        return list(dict.fromkeys(township for _, _, township in self.households))

    @property
    def key(self) -> str:
        return hashlib.sha256("\x1f".join(self.key_parts).encode()).hexdigest()

    @property
    def sort_key(self) -> tuple:
        if self.household is not None:
            h = self.household
            return (ORDER[self.category], h.township, h.village, h.number)
        return (ORDER[self.category], self.kind, self.rows[0] if self.rows else ("", 0))

    def to_json(self) -> dict:
        if self.household is None:
            return {
                "category": self.category,
                "kind": self.kind,
                "households": [{"roster": r, "household": n} for r, n, _ in self.households],
                "rows": [{"file": f, "row": r} for f, r in self.rows],
                "id_masked": self.id_masked,
                "reason": self.reason,
            }
        h = self.household
        return {
            "category": self.category,
            "clause": self.clause,
            "roster": h.roster,
            "household": h.number,
            "township": h.township,
            "village": h.village,
            "head_name": h.first.name,
            "head_id_masked": mask_id_number(h.first.id_number),
            "reason": self.reason,
        }


def coverage(
    dibao: dict[str, Household],
    registered_poor: dict[str, Household],
    *,
    standard: Decimal,
    poverty_line: Decimal,
) -> list[Finding]:
    """应保未保, 应扶未扶 and 应退未退. Two households of the two rosters are the same when
    they share any member's identity number (its keyed hash); names play no part."""
    on_dibao = {m.digest for h in dibao.values() for m in h.members}
    registered = {m.digest for h in registered_poor.values() for m in h.members}
    found = []
    for household in registered_poor.values():
        matched = any(m.digest in on_dibao for m in household.members)
        verdict = should_be_covered(
            annual_per_capita=household.annual_per_capita,
            standard=standard,
            poverty_status=household.value("脱贫状态"),
            on_dibao=matched,
        )
        if verdict:
            found.append(Finding.of_household(verdict, household, matched))
    for household in dibao.values():
        monthly = household.monthly_per_capita
        matched = any(m.digest in registered for m in household.members)
        verdict = should_be_registered(
            monthly_per_capita=monthly,
            poverty_line=poverty_line,
            able_to_work=household.able_to_work,
            registered=matched,
        )
        if verdict:
            found.append(Finding.of_household(verdict, household, matched))
        verdict = should_exit(monthly_per_capita=monthly, standard=standard)
        if verdict:
            found.append(Finding.of_household(verdict, household, matched))
    return found


ROSTER_ORDER = {DIBAO: 0, REGISTERED_POOR: 1}

"""The cross-check (信息比对) of a 低保 roster and a 建档立卡 roster on a date: read both,
gather households, find 应保未保, 应扶未扶, 应退未退 and 信息不一致, report unreadable rows.

    result = check_rosters(RosterFile("dibao", path, "低保.csv"),
                           RosterFile("registered_poor", path2, "建档立卡.xlsx"),
                           on=date(2025, 10, 1), parameters=load_default(),
                           digest=cipher.lookup_digest)
    result.to_json()   # {"on", "standard", "poverty_line", "counts", "findings", "errors"}

S (the rural 低保 standard) and L (the poverty line) are those in force on ``on``. Members
are matched by ``digest``, the store's keyed hash of the identity number as written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from cases.rosters.columns import DIBAO, REGISTERED_POOR
from cases.rosters.findings import Finding, coverage
from cases.rosters.households import Household, gather
from cases.rosters.inconsistencies import inconsistencies
from cases.rosters.members import RowError
from cases.rosters.reading import RosterFile, read_roster
from policy.errors import InputError
from policy.glossary import ROSTER_FINDINGS
from policy.parameters import ParameterSet


@dataclass
class CheckResult:
    on: date
    standard: Decimal
    poverty_line: Decimal
    findings: list[Finding]
    errors: list[RowError]
    rows: dict[str, int] = field(default_factory=dict)  # member rows read, per roster
    households: dict[str, int] = field(default_factory=dict)

    @property
    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(ROSTER_FINDINGS, 0)
        for finding in self.findings:
            counts[finding.category] += 1
        return counts

    def to_json(self) -> dict:
        return {
            "on": self.on.isoformat(),
            "standard": _number(self.standard),
            "poverty_line": _number(self.poverty_line),
            "counts": self.counts,
            "findings": [finding.to_json() for finding in self.findings],
            "errors": [error.to_json() for error in self.errors],
        }


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def figures_on(parameters: ParameterSet, on: date) -> tuple[Decimal, Decimal]:
    """(S, L) in force on ``on``; ``InputError`` naming ``on`` when either has no value yet."""
    found = []
    for name in ("rural_dibao_standard", "poverty_line"):
        value = parameters.value_on(name, on)
        if value is None:
            raise InputError("on", f"no {name} is in force on {on.isoformat()}")
        found.append(value.value)
    return found[0], found[1]


def check_rosters(
    dibao: RosterFile,
    registered_poor: RosterFile,
    *,
    on: date,
    parameters: ParameterSet,
    digest: Callable[[str], bytes],
) -> CheckResult:
    """Check the two rosters; raises ``RosterFileError`` (a missing column, a file that
    cannot be read) or ``InputError`` (no standard or poverty line on ``on``)."""
    standard, poverty_line = figures_on(parameters, on)
    errors: list[RowError] = []
    dibao_households = _households(dibao, digest, errors)
    registered_households = _households(registered_poor, digest, errors)
    files = {DIBAO: dibao.name, REGISTERED_POOR: registered_poor.name}
    findings = coverage(dibao_households, registered_households, standard=standard,
                        poverty_line=poverty_line)  # fmt: skip
    findings += inconsistencies(dibao_households, registered_households, files)
    findings.sort(key=lambda f: f.sort_key)
    return CheckResult(
        on=on,
        standard=standard,
        poverty_line=poverty_line,
        findings=findings,
        errors=errors,
        rows={r: sum(len(h.members) for h in hs.values())
              for r, hs in ((DIBAO, dibao_households), (REGISTERED_POOR, registered_households))},
        households={DIBAO: len(dibao_households), REGISTERED_POOR: len(registered_households)},
    )  # fmt: skip


def _households(
    source: RosterFile, digest: Callable[[str], bytes], errors: list[RowError]
) -> dict[str, Household]:
    return gather(read_roster(source), source.layout, source.name, digest, errors)

"""The runs of the cross-check the console keeps (三(三)1, 按季开展): a run is recorded with
its date, S and L, the two files' names and SHA-256 checksums and who ran it; each finding
with its key, so the next quarter's run tells what is new (``is_new``) and what was
resolved (the previous run's findings it no longer has). An outcome staff recorded on a
finding that is still there is carried over to the new run.

Who sees what is ``township_scope``'s rule: a finding belongs to every township it concerns
(``RosterFindingTownship``), township staff see their own township's only.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel
from sqlalchemy import func
from sqlmodel import Session, col, select

from accounts.models import Role, User
from cases.rosters.check import CheckResult
from cases.rosters.findings import Finding
from cases.rosters.models import RosterFinding, RosterFindingTownship, RosterRun
from cases.rosters.shapes import (
    FindingPage,
    FindingPublic,
    RowErrorPublic,
    RunPublic,
    RunSummary,
    TownshipCounts,
)
from core.masking import mask_personal
from core.phones import normalise_phone
from core.security import IdentityCipher, mask_id_number, mask_name, mask_phone
from policy.glossary import ROSTER_FINDINGS

CARRIED = ("outcome", "outcome_note", "outcome_by", "outcome_at", "case_id", "invited_at")


@dataclass(frozen=True)
class StoredFile:
    """An uploaded roster as the run records it: its name and SHA-256."""

    name: str
    sha256: str


def checksum(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def record_run(
    session: Session,
    *,
    result: CheckResult,
    files: dict[str, StoredFile],
    actor: str,
    cipher: IdentityCipher,
) -> RosterRun:
    """Keep a run and its findings; compare them with the previous run."""
    previous = latest_run(session)
    earlier = {}
    if previous is not None:
        for row in session.exec(select(RosterFinding).where(RosterFinding.run_id == previous.id)):
            earlier[row.key] = {name: getattr(row, name) for name in CARRIED}
    run = RosterRun(
        on=result.on,
        standard=str(result.standard),
        poverty_line=str(result.poverty_line),
        dibao_file=mask_personal(files["dibao"].name)[:255],
        dibao_sha256=files["dibao"].sha256,
        dibao_rows=result.rows.get("dibao", 0),
        registered_poor_file=mask_personal(files["registered_poor"].name)[:255],
        registered_poor_sha256=files["registered_poor"].sha256,
        registered_poor_rows=result.rows.get("registered_poor", 0),
        run_by=actor,
        previous_run_id=previous.id if previous else None,
        counts=result.counts,
        errors=[error.to_json() for error in result.errors],
    )
    session.add(run)
    session.flush()
    keys = set()
    stored = []
    for finding in result.findings:
        row = _stored(finding, run, cipher)
        keys.add(row.key)
        if previous is not None:
            row.is_new = row.key not in earlier
            for name, value in earlier.get(row.key, {}).items():
                setattr(row, name, value)
        stored.append((row, finding.townships))
    session.add_all([row for row, _ in stored])
    session.flush()
    session.add_all(
        RosterFindingTownship(finding_id=row.id, township=township, run_id=run.id)
        for row, townships in stored
        for township in townships
    )
    run.new_count = sum(1 for row, _ in stored if row.is_new)
    run.resolved_count = len(earlier.keys() - keys)
    session.add(run)
    session.flush()
    return run


def _stored(finding: Finding, run: RosterRun, cipher: IdentityCipher) -> RosterFinding:
    h = finding.household
    row = RosterFinding(
        run_id=run.id,
        key=finding.key,
        category=finding.category,
        kind=finding.kind,
        clause=finding.clause,
        reason=finding.reason,
        households=[{"roster": r, "household": n, "township": t} for r, n, t in finding.households],
        rows=[{"file": f, "row": r} for f, r in finding.rows],
        township=finding.townships[0] if finding.townships else "",
        id_masked=finding.id_masked or "",
    )
    if h is None:
        row.household = "、".join(n for _, n, _ in finding.households)[:64]
        return row
    phone = normalise_phone(h.phone)
    row.roster, row.household, row.village = h.roster, h.number, h.village
    row.name_masked = mask_name(h.first.name) or ""
    row.id_masked = mask_id_number(h.first.id_number) or ""
    row.phone_masked = mask_phone(phone)
    row.member_hashes = [m.digest.hex() for m in h.members]
    details = {
        "roster": h.roster,
        "household": h.number,
        "township": h.township,
        "village": h.village,
        "phone": phone,
        "on_other_roster": finding.on_other_roster,
        "figures": {column: _plain(h.value(column)) for column in h.layout.household_fields},
        "head": h.members.index(h.first),
        "members": [{"name": m.name, "id_number": m.id_number, "relation": m.relation,
                     "able_to_work": m.able_to_work} for m in h.members],
    }  # fmt: skip
    row.details_encrypted = cipher.encrypt(json.dumps(details, ensure_ascii=False))
    return row


def _plain(value):
    return value if value is None or isinstance(value, bool | int | str) else str(value)


def details(row: RosterFinding, cipher: IdentityCipher) -> dict | None:
    """The household's facts kept with a finding (decrypted), or None."""
    if not row.details_encrypted:
        return None
    return json.loads(cipher.decrypt(row.details_encrypted))


# Reading runs and findings


def latest_run(session: Session) -> RosterRun | None:
    return session.exec(select(RosterRun).order_by(col(RosterRun.id).desc())).first()


def public_run(run: RosterRun) -> RunPublic:
    return RunPublic.model_validate(
        run.model_dump() | {"counts": run.counts, "error_count": len(run.errors)}
    )


def list_runs(session: Session, *, limit: int = 100) -> list[RunPublic]:
    rows = session.exec(select(RosterRun).order_by(col(RosterRun.id).desc()).limit(limit)).all()
    return [public_run(run) for run in rows]


class FindingFilters(BaseModel):
    """Which findings of a run: a township (None: every one the user may see), a category,
    a kind of 信息不一致, an outcome (``"none"``: nothing recorded yet), new ones only."""

    township: str | None = None
    category: str | None = None
    kind: str | None = None
    outcome: str | None = None
    new_only: bool = False


def _filtered(query, run_id: int, filters: FindingFilters):
    query = query.where(RosterFinding.run_id == run_id)
    if filters.township:
        places = select(RosterFindingTownship.finding_id).where(
            RosterFindingTownship.run_id == run_id,
            RosterFindingTownship.township == filters.township,
        )
        query = query.where(col(RosterFinding.id).in_(places))
    if filters.category:
        query = query.where(RosterFinding.category == filters.category)
    if filters.kind:
        query = query.where(RosterFinding.kind == filters.kind)
    if filters.outcome == "none":
        query = query.where(col(RosterFinding.outcome).is_(None))
    elif filters.outcome:
        query = query.where(RosterFinding.outcome == filters.outcome)
    if filters.new_only:
        query = query.where(col(RosterFinding.is_new).is_(True))
    return query


def public_finding(row: RosterFinding) -> FindingPublic:
    return FindingPublic.model_validate(row, from_attributes=True)


def findings(
    session: Session,
    run: RosterRun,
    filters: FindingFilters,
    *,
    cursor: int | None = None,
    limit: int = 100,
) -> FindingPage:
    """A page of the run's findings in the check's order (category, township, village,
    household); ``cursor`` is the last id seen."""
    total = session.exec(_filtered(select(func.count(RosterFinding.id)), run.id, filters)).one()
    query = _filtered(select(RosterFinding), run.id, filters)
    if cursor is not None:
        query = query.where(col(RosterFinding.id) > cursor)
    rows = session.exec(query.order_by(col(RosterFinding.id)).limit(limit + 1)).all()
    more = len(rows) > limit
    rows = rows[:limit]
    return FindingPage(items=[public_finding(r) for r in rows], total=total,
                       next_cursor=rows[-1].id if more and rows else None)  # fmt: skip


def every_finding(session: Session, run: RosterRun, filters: FindingFilters):
    """All of the run's findings that pass ``filters``, in order (for an export)."""
    query = _filtered(select(RosterFinding), run.id, filters).order_by(col(RosterFinding.id))
    return session.exec(query.execution_options(yield_per=1000))


def resolved(
    session: Session, run: RosterRun, *, township: str | None = None, limit: int = 200
) -> tuple[int, list[FindingPublic]]:
    """The previous run's findings this run no longer has (how many, and the first ones)."""
    if run.previous_run_id is None:
        return 0, []
    still = select(RosterFinding.key).where(RosterFinding.run_id == run.id)
    filters = FindingFilters(township=township)
    gone = _filtered(select(RosterFinding), run.previous_run_id, filters).where(
        col(RosterFinding.key).not_in(still)
    )
    count = session.exec(select(func.count()).select_from(gone.subquery())).one()
    rows = session.exec(gone.order_by(col(RosterFinding.id)).limit(limit)).all()
    return count, [public_finding(r) for r in rows]


def summary(session: Session, run: RosterRun, *, township: str | None) -> RunSummary:
    """Counts by township and category (one township, or all), new and resolved."""
    query = (
        select(RosterFindingTownship.township, RosterFinding.category, func.count())
        .join(RosterFinding, col(RosterFinding.id) == RosterFindingTownship.finding_id)
        .where(RosterFindingTownship.run_id == run.id)
        .group_by(RosterFindingTownship.township, RosterFinding.category)
    )
    if township:
        query = query.where(RosterFindingTownship.township == township)
    by_township: dict[str, dict[str, int]] = {}
    for place, category, count in session.exec(query).all():
        by_township.setdefault(place, dict.fromkeys(ROSTER_FINDINGS, 0))[category] = count
    rows = [TownshipCounts(township=place, counts=counts, total=sum(counts.values()))
            for place, counts in sorted(by_township.items(), key=lambda i: -sum(i[1].values()))]  # fmt: skip
    filters = FindingFilters(township=township)
    if township:
        counts = dict.fromkeys(ROSTER_FINDINGS, 0)
        for category, count in session.exec(
            _filtered(select(RosterFinding.category, func.count()), run.id, filters).group_by(
                RosterFinding.category
            )
        ).all():
            counts[category] = count
    else:
        counts = {category: run.counts.get(category, 0) for category in ROSTER_FINDINGS}
    new = session.exec(
        _filtered(select(func.count(RosterFinding.id)), run.id,
                  FindingFilters(township=township, new_only=True))
    ).one()  # fmt: skip
    gone, _ = resolved(session, run, township=township, limit=0)
    return RunSummary(
        run=public_run(run),
        township=township,
        counts=counts,
        by_township=rows,
        new=new,
        resolved=gone,
        errors=[] if township else [RowErrorPublic(**e) for e in run.errors],
    )


def visible_finding(session: Session, user: User, finding_id: int) -> RosterFinding | None:
    """The finding if ``user`` may open it (county staff any, township staff their
    township's), else None (the caller answers 404)."""
    if user.role not in (Role.county_admin, Role.township_staff) or not 0 < finding_id < 2**63:
        return None
    row = session.get(RosterFinding, finding_id)
    if row is None or user.role == Role.county_admin:
        return row
    place = session.get(RosterFindingTownship, (finding_id, user.township or ""))
    return row if place is not None else None

"""The runs of the cross-check the console keeps (三(三)1, 按季开展): a run is recorded with
its date, S and L, the two files' names and SHA-256 checksums and who ran it; each finding
with its key, so the next quarter's run tells what is new (``is_new``) and what was
resolved (the previous run's findings it no longer has). An outcome staff recorded on a
finding that is still there is carried over to the new run.

Reading the results (filters, counts, resolved, who sees what) is ``cases.rosters.results``.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import insert
from sqlmodel import Session, col, select

from cases.audit import record_audit
from cases.parameters import current_parameters
from cases.rosters.check import CheckResult, check_rosters
from cases.rosters.findings import Finding
from cases.rosters.models import RosterFinding, RosterFindingTownship, RosterRun
from cases.rosters.reading import RosterFile
from cases.rosters.tables import FindingRow, rows_text
from core.masking import mask_personal
from core.phones import normalise_phone
from core.security import IdentityCipher, mask_id_number, mask_name, mask_phone

CARRIED = ("outcome", "outcome_note", "outcome_by", "outcome_at", "case_id", "invited_at")
BATCH = 2000
#: A finding row's columns before the finding fills them in.
_EMPTY = {"kind": None, "roster": None, "household": None, "village": "", "name_masked": "",
          "phone_masked": None, "is_new": False, "member_hashes": [],
          "details_encrypted": None, **dict.fromkeys(CARRIED)}  # fmt: skip


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
    """Keep a run and its findings; compare them with the previous run. Findings are
    written in bulk (a quarter's check of a county finds tens of thousands)."""
    previous = session.exec(select(RosterRun).order_by(col(RosterRun.id).desc())).first()
    earlier: dict[str, dict] = {}
    if previous is not None:
        carried = [getattr(RosterFinding, name) for name in CARRIED]
        query = select(RosterFinding.key, *carried).where(RosterFinding.run_id == previous.id)
        for key, *values in session.exec(query):
            earlier[key] = dict(zip(CARRIED, values, strict=True))
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
    rows = []
    for finding in result.findings:
        row = _stored(finding, run.id, cipher)
        if previous is not None:
            row["is_new"] = row["key"] not in earlier
            row.update(earlier.get(row["key"], {}))
        rows.append(row)
    connection = session.connection()
    table = RosterFinding.__table__
    ids = []
    for start in range(0, len(rows), BATCH):
        batch = rows[start : start + BATCH]
        inserted = connection.execute(
            insert(table).returning(table.c.id, sort_by_parameter_order=True), batch
        )
        ids += inserted.scalars().all()
    places = [{"finding_id": finding_id, "township": township, "run_id": run.id}
              for finding_id, finding in zip(ids, result.findings, strict=True)
              for township in finding.townships]  # fmt: skip
    for start in range(0, len(places), BATCH):
        connection.execute(insert(RosterFindingTownship.__table__), places[start : start + BATCH])
    run.new_count = sum(1 for row in rows if row["is_new"])
    run.resolved_count = len(earlier.keys() - {row["key"] for row in rows})
    session.add(run)
    session.flush()
    return run


def run_check(
    session: Session,
    *,
    dibao: RosterFile,
    registered_poor: RosterFile,
    on: date,
    actor: str,
    cipher: IdentityCipher,
) -> RosterRun:
    """Check two uploaded rosters with the parameters in force (staff values included) and
    keep the run; raises ``RosterFileError`` or ``InputError`` (nothing kept then)."""
    result = check_rosters(dibao, registered_poor, on=on, parameters=current_parameters(session),
                           digest=cipher.lookup_digest)  # fmt: skip
    files = {source.roster: StoredFile(source.name, checksum(source.path))
             for source in (dibao, registered_poor)}  # fmt: skip
    run = record_run(session, result=result, files=files, actor=actor, cipher=cipher)
    record_audit(session, actor=actor, action="roster_run", run_id=run.id, on=on.isoformat(),
                 counts=run.counts, unreadable_rows=len(run.errors))  # fmt: skip
    return run


def _stored(finding: Finding, run_id: int, cipher: IdentityCipher) -> dict[str, Any]:
    """A finding as the columns of its row: masked, the household's facts encrypted."""
    h = finding.household
    row = dict(_EMPTY, run_id=run_id, key=finding.key, category=finding.category,
               kind=finding.kind, clause=finding.clause, reason=finding.reason,
               households=[{"roster": r, "household": n, "township": t}
                           for r, n, t in finding.households],
               rows=[{"file": f, "row": r} for f, r in finding.rows],
               township=finding.townships[0] if finding.townships else "",
               id_masked=finding.id_masked or "")  # fmt: skip
    if h is None:
        row["household"] = "、".join(n for _, n, _ in finding.households)[:64]
        return row
    phone = normalise_phone(h.phone)
    row.update(roster=h.roster, household=h.number, village=h.village,
               name_masked=mask_name(h.first.name) or "",
               id_masked=mask_id_number(h.first.id_number) or "", phone_masked=mask_phone(phone),
               member_hashes=[m.digest.hex() for m in h.members])  # fmt: skip
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
    row["details_encrypted"] = cipher.encrypt(json.dumps(details, ensure_ascii=False))
    return row


def _plain(value):
    return value if value is None or isinstance(value, bool | int | str) else str(value)


def table_row(row: RosterFinding) -> FindingRow:
    """A stored finding as a row of the export (masked), with what staff recorded."""
    return FindingRow(
        category=row.category,
        kind=row.kind,
        clause=row.clause,
        roster=row.roster,
        household=row.household or "",
        township="、".join(dict.fromkeys(h.get("township", "") for h in row.households)),
        village=row.village,
        name_masked=row.name_masked,
        id_masked=row.id_masked,
        reason=row.reason,
        rows=rows_text((r["file"], r["row"]) for r in row.rows),
        new=row.is_new,
        outcome=row.outcome,
        note=row.outcome_note,
    )


def details(row: RosterFinding, cipher: IdentityCipher) -> dict | None:
    """The household's facts kept with a finding (decrypted), or None."""
    if not row.details_encrypted:
        return None
    return json.loads(cipher.decrypt(row.details_encrypted))

"""A run's results as staff read them (信息比对): the runs, a run's findings by township and
category, filters and pages, what it resolved since the previous run, and who may open a
finding — township staff their own township's (``RosterFindingTownship``), as
``cases.access.township_scope`` rules every list."""

from __future__ import annotations

from pydantic import BaseModel
from sqlalchemy import func
from sqlmodel import Session, col, select

from accounts.models import Role, User
from cases.rosters.models import RosterFinding, RosterFindingTownship, RosterRun
from cases.rosters.shapes import (
    FindingPage,
    FindingPublic,
    RowErrorPublic,
    RunPublic,
    RunSummary,
    TownshipCounts,
)
from core.database import MAX_ROW_ID
from policy.glossary import ROSTER_FINDINGS


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
    if (
        user.role not in (Role.county_admin, Role.township_staff)
        or not 0 < finding_id <= MAX_ROW_ID
    ):
        return None
    row = session.get(RosterFinding, finding_id)
    if row is None or user.role == Role.county_admin:
        return row
    place = session.get(RosterFindingTownship, (finding_id, user.township or ""))
    return row if place is not None else None

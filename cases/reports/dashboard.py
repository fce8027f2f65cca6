"""Dashboard counts (统计): cases by township, by procedure step and by programme."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func
from sqlmodel import Session, col, select

from cases.assessment import NAMES
from cases.models import Case, CaseProgramme, CaseStatus
from cases.procedure import LABELS
from cases.shapes import Count, Dashboard


def counts(
    session: Session, *, township: str | None = None, today: date | None = None
) -> Dashboard:
    where = [Case.township == township] if township else []
    pairs = session.exec(
        select(Case.township, Case.status, func.count())
        .where(*where)
        .group_by(Case.township, Case.status)
    ).all()
    by_township: dict[str, int] = {}
    by_status: dict[CaseStatus, int] = {}
    for name, status, count in pairs:
        by_township[name] = by_township.get(name, 0) + count
        by_status[status] = by_status.get(status, 0) + count
    programmes = session.exec(
        select(CaseProgramme.programme, func.count())
        .join(Case, col(Case.id) == CaseProgramme.case_id)
        .where(*where)
        .group_by(CaseProgramme.programme)
    ).all() if township else session.exec(
        select(CaseProgramme.programme, func.count()).group_by(CaseProgramme.programme)
    ).all()  # fmt: skip
    by_programme = dict(programmes)
    horizon = (today or date.today()) + timedelta(days=30)
    due = session.exec(
        select(func.count())
        .select_from(Case)
        .where(*where, Case.status == CaseStatus.approved, col(Case.next_review_on) <= horizon)
    ).one()
    handoff = session.exec(
        select(func.count()).select_from(Case).where(*where, col(Case.handoff_requested))
    ).one()
    return Dashboard(
        township=township,
        total=sum(by_township.values()),
        by_township=[
            Count(key=name, label=name, count=count)
            for name, count in sorted(by_township.items(), key=lambda item: -item[1])
        ],
        by_status=[
            Count(key=status.value, label=LABELS[status], count=by_status.get(status, 0))
            for status in CaseStatus
        ],
        by_programme=[
            Count(key=name, label=label, count=by_programme.get(name, 0))
            for name, label in NAMES.items()
        ],
        handoff_requested=handoff,
        due_for_review=due,
    )

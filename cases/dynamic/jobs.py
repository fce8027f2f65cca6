"""The scheduler's job table (``ScheduledJob``), claimed like the outbox.

Why a table of our own and not a scheduling library: the jobs are few (a few SMS per review),
must survive restarts, must run once however many API processes run, and must be planned
once per step (``key`` is unique: "review_invite:42" is planned once, so its SMS is sent
once). The store already does all of that on SQLite and PostgreSQL, with the outbox's
claiming; a library (APScheduler's SQLAlchemy job store, Celery beat) would add a second
queue beside the outbox and still not know "once per step" (docs/dynamic_management.md).

Claims: ``SELECT … FOR UPDATE SKIP LOCKED`` on PostgreSQL; on SQLite a conditional ``UPDATE``
per row (compare-and-set on status and attempts). A claimed job is leased for
``lease_seconds``; a worker that dies leaves it to be claimed again when the lease ends."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, or_, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col, select

from cases.dynamic.models import JobStatus, ScheduledJob
from core.database import utcnow

J = ScheduledJob.__table__


@dataclass(frozen=True)
class Claimed:
    id: int
    kind: str
    key: str
    case_id: int | None
    review_id: int | None
    attempts: int


def plan(
    session: Session,
    *,
    kind: str,
    key: str,
    run_at: datetime,
    case_id: int | None = None,
    review_id: int | None = None,
) -> bool:
    """Plan a job once: True if this call planned it, False if ``key`` was planned before."""
    dialect = {"postgresql": postgresql, "sqlite": sqlite}[session.get_bind().dialect.name]
    statement = (
        dialect.insert(J)
        .values(
            kind=kind,
            key=key,
            run_at=run_at,
            case_id=case_id,
            review_id=review_id,
            status=JobStatus.pending,
            attempts=0,
            created_at=utcnow(),
        )  # fmt: skip
        .on_conflict_do_nothing(index_elements=["key"])
        .returning(J.c.id)
    )
    return session.connection().execute(statement).first() is not None


def claim(
    session: Session, *, worker: str, limit: int = 20, lease_seconds: float = 300,
    now: datetime | None = None,
) -> list[Claimed]:  # fmt: skip
    """Claim due jobs (and jobs whose worker's lease ran out), oldest first; commits."""
    now = now or utcnow()
    due = or_(
        and_(col(ScheduledJob.status) == JobStatus.pending, col(ScheduledJob.run_at) <= now),
        and_(col(ScheduledJob.status) == JobStatus.running, col(ScheduledJob.locked_until) < now),
    )
    query = select(ScheduledJob).where(due).order_by(col(ScheduledJob.run_at), col(ScheduledJob.id))
    lease = now + timedelta(seconds=lease_seconds)
    claimed: list[Claimed] = []
    if session.get_bind().dialect.name == "postgresql":
        for row in session.exec(query.limit(limit).with_for_update(skip_locked=True)).all():
            row.status, row.locked_by, row.locked_until = JobStatus.running, worker, lease
            row.attempts += 1
            session.add(row)
            claimed.append(Claimed(row.id, row.kind, row.key, row.case_id, row.review_id,
                                   row.attempts))  # fmt: skip
    else:
        for row in session.exec(query.limit(limit)).all():
            seen = (row.id, row.status, row.attempts)
            result = session.execute(
                update(ScheduledJob)
                .where(
                    col(ScheduledJob.id) == seen[0],
                    col(ScheduledJob.status) == seen[1],
                    col(ScheduledJob.attempts) == seen[2],
                )  # fmt: skip
                .values(
                    status=JobStatus.running,
                    locked_by=worker,
                    locked_until=lease,
                    attempts=seen[2] + 1,
                )  # fmt: skip
                .execution_options(synchronize_session=False)
            )
            if result.rowcount == 1:
                claimed.append(Claimed(seen[0], row.kind, row.key, row.case_id, row.review_id,
                                       seen[2] + 1))  # fmt: skip
    session.commit()
    return claimed


def _finish(session: Session, job_id: int, worker: str, **values) -> bool:
    result = session.execute(
        update(ScheduledJob)
        .where(
            col(ScheduledJob.id) == job_id,
            col(ScheduledJob.locked_by) == worker,
            col(ScheduledJob.status) == JobStatus.running,
        )  # fmt: skip
        .values(locked_until=None, **values)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1


def complete(session: Session, *, job_id: int, worker: str) -> bool:
    """Done (in the caller's transaction, with what the job did): never run again."""
    return _finish(session, job_id, worker, status=JobStatus.done, done_at=utcnow(),
                   last_error=None)  # fmt: skip


def postpone(session: Session, *, job_id: int, worker: str, run_at: datetime) -> bool:
    """Not now (quiet hours): pending again at ``run_at``; the try does not count."""
    return _finish(session, job_id, worker, status=JobStatus.pending, run_at=run_at,
                   attempts=ScheduledJob.attempts - 1)  # fmt: skip


def retry(
    session: Session, *, job_id: int, worker: str, attempts: int, error: str,
    max_attempts: int = 8, backoff_seconds: float = 60,
    now: datetime | None = None,
) -> str:  # fmt: skip
    """A failed try: pending again after backoff · 2^(attempts-1) s, or failed after the last."""
    if attempts >= max_attempts:
        _finish(session, job_id, worker, status=JobStatus.failed, last_error=error[:500])
        session.commit()
        return JobStatus.failed
    run_at = (now or utcnow()) + timedelta(seconds=backoff_seconds * 2 ** (attempts - 1))
    _finish(session, job_id, worker, status=JobStatus.pending, run_at=run_at,
            last_error=error[:500])  # fmt: skip
    session.commit()
    return JobStatus.pending

"""The job table under concurrent claimers (threads, each with its own connection), on
SQLite and, in the PostgreSQL pass, on PostgreSQL: every job runs exactly once."""

from __future__ import annotations

import threading
from datetime import timedelta

from sqlmodel import Session, select

from cases.dynamic import jobs
from cases.dynamic.models import JobStatus, ScheduledJob
from core.database import utcnow


def test_a_job_is_planned_once_per_key(engine):
    with Session(engine) as session:
        assert jobs.plan(session, kind="k", key="review_invite:1", run_at=utcnow())
        assert not jobs.plan(session, kind="k", key="review_invite:1", run_at=utcnow())
        session.commit()
        assert len(session.exec(select(ScheduledJob)).all()) == 1


def test_concurrent_claimers_run_each_job_once(engine):
    with Session(engine) as session:
        for n in range(60):
            jobs.plan(session, kind="k", key=f"job:{n}", run_at=utcnow() - timedelta(seconds=1))
        session.commit()
    done: list[int] = []
    lock = threading.Lock()
    errors: list[BaseException] = []

    def worker(name: str) -> None:
        try:
            while True:
                with Session(engine) as session:
                    claimed = jobs.claim(session, worker=name, limit=5)
                if not claimed:
                    return
                with Session(engine) as session:
                    for job in claimed:
                        assert jobs.complete(session, job_id=job.id, worker=name)
                    session.commit()
                with lock:
                    done.extend(job.id for job in claimed)
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=worker, args=(f"w{n}",)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not errors, errors
    assert sorted(done) == sorted(set(done)) and len(done) == 60
    with Session(engine) as session:
        assert {j.status for j in session.exec(select(ScheduledJob)).all()} == {JobStatus.done}


def test_a_job_left_by_a_dead_worker_is_claimed_again_after_its_lease(engine):
    with Session(engine) as session:
        jobs.plan(session, kind="k", key="job:dead", run_at=utcnow() - timedelta(seconds=1))
        session.commit()
        [first] = jobs.claim(session, worker="dead", lease_seconds=60)
        assert jobs.claim(session, worker="alive") == []
        [again] = jobs.claim(session, worker="alive", now=utcnow() + timedelta(seconds=61))
        assert again.id == first.id and again.attempts == 2
        assert not jobs.complete(session, job_id=first.id, worker="dead")  # its lease is gone
        assert jobs.complete(session, job_id=first.id, worker="alive")

"""The scheduler of 动态管理: each round plans what is due (reviews to open, reminders, 未回复,
clocks missing) and runs the jobs that are due, claimed from the job table (``jobs``) so
that several workers run each job once and a restart loses nothing.

Jobs:
- ``review_invite``: the assistant starts the review conversation (Rasa's trigger_intent,
  ``start_review``); its question goes to the household by SMS through the outbox.
- ``review_reminder``: the household is reminded once.

No SMS in the quiet hours: a job claimed then is postponed to their end. In the API process
the loop runs beside the channels' workers (``SchedulerService``); ``intake scheduler run``
runs it alone.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import Session

from cases.dynamic import jobs, notices, reviews
from cases.dynamic.clock import ensure_clocks, local_day
from cases.dynamic.models import Review, ReviewStatus
from cases.models import Case
from channels.triggers import TriggerFailed, trigger_intent
from channels.wording import render_sms
from core.database import utcnow
from core.quiet_hours import is_quiet, next_sending_time
from core.security import IdentityCipher
from core.settings import Settings

log = logging.getLogger(__name__)
START_REVIEW = "start_review"  # the intent of bot/domain/review.yml

Trigger = Callable[[str], list[dict[str, Any]]]


class Scheduler:
    def __init__(self, settings: Settings, engine: Engine, *, trigger: Trigger | None = None,
                 worker: str | None = None):  # fmt: skip
        self.settings = settings
        self.engine = engine
        self.trigger = trigger or (
            lambda sender: trigger_intent(settings, sender=sender, intent=START_REVIEW)
        )
        self.worker = worker or f"scheduler-{uuid.uuid4().hex[:12]}"
        self.cipher = IdentityCipher(settings.data_key)

    def run_once(self, *, today: date | None = None, now: datetime | None = None) -> dict:
        """One round: plan, then run what is due. ``today`` and ``now`` move time in tests."""
        now = now or utcnow()
        planned = self.plan(today=today or local_day(now), now=now)
        return {**planned, "ran": self.run_due(now=now)}

    def plan(self, *, today: date, now: datetime) -> dict:
        with Session(self.engine) as session:
            clocks = ensure_clocks(session)
            opened = reviews.open_due_reviews(session, settings=self.settings, today=today,
                                              now=now)  # fmt: skip
            reminders = reviews.plan_reminders(session, settings=self.settings, now=now)
            session.commit()
        return {"clocks": clocks, "opened": opened, "reminders": reminders}

    def run_due(self, *, now: datetime, limit: int = 20) -> int:
        with Session(self.engine) as session:
            claimed = jobs.claim(session, worker=self.worker, limit=limit, now=now)
        for job in claimed:
            try:
                self.run_job(job, now=now)
            except Exception as error:  # noqa: BLE001 - the job is tried again later
                log.warning("job %s failed: %s", job.key, error)
                with Session(self.engine) as session:
                    jobs.retry(session, job_id=job.id, worker=self.worker, attempts=job.attempts,
                               error=f"{type(error).__name__}: {error}", now=now)  # fmt: skip
        return len(claimed)

    def run_job(self, job: jobs.Claimed, *, now: datetime) -> None:
        handler = {reviews.INVITE: self._invite, reviews.REMINDER: self._remind}.get(job.kind)
        if handler is None:
            raise ValueError(f"unknown job kind {job.kind}")
        handler(job, now)

    def _start(self, session: Session, job: jobs.Claimed, now: datetime, wanted: str):
        """The job's review and case if there is still something to do, else None (the
        job is then done). Postponed in the quiet hours."""
        review = session.get(Review, job.review_id) if job.review_id else None
        if review is None or review.status != wanted:
            jobs.complete(session, job_id=job.id, worker=self.worker)
            session.commit()
            return None
        if is_quiet(now, self.settings):
            jobs.postpone(session, job_id=job.id, worker=self.worker,
                          run_at=next_sending_time(now, self.settings))  # fmt: skip
            session.commit()
            return None
        case = session.get(Case, review.case_id)
        why = notices.why_unreachable(session, case)
        conversation = notices.conversation_of(session, case, cipher=self.cipher)
        if why or conversation is None:
            review.status, review.no_reply_reason, review.updated_at = (
                ReviewStatus.no_reply, why or "no_phone", utcnow())  # fmt: skip
            session.add(review)
            jobs.complete(session, job_id=job.id, worker=self.worker)
            session.commit()
            return None
        return review, case, conversation

    def _invite(self, job: jobs.Claimed, now: datetime) -> None:
        with Session(self.engine) as session:
            started = self._start(session, job, now, ReviewStatus.planned)
            if started is None:
                return
            _, case, conversation = started
            case_id = case.id
        # Outside any transaction: Rasa may take seconds. The assistant starts the review
        # in the resident's conversation; its words go as the 复查提醒 notice.
        replies = self.trigger(conversation)
        texts = render_sms(replies)
        if not texts:
            raise TriggerFailed("the assistant said nothing")
        with Session(self.engine) as session:
            review = session.get(Review, job.review_id)
            case = session.get(Case, case_id)
            notices.review_started(session, case, question="\n".join(texts),
                                   settings=self.settings, now=now)  # fmt: skip
            if review.status == ReviewStatus.planned:  # (an answer may have come meanwhile)
                review.status = ReviewStatus.asked
            review.asked_at = review.updated_at = now
            session.add(review)
            jobs.complete(session, job_id=job.id, worker=self.worker)
            session.commit()

    def _remind(self, job: jobs.Claimed, now: datetime) -> None:
        with Session(self.engine) as session:
            started = self._start(session, job, now, ReviewStatus.asked)
            if started is None:
                return
            review, case, _ = started
            notices.review_reminded(session, case, settings=self.settings, now=now)
            review.status, review.reminded_at, review.updated_at = ReviewStatus.reminded, now, now
            session.add(review)
            jobs.complete(session, job_id=job.id, worker=self.worker)
            session.commit()


class SchedulerService:
    """The scheduler's loop in the API process (``settings.scheduler_workers``)."""

    def __init__(self, settings: Settings, engine: Engine, scheduler: Scheduler | None = None):
        self.settings = settings
        self.scheduler = scheduler or Scheduler(settings, engine)
        self._task: asyncio.Task | None = None

    async def start(self, *, workers: bool = True) -> None:
        if workers and self.settings.scheduler_workers:
            self._task = asyncio.create_task(self._loop())

    async def _loop(self) -> None:
        while True:
            try:
                await asyncio.to_thread(self.scheduler.run_once)
            except asyncio.CancelledError:
                raise
            except Exception:  # noqa: BLE001 - the next round tries again
                log.exception("scheduler round failed")
            await asyncio.sleep(self.settings.scheduler_interval)

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
            self._task = None

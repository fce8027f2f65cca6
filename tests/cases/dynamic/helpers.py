"""Approved cases for the 动态管理 tests, and moments in Fengjie's day."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from cases.models import CaseStatus
from cases.procedure import move
from tests.console_seed import file_assessed

S = CaseStatus
PATH = (S.visited, S.appraised, S.publicised, S.approved)


def shanghai(day: date, hour: int = 10, minute: int = 0) -> datetime:
    """A moment of ``day`` at ``hour`` Asia/Shanghai (UTC+8), as the store keeps it (UTC)."""
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=timezone.utc) - timedelta(
        hours=8
    )


def approved_case(session, cipher, *, klass: str = "C", approved_on: date | None = None, **kw):
    """A case filed and approved on ``approved_on`` (class ``klass``): its review date is
    ``approved_on`` plus the class's cycle (C: 3 months)."""
    case = file_assessed(session, cipher, **kw)
    for step in PATH:
        move(session, case, to=step, actor="tuxiang", klass=klass if step == S.approved else None,
             today=approved_on)  # fmt: skip
    session.commit()
    return case


class FakeAssistant:
    """Stands in for Rasa's trigger_intent: records the senders, answers the question."""

    def __init__(self, fail: bool = False):
        self.senders: list[str] = []
        self.fail = fail

    def __call__(self, sender: str) -> list[dict]:
        self.senders.append(sender)
        if self.fail:
            from channels.triggers import TriggerFailed

            raise TriggerFailed("rasa: ConnectError")
        return [{"recipient_id": sender, "text": "您好，这里是奉节县低保复查。最近家里情况有变化吗？"
                 "没变化请回“没变”；有变化请直接说。"}]  # fmt: skip

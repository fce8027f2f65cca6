"""`intake notices remind-reviews` as a deployment runs it daily: a separate process with
DATABASE_URL in its environment."""

import os
import subprocess
from datetime import date, timedelta

from sqlmodel import Session, select

from cases.models import CaseStatus
from channels.models import OutboundMessage
from tests.cli.test_users import INTAKE
from tests.console_seed import file_assessed


def test_remind_reviews_queues_each_reminder_once(database_url, engine, cipher):
    with Session(engine) as session:
        case = file_assessed(session, cipher)
        case.status, case.next_review_on = CaseStatus.approved, date.today() + timedelta(days=3)
        session.add(case)
        session.commit()
    env = {**os.environ, "DATABASE_URL": database_url}
    for expected in ("1 review reminders queued", "0 review reminders queued"):
        done = subprocess.run([INTAKE, "notices", "remind-reviews"], capture_output=True,
                              text=True, env=env, timeout=60)  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert expected in done.stdout
    with Session(engine) as session:
        kinds = session.exec(select(OutboundMessage.notice_kind)).all()
    assert sorted(kinds) == ["filed", "review_reminder"]

"""`intake outbox run` as a deployment runs it: a separate process with DATABASE_URL and
Twilio's credentials in its environment, sending what the API queued."""

import os
import subprocess
import sys
from pathlib import Path

from sqlmodel import Session

from channels import outbox
from channels.models import OutboundMessage, OutboxStatus
from tests.twilio_fakes import ACCOUNT_SID, AUTH_TOKEN, FROM_NUMBER, FakeTwilio

ROOT = Path(__file__).resolve().parents[2]


def test_outbox_run_once_sends_what_is_due(database_url, engine):
    with Session(engine) as session:
        ids = [outbox.enqueue(session, to_number="+8613800000001", body=b).id for b in "一二"]
        session.commit()
    with FakeTwilio() as twilio:
        env = {
            **os.environ,
            "ENVIRONMENT": "test",
            "DATABASE_URL": database_url,
            "TWILIO_ACCOUNT_SID": ACCOUNT_SID,
            "TWILIO_AUTH_TOKEN": AUTH_TOKEN,
            "TWILIO_FROM_NUMBER": FROM_NUMBER,
            "TWILIO_API_BASE_URL": twilio.url,
        }
        done = subprocess.run(
            [sys.executable, "-m", "cli.main", "outbox", "run", "--once"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
        assert twilio.bodies("+8613800000001") == ["一", "二"]
    with Session(engine) as session:
        rows = [session.get(OutboundMessage, i) for i in ids]
        assert [row.status for row in rows] == [OutboxStatus.sent, OutboxStatus.sent]

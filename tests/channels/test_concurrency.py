"""Several processes on one PostgreSQL store, as several API processes run: the outbox's
claim (`SELECT … FOR UPDATE SKIP LOCKED`) hands each message to one worker once, and a
number's messages go out in order; the per-number lease lets one process at a time answer
a number, oldest message first. Each contender is a real process
(`tests/channels/contenders.py`) with its own engine and connections."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest
from sqlmodel import Session, select

from channels import inbox, outbox
from channels.inbox import ReplyVia
from channels.models import Message, OutboundMessage, OutboxStatus
from core.database import make_engine
from core.security import IdentityCipher
from core.settings import DEV_DATA_KEY

pytestmark = pytest.mark.postgresql
ROOT = Path(__file__).resolve().parents[2]
CIPHER = IdentityCipher(DEV_DATA_KEY)


def contend(mode: str, database_url: str, folder: Path, count: int) -> list[list]:
    """Run `count` contenders at once; what each did."""
    go = folder / f"go-{mode}"
    command = [sys.executable, "-m", "tests.channels.contenders", mode, database_url, str(go)]
    processes = [
        subprocess.Popen(
            [*command, f"worker-{n}"],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )  # fmt: skip
        for n in range(count)
    ]
    try:
        for process in processes:
            assert process.stdout.readline().strip() == "ready"
        go.touch()
        results = []
        for process in processes:
            out, _ = process.communicate(timeout=120)
            assert process.returncode == 0
            results.append(json.loads(out.strip().splitlines()[-1]))
        return results
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()


def test_four_workers_claim_each_outbox_message_once_and_in_order_per_number(
    database_url, tmp_path
):
    engine = make_engine(database_url)
    numbers = [f"+86138000{n:05d}" for n in range(40)]
    with Session(engine) as session:
        for number in numbers:  # a reply of three segments to each number
            for segment in range(3):
                outbox.enqueue(session, to_number=number, body=f"第{segment + 1}段")
        session.commit()

    work = contend("outbox", database_url, tmp_path, count=4)

    claimed = [message_id for worker in work for message_id, _, _ in worker]
    assert len(claimed) == len(set(claimed)) == 120  # each message once
    assert sum(1 for worker in work if worker) >= 2  # the claims really overlapped
    with Session(engine) as session:
        rows = session.exec(select(OutboundMessage)).all()
    assert {row.status for row in rows} == {OutboxStatus.sent}
    assert {row.attempts for row in rows} == {1}
    sent_at = {message_id: ns for worker in work for message_id, _, ns in worker}
    by_number = defaultdict(list)
    for row in sorted(rows, key=lambda row: row.id):
        by_number[row.to_number].append(sent_at[row.id])
    for number, times in by_number.items():
        assert times == sorted(times), f"{number}: segments out of order"
    engine.dispose()


def test_two_processes_answer_a_number_one_at_a_time_oldest_first(database_url, tmp_path):
    engine = make_engine(database_url)
    phones = [f"+8613900000{n:03d}" for n in range(4)]
    with Session(engine) as session:
        for turn in range(6):
            for phone in phones:
                inbox.receive(session, external_id=f"SM{phone}-{turn}", phone=phone,
                              text=f"第{turn}条", channel="sms", reply_via=ReplyVia.outbox,
                              helpline="12345", cipher=CIPHER)  # fmt: skip

    work = contend("lease", database_url, tmp_path, count=2)

    turns = [turn for worker in work for turn in worker]
    assert sorted(message_id for message_id, *_ in turns) == sorted(
        {message_id for message_id, *_ in turns}
    )  # each message answered once
    assert len(turns) == 24
    assert all(work), "both processes answered"
    by_phone = defaultdict(list)
    for message_id, phone, start, end in turns:
        by_phone[phone].append((start, end, message_id))
    for phone, spans in by_phone.items():
        spans.sort()
        for (_, end, earlier), (start, _, later) in zip(spans, spans[1:], strict=False):
            assert end <= start, f"{phone}: two turns at once"
            assert earlier < later, f"{phone}: a later message answered first"
    with Session(engine) as session:
        inbound = session.exec(select(Message).where(Message.direction == "in")).all()
    assert {message.status for message in inbound} == {"answered"}
    assert {message.attempts for message in inbound} == {1}
    engine.dispose()
